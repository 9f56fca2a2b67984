"""Small read-only table models over the statistics the store computes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from annotator.ui.models.base import FlatTableModel


class RowsModel(FlatTableModel):
    """Rows of values under fixed headers; numbers right-aligned; an optional colour per row."""

    def __init__(self, headers: Sequence[str], parent=None) -> None:
        super().__init__(parent)
        self.HEADERS = tuple(headers)
        self._rows: list[tuple] = []
        self._colours: list[str | None] = []

    def _row_count(self) -> int:
        return len(self._rows)

    def set_rows(self, rows: Sequence[Sequence], colours: Sequence[str | None] | None = None) -> None:
        self.beginResetModel()
        self._rows = [tuple(r) for r in rows]
        self._colours = list(colours) if colours is not None else [None] * len(self._rows)
        self.endResetModel()

    def rows(self) -> list[tuple]:
        return list(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value:,}" if isinstance(value, int) else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and self._colours[index.row()]:
            return QColor(self._colours[index.row()])
        return None
