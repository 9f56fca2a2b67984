"""The annotation list dock for the open article."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHeaderView, QWidget

from annotator.ui.i18n import tr
from annotator.ui.models.annotation_table import AnnotationTableModel
from annotator.ui.widgets.tables import make_table


class AnnotationDock(QDockWidget):
    annotation_chosen = Signal(int, bool)  # annotation id the user picked in the list; move focus to the text

    def __init__(self, model: AnnotationTableModel, parent: QWidget | None = None) -> None:
        super().__init__(tr("Annotations"), parent)
        self.setObjectName("annotationDock")
        self.model = model
        self.table = make_table(self, "annotationTable", model)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 110)
        header.resizeSection(2, 90)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)  # the annotator
        header.resizeSection(3, 64)
        self.setWidget(self.table)
        self._quiet = False
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        # The list repaints a moment after the text: a label key press shows its span first.
        self._resume = QTimer(self, singleShot=True, interval=0)
        self._resume.timeout.connect(lambda: self.table.setUpdatesEnabled(True))
        for signal in (model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(self._defer_repaint)
        self.table.clicked.connect(lambda index: self._announce(index, focus=False))
        self.table.activated.connect(lambda index: self._announce(index, focus=True))
        # Rows moving under the cursor (a span deleted, resized, undone) are not the user's choice.
        model.rowsAboutToBeRemoved.connect(self._hush)
        model.rowsAboutToBeInserted.connect(self._hush)
        model.modelAboutToBeReset.connect(self._hush)
        model.rowsRemoved.connect(self._unhush)
        model.rowsInserted.connect(self._unhush)
        model.modelReset.connect(self._unhush)

    def _defer_repaint(self, *_args) -> None:
        if self.table.updatesEnabled():
            self.table.setUpdatesEnabled(False)
            self._resume.start()

    def _hush(self, *_args) -> None:
        self._quiet = True

    def _unhush(self, *_args) -> None:
        self._quiet = False

    def _row_changed(self, current, _previous) -> None:
        # Only a move the user makes in the list counts; rows shifting under an edit made in the
        # text (a span deleted, resized, undone) must not pick a neighbouring span.
        if self.table.hasFocus():
            self._announce(current, focus=False)

    def _announce(self, index, *, focus: bool) -> None:
        if self._quiet or not index.isValid():
            return
        a = self.model.annotation(index.row())
        if a is not None:
            self.annotation_chosen.emit(a.id, focus)

    def commit_edit(self) -> None:
        """Finish a note being typed in the list (it is saved, not dropped) before the list changes."""
        if self.table.state() == QAbstractItemView.State.EditingState:
            self.table.setFocus()

    def show_annotation(self, annotation_id: int) -> None:
        """Select the row of an annotation chosen elsewhere, without re-announcing it."""
        row = self.model.row_of(annotation_id) if annotation_id else None
        self._quiet = True
        try:
            if row is None:
                self.table.selectionModel().clearSelection()
                return
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.scrollTo(index)
        finally:
            self._quiet = False
