"""Bulk edits from the review table, each one QUndoCommand: Ctrl+Z undoes the whole of it.

Each command is one edit of ``store.edits`` run through ``session.apply``, which turns a failed
write into a one-line message and announces what the edit changed, so that the article view,
its annotation list and the review table all follow.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.core.model import Annotation, Label
from annotator.store import edits
from annotator.store.changes import Changes
from annotator.ui.commands import Command
from annotator.ui.i18n import tr
from annotator.ui.session import CorpusSession


class _Rewrite(Command):
    """An edit of many annotations whose state before and after the store returns."""

    def __init__(self, session: CorpusSession, ids: Sequence[int], text: str) -> None:
        super().__init__(session, text)
        self.ids = list(ids)
        self.done: Changes | None = None

    def first_write(self) -> Changes:
        raise NotImplementedError

    def apply(self) -> None:
        corpus = self.session.corpus
        if self.done is None:
            self.done = self.session.apply(self.first_write)
        else:
            self.session.apply(lambda: edits.rewrite_again(corpus, self.done))

    def revert(self) -> None:
        corpus = self.session.corpus
        self.session.apply(lambda: edits.rewrite_again(corpus, self.done.inverse()))

    @property
    def before(self) -> list[Annotation]:
        return [before for before, _ in self.done.changed] if self.done else []

    @property
    def changed(self) -> int:
        return len(self.done.changed) if self.done else 0


class RelabelMany(_Rewrite):
    def __init__(self, session: CorpusSession, ids: Sequence[int], label: Label) -> None:
        super().__init__(session, ids, tr("Relabel %n annotation(s) as {name}", None, len(ids)).format(name=label.name))
        self.label = label

    def first_write(self) -> Changes:
        return edits.relabel(self.session.corpus, self.ids, self.label.id)


class MarkReviewed(_Rewrite):
    def __init__(self, session: CorpusSession, ids: Sequence[int], reviewed: bool = True) -> None:
        text = (tr("Mark %n annotation(s) reviewed", None, len(ids)) if reviewed
                else tr("Unmark %n annotation(s) reviewed", None, len(ids)))
        super().__init__(session, ids, text)
        self.reviewed = reviewed

    def first_write(self) -> Changes:
        if self.reviewed:
            return edits.mark_reviewed(self.session.corpus, self.ids, self.session.annotator)
        return edits.unmark_reviewed(self.session.corpus, self.ids)


class DeleteMany(Command):
    """Delete annotations of any articles; undo puts them back with their ids, notes and reviews."""

    def __init__(self, session: CorpusSession, ids: Sequence[int]) -> None:
        super().__init__(session, tr("Delete %n annotation(s)", None, len(ids)))
        self.ids = list(ids)
        self.annotations: list[Annotation] = []

    def apply(self) -> None:
        if not self.annotations:
            self.annotations = self.session.corpus.review.annotations(self.ids)
        if self.annotations:
            self.session.remove_annotations(self.annotations)

    def revert(self) -> None:
        if self.annotations:
            self.session.add_annotations(self.annotations)

    @property
    def changed(self) -> int:
        return len(self.annotations)
