"""Each analyst's layer: own status, the migration that keeps every earlier status, progress, assignments."""

from __future__ import annotations

import sqlite3
from collections import Counter

import pytest
from sqlite_utils import Database

from annotator.core.assign import overlaps, plan_assignments
from annotator.core.model import Annotation, Status
from annotator.store import open_corpus
from annotator.store.corpus import APPLICATION_ID
from annotator.store.locking import CorpusDatabase
from annotator.store.migrations import migrations

TEXT = "Foshan and Jiangmen signed the Greater Bay Area plan."


def _old_corpus(path) -> None:
    """A corpus as the version before per-analyst statuses wrote it: one status per article."""
    db = CorpusDatabase(sqlite3.connect(str(path)), execute_plugins=False)
    migrations.apply(db, stop_before="m005_team")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    stamp = "2026-01-05T10:00:00.000+00:00"
    rows = [
        (1, "Labelled by two, done", "done"),
        (2, "Labelled by one, in progress", "in_progress"),
        (3, "Done without spans", "done"),
        (4, "In progress without spans", "in_progress"),
        (5, "Untouched", "new"),
    ]
    for ident, title, status in rows:
        db.execute(
            "INSERT INTO articles (id, title, text, meta, content_hash, status, created, updated)"
            " VALUES (?, ?, ?, '{}', ?, ?, ?, ?)",
            [ident, title, f"{TEXT} {ident}", f"h{ident}", status, stamp, stamp],
        )
    for ident, name in ((1, "mei"), (2, "li")):
        db.execute("INSERT INTO annotators (id, name, created) VALUES (?, ?, ?)", [ident, name, stamp])
    for article_id, who, updated in ((1, 1, "2026-02-01T09:00:00.000+00:00"), (1, 2, stamp), (2, 2, stamp)):
        db.execute(
            """INSERT INTO annotations (article_id, label_id, start, "end", text, annotator_id, created, updated)
               VALUES (?, 1, 0, 6, 'Foshan', ?, ?, ?)""",
            [article_id, who, stamp, updated],
        )
    db.conn.commit()
    db.conn.close()


def test_the_migration_keeps_every_status(tmp_path):
    path = tmp_path / "old.db"
    _old_corpus(path)
    with open_corpus(path, user="lead") as corpus:
        assert "status" not in corpus.db["articles"].columns_dict  # one place for a status: the layers
        assert corpus.layers.statuses(1) == {"li": "done", "mei": "done"}
        assert corpus.layers.statuses(2) == {"li": "in_progress"}
        # no annotations: the status goes to the user who opened the file
        assert corpus.layers.statuses(3) == {"lead": "done"}
        assert corpus.layers.statuses(4) == {"lead": "in_progress"}
        assert corpus.layers.statuses(5) == {}
        layers = {(lay.annotator, lay.article_id): lay for i in (1, 2) for lay in corpus.layers.of_article(i)}
        assert layers["mei", 1].changed == "2026-02-01T09:00:00.000+00:00"  # its last annotation's change
        assert layers["li", 1].annotations == 1
        assert corpus.articles.get(3).status is Status.DONE  # the lead's own
        assert corpus.annotations.count() == 3
    with open_corpus(path, user="mei") as corpus:
        assert corpus.stats()["articles_by_status"] == {"new": 4, "in_progress": 0, "done": 1}


def test_each_analyst_has_their_own_status(corpus):
    article = corpus.articles.add("A", TEXT)
    corpus.user = "mei"
    corpus.articles.set_status(article.id, Status.DONE)
    corpus.user = "li"
    assert corpus.articles.get(article.id).status is Status.NEW
    corpus.annotations.add(Annotation(None, article.id, 1, 0, 6, "Foshan", "li"))
    assert corpus.articles.summary(article.id).status is Status.IN_PROGRESS  # a first span starts the layer
    assert corpus.articles.get(article.id).statuses == {"li": Status.IN_PROGRESS, "mei": Status.DONE}
    assert corpus.articles.ids(status=Status.NEW) == []
    assert corpus.articles.count(status=Status.DONE) == 0
    corpus.user = "wu"
    assert corpus.articles.ids(status=Status.NEW) == [article.id]
    assert corpus.layers.article_ids(["done"], "mei") == [article.id]


