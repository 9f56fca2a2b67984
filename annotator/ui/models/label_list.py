"""The label set as a list model: name with a colour swatch and hotkey; drag to reorder."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from annotator.core.model import Label


class LabelListModel(QAbstractListModel):
    LabelIdRole = Qt.ItemDataRole.UserRole + 1
    reorder_requested = Signal(list)  # label ids in the new order

    def __init__(self, labels: list[Label] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._labels: list[Label] = list(labels or [])

    def set_labels(self, labels: list[Label]) -> None:
        self.beginResetModel()
        self._labels = list(labels)
        self.endResetModel()

    def label(self, row: int) -> Label | None:
        return self._labels[row] if 0 <= row < len(self._labels) else None

    def row_of(self, label_id: int) -> int | None:
        return next((i for i, lab in enumerate(self._labels) if lab.id == label_id), None)

    def ids(self) -> list[int]:
        return [lab.id for lab in self._labels]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self._labels)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        lab = self._labels[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            key = f"   [{lab.hotkey}]" if lab.hotkey else ""
            return f"{lab.name}   ({lab.tag}){key}"
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(lab.colour)
        if role == self.LabelIdRole:
            return lab.id
        return None

    def move(self, row: int, step: int) -> None:
        """Ask for the label at ``row`` to move up (-1) or down (+1)."""
        target = row + step
        if 0 <= row < len(self._labels) and 0 <= target < len(self._labels):
            ids = self.ids()
            ids[row], ids[target] = ids[target], ids[row]
            self.reorder_requested.emit(ids)
