"""The annotations of the open article, in text order: covered text, label, note, annotator."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from annotator.core.model import Annotation, Label
from annotator.ui.i18n import QT_TR_NOOP, tr
from annotator.ui.models.base import FlatTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
DECORATION = Qt.ItemDataRole.DecorationRole
_ROLES = {EDIT, DECORATION, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole + 1}
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NOTE_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsEditable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


def _key(a: Annotation) -> tuple[int, int, int]:
    return (a.start, -a.end, a.id)


class AnnotationTableModel(FlatTableModel):
    TEXT, LABEL, NOTE, ANNOTATOR = range(4)
    HEADERS = (QT_TR_NOOP("Text"), QT_TR_NOOP("Label"), QT_TR_NOOP("Note"), QT_TR_NOOP("Annotator"))
    AnnotationIdRole = Qt.ItemDataRole.UserRole + 1
    # The user edited a note cell: (annotation, new note). The model never writes;
    # its owner turns the request into an undoable command.
    note_edit_requested = Signal(object, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[tuple[int, int, int], Annotation]] = []
        self._labels: dict[int, Label] = {}
        self.owner: str | None = None  # the analyst using the window: only their notes are editable

    def set_labels(self, labels: Iterable[Label]) -> None:
        self._labels = {lab.id: lab for lab in labels}
        if self._rows:
            self.dataChanged.emit(self.index(0, self.LABEL), self.index(len(self._rows) - 1, self.LABEL))

    def reset(self, annotations: Iterable[Annotation]) -> None:
        self.beginResetModel()
        self._rows = sorted((_key(a), a) for a in annotations)
        self.endResetModel()

    def row_of(self, annotation_id: int) -> int | None:
        for row, (_, a) in enumerate(self._rows):
            if a.id == annotation_id:
                return row
        return None

    def annotation(self, row: int) -> Annotation | None:
        return self._rows[row][1] if 0 <= row < len(self._rows) else None

    def annotations(self) -> list[Annotation]:
        return [a for _, a in self._rows]

    def add(self, annotations: Iterable[Annotation]) -> None:
        items = sorted((_key(a), a) for a in annotations)
        if not items:
            return
        if not self._rows or self._rows[-1] < items[0]:  # spans read in text order: append
            n = len(self._rows)
            self.beginInsertRows(QModelIndex(), n, n + len(items) - 1)
            self._rows.extend(items)
            self.endInsertRows()
            return
        for _, a in items:
            item = (_key(a), a)
            pos = bisect_left(self._rows, item)
            self.beginInsertRows(QModelIndex(), pos, pos)
            insort(self._rows, item)
            self.endInsertRows()

    def remove(self, annotations: Iterable[Annotation]) -> None:
        for a in annotations:
            row = bisect_left(self._rows, (_key(a),))
            if not (row < len(self._rows) and self._rows[row][1].id == a.id):
                row = self.row_of(a.id)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()

    def change(self, old: Annotation, new: Annotation) -> None:
        row = self.row_of(old.id)
        if row is not None and _key(old) == _key(new):
            self._rows[row] = (_key(new), new)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        else:
            self.remove([old])
            self.add([new])

    # --- Qt model ------------------------------------------------------------------
    def _row_count(self) -> int:
        return len(self._rows)

    def flags(self, index):
        if not index.isValid():
            return _NO_FLAGS
        if index.column() == self.NOTE and (self.owner is None or self._rows[index.row()][1].annotator == self.owner):
            return _NOTE_FLAGS
        return _FLAGS

    def data(self, index, role=DISPLAY):
        # Called for every visible cell and role on each repaint: keep it lean.
        if role != DISPLAY and role not in _ROLES:
            return None
        a = self._rows[index.row()][1]
        col = index.column()
        if role == DISPLAY or role == EDIT:
            if col == 0:
                return a.text.replace("\n", " ⏎ ")
            if col == 1:
                label = self._labels.get(a.label_id)
                return label.name if label else "?"
            if col == 3:
                return a.annotator
            return a.note or ""
        if role == DECORATION:
            if col == 1:
                label = self._labels.get(a.label_id)
                return QColor(label.colour) if label else None
            return None
        if role == self.AnnotationIdRole:
            return a.id
        label = self._labels.get(a.label_id)
        return tr("{text}\n{value} · {start}–{end} · by {annotator}").format(
            text=a.text, value=label.name if label else "?", start=a.start, end=a.end, annotator=a.annotator
        ) + (tr("\nNote: {note}").format(note=a.note) if a.note else "")

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != self.NOTE or role != Qt.ItemDataRole.EditRole:
            return False
        a = self._rows[index.row()][1]
        note = str(value).strip()
        if note == (a.note or ""):
            return False
        self.note_edit_requested.emit(a, note)
        return True
