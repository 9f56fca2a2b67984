"""Keyword in context for the search and consistency lists: left | match | right, the match bold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from annotator.ui.widgets.kwic import paint_in_context

# A model gives (left, match, right) under this role; DisplayRole stays plain text for everything else.
ContextRole = Qt.ItemDataRole.UserRole + 20
# Optionally the colour ("#rrggbb") the match is drawn on.
ColourRole = Qt.ItemDataRole.UserRole + 21


def one_line(text: str) -> str:
    return " ".join(text.split()) if ("\n" in text or "\t" in text or "  " in text) else text


def plain_context(left: str, match: str, right: str) -> str:
    """The same as one line of text: left [match] right."""
    return f"{one_line(left)}[{one_line(match)}]{one_line(right)}"


class ContextDelegate(QStyledItemDelegate):
    """Draws the match a third of the way into the cell, the same place on every row (keyword in
    context), its context elided on both sides."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        parts = index.data(ContextRole)
        if not parts:
            super().paint(painter, option, index)
            return
        left, match, right = (one_line(p) for p in parts)
        colour = index.data(ColourRole) or "#f2c94c"
        paint_in_context(self, painter, option, index, (left, match, right), colour, centred=False)
