"""Bulk edits from the review table, each one QUndoCommand: Ctrl+Z undoes the whole of it.

Each command writes in one transaction through the store's review repository (inside
``session.writing()``, which turns a failed write into a one-line message) and announces
the change on the session's signals, as the session's own methods do, so that the article
view, its annotation list and the review table all follow.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.core.model import Annotation, Label
from annotator.ui.commands import Command
from annotator.ui.session import CorpusSession
from annotator.ui.i18n import tr


def _announce_changed(session: CorpusSession, old: Sequence[Annotation], new: Sequence[Annotation]) -> None:
    if old:
        session.annotations_changed.emit(list(zip(old, new)))
        session.saved.emit()


class _Rewrite(Command):
    """An edit of many annotations whose state before and after the store returns."""

    def __init__(self, session: CorpusSession, ids: Sequence[int], text: str) -> None:
        super().__init__(session, text)
        self.ids = list(ids)
        self.before: list[Annotation] = []
        self.after: list[Annotation] = []

    def first_write(self) -> tuple[list[Annotation], list[Annotation]]:
        raise NotImplementedError

    def apply(self) -> None:
        with self.session.writing():  # a gone, full, locked or read-only corpus refuses in one sentence
            if not self.before and not self.after:
                self.before, self.after = self.first_write()
            else:
                self.session.corpus.review.restore(self.after)
        _announce_changed(self.session, self.before, self.after)

    def revert(self) -> None:
        with self.session.writing():
            self.session.corpus.review.restore(self.before)
        _announce_changed(self.session, self.after, self.before)

    @property
    def changed(self) -> int:
        return len(self.before)


class RelabelMany(_Rewrite):
    def __init__(self, session: CorpusSession, ids: Sequence[int], label: Label) -> None:
        super().__init__(session, ids, tr("Relabel %n annotation(s) as {name}", None, len(ids)).format(name=label.name))
        self.label = label

    def first_write(self):
        return self.session.corpus.review.relabel(self.ids, self.label.id)


class MarkReviewed(_Rewrite):
    def __init__(self, session: CorpusSession, ids: Sequence[int], reviewed: bool = True) -> None:
        text = (tr("Mark %n annotation(s) reviewed", None, len(ids)) if reviewed
                else tr("Unmark %n annotation(s) reviewed", None, len(ids)))
        super().__init__(session, ids, text)
        self.reviewed = reviewed

    def first_write(self):
        review = self.session.corpus.review
        if self.reviewed:
            return review.mark_reviewed(self.ids, self.session.annotator)
        return review.unmark_reviewed(self.ids)


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
