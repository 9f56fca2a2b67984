"""A horizontal bar chart drawn with QPainter: one bar per label, in the label's colour."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from annotator.ui.i18n import tr

BAR = 22  # bar height
GAP = 8


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._bars: list[tuple[str, int, str]] = []

    def set_bars(self, bars: list[tuple[str, int, str]]) -> None:
        """(name, count, colour) per bar, drawn in this order."""
        self._bars = list(bars)
        self.setToolTip("\n".join(f"{name}: {count:,}" for name, count, _ in self._bars))
        self.updateGeometry()
        self.update()

    def bars(self) -> list[tuple[str, int, str]]:
        return list(self._bars)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, max(1, len(self._bars)) * (BAR + GAP) + GAP)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        if not self._bars:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("No labels yet."))
            return
        name_w = min(self.width() // 3, max(metrics.horizontalAdvance(n) for n, _, _ in self._bars) + 12)
        count_w = max(metrics.horizontalAdvance(f"{c:,}") for _, c, _ in self._bars) + 12
        room = max(1, self.width() - name_w - count_w - 8)
        top_count = max(c for _, c, _ in self._bars) or 1
        y = GAP
        for name, count, colour in self._bars:
            painter.setPen(text_colour)
            name_rect = QRectF(0, y, name_w - 8, BAR)
            painter.drawText(name_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(name, Qt.TextElideMode.ElideRight, name_w - 8))
            width = room * count / top_count
            painter.setPen(Qt.PenStyle.NoPen)
            track = QColor(text_colour)
            track.setAlpha(25)
            painter.setBrush(track)
            painter.drawRoundedRect(QRectF(name_w, y, room, BAR), 4, 4)
            if count:
                painter.setBrush(QColor(colour))
                painter.drawRoundedRect(QRectF(name_w, y, max(width, 4), BAR), 4, 4)
            painter.setPen(text_colour)
            painter.drawText(QRectF(name_w + room + 8, y, count_w, BAR),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{count:,}")
            y += BAR + GAP
