"""Preview of 'annotate all occurrences': every other occurrence, with its line number and its
context (keyword in context, as the review table shows spans), to keep or uncheck."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.i18n import tr
from annotator.ui.search.context import ColourRole, ContextDelegate, ContextRole, plain_context

CONTEXT = 60


def _sides(text: str, start: int, end: int) -> tuple[str, str, str]:
    """Left context, match, right context; '…' where the article goes on beyond the context."""
    lo, hi = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    left = ("…" if lo > 0 else "") + text[lo:start]
    right = text[end:hi] + ("…" if hi < len(text) else "")
    return left, text[start:end], right


def line_numbers(text: str, starts: list[int]) -> list[int]:
    """The 1-based line of each start offset (given in ascending order)."""
    out, line, at = [], 1, 0
    for s in starts:
        line += text.count("\n", at, s)
        at = s
        out.append(line)
    return out


class AnnotateAllDialog(QDialog):
    def __init__(
        self, text: str, needle: str, label_name: str, spans: list[tuple[int, int]], parent: QWidget | None = None,
        colour: str = "#f2c94c",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotateAllDialog")
        self.setWindowTitle(tr("Annotate all occurrences"))
        self.resize(720, 440)
        self._spans = spans
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([tr("Line"), tr("Context")])
        for (s, e), line in zip(spans, line_numbers(text, [s for s, _ in spans]), strict=True):
            check = QStandardItem(f"{line:,}")
            check.setCheckable(True)
            check.setCheckState(Qt.CheckState.Checked)
            check.setEditable(False)
            check.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            check.setToolTip(tr("Line {line:,}, characters {s:,}–{e:,}").format(line=line, s=s, e=e))
            parts = _sides(text, s, e)
            context = QStandardItem(plain_context(*parts))
            context.setData(parts, ContextRole)
            context.setData(colour, ColourRole)
            context.setEditable(False)
            context.setToolTip(plain_context(*parts))
            self.model.appendRow([check, context])
        self.list = QTableView(self)
        self.list.setObjectName("occurrenceList")
        self.list.setModel(self.model)
        self.list.setItemDelegateForColumn(1, ContextDelegate(self.list))
        self.list.verticalHeader().hide()
        self.list.setShowGrid(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.list.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header = QLabel(
            tr(
                "Label these %n other occurrence(s) of “{needle}” as <b>{label_name}</b>. Uncheck the ones to leave "
                "alone.",
                None,
                len(spans),
            ).format(needle=needle, label_name=label_name),
            self,
        )
        header.setWordWrap(True)
        all_button = QPushButton(tr("Check &all"), self, objectName="checkAll")
        none_button = QPushButton(tr("Check &none"), self, objectName="checkNone")
        all_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        none_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.model.itemChanged.connect(lambda _: self._update_ok())
        row = QHBoxLayout()
        row.addWidget(all_button)
        row.addWidget(none_button)
        row.addStretch()
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self._update_ok()

    def _check_all(self, state: Qt.CheckState) -> None:
        for row in range(self.model.rowCount()):
            self.model.item(row).setCheckState(state)

    def _update_ok(self) -> None:
        n = len(self.chosen())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("&Label {n}").format(n=n))
        ok.setEnabled(n > 0)

    def chosen(self) -> list[tuple[int, int]]:
        return [
            span
            for row, span in enumerate(self._spans)
            if self.model.item(row).checkState() == Qt.CheckState.Checked
        ]
