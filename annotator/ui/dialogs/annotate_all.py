"""Preview of 'annotate all occurrences': every other occurrence, with context, to keep or uncheck."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from annotator.ui.i18n import tr

CONTEXT = 40


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - CONTEXT) : start].replace("\n", " ")
    right = text[end : end + CONTEXT].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


class AnnotateAllDialog(QDialog):
    def __init__(self, text: str, needle: str, label_name: str, spans: list[tuple[int, int]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotateAllDialog")
        self.setWindowTitle(tr("Annotate all occurrences"))
        self.resize(640, 420)
        self._spans = spans
        self.model = QStandardItemModel(self)
        for s, e in spans:
            item = QStandardItem(_context(text, s, e))
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked)
            item.setEditable(False)
            item.setToolTip(tr("Characters {s}–{e}").format(s=s, e=e))
            self.model.appendRow(item)
        self.list = QListView(self)
        self.list.setObjectName("occurrenceList")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        header = QLabel(
            tr("Label these %n other occurrence(s) of “{needle}” as <b>{label_name}</b>. Uncheck the ones to leave alone.", None, len(spans)).format(needle=needle, label_name=label_name),
            self,
        )
        header.setWordWrap(True)
        all_button = QPushButton(tr("Check &all"), self, objectName="checkAll")
        none_button = QPushButton(tr("Check &none"), self, objectName="checkNone")
        all_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        none_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
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
