"""Keyword in context: left context | span | right context, the span bold on its label's colour, centred."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from annotator.ui.review.model import ReviewTableModel, context_sides, one_line

PAD = 4  # pixels around the span's text inside its coloured box


class ContextDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        row = index.data(ReviewTableModel.RowRole)
        if row is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_colour = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = QColor(text_colour)
        if not selected:
            dim.setAlpha(170)
        bold = QFont(opt.font)
        bold.setBold(True)
        plain_metrics, bold_metrics = QFontMetrics(opt.font), QFontMetrics(bold)
        rect = opt.rect.adjusted(PAD, 0, -PAD, 0)
        span = bold_metrics.elidedText(one_line(row.text), Qt.TextElideMode.ElideMiddle, max(20, rect.width() // 2))
        span_w = bold_metrics.horizontalAdvance(span) + 2 * PAD
        side = max(0, (rect.width() - span_w) // 2)
        left_rect = QRect(rect.left(), rect.top(), side, rect.height())
        span_rect = QRect(rect.left() + side, rect.top(), span_w, rect.height())
        right_rect = QRect(span_rect.right() + 1, rect.top(), rect.right() - span_rect.right(), rect.height())

        painter.save()
        painter.setClipRect(opt.rect)
        colour = QColor(index.data(ReviewTableModel.ColourRole) or "#999999")
        box = QColor(colour)
        box.setAlpha(230 if selected else 60)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(box)
        painter.drawRoundedRect(QRectF(span_rect.adjusted(0, 3, 0, -3)), 3, 3)
        painter.setPen(colour.darker(160) if not selected else QColor("#ffffff"))
        painter.setFont(bold)
        painter.drawText(span_rect, Qt.AlignmentFlag.AlignCenter, span)
        painter.setFont(opt.font)
        painter.setPen(dim)
        left, right = context_sides(row)
        left = plain_metrics.elidedText(left, Qt.TextElideMode.ElideLeft, left_rect.width())
        right = plain_metrics.elidedText(right, Qt.TextElideMode.ElideRight, right_rect.width())
        painter.drawText(left_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, left)
        painter.drawText(right_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, right)
        painter.restore()
