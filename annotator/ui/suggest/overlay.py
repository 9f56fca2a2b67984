"""Suggestions painted over the text pane as dashed outlines in their label's colour.

A transparent widget on top of the pane's viewport: nothing is written into the document, so
suggestions never look like (or get mixed up with) annotations, which are filled tints. Only
the suggestions on screen are painted. The current suggestion (Tab) gets a faint fill and a
thicker outline.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from annotator.ui.widgets.colours import readable

UNKNOWN = "#888888"


def span_rects(pane: QPlainTextEdit, u16_start: int, u16_end: int) -> list[QRectF]:
    """One rectangle per line the UTF-16 range [start, end) is laid out on, in viewport coordinates."""
    doc = pane.document()
    offset = pane.contentOffset()
    rects = []
    block = doc.findBlock(u16_start)
    while block.isValid() and block.position() < u16_end:
        layout = block.layout()
        top = pane.blockBoundingGeometry(block).translated(offset).top()
        a = max(u16_start, block.position()) - block.position()
        b = min(u16_end, block.position() + block.length() - 1) - block.position()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            ls, le = line.textStart(), line.textStart() + line.textLength()
            if le <= a or ls >= b:
                continue
            x1 = line.cursorToX(max(a, ls))[0]
            x2 = line.cursorToX(min(b, le))[0]
            rects.append(QRectF(QPointF(x1 + offset.x(), top + line.y()), QPointF(x2 + offset.x(), top + line.y() + line.height())))
        block = block.next()
    return rects


class SuggestionOverlay(QWidget):
    """Paints ``items``: (UTF-16 start, UTF-16 end, colour) in text order; ``current`` is an index or -1."""

    def __init__(self, pane: QPlainTextEdit) -> None:
        super().__init__(pane.viewport())
        self.setObjectName("suggestionOverlay")
        self.pane = pane
        self.items: list[tuple[int, int, str]] = []
        self._starts: list[int] = []
        self.current = -1
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        pane.viewport().installEventFilter(self)
        pane.verticalScrollBar().valueChanged.connect(self.update)
        pane.horizontalScrollBar().valueChanged.connect(self.update)
        pane.document().documentLayout().documentSizeChanged.connect(self.update)
        self.resize(pane.viewport().size())

    def set_items(self, items: list[tuple[int, int, str]], current: int = -1) -> None:
        self.items = items
        self._starts = [s for s, _, _ in items]
        self.current = current
        self.update()

    def set_current(self, index: int) -> None:
        self.current = index
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.resize(self.pane.viewport().size())
        return False

    def visible_range(self) -> tuple[int, int]:
        """UTF-16 positions of the first and past the last character on screen."""
        top = self.pane.cursorForPosition(self.rect().topLeft()).position()
        bottom = self.pane.cursorForPosition(self.rect().bottomRight()).position()
        return top, bottom + 1

    def paintEvent(self, event) -> None:  # noqa: N802
        if not self.items:
            return
        first, last = self.visible_range()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = self.pane.palette().color(QPalette.ColorRole.Base)
        # a span can start above the screen and end on it: look back from the first visible start
        i = max(0, bisect_left(self._starts, first) - 1)
        while i < len(self.items) and self.items[i][0] <= last:
            s, e, colour = self.items[i]
            if e > first:
                self._paint_one(painter, s, e, readable(QColor(colour or UNKNOWN), base), i == self.current)
            i += 1
        painter.end()

    def _paint_one(self, painter: QPainter, s: int, e: int, colour: QColor, current: bool) -> None:
        pen = QPen(colour, 2.2 if current else 1.4, Qt.PenStyle.DashLine)
        pen.setDashPattern([3, 2])
        painter.setPen(pen)
        if current:
            fill = QColor(colour)
            fill.setAlpha(46)
            painter.setBrush(fill)
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
        for r in span_rects(self.pane, s, e):
            painter.drawRoundedRect(r.adjusted(-1.0, 2.0, 1.0, -1.5), 3, 3)
