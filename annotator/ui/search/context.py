"""Keyword in context for the search and consistency lists: left | match | right, the match bold."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

# A model gives (left, match, right) under this role; DisplayRole stays plain text for everything else.
ContextRole = Qt.ItemDataRole.UserRole + 20
# Optionally the colour ("#rrggbb") the match is drawn on.
ColourRole = Qt.ItemDataRole.UserRole + 21
PAD = 4


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
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_colour = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = QColor(text_colour)
        if not selected:
            dim.setAlpha(165)
        bold = QFont(opt.font)
        bold.setBold(True)
        plain, strong = QFontMetrics(opt.font), QFontMetrics(bold)
        rect = opt.rect.adjusted(PAD, 0, -PAD, 0)
        match = strong.elidedText(match, Qt.TextElideMode.ElideMiddle, max(24, rect.width() // 2))
        match_w = strong.horizontalAdvance(match) + 2 * PAD
        side = max(0, min(rect.width() // 3, rect.width() - match_w))  # every row's match starts at the same x
        left_rect = QRect(rect.left(), rect.top(), side, rect.height())
        match_rect = QRect(rect.left() + side, rect.top(), match_w, rect.height())
        right_rect = QRect(match_rect.right() + 1, rect.top(), max(0, rect.right() - match_rect.right()), rect.height())

        painter.save()
        painter.setClipRect(opt.rect)
        colour = QColor(index.data(ColourRole) or "#f2c94c")
        box = QColor(colour)
        box.setAlpha(220 if selected else 80)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(box)
        painter.drawRoundedRect(QRectF(match_rect.adjusted(0, 3, 0, -3)), 3, 3)
        painter.setFont(bold)
        painter.setPen(text_colour)
        painter.drawText(match_rect, Qt.AlignmentFlag.AlignCenter, match)
        painter.setFont(opt.font)
        painter.setPen(dim)
        painter.drawText(left_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         plain.elidedText(left, Qt.TextElideMode.ElideLeft, left_rect.width()))
        painter.drawText(right_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         plain.elidedText(right, Qt.TextElideMode.ElideRight, right_rect.width()))
        painter.restore()
