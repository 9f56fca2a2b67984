"""The Review dock: filters, the count of matches, the table, and the bulk actions on selected rows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Label
from annotator.ui.i18n import tr
from annotator.ui.review.delegate import ContextDelegate
from annotator.ui.review.filters import ReviewFilterBar
from annotator.ui.review.model import ReviewTableModel
from annotator.ui.widgets.colours import text_colour_style

_ACTIVATE = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_DELETE = {Qt.Key.Key_Delete, Qt.Key.Key_Backspace}
_DIGITS = {getattr(Qt.Key, f"Key_{n}"): str(n) for n in range(1, 10)}


class ReviewTable(QTableView):
    """The table takes its own keys (Enter, Delete, label digits, Ctrl+R, Ctrl+U) before the window's shortcuts do."""

    activated_row = Signal(int)
    delete_requested = Signal()
    relabel_requested = Signal(str)  # a label hotkey
    reviewed_requested = Signal(bool)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._handles(event):
            event.accept()
            return True
        return super().event(event)

    def _handles(self, event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if mods == Qt.KeyboardModifier.NoModifier:
            return key in _ACTIVATE or key in _DELETE or key in _DIGITS
        return mods == Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_R, Qt.Key.Key_U)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self._handles(event):
            super().keyPressEvent(event)
            return
        key = event.key()
        if key in _ACTIVATE:
            if self.currentIndex().isValid():
                self.activated_row.emit(self.currentIndex().row())
        elif key in _DELETE:
            self.delete_requested.emit()
        elif key in _DIGITS:
            self.relabel_requested.emit(_DIGITS[key])
        else:
            self.reviewed_requested.emit(key == Qt.Key.Key_R)
        event.accept()


