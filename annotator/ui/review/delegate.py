"""Keyword in context: left context | span | right context, the span bold on its label's colour, centred."""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from annotator.ui.review.model import ReviewTableModel, context_sides, one_line
from annotator.ui.widgets.kwic import paint_in_context


class ContextDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        row = index.data(ReviewTableModel.RowRole)
        if row is None:
            super().paint(painter, option, index)
            return
        left, right = context_sides(row)
        colour = index.data(ReviewTableModel.ColourRole) or "#999999"
        paint_in_context(self, painter, option, index, (left, one_line(row.text), right), colour, centred=True)
