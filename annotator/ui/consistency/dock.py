"""The Consistency dock: a Conflicts tab and a Missed mentions tab, each a table and its actions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Label
from annotator.ui.consistency.models import ConflictsModel, MissedModel
from annotator.ui.i18n import tr
from annotator.ui.search.context import ContextDelegate
from annotator.ui.widgets.colours import text_colour_style
from annotator.ui.widgets.tables import make_table


def _button(parent: QWidget, text: str, name: str, tip: str) -> QPushButton:
    b = QPushButton(text, parent)
    b.setObjectName(name)
    b.setToolTip(tip)
    return b


def swatch(colour: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(colour))
    return QIcon(pix)


class ConsistencyDock(QDockWidget):
    refresh_requested = Signal()
    consistent_requested = Signal(int, int)  # conflict row, label id
    accept_requested = Signal(list)  # missed-mention rows
    reject_requested = Signal(list)
    mention_activated = Signal(int)  # missed-mention row
    conflict_activated = Signal(int)  # conflict row: list its occurrences

    def __init__(self, conflicts: ConflictsModel, missed: MissedModel, parent: QWidget | None = None) -> None:
        super().__init__(tr("Consistency"), parent)
        self.setObjectName("consistencyDock")
        body = QWidget(self)
        self.tabs = QTabWidget(body)
        self.tabs.setObjectName("consistencyTabs")
        self.stale = QLabel(body)
        self.stale.setObjectName("consistencyStale")
        self.stale.setStyleSheet(text_colour_style(self, "#b35900"))
        self.refresh = _button(body, tr("Refresh"), "consistencyRefresh", tr("Look through the corpus again (F5)"))
        f5 = QShortcut(
            QKeySequence("F5"), self, self.refresh_requested.emit, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        f5.setObjectName("consistencyRefreshShortcut")
        f5.setWhatsThis(tr("Refresh the consistency lists"))
        corner = QWidget(self.tabs)
        top = QHBoxLayout(corner)
        top.setContentsMargins(0, 0, 0, 2)
        top.addWidget(self.stale)
        top.addWidget(self.refresh)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)
        self._build_conflicts(conflicts)
        self._build_missed(missed)
        self.refresh.clicked.connect(self.refresh_requested)

    # --- conflicts ------------------------------------------------------------------------
    def _build_conflicts(self, model: ConflictsModel) -> None:
        page = QWidget(self.tabs)
        self.conflicts = model
        self.conflict_table = make_table(page, "conflictTable", model)
        self.conflict_table.setToolTip(tr("Texts labelled in more than one way across the corpus"))
        header = self.conflict_table.horizontalHeader()
        header.setSectionResizeMode(ConflictsModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ConflictsModel.TOTAL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ConflictsModel.LABELS, QHeaderView.ResizeMode.Stretch)
        self.label_choice = QComboBox(page)
        self.label_choice.setObjectName("consistentLabel")
        self.label_choice.setToolTip(tr("The label every annotation of the selected text will carry"))
        self.label_choice.currentIndexChanged.connect(lambda _: self._update_consistent_button())
        self.make_consistent = _button(
            page,
            tr("Make co&nsistent"),
            "makeConsistent",
            tr("Give every annotation of the selected text the chosen label (Ctrl+Z undoes it)"),
        )
        self.conflict_summary = QLabel(page)
        self.conflict_summary.setObjectName("conflictSummary")
        self.conflict_summary.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.conflict_summary, 1)
        row.addWidget(QLabel(tr("Label all a&s:"), page, buddy=self.label_choice))
        row.addWidget(self.label_choice)
        row.addWidget(self.make_consistent)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.conflict_table, 1)
        layout.addLayout(row)
        self.tabs.addTab(page, tr("&Conflicts"))
        self.conflict_table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._conflict_chosen(cur.row())
        )
        # Enter or a double-click lists the conflict's occurrences
        self.conflict_table.activated.connect(lambda index: self.conflict_activated.emit(index.row()))
        self.make_consistent.clicked.connect(self._make_consistent)
        for signal in (model.modelReset, model.rowsRemoved):
            signal.connect(self._conflicts_changed)
        self._conflicts_changed()

    def set_labels(self, labels: Sequence[Label]) -> None:
        current = self.label_choice.currentData()
        self.label_choice.clear()
        for lab in labels:
            self.label_choice.addItem(swatch(lab.colour), lab.name, lab.id)
        self.select_label(current)

    def select_label(self, label_id: int | None) -> None:
        i = self.label_choice.findData(label_id)
        if i >= 0:
            self.label_choice.setCurrentIndex(i)

    def _conflict_chosen(self, row: int) -> None:
        group = self.conflicts.group(row)
        if group is not None:
            self.select_label(group.majority)  # None on a tie: the analyst chooses
            if group.majority is None:
                self.label_choice.setCurrentIndex(-1)
                self.label_choice.setPlaceholderText(tr("Choose…"))
        self._update_consistent_button()

    def _update_consistent_button(self) -> None:
        group = self.conflicts.group(self.conflict_table.currentIndex().row())
        self.make_consistent.setEnabled(group is not None and self.label_choice.currentData() is not None)

    def _make_consistent(self) -> None:
        row = self.conflict_table.currentIndex().row()
        if self.conflicts.group(row) is not None and self.label_choice.currentData() is not None:
            self.consistent_requested.emit(row, self.label_choice.currentData())

    def _conflicts_changed(self, *_args) -> None:
        n = self.conflicts.rowCount()
        self.conflict_summary.setText(
            tr("%Ln text(s) labelled in more than one way.", None, n) if n else tr("Every text carries one label.")
        )
        if n and not self.conflict_table.currentIndex().isValid():
            self.conflict_table.selectRow(0)
        self._conflict_chosen(self.conflict_table.currentIndex().row())

    # --- missed mentions --------------------------------------------------------------------
    def _build_missed(self, model: MissedModel) -> None:
        page = QWidget(self.tabs)
        self.missed = model
        self.missed_table = make_table(page, "missedTable", model)
        self.missed_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.missed_table.setItemDelegateForColumn(MissedModel.CONTEXT, ContextDelegate(self.missed_table))
        self.missed_table.setToolTip(
            tr("Unlabelled whole-word occurrences of texts labelled elsewhere. Double-click to see one in its article.")
        )
        header = self.missed_table.horizontalHeader()
        for col, width in ((MissedModel.TEXT, 150), (MissedModel.LABEL, 120), (MissedModel.ARTICLE, 180)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        header.setSectionResizeMode(MissedModel.CONTEXT, QHeaderView.ResizeMode.Stretch)
        self.accept = _button(
            page, tr("Acce&pt"), "acceptMentions", tr("Label the selected mentions with their suggested label")
        )
        self.reject = _button(
            page, tr("&Reject"), "rejectMentions", tr("These are not mentions: never list them again")
        )
        self.accept_all = _button(page, tr("Accep&t all"), "acceptAllMentions", tr("Label every mention in the list"))
        self.reject_all = _button(page, tr("Re&ject all"), "rejectAllMentions", tr("Reject every mention in the list"))
        self.missed_summary = QLabel(page)
        self.missed_summary.setObjectName("missedSummary")
        self.missed_summary.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.missed_summary, 1)
        for b in (self.accept, self.reject, self.accept_all, self.reject_all):
            row.addWidget(b)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.missed_table, 1)
        layout.addLayout(row)
        self.tabs.addTab(page, tr("Missed &mentions"))
        self.accept.clicked.connect(lambda: self._selected(self.accept_requested))
        self.reject.clicked.connect(lambda: self._selected(self.reject_requested))
        self.accept_all.clicked.connect(lambda: self.accept_requested.emit(list(range(model.rowCount()))))
        self.reject_all.clicked.connect(lambda: self.reject_requested.emit(list(range(model.rowCount()))))
        self.missed_table.doubleClicked.connect(lambda index: self.mention_activated.emit(index.row()))
        self.missed_table.activated.connect(lambda index: self.mention_activated.emit(index.row()))
        self.missed_table.selectionModel().selectionChanged.connect(self._missed_changed)
        for signal in (model.modelReset, model.rowsRemoved):
            signal.connect(self._missed_changed)
        self._missed_changed()

    def selected_mention_rows(self) -> list[int]:
        return sorted({i.row() for i in self.missed_table.selectionModel().selectedRows()})

    def _selected(self, signal) -> None:
        rows = self.selected_mention_rows()
        if rows:
            signal.emit(rows)

    def _missed_changed(self, *_args) -> None:
        n = self.missed.rowCount()
        chosen = bool(self.selected_mention_rows())
        self.accept.setEnabled(chosen)
        self.reject.setEnabled(chosen)
        self.accept_all.setEnabled(n > 0)
        self.reject_all.setEnabled(n > 0)
        self.missed_summary.setText(
            tr("%Ln missed mention(s).", None, n)
            if n
            else tr("No missed mentions: every labelled text is labelled wherever it occurs.")
        )

    def set_stale(self, stale: bool) -> None:
        self.stale.setText(tr("The corpus has changed since these lists were made.") if stale else "")