class ReviewDock(QDockWidget):
    jump_requested = Signal(int, int)  # article id, annotation id
    relabel_requested = Signal(object, int)  # list of row ranges, label id
    delete_requested = Signal(object)  # list of (first, last) row ranges
    reviewed_requested = Signal(object, bool)  # row ranges, reviewed or not

    def __init__(self, model: ReviewTableModel, parent: QWidget | None = None) -> None:
        super().__init__(tr("Review annotations"), parent)
        self.setObjectName("reviewDock")
        self.model = model
        body = QWidget(self)
        self.filters = ReviewFilterBar(body)
        self.count = QLabel(body)
        self.count.setObjectName("reviewCount")
        self.problem = QLabel(body)
        self.problem.setObjectName("reviewProblem")
        self.problem.setStyleSheet(text_colour_style(self, "#d63031"))
        self.problem.hide()

        self.table = ReviewTable(body)
        self.table.setObjectName("reviewTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons, arrows move in the table
        self.table.setSortingEnabled(True)
        self.table.setItemDelegateForColumn(ReviewTableModel.CONTEXT, ContextDelegate(self.table))
        self.table.setToolTip(tr("Enter or double-click opens a span in its article; 1–9 relabel, Delete deletes, "
                              "Ctrl+R marks reviewed (Ctrl+U unmarks) the selected rows"))
        header = self.table.horizontalHeader()
        header.setSortIndicator(ReviewTableModel.UPDATED, Qt.SortOrder.DescendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ReviewTableModel.CONTEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (1, 110), (3, 200), (4, 90), (5, 125), (6, 150)):
            header.resizeSection(column, width)

        self.relabel = QPushButton(tr("Relabel a&s"), body)
        self.relabel.setObjectName("reviewRelabel")
        self.relabel.setToolTip(tr("Give the selected annotations another label (keys 1–9 in the table)"))
        self.relabel_menu = QMenu(self.relabel)
        self.relabel.setMenu(self.relabel_menu)
        self.mark = QPushButton(tr("Mark &reviewed"), body)
        self.mark.setObjectName("reviewMark")
        self.mark.setToolTip(tr("Record that you reviewed the selected annotations (Ctrl+R in the table)"))
        self.unmark = QPushButton(tr("&Unmark"), body)
        self.unmark.setObjectName("reviewUnmark")
        self.unmark.setToolTip(tr("Take the reviewed mark off the selected annotations (Ctrl+U in the table)"))
        self.delete = QPushButton(tr("&Delete"), body)
        self.delete.setObjectName("reviewDelete")
        self.delete.setToolTip(tr("Delete the selected annotations (Delete in the table); Ctrl+Z brings them back"))
        self.open = QPushButton(tr("&Open in article"), body)
        self.open.setObjectName("reviewOpen")
        self.open.setToolTip(tr("Open the current annotation in its article, selected (Enter or double-click)"))

        # The count, then the buttons: on one row in a wide dock; in a narrow one (a tab beside the
        # text in a small window) the count takes a row of its own and the buttons two.
        self._buttons = (self.open, self.relabel, self.mark, self.unmark, self.delete)
        self._button_grid = QGridLayout()
        self._button_grid.setContentsMargins(0, 0, 0, 0)
        self._button_grid.setHorizontalSpacing(6)
        self._button_grid.setVerticalSpacing(4)
        self._columns = 0
        self._arrange_buttons(3)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.count)
        bar.addWidget(self.problem)
        bar.addStretch(1)
        bar.addLayout(self._button_grid)
        self.count.setMinimumWidth(1)
        self.count.setWordWrap(True)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.filters)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self.setFocusProxy(self.table)
        self.filters.text.installEventFilter(self)  # Down goes from the text filter to the table

        self.filters.filter_changed.connect(model.set_filter)
        self.filters.invalid.connect(self._show_problem)
        model.failed.connect(self._show_problem)
        model.counted.connect(self._update_count)
        model.modelReset.connect(self._update_count)
        self.table.doubleClicked.connect(lambda index: self._jump(index.row()))
        self.table.activated_row.connect(self._jump)
        self.open.clicked.connect(lambda: self._jump(self.table.currentIndex().row()))
        self.table.delete_requested.connect(self._delete)
        self.delete.clicked.connect(self._delete)
        self.table.reviewed_requested.connect(self._mark)
        self.mark.clicked.connect(lambda: self._mark(True))
        self.unmark.clicked.connect(lambda: self._mark(False))
        self.table.relabel_requested.connect(self._relabel_by_hotkey)
        scroll = self.table.verticalScrollBar()
        scroll.sliderPressed.connect(lambda: model.set_dragging(True))
        scroll.sliderReleased.connect(lambda: model.set_dragging(False))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(
            lambda pos: self.context_menu(pos).popup(self.table.viewport().mapToGlobal(pos))
        )
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        model.modelReset.connect(self._update_buttons)
        model.layoutChanged.connect(self._update_buttons)  # rows that left the filter leave the selection
        self._labels: list[Label] = []
        self._update_buttons()
        self._update_count()

    def _arrange_buttons(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for b in self._buttons:
            self._button_grid.removeWidget(b)
        for i, b in enumerate(self._buttons):
            self._button_grid.addWidget(b, i // columns, i % columns)

    def resizeEvent(self, event) -> None:  # noqa: N802
        one_row = sum(b.sizeHint().width() for b in self._buttons) + 6 * len(self._buttons) + 160
        self._arrange_buttons(len(self._buttons) if event.size().width() >= one_row else 3)
        super().resizeEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if (watched is self.filters.text and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down and self.model.rowCount()):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.table.selectionModel().hasSelection():
                current = self.table.currentIndex()
                self.table.selectRow(current.row() if current.isValid() else 0)
            return True
        return super().eventFilter(watched, event)

    # --- labels ---------------------------------------------------------------------------
    def set_labels(self, labels: list[Label]) -> None:
        self._labels = labels
        self.relabel_menu.clear()
        for lab in labels:
            action = QAction(lab.name, self.relabel_menu)
            action.setObjectName(f"reviewRelabel_{lab.tag}")
            if lab.hotkey:
                action.setShortcut(QKeySequence(lab.hotkey))
                action.setShortcutVisibleInContextMenu(True)
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the table's own key does it
            action.triggered.connect(lambda _=False, ident=lab.id: self._relabel(ident))
            self.relabel_menu.addAction(action)

    def context_menu(self, pos) -> QMenu:
        """The actions on the selected rows; a right-click outside the selection selects that row first."""
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        menu = QMenu(self.table)
        menu.setObjectName("reviewContextMenu")
        n = self.selected_count()
        menu.addAction(tr("&Open in article"), lambda: self._jump(self.table.currentIndex().row())).setEnabled(n > 0)
        relabel = menu.addMenu(tr("Relabel a&s"))
        for lab in self._labels:
            relabel.addAction(lab.name + (f"\t{lab.hotkey}" if lab.hotkey else ""),
                              lambda ident=lab.id: self._relabel(ident))
        relabel.setEnabled(n > 0)
        menu.addAction(tr("Mark &reviewed\tCtrl+R"), lambda: self._mark(True)).setEnabled(n > 0)
        menu.addAction(tr("&Unmark\tCtrl+U"), lambda: self._mark(False)).setEnabled(n > 0)
        menu.addSeparator()
        menu.addAction(tr("&Delete %Ln annotation(s)\tDelete", None, n), self._delete).setEnabled(n > 0)
        return menu

    # --- selection --------------------------------------------------------------------------
    def selected_ranges(self) -> list[tuple[int, int]]:
        selection: QItemSelection = self.table.selectionModel().selection()
        spans = sorted({(r.top(), r.bottom()) for r in selection})
        merged: list[tuple[int, int]] = []
        for top, bottom in spans:
            if merged and top <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(bottom, merged[-1][1]))
            else:
                merged.append((top, bottom))
        return merged

    def selected_count(self) -> int:
        return sum(b - a + 1 for a, b in self.selected_ranges())

    def _update_buttons(self, *_args) -> None:
        n = self.selected_count()
        for w in (self.relabel, self.mark, self.unmark, self.delete):
            w.setEnabled(n > 0)
        self.open.setEnabled(self.table.currentIndex().isValid() or n > 0)

    # --- requests -----------------------------------------------------------------------------
    def _jump(self, row: int) -> None:
        r = self.model.row_at(row)
        if r is not None:
            self.jump_requested.emit(r.article_id, r.id)

    def _delete(self) -> None:
        if self.selected_ranges():
            self.delete_requested.emit(self.selected_ranges())

    def _mark(self, reviewed: bool) -> None:
        if self.selected_ranges():
            self.reviewed_requested.emit(self.selected_ranges(), reviewed)

    def _relabel(self, label_id: int) -> None:
        if self.selected_ranges():
            self.relabel_requested.emit(self.selected_ranges(), label_id)

    def _relabel_by_hotkey(self, key: str) -> None:
        label = next((lab for lab in self._labels if lab.hotkey == key), None)
        if label is not None:
            self._relabel(label.id)

    # --- what the line above the table says ------------------------------------------------------
    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))
        self.count.setVisible(not message)

    def _update_count(self, *_args) -> None:
        m = self.model
        if m.error:
            self._show_problem(m.error)
            return
        self._show_problem("")
        if m.total is None:
            self.count.setText(tr("Counting matches… (first {rowCount:,} shown)").format(rowCount=m.rowCount()))
        elif m.filter.is_empty():
            self.count.setText(
                tr("All %Ln annotation(s)", None, m.total) if m.total else tr("No annotations in this corpus yet")
            )
        else:
            self.count.setText(tr("%Ln matching annotation(s)", None, m.total))
