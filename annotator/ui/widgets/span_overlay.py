"""What is drawn over the painted spans: each span's boundary, its label tag, and a note marker.

Boundaries: a thin outline in the label's colour around each span (inset by its nesting depth),
so adjacent spans of one label read as two and nested ones as nested. Tags (View › Show label
names): the label's name in a small pill inside the span's box, right after its last character,
in a gap opened by letter spacing on that character (the gap wraps with the character, so a tag
is never cut off at a line end or left behind on another line, and a span that opens a
paragraph has its tag like any other). Spans ending at one character show their tags innermost
first. Notes: a small corner mark at the span's end. Only what is on screen is drawn.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.model import Label
from annotator.ui.widgets.colours import is_dark, text_on
from annotator.ui.widgets.span_index import SpanIndex

MAX_TAGS_PER_PARAGRAPH = 400  # beyond that, tags would reflow a huge paragraph on every toggle: none there
TAG_SCALE = 0.62  # of the text's font size
TAG_PAD = 3.0  # px inside a tag, each side
TAG_GAP = 2.0  # px between a tag and the span
NOTE_MARK = 8.0  # px, the side of the note corner mark
HIT_COLOUR = QColor("#f59f00")  # Find in article underlines every hit on screen in amber


class SpanOverlay:
    def __init__(self, editor: QPlainTextEdit, index: SpanIndex) -> None:
        self.editor = editor
        self.index = index
        self.labels: dict[int, Label] = {}
        self.show_names = False
        self._widths: dict[str, float] = {}
        self._text_metrics: QFontMetricsF | None = None
        self._pills: dict[tuple, QPixmap] = {}
        self._tag_font: QFont | None = None
        self._offset = None
        self._tops: dict[int, float] = {}
        self._tagged: dict[tuple[int, int, int], bool] = {}
        self.find_hits: list[int] = []  # UTF-16 starts of the hits of Find in article, in order
        self.find_length = 0

    # --- label tags: the room they take --------------------------------------------------------
    def tag_font(self) -> QFont:
        if self._tag_font is None:
            font = QFont(self.editor.font())
            font.setPointSizeF(max(6.0, font.pointSizeF() * TAG_SCALE))
            font.setWeight(QFont.Weight.DemiBold)
            self._tag_font = font
        return self._tag_font

    def set_font_changed(self) -> None:
        self._widths.clear()
        self._pills.clear()
        self._tag_font = None
        self._text_metrics = None

    def _metrics(self) -> QFontMetricsF:
        if self._text_metrics is None:
            self._text_metrics = QFontMetricsF(self.editor.font())
        return self._text_metrics

    def tag_text(self, label_id: int) -> str:
        lab = self.labels.get(abs(label_id))  # negative: another analyst's span (SpanIndex.paint_key)
        return lab.name if lab else "?"

    def tag_width(self, label_id: int) -> float:
        text = self.tag_text(label_id)
        width = self._widths.get(text)
        if width is None:
            width = QFontMetricsF(self.tag_font()).horizontalAdvance(text) + 2 * TAG_PAD + TAG_GAP
            self._widths[text] = width
        return width

    def _tag_places(self, start: int, end: int) -> dict[int, list[tuple[int, int, int]]]:
        """Spans ending in the UTF-16 range (start, end], by the character after which their tags go,
        innermost first."""
        places: dict[int, list[tuple[int, int, int]]] = {}
        doc = self.editor.document()
        for s, e, ident in self.index.in_range(start, end):
            if not start < e <= end or e <= s:
                continue
            host = e - 1
            if host > s and 0xDC00 <= ord(doc.characterAt(host)) <= 0xDFFF:
                host -= 1  # the gap goes after a whole astral character
            places.setdefault(host, []).append((s, e, ident))
        for spans in places.values():
            spans.sort(key=lambda t: -t[0])
        return places

    def extra_ranges(self, block_start: int, block_end: int) -> list[QTextLayout.FormatRange]:
        """Letter spacing that opens a gap for the tags of the spans in this block."""
        if not self.show_names:
            return []
        if not self._tagged_paragraph(self.editor.document().findBlock(block_start)):
            return []
        places = self._tag_places(block_start, block_end)
        out = []
        for host, spans in places.items():
            if not block_start <= host < block_end:
                continue
            fmt = QTextCharFormat()
            fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            fmt.setFontLetterSpacing(sum(self.tag_width(self.index.label_of[i]) for _, _, i in spans))
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = host - block_start, 2 if self._astral(host) else 1, fmt
            out.append(r)
        return out

    def _astral(self, pos: int) -> bool:
        return 0xD800 <= ord(self.editor.document().characterAt(pos)) <= 0xDBFF

    # --- drawing -----------------------------------------------------------------------------------
    def _visible_range(self, top: float, bottom: float) -> tuple[int, int] | None:
        """The UTF-16 range of the text shown between viewport heights ``top`` and ``bottom``
        (whole lines, so a long paragraph costs only what is on screen)."""
        ed = self.editor
        if not ed.firstVisibleBlock().isValid():
            return None
        width = ed.viewport().width()
        first = ed.cursorForPosition(QPoint(0, int(top))).position()
        last = ed.cursorForPosition(QPoint(width, int(bottom))).position()
        first_block, last_block = ed.document().findBlock(first), ed.document().findBlock(last)
        line = first_block.layout().lineForTextPosition(first - first_block.position())
        start = first_block.position() + (line.textStart() if line.isValid() else 0)
        line = last_block.layout().lineForTextPosition(last - last_block.position())
        end = last_block.position() + (line.textStart() + line.textLength() if line.isValid() else last_block.length())
        return start, end + 1

    def _fragments(self, start: int, end: int) -> list[QRectF]:
        """One rectangle per line of the UTF-16 range [start, end), in viewport coordinates."""
        ed, doc = self.editor, self.editor.document()
        rects = []
        block = doc.findBlock(start)
        if self._offset is None:
            self._offset = ed.contentOffset()
        offset = self._offset
        while block.isValid() and block.position() < end:
            layout = block.layout()
            top = self._tops.get(block.blockNumber())
            if top is None:
                top = self._tops[block.blockNumber()] = ed.blockBoundingGeometry(block).translated(offset).top()
            base = block.position()
            line_no = layout.lineForTextPosition(max(0, start - base)).lineNumber() if start > base else 0
            while 0 <= line_no < layout.lineCount():
                line = layout.lineAt(line_no)
                line_no += 1
                if base + line.textStart() >= end:
                    break
                a = max(start, base + line.textStart())
                b = min(end, base + line.textStart() + line.textLength())
                if a >= b:
                    continue
                x1 = line.cursorToX(a - base)[0]
                x2 = line.cursorToX(b - base)[0]
                if b == end and self.show_names:  # the tag gap after the last character: added by paint()
                    x2 = min(x2, line.cursorToX(b - 1 - base)[0] + self._advance(block, b - 1))
                rects.append(QRectF(x1 + offset.x(), top + line.y(), max(1.0, x2 - x1), line.height()))
            block = block.next()
        return rects

    def _advance(self, block, pos: int) -> float:
        """The width of the character at UTF-16 position ``pos`` (without any tag gap after it)."""
        if not block.position() <= pos < block.position() + block.length() - 1:
            return 0.0
        doc = self.editor.document()
        ch = doc.characterAt(pos)
        if 0xD800 <= ord(ch) <= 0xDBFF:  # an astral character: both halves
            ch += doc.characterAt(pos + 1)
        return self._metrics().horizontalAdvance(ch)

    def paint(self, painter: QPainter, area: QRectF) -> None:
        """Draw over the spans shown in ``area`` (the part of the viewport being repainted)."""
        self._offset, self._tops = None, {}  # read once per paint
        shown = self._visible_range(area.top(), area.bottom())
        if shown is None:
            return
        start, end = shown
        if self.find_hits:
            self._paint_hits(painter, start, end)
        if not len(self.index):
            return
        items = sorted(self.index.in_range(start, end), key=lambda t: (t[0], -t[1]))
        if not items:
            return
        base = self.editor.palette().color(QPalette.ColorRole.Base)
        dark = is_dark(base)
        depth: dict[int, int] = {}
        open_spans: list[tuple[int, int]] = []
        for s, e, ident in items:
            open_spans = [(oe, d) for oe, d in open_spans if oe > s]
            depth[ident] = len(open_spans)
            open_spans.append((e, len(open_spans)))
        shown_tags = self._shown_tags(start, end) if self.show_names else {}
        tags = self._tag_room(shown_tags)
        text_ends: dict[int, QRectF] = {}  # where each span's text ends: its tag goes right after
        notes: list[QRectF] = []
        for s, e, ident in items:
            key = self.index.label_of[ident]
            lab = self.labels.get(abs(key))
            colour = QColor(lab.colour if lab else "#999999")
            edge = colour.lighter(135) if dark else colour.darker(150)
            inset = min(depth[ident], 3) * 1.5
            frags = self._fragments(s, e)
            if frags and ident in tags:  # the box holds the span's own tag and those of spans inside it
                text_ends[ident] = QRectF(frags[-1])
                frags[-1].setRight(frags[-1].right() + tags[ident])
            # another analyst's span (read-only, not filled) is outlined with a dotted line (suggestions are dashed)
            painter.setPen(QPen(edge, 1, Qt.PenStyle.DotLine) if key < 0 else QPen(edge))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects([r.adjusted(0.5, 0.5 + inset, -0.5, -0.5 - inset) for r in frags])
            a = self.index.get(ident)
            if a is not None and a.note and frags:
                notes.append(frags[-1])
        if shown_tags:
            self._paint_tags(painter, shown_tags, text_ends)
        mark = self.editor.palette().color(QPalette.ColorRole.Text)
        for rect in notes:  # last, over the tags: a note is worth seeing
            self._note_mark(painter, rect, mark)

    def _tag_room(self, shown_tags: dict[int, list[tuple[int, int, int]]]) -> dict[int, float]:
        """For each span, the width of the tags inside its box: its own and those of spans it holds."""
        room = {}
        for spans in shown_tags.values():
            total = 0.0
            for _, _, ident in spans:
                total += self.tag_width(self.index.label_of[ident])
                room[ident] = total
        return room

    def _paint_hits(self, painter: QPainter, start: int, end: int) -> None:
        """Every hit of Find in article that is on screen, underlined in amber."""
        hits, length = self.find_hits, self.find_length
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(HIT_COLOUR)
        for s in hits[bisect_left(hits, start - length) : bisect_left(hits, end)]:
            for r in self._fragments(s, s + length):
                painter.drawRect(QRectF(r.left(), r.bottom() - 3, r.width(), 3))

    def _note_mark(self, painter: QPainter, rect: QRectF, colour: QColor) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        right, top = rect.right(), rect.top() + 0.5
        corner = QPolygonF([QPointF(right - NOTE_MARK, top), QPointF(right, top), QPointF(right, top + NOTE_MARK)])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(corner)

    def _shown_tags(self, start: int, end: int) -> dict[int, list[tuple[int, int, int]]]:
        """The tag places in [start, end), leaving out paragraphs with too many spans for tags."""
        doc = self.editor.document()
        out = {}
        for host, spans in self._tag_places(start, end).items():
            if self._tagged_paragraph(doc.findBlock(host)):
                out[host] = spans
        return out

    def _tagged_paragraph(self, block) -> bool:
        """Does this paragraph carry tags (it has not too many spans for them)? Remembered until
        the number of spans changes."""
        key = (block.blockNumber(), block.length(), len(self.index))
        known = self._tagged.get(key)
        if known is None:
            if len(self._tagged) > 4096:
                self._tagged.clear()
            first = block.position()
            known = self._tagged[key] = (
                len(self.index.in_range(first, first + block.length())) <= MAX_TAGS_PER_PARAGRAPH
            )
        return known

    def _paint_tags(
        self, painter: QPainter, shown_tags: dict[int, list[tuple[int, int, int]]], text_ends: dict[int, QRectF]
    ) -> None:
        for spans in shown_tags.values():
            end = text_ends.get(spans[0][2])  # the innermost span's text ends where the tags begin
            if end is None:
                continue
            x = end.right()
            for _, _, ident in spans:  # innermost first, left to right
                pill = self._pill(self.index.label_of[ident])
                size = pill.deviceIndependentSize()
                painter.drawPixmap(QPointF(x + TAG_GAP / 2, end.center().y() - size.height() / 2), pill)
                x += size.width() + TAG_GAP

    def _pill(self, label_id: int) -> QPixmap:
        """A label's tag, drawn once per label, colour, text size and screen."""
        lab = self.labels.get(abs(label_id))
        colour = QColor(lab.colour if lab else "#999999")
        text = self.tag_text(label_id)
        ratio = self.editor.devicePixelRatioF()
        key = (text, colour.name(), ratio)  # the cache is emptied when the text size changes
        pill = self._pills.get(key)
        if pill is None:
            font = self.tag_font()
            fm = QFontMetricsF(font)
            width, height = self.tag_width(label_id) - TAG_GAP, fm.height() + 1
            pill = QPixmap(int(width * ratio + 0.999), int(height * ratio + 0.999))
            pill.setDevicePixelRatio(ratio)
            pill.fill(Qt.GlobalColor.transparent)
            p = QPainter(pill)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawRoundedRect(QRectF(0, 0, width, height), 3, 3)
            p.setFont(font)
            p.setPen(text_on(colour))
            p.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, text)
            p.end()
            self._pills[key] = pill
        return pill