def test_every_write_to_a_layer_moves_its_last_change(corpus):
    article = corpus.articles.add("A", TEXT)
    a = corpus.annotations.add(Annotation(None, article.id, 1, 0, 6, "Foshan", "mei"))
    corpus.db.execute("UPDATE layers SET changed = '2000-01-01T00:00:00.000+00:00'")
    corpus.annotations.update(a._replace(note="check"))
    (layer,) = corpus.layers.of_article(article.id)
    assert layer.changed > "2026"
    corpus.db.execute("UPDATE layers SET changed = '2000-01-01T00:00:00.000+00:00'")
    corpus.annotations.delete(a.id)
    (layer,) = corpus.layers.of_article(article.id)
    assert layer.changed > "2026" and layer.annotations == 0 and layer.status is Status.IN_PROGRESS


def test_progress_counts_assigned_articles(corpus):
    ids = [corpus.articles.add(f"A{i}", f"{TEXT} {i}").id for i in range(4)]
    corpus.team.assign({"mei": ids[:3], "li": ids[1:]})
    corpus.layers.set_status(ids[0], Status.DONE, "mei")
    corpus.annotations.add(Annotation(None, ids[1], 1, 0, 6, "Foshan", "mei"))
    corpus.layers.set_status(ids[3], Status.DONE, "wu")  # not assigned: counted over what they touched
    progress = {p.annotator: p for p in corpus.layers.progress()}
    assert (progress["mei"].assigned, progress["mei"].new, progress["mei"].in_progress, progress["mei"].done) == (
        3,
        1,
        1,
        1,
    )
    assert (progress["li"].assigned, progress["li"].new, progress["li"].done) == (3, 3, 0)
    assert (progress["wu"].assigned, progress["wu"].done) == (0, 1)
    assert corpus.team.assignees(ids[1]) == ["li", "mei"]
    assert corpus.team.assigned("mei") == ids[:3]
    corpus.team.clear([ids[1]])
    assert corpus.team.assignees(ids[1]) == [] and corpus.team.count() == 4
    corpus.team.clear()
    assert corpus.team.count() == 0


@pytest.mark.parametrize(
    ("n", "names", "k"),
    [
        (100, ["mei", "li", "wu"], 2),
        (7, ["a", "b", "c", "d", "e"], 2),
        (50, ["a", "b", "c", "d"], 3),
        (3, ["a", "b"], 1),
    ],
)
def test_assignment_plans_are_balanced_and_reproducible(n, names, k):
    ids = list(range(1, n + 1))
    plan = plan_assignments(ids, names, k, seed=4)
    assert plan == plan_assignments(list(reversed(ids)), names, k, seed=4)  # the order given does not matter
    loads = [len(v) for v in plan.values()]
    assert max(loads) - min(loads) <= 1 and sum(loads) == n * k
    per_article = Counter(i for v in plan.values() for i in v)
    assert set(per_article.values()) == {k} and set(per_article) == set(ids)
    if k > 1 and n >= 50:
        pairs = [v for a, row in overlaps(plan).items() for v in row.values()]
        assert max(pairs) - min(pairs) <= 2  # every pair of analysts shares about as many articles
    assert plan != plan_assignments(ids, names, k, seed=5) or n < 5


def test_assignment_plans_refuse_impossible_requests():
    with pytest.raises(ValueError, match="1 to 2 analysts"):
        plan_assignments([1], ["a", "b"], 3)
    with pytest.raises(ValueError, match="at least one"):
        plan_assignments([1], [" "], 1)


def test_blind_mode_is_a_corpus_setting(tmp_path):
    with open_corpus(tmp_path / "c.db") as corpus:
        assert corpus.team.blind is False
        corpus.team.set_blind(True)
    with open_corpus(tmp_path / "c.db") as corpus:
        assert corpus.team.blind is True and corpus.stats()["blind"] is True
        corpus.team.set_blind(False)
        assert Database(corpus.db.conn)["settings"].count == 0
