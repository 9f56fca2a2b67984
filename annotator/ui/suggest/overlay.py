"""Suggestions painted over the text pane as dashed outlines in their label's colour.

A transparent widget on top of the pane's viewport: nothing is written into the document, so
suggestions never look like (or get mixed up with) annotations, which are filled tints. Only
the suggestions on screen are converted to Qt positions and painted, so a long article with
thousands of suggestions costs what its visible screenful costs. The selected suggestion (Tab)
gets a faint fill and a thicker outline.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from annotator.suggest.model import Suggestion
from annotator.ui.widgets.colours import readable

UNKNOWN = "#888888"


def span_rects(pane, u16_start: int, u16_end: int) -> list[QRectF]:
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
            rects.append(
                QRectF(
                    QPointF(x1 + offset.x(), top + line.y()), QPointF(x2 + offset.x(), top + line.y() + line.height())
                )
            )
        block = block.next()
    return rects


class SuggestionOverlay(QWidget):
    """Paints ``items`` (code points, in text order) with ``colours`` (tag -> colour); ``selected`` stands out."""

    def __init__(self, pane) -> None:
        super().__init__(pane.viewport())
        self.setObjectName("suggestionOverlay")
        self.pane = pane
        self.items: list[Suggestion] = []
        self.colours: dict[str, str] = {}
        self.selected: Suggestion | None = None
        self._readable: dict[tuple[str, str], QColor] = {}
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        pane.viewport().installEventFilter(self)
        pane.verticalScrollBar().valueChanged.connect(self.update)
        pane.horizontalScrollBar().valueChanged.connect(self.update)
        pane.document().documentLayout().documentSizeChanged.connect(self.update)
        self.resize(pane.viewport().size())

    def set_items(self, items: list[Suggestion], colours: dict[str, str], selected: Suggestion | None) -> None:
        self.items = items
        self.colours = colours
        self.selected = selected
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.resize(self.pane.viewport().size())
        return False

    def visible(self) -> list[Suggestion]:
        """The suggestions on screen, a span that starts above it and runs onto it included."""
        if not self.items:
            return []
        to_cp = self.pane.offsets.to_codepoint
        first = to_cp(self.pane.cursorForPosition(self.rect().topLeft()).position())
        last = to_cp(self.pane.cursorForPosition(self.rect().bottomRight()).position())
        i = max(0, bisect_left(self.items, first, key=lambda s: s.start) - 1)
        out = []
        while i < len(self.items) and self.items[i].start <= last:
            if self.items[i].end > first:
                out.append(self.items[i])
            i += 1
        return out

    def _colour(self, tag: str, base: QColor) -> QColor:
        key = (self.colours.get(tag, UNKNOWN), base.name())
        c = self._readable.get(key)
        if c is None:
            c = self._readable[key] = readable(QColor(key[0]), base)
        return c

    def paintEvent(self, event) -> None:  # noqa: N802
        shown = self.visible()
        if not shown:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = self.pane.palette().color(QPalette.ColorRole.Base)
        to16 = self.pane.offsets.to_utf16
        for s in shown:
            self._paint_one(painter, to16(s.start), to16(s.end), self._colour(s.tag, base), s == self.selected)
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
