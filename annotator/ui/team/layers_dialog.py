"""Two small dialogs of the team: which analysts' annotations to show, and what to merge."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.store.merge import incoming_analyst
from annotator.ui.i18n import tr


class LayersDialog(QDialog):
    """View › Annotations of › Chosen analysts: a checkable list of the other analysts."""

    chosen = Signal(frozenset)

    def __init__(self, names: list[str], checked: frozenset[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layersDialog")
        self.setWindowTitle(tr("Show the annotations of"))
        self.list = QListWidget(self, objectName="layersList")
        for name in names:
            item = QListWidgetItem(name, self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in checked else Qt.CheckState.Unchecked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = tr("Your own annotations always show. Others' are outlined and read-only; hover one to see whose it is.")
        hint = QLabel(note if names else tr("No other analyst has annotations in this corpus yet."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(340, 320)

    def set_checked(self, names: set[str]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)

    def _accept(self) -> None:
        picked = frozenset(
            self.list.item(i).text()
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        )
        self.chosen.emit(picked)
        self.accept()


def _whose(path: str) -> str:
    """Whose work a file carries, read with SQLite only (read-only), for the merge dialog."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=2)
        try:
            name = incoming_analyst(conn)
            return tr("{name}'s work").format(name=name) if name else tr("the work of several analysts")
        finally:
            conn.close()
    except sqlite3.Error:
        return tr("not readable as a corpus: it will be refused")


class MergeDialog(QDialog):
    """Team › Merge corpus files: the files, whose work each carries, and an optional new name."""

    merge_requested = Signal(list, str)  # files, the name to credit the incoming analyst to ("" to keep)

    def __init__(self, paths: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(tr("Merge corpus files"))
        self.paths = list(paths)
        self.files = QListWidget(self, objectName="mergeFiles")
        for path in self.paths:
            QListWidgetItem(f"{Path(path).name}: {_whose(path)}", self.files).setToolTip(path)
        self.rename = QLineEdit(self, objectName="mergeAs")
        self.rename.setPlaceholderText(tr("keep their name"))
        self.rename.setToolTip(
            tr("Credit the work of the file's analyst to this name (NEW), or rename one of several (OLD=NEW)")
        )
        explain = QLabel(
            tr("Articles are matched by their text, labels by tag. Each analyst's layer of an article comes "
            "across whole and replaces a layer here only when it is newer; a backup of this corpus is taken first."),
            self,
        )
        explain.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        merge = buttons.addButton(tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        merge.setObjectName("mergeButton")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.files)
        layout.addWidget(QLabel(tr("Credit the incoming analyst as:"), self))
        layout.addWidget(self.rename)
        layout.addWidget(buttons)
        self.resize(520, 340)

    def _accept(self) -> None:
        self.merge_requested.emit(self.paths, self.rename.text().strip())
        self.accept()
