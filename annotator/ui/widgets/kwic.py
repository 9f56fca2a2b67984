"""Painting a keyword in context in a table cell: left context | match | right context.

The match is drawn bold on a rounded box of its colour, the context dimmed and elided towards the
cell's edges. The review table centres the match; the search and consistency lists put it a third
of the way in, so every row's match starts at the same place.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

PAD = 4  # pixels around the match inside its box


def paint_in_context(
    delegate,
    painter: QPainter,
    option: QStyleOptionViewItem,
    index,
    parts: tuple[str, str, str],
    colour: str,
    *,
    centred: bool,
) -> None:
    """Draw the cell's background (selection, focus) as the style does, then ``parts`` over it."""
    left, match, right = parts
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    opt.text = ""
    style = opt.widget.style() if opt.widget else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

    selected = bool(opt.state & QStyle.StateFlag.State_Selected)
    text_colour = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
    dim = QColor(text_colour)
    if not selected:
        dim.setAlpha(168)
    bold = QFont(opt.font)
    bold.setBold(True)
    plain, strong = QFontMetrics(opt.font), QFontMetrics(bold)
    rect = opt.rect.adjusted(PAD, 0, -PAD, 0)
    match = strong.elidedText(match, Qt.TextElideMode.ElideMiddle, max(24, rect.width() // 2))
    match_w = strong.horizontalAdvance(match) + 2 * PAD
    if centred:
        side = max(0, (rect.width() - match_w) // 2)
    else:
        side = max(0, min(rect.width() // 3, rect.width() - match_w))
    left_rect = QRect(rect.left(), rect.top(), side, rect.height())
    match_rect = QRect(rect.left() + side, rect.top(), match_w, rect.height())
    right_rect = QRect(match_rect.right() + 1, rect.top(), max(0, rect.right() - match_rect.right()), rect.height())

    painter.save()
    painter.setClipRect(opt.rect)
    box = QColor(colour)
    box.setAlpha(225 if selected else 75)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(box)
    painter.drawRoundedRect(QRectF(match_rect.adjusted(0, 3, 0, -3)), 3, 3)
    painter.setFont(bold)
    painter.setPen(text_colour)  # the palette's text colour reads well on a light tint, light or dark theme
    painter.drawText(match_rect, Qt.AlignmentFlag.AlignCenter, match)
    painter.setFont(opt.font)
    painter.setPen(dim)
    painter.drawText(left_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     plain.elidedText(left, Qt.TextElideMode.ElideLeft, left_rect.width()))
    painter.drawText(right_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     plain.elidedText(right, Qt.TextElideMode.ElideRight, right_rect.width()))
    painter.restore()
