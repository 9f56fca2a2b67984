"""The edits the window makes, each one transaction through the repositories, each returning
the Changes it made (see ``changes.py``). Importers and tests may use the repositories
directly; everything the window writes comes through here.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from annotator.core.model import Annotation, Label, Status
from annotator.store import analyst_layers, consistency
from annotator.store.changes import Changes
from annotator.store.consistency import MissedMention, Relabelled
from annotator.store.corpus import Corpus

# --- annotations ---------------------------------------------------------------------------


def add_annotations(
    corpus: Corpus, annotations: Sequence[Annotation], *, in_progress: Collection[int] | None = None
) -> Changes:
    """Store annotations (keeping ids when given, as undo does): all of them, or none.
    ``in_progress``: the articles to mark in progress (see ``AnnotationRepository.add_many``)."""
    return Changes(added=tuple(corpus.annotations.add_many(annotations, in_progress=in_progress)))


def remove_annotations(corpus: Corpus, annotations: Sequence[Annotation]) -> Changes:
    corpus.annotations.delete_many(a.id for a in annotations)
    return Changes(removed=tuple(annotations))


def update_annotation(corpus: Corpus, old: Annotation, new: Annotation) -> Changes:
    """Write ``new`` over ``old`` (the same annotation as the caller holds it now)."""
    return Changes(changed=((old, corpus.annotations.update(new)),))


def set_status(corpus: Corpus, article_id: int, status: Status) -> Changes:
    corpus.articles.set_status(article_id, status)
    return Changes(statuses=(article_id,))


# --- the team ------------------------------------------------------------------------------


def assign(corpus: Corpus, plan: dict[str, list[int]], *, replace: bool = True) -> Changes:
    """Assign each analyst of ``plan`` its articles (``replace``: instead of what they had)."""
    corpus.team.assign(plan, replace=replace)
    return Changes(team=True)


def clear_assignments(corpus: Corpus, article_ids: list[int] | None = None) -> Changes:
    corpus.team.clear(article_ids)
    return Changes(team=True)


def set_blind(corpus: Corpus, on: bool) -> Changes:
    corpus.team.set_blind(on)
    return Changes(team=True)


def settle(
    corpus: Corpus, article_id: int, gold: str, extent: tuple[int, int] | None, add: Sequence[Annotation],
    remove: Sequence[Annotation], decision: bool | None, finished: bool | None = None,
) -> Changes:
    """One adjudication step in one transaction (see ``analyst_layers.settle``)."""
    stored = analyst_layers.settle(corpus, article_id, gold, extent, add, remove, decision, finished)
    return Changes(added=tuple(stored), removed=tuple(remove), statuses=(article_id,))


# --- labels --------------------------------------------------------------------------------


def add_label(corpus: Corpus, label: Label) -> Changes:
    return Changes(labels=(corpus.labels.add(label),))


def update_label(corpus: Corpus, label: Label) -> Changes:
    return Changes(labels=(corpus.labels.update(label),))


def reorder_labels(corpus: Corpus, ordered_ids: list[int]) -> Changes:
    corpus.labels.reorder(ordered_ids)
    return Changes(labels=tuple(corpus.labels.list()))


def delete_label(corpus: Corpus, label_id: int) -> Changes:
    """Delete a label and every annotation that carries it (``removed``, for undo)."""
    gone = corpus.annotations.for_label(label_id)
    corpus.labels.delete(label_id)
    return Changes(removed=tuple(gone), labels_removed=(label_id,))


# --- bulk edits of the review table ---------------------------------------------------------


def _pairs(before: Sequence[Annotation], after: Sequence[Annotation]) -> Changes:
    return Changes(changed=tuple(zip(before, after, strict=True)))


def relabel(corpus: Corpus, ids: Iterable[int], label_id: int) -> Changes:
    return _pairs(*corpus.review.relabel(ids, label_id))


def mark_reviewed(corpus: Corpus, ids: Iterable[int], reviewer: str) -> Changes:
    return _pairs(*corpus.review.mark_reviewed(ids, reviewer))


def unmark_reviewed(corpus: Corpus, ids: Iterable[int]) -> Changes:
    return _pairs(*corpus.review.unmark_reviewed(ids))


def rewrite_again(corpus: Corpus, done: Changes) -> Changes:
    """Write the ``after`` side of a relabel or review once more (redo; undo passes the inverse)."""
    corpus.review.restore([after for _, after in done.changed])
    return done


# --- consistency ----------------------------------------------------------------------------


def make_consistent(corpus: Corpus, key: str, label_id: int) -> Changes:
    done = consistency.make_consistent(corpus, key, label_id)
    return Changes(changed=done.changed, removed=done.removed)


def redo_consistent(corpus: Corpus, done: Changes) -> Changes:
    consistency.redo_consistent(corpus, Relabelled(done.changed, done.removed))
    return done


def undo_consistent(corpus: Corpus, done: Changes) -> Changes:
    consistency.undo_consistent(corpus, Relabelled(done.changed, done.removed))
    return done.inverse()


def reject_mentions(corpus: Corpus, mentions: Sequence[MissedMention]) -> Changes:
    consistency.reject(corpus, mentions)
    return Changes(mentions=len(mentions))


def unreject_mentions(corpus: Corpus, mentions: Sequence[MissedMention]) -> Changes:
    consistency.unreject(corpus, mentions)
    return Changes(mentions=len(mentions))
