"""Paints each span in its label's colour, block by block, only where the reader looks.

Formats go straight onto each block's QTextLayout (what QSyntaxHighlighter does internally),
but only for blocks that are on screen, just before they are shown: opening a long article
costs the visible screenful, not the whole text. Nested and overlapping spans stay
distinguishable: the innermost label colours the background (deeper with each level of
nesting) and the label around it underlines the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette, QTextBlock, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QPlainTextEdit

from annotator.ui.widgets.colours import blend, span_tint, text_on  # noqa: F401 (blend re-exported)
from annotator.ui.widgets.span_index import SpanIndex

UNKNOWN = "#999999"


class SpanPainter(QObject):
    def __init__(self, editor: QPlainTextEdit, index: SpanIndex, before_paint: Callable[[int], None]) -> None:
        super().__init__(editor)
        self.editor = editor
        self.doc = editor.document()
        self.index = index
        self._before_paint = before_paint  # called with the last visible UTF-16 position
        self._painted = bytearray()
        self._colours: dict[int, str] = {}
        self._formats: dict[tuple[int, ...], QTextCharFormat] = {}
        # More format ranges for a block's UTF-16 range [start, end) (the label tags' room).
        self.extra_ranges: Callable[[int, int], list[QTextLayout.FormatRange]] | None = None
        editor.verticalScrollBar().valueChanged.connect(lambda _: self.paint_visible())
        editor.installEventFilter(self)  # a new palette (light <-> dark) means new tints

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.editor and event.type() == QEvent.Type.PaletteChange:
            self._formats.clear()
            self.invalidate_all()
        return False

    # --- what is painted ----------------------------------------------------------------
    def set_label_colours(self, colours: dict[int, str]) -> None:
        self._colours = dict(colours)
        self._formats.clear()
        self.invalidate_all()

    def invalidate_all(self) -> None:
        """Forget every painted block (new text or new colours) and paint what is on screen."""
        self._painted = bytearray(self.doc.blockCount())
        self.paint_visible()

    def _check_document(self) -> None:
        if len(self._painted) != self.doc.blockCount():  # new text: nothing of it is painted
            self._painted = bytearray(self.doc.blockCount())

    def repaint_range(self, start: int, end: int) -> None:
        """Spans changed in the UTF-16 range [start, end): repaint the blocks there that were painted."""
        self.repaint_ranges([(start, end)])

    def repaint_ranges(self, ranges: Iterable[tuple[int, int]]) -> None:
        """Spans changed in these UTF-16 ranges: repaint each painted block among them once, however
        many of the ranges fall in it."""
        self._check_document()
        todo: dict[int, QTextBlock] = {}
        for start, end in ranges:
            block = self.doc.findBlock(start)
            last = self.doc.findBlock(max(start, end - 1)).blockNumber()
            while block.isValid() and block.blockNumber() <= last:
                number = block.blockNumber()
                if self._painted[number] and number not in todo:
                    todo[number] = block
                block = block.next()
        for block in todo.values():
            self._paint_block(block)

    def paint_visible(self) -> None:
        """Paint every block on screen that is not painted yet."""
        self._check_document()
        ed = self.editor
        block = ed.firstVisibleBlock()
        if not block.isValid():
            return
        offset = ed.contentOffset()
        height = ed.viewport().height()
        blocks = []
        while block.isValid():
            blocks.append(block)
            if ed.blockBoundingGeometry(block).translated(offset).bottom() > height:
                break
            block = block.next()
        last = blocks[-1]
        self._before_paint(last.position() + last.length())
        for b in blocks:
            if not self._painted[b.blockNumber()]:
                self._paint_block(b)

    def is_painted(self, block_number: int) -> bool:
        return bool(self._painted[block_number])

    # --- how a block is painted --------------------------------------------------------------
    def _format(self, stack: tuple[int, ...]) -> QTextCharFormat:
        """Format for the label ids covering a piece of text, outermost first."""
        fmt = self._formats.get(stack)
        if fmt is None and min(stack) < 0:
            fmt = self._formats[stack] = self._others_format(stack)
        if fmt is None:
            fmt = QTextCharFormat()
            inner = self._colours.get(stack[-1], UNKNOWN)
            pal = self.editor.palette()
            background = span_tint(inner, len(stack), pal.color(QPalette.ColorRole.Base))
            fmt.setBackground(background)
            fmt.setForeground(text_on(background, pal.color(QPalette.ColorRole.Text)))
            if len(stack) > 1:
                fmt.setFontUnderline(True)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(self._colours.get(stack[-2], UNKNOWN)))
            self._formats[stack] = fmt
        return fmt

    def _others_format(self, stack: tuple[int, ...]) -> QTextCharFormat:
        """Another analyst's span (negative label id): read-only, so not filled; its text takes its
        label's colour (the overlay outlines it with a dotted line), over the fill of the user's own
        spans there, if any."""
        own = tuple(k for k in stack if k > 0)
        fmt = QTextCharFormat(self._format(own)) if own else QTextCharFormat()
        if not own:
            colour = QColor(self._colours.get(-next(k for k in reversed(stack) if k < 0), UNKNOWN))
            light = self.editor.palette().color(QPalette.ColorRole.Base).lightness() > 128
            fmt.setForeground(colour.darker(135) if light else colour.lighter(135))
        return fmt

    def ranges_for(self, start: int, end: int) -> list[tuple[int, int, tuple[int, ...]]]:
        """(from, to, label stack) pieces of the UTF-16 range [start, end)."""
        items = self.index.in_range(start, end)
        label_of = self.index.label_of
        out = []
        i, n = 0, len(items)
        while i < n:
            s, e, ident = items[i]
            j, cluster_end = i + 1, e
            while j < n and items[j][0] < cluster_end:  # spans overlapping this one
                cluster_end = max(cluster_end, items[j][1])
                j += 1
            if j == i + 1:
                out.append((max(s, start), min(e, end), (label_of[ident],)))
            else:
                cluster = items[i:j]
                cuts = sorted({p for s, e, _ in cluster for p in (max(s, start), min(e, end))})
                by_size = sorted(cluster, key=lambda t: t[0] - t[1])  # longest (outermost) first
                for a, b in pairwise(cuts):
                    stack = tuple(label_of[k] for s, e, k in by_size if s <= a and e >= b)
                    if stack:
                        out.append((a, b, stack))
            i = j
        return out

    def _paint_block(self, block) -> None:
        start = block.position()
        end = start + block.length() - 1
        ranges = []
        for a, b, stack in self.ranges_for(start, end):
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = a - start, b - a, self._format(stack)
            ranges.append(r)
        if self.extra_ranges is not None:
            ranges.extend(self.extra_ranges(start, end))
        layout = block.layout()
        if ranges or layout.formats():
            layout.setFormats(ranges)
            self.doc.markContentsDirty(start, block.length())
        self._painted[block.blockNumber()] = 1
