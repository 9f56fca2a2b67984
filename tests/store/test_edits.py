"""Every edit the window makes returns what it changed; undoing is writing its inverse."""

from __future__ import annotations

from annotator.core.model import Annotation, Label, Status
from annotator.store import edits
from annotator.store.changes import NOTHING, Changes
from annotator.store.consistency import conflicts


def _article(corpus, text="Foshan and foshan and FOSHAN.\n"):
    return corpus.articles.add("A", text)


def test_adding_and_removing_annotations_report_them(corpus):
    article = _article(corpus)
    added = edits.add_annotations(corpus, [Annotation(None, article.id, 1, 0, 6, "Foshan", "mei")])
    assert len(added.added) == 1 and added.added[0].id is not None
    assert added.touched_articles == [article.id] and not added.changed and bool(added)
    removed = edits.remove_annotations(corpus, added.added)
    assert removed.removed == added.added and removed == added.inverse()
    assert corpus.annotations.count() == 0


def test_update_and_status_report_before_and_after(corpus):
    article = _article(corpus)
    stored = edits.add_annotations(corpus, [Annotation(None, article.id, 1, 0, 6, "Foshan", "mei")]).added[0]
    changes = edits.update_annotation(corpus, stored, stored._replace(label_id=2))
    assert changes.changed[0][0] == stored and changes.changed[0][1].label_id == 2
    assert changes.touched_articles == []  # a new label changes neither the count nor the status
    status = edits.set_status(corpus, article.id, Status.DONE)
    assert status.statuses == (article.id,) and status.touched_articles == [article.id]


def test_label_edits_report_the_labels_and_a_deletion_its_annotations(corpus):
    article = _article(corpus)
    label = edits.add_label(corpus, Label(None, "City", "CITY", "#123456")).labels[0]
    assert label.id is not None
    edits.add_annotations(corpus, [Annotation(None, article.id, label.id, 0, 6, "Foshan", "mei")])
    gone = edits.delete_label(corpus, label.id)
    assert gone.labels_removed == (label.id,) and [a.text for a in gone.removed] == ["Foshan"]
    assert gone.labels_changed and gone.touched_articles == [article.id]
    order = [lab.id for lab in corpus.labels.list()][::-1]
    assert [lab.id for lab in edits.reorder_labels(corpus, order).labels] == order


def test_review_edits_and_their_undo(corpus):
    article = _article(corpus)
    stored = edits.add_annotations(corpus, [Annotation(None, article.id, 1, 0, 6, "Foshan", "mei")]).added
    done = edits.relabel(corpus, [a.id for a in stored], 2)
    assert [(b.label_id, a.label_id) for b, a in done.changed] == [(1, 2)]
    edits.rewrite_again(corpus, done.inverse())
    assert corpus.annotations.get(stored[0].id).label_id == 1
    reviewed = edits.mark_reviewed(corpus, [stored[0].id], "yan")
    assert reviewed.changed[0][1].reviewed_by == "yan"
    assert edits.relabel(corpus, [stored[0].id], 1) == NOTHING  # nothing to change: nothing reported


def test_making_a_text_consistent_and_undoing_it(corpus):
    article = _article(corpus)
    edits.add_annotations(corpus, [
        Annotation(None, article.id, 1, 0, 6, "Foshan", "mei"),
        Annotation(None, article.id, 2, 11, 17, "foshan", "mei"),
        Annotation(None, article.id, 2, 22, 28, "FOSHAN", "mei"),
    ])
    group = conflicts(corpus)[0]
    done = edits.make_consistent(corpus, group.key, 1)
    assert len(done.changed) == 2 and {a.label_id for a in corpus.annotations.for_article(article.id)} == {1}
    undone = edits.undo_consistent(corpus, done)
    assert undone == done.inverse()
    assert sorted(a.label_id for a in corpus.annotations.for_article(article.id)) == [1, 2, 2]
    assert edits.redo_consistent(corpus, done) == done


def test_changes_compare_and_invert():
    a = Annotation(1, 1, 1, 0, 1, "x", "mei")
    b = a._replace(label_id=2)
    changes = Changes(added=(a,), changed=((a, b),), statuses=(3,))
    assert changes.inverse().removed == (a,) and changes.inverse().changed == ((b, a),)
    assert changes.inverse().inverse() == changes
    assert not Changes() and Changes(mentions=1)
