"""Table models over the store's consistency queries: conflicting texts, missed mentions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.core.model import Label
from annotator.core.text import InContext
from annotator.store.consistency import CONTEXT, ConflictGroup, MissedMention
from annotator.ui.i18n import QT_TR_NOOP, tr
from annotator.ui.models.base import FlatTableModel
from annotator.ui.search.context import ColourRole, ContextRole, plain_context

DISPLAY = Qt.ItemDataRole.DisplayRole


class _LabelledModel(FlatTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._labels: dict[int, Label] = {}

    def set_labels(self, labels: Sequence[Label]) -> None:
        self._labels = {lab.id: lab for lab in labels}
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def _name(self, label_id: int) -> str:
        lab = self._labels.get(label_id)
        return lab.name if lab else "?"

    def _colour(self, label_id: int) -> str | None:
        lab = self._labels.get(label_id)
        return lab.colour if lab else None


class ConflictsModel(_LabelledModel):
    TEXT, TOTAL, LABELS = range(3)
    HEADERS = (QT_TR_NOOP("Text"), QT_TR_NOOP("Annotations"), QT_TR_NOOP("Labels (count)"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._groups: list[ConflictGroup] = []

    def _row_count(self) -> int:
        return len(self._groups)

    def set_groups(self, groups: Sequence[ConflictGroup]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    def group(self, row: int) -> ConflictGroup | None:
        return self._groups[row] if 0 <= row < len(self._groups) else None

    def row_of(self, key: str) -> int | None:
        return next((i for i, g in enumerate(self._groups) if g.key == key), None)

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        g = self._groups[index.row()]
        col = index.column()
        if role == DISPLAY:
            if col == self.TEXT:
                return g.text
            if col == self.TOTAL:
                return g.total
            return " · ".join(f"{self._name(c.label_id)} {c.count}" for c in g.labels)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and col == self.TEXT:
            colour = self._colour(g.majority)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            spellings = ", ".join(f"“{v}”" for v in g.variants)
            labelled = ", ".join(f"{self._name(c.label_id)} {c.count}×" for c in g.labels)
            return tr(
                "Written {spellings}; labelled {labelled}.\nEnter or double-click lists them; pick a label below "
                "and press Make consistent to give it to all of them."
            ).format(spellings=spellings, labelled=labelled)
        return None


class MissedModel(_LabelledModel):
    TEXT, LABEL, ARTICLE, CONTEXT = range(4)
    HEADERS = (QT_TR_NOOP("Text"), QT_TR_NOOP("Suggested label"), QT_TR_NOOP("Article"), QT_TR_NOOP("Context"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._mentions: list[MissedMention] = []

    def _row_count(self) -> int:
        return len(self._mentions)

    def set_mentions(self, mentions: Sequence[MissedMention]) -> None:
        self.beginResetModel()
        self._mentions = list(mentions)
        self.endResetModel()

    def mention(self, row: int) -> MissedMention | None:
        return self._mentions[row] if 0 <= row < len(self._mentions) else None

    def mentions(self, rows: Sequence[int] | None = None) -> list[MissedMention]:
        if rows is None:
            return list(self._mentions)
        return [self._mentions[r] for r in sorted(set(rows)) if 0 <= r < len(self._mentions)]

    def drop(self, mentions: Sequence[MissedMention]) -> None:
        """Take handled mentions off the list (they are accepted or rejected now)."""
        gone = set(mentions)
        for row in range(len(self._mentions) - 1, -1, -1):
            if self._mentions[row] in gone:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._mentions[row]
                self.endRemoveRows()

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        m = self._mentions[index.row()]
        col = index.column()
        if role == DISPLAY:
            return (m.text, self._name(m.label_id), m.title, plain_context(m.before, m.text, m.after))[col]
        if role == ContextRole and col == self.CONTEXT:
            before, after = InContext.around(m.start, m.before, m.text, m.after, CONTEXT).sides()
            return before, m.text, after
        if role == ColourRole:
            return self._colour(m.label_id)
        if role == Qt.ItemDataRole.DecorationRole and col == self.LABEL:
            colour = self._colour(m.label_id)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr(
                "“{text}” in article {article_id} ({title}), characters {start}–{end}.\nLabelled {name} most often "
                "elsewhere. Double-click to see it in the article."
            ).format(
                text=m.text,
                article_id=m.article_id,
                title=m.title,
                start=m.start,
                end=m.end,
                name=self._name(m.label_id),
            )
        return None
