"""Help > Keyboard shortcuts: every action that has one, read from the actions themselves, then the
other keys declared beside the actions (annotator.ui.actions.EXTRA_KEYS).

The window passes its own actions in menu order; any other QAction or QShortcut found on the
window (added by a dock or widget) is listed after them, so the list never misses a key.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QAction, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.actions import EXTRA_KEYS
from annotator.ui.i18n import tr


def keys_of(item: QAction | QShortcut) -> list[str]:
    """The shortcuts of an action or shortcut object, as shown to the user."""
    sequences = item.shortcuts() if isinstance(item, QAction) else item.keys()
    return [k.toString(QKeySequence.SequenceFormat.NativeText) for k in sequences if not k.isEmpty()]


_MNEMONIC = re.compile(r"\(&(\w)\)")  # a translated text's mnemonic in brackets


def _name(item: QAction | QShortcut) -> str:
    if isinstance(item, QAction):
        name = item.iconText().replace("&", "")
        mark = _MNEMONIC.search(item.text())  # "导入文章(&I)…" lists as "导入文章", without its key letter
        return name.replace(f"({mark.group(1)})", "").strip() if mark else name
    return item.whatsThis() or item.objectName() or tr("Shortcut")


def everything_on(window: QWidget, first: list[QAction]) -> list[QAction | QShortcut]:
    """``first``, then every other action and shortcut object on the window that has a key."""
    found: list[QAction | QShortcut] = list(first)
    known = set(map(id, found))
    for item in [*QWidget.actions(window), *window.findChildren(QAction), *window.findChildren(QShortcut)]:
        if id(item) not in known and keys_of(item):
            known.add(id(item))
            found.append(item)
    return found


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction | QShortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.resize(560, 560)
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([tr("Command"), tr("Shortcut")])
        seen = set()
        for action in actions:
            keys = keys_of(action)
            name = _name(action)
            if not keys or (name, tuple(keys)) in seen:
                continue
            seen.add((name, tuple(keys)))
            self._row(name, ", ".join(keys))
        for keys, name in EXTRA_KEYS:
            self._row(tr(name), tr(keys))
        view = QTableView(self)
        view.setObjectName("shortcutTable")
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.setShowGrid(False)
        view.setAlternatingRowColors(True)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)

    def _row(self, name: str, keys: str) -> None:
        a, b = QStandardItem(name), QStandardItem(keys)
        a.setEditable(False)
        b.setEditable(False)
        self.model.appendRow([a, b])

    def shortcut_rows(self) -> list[tuple[str, str]]:
        return [(self.model.item(r, 0).text(), self.model.item(r, 1).text()) for r in range(self.model.rowCount())]
