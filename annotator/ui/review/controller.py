"""Connects the Review dock to the corpus: keeps its table current, turns its requests into
undoable commands, and opens a chosen span in the article view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from annotator.ui.commands import Command, apply_and_push
from annotator.ui.editor import Editor
from annotator.ui.i18n import tr
from annotator.ui.review.commands import DeleteMany, MarkReviewed, RelabelMany
from annotator.ui.review.dock import ReviewDock
from annotator.ui.review.model import ReviewTableModel
from annotator.ui.session import CorpusSession


class ReviewController(QObject):
    message = Signal(str)  # a short note for the status bar
    error = Signal(str)  # something the user must read

    def __init__(
        self,
        session: CorpusSession,
        editor: Editor,
        stack: QUndoStack,
        open_article: Callable[[int], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.editor = editor
        self.stack = stack
        self.open_article = open_article
        self.model = ReviewTableModel(session.corpus, self)
        self.dock = ReviewDock(self.model, parent)
        self.dock.hide()
        self._labels_changed()
        for signal in (session.annotations_added, session.annotations_removed, session.annotations_changed):
            signal.connect(self._corpus_changed)
        session.article_changed.connect(self._article_changed)
        session.articles_imported.connect(self._corpus_changed)
        session.changed_elsewhere.connect(self._changed_elsewhere)
        session.labels_changed.connect(self._labels_changed)
        self.dock.visibilityChanged.connect(self._visibility_changed)
        self.dock.jump_requested.connect(self.jump)
        self.dock.relabel_requested.connect(self.relabel)
        self.dock.delete_requested.connect(self.delete)
        self.dock.reviewed_requested.connect(self.mark_reviewed)

    # --- showing ---------------------------------------------------------------------------
    def show(self) -> None:
        """View › Review annotations: show the dock and put the keyboard in its filter."""
        self.dock.show()
        self.dock.raise_()
        self.model.set_active(True)
        self.dock.filters.focus_text()

    def show_text(self, *texts: str) -> None:
        """Every annotation of exactly these texts, in the review table (a conflict's occurrences)."""
        self.dock.show()
        self.dock.raise_()
        self.model.set_active(True)
        self.dock.filters.show_exactly(*texts)
        self.dock.table.setFocus()

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.dock.filters.set_choices(self.session.labels, self.session.corpus.review.annotators())
        self.model.set_active(visible)  # hidden, or a tab behind another: read nothing until shown

    def _corpus_changed(self, *_args) -> None:
        self.model.stale()

    def _changed_elsewhere(self) -> None:
        """Another program wrote to the corpus: new annotators, labels or rows may show."""
        self.dock.filters.set_choices(self.session.labels, self.session.corpus.review.annotators())
        self.model.stale()

    def _article_changed(self, _article_id: int) -> None:
        if self.model.filter.statuses:  # a status change moves rows in or out of the filter
            self.model.stale()

    def _labels_changed(self) -> None:
        labels = self.session.labels
        self.model.set_labels(labels)
        self.dock.set_labels(labels)
        self.dock.filters.set_choices(labels, self.session.corpus.review.annotators())

    def shutdown(self) -> None:
        self.model.shutdown()

    # --- jumping to a span ----------------------------------------------------------------
    def jump(self, article_id: int, annotation_id: int) -> None:
        self.open_article(article_id)
        pane = self.editor.pane
        if pane.index.get(annotation_id) is None:
            pane.load_all()  # a span far into a long article is read on demand
        if pane.index.get(annotation_id) is None:
            self.message.emit(tr("That annotation no longer exists."))
            return
        self.editor.select_annotation(annotation_id, focus=True)

    # --- bulk edits -------------------------------------------------------------------------
    def _ids(self, ranges: list[tuple[int, int]]) -> list[int]:
        ids: list[int] = []
        for first, last in ranges:
            ids.extend(self.model.ids_in_rows(first, last))
        return ids

    def relabel(self, ranges: list[tuple[int, int]], label_id: int) -> None:
        label = self.session.label(label_id)
        ids = self._ids(ranges)
        if label is None or not ids:
            return
        self._run(
            RelabelMany(self.session, ids, label), tr("Nothing to relabel: already {name}.").format(name=label.name)
        )

    def delete(self, ranges: list[tuple[int, int]]) -> None:
        ids = self._ids(ranges)
        if ids:
            self.dock.table.clearSelection()
            self._run(DeleteMany(self.session, ids), tr("Nothing to delete."))

    def mark_reviewed(self, ranges: list[tuple[int, int]], reviewed: bool) -> None:
        ids = self._ids(ranges)
        if ids:
            self._run(
                MarkReviewed(self.session, ids, reviewed),
                tr("None of them is marked reviewed.") if not reviewed else "",
            )

    def _run(self, command: Command, nothing: str) -> None:
        """Apply once (a refusal is reported, not pushed), then push for Ctrl+Z; a no-op is not pushed."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            problem, message = apply_and_push(command, self.stack, nothing)
        finally:
            QApplication.restoreOverrideCursor()
        if problem:
            self.error.emit(problem)
        elif message:
            self.message.emit(message)
