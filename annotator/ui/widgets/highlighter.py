"""Paints each span in its label's colour. Nested and overlapping spans stay distinguishable:
the innermost label colours the background (deeper with each level of nesting) and the
label around it underlines the text."""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.ui.widgets.span_index import SpanIndex


def blend(colour: str, amount: float, base: str = "#ffffff") -> QColor:
    """``amount`` of ``colour`` over ``base``: light tints that keep black text readable."""
    c, b = QColor(colour), QColor(base)
    mix = lambda x, y: round(x * amount + y * (1 - amount))  # noqa: E731
    return QColor(mix(c.red(), b.red()), mix(c.green(), b.green()), mix(c.blue(), b.blue()))


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, index: SpanIndex) -> None:
        super().__init__(document)
        self.index = index
        self._colours: dict[int, str] = {}
        self._formats: dict[tuple[int, ...], QTextCharFormat] = {}

    def set_label_colours(self, colours: dict[int, str]) -> None:
        self._colours = dict(colours)
        self._formats.clear()

    def _format(self, stack: tuple[int, ...]) -> QTextCharFormat:
        """Format for label ids covering a piece of text, outermost first."""
        fmt = self._formats.get(stack)
        if fmt is None:
            fmt = QTextCharFormat()
            inner = self._colours.get(stack[-1], "#999999")
            fmt.setBackground(blend(inner, min(0.28 + 0.17 * (len(stack) - 1), 0.7)))
            if len(stack) > 1:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(self._colours.get(stack[-2], "#999999")))
                fmt.setFontUnderline(True)
            self._formats[stack] = fmt
        return fmt

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        block = self.currentBlock()
        start = block.position()
        end = start + block.length() - 1  # UTF-16 units; len(text) counts code points
        items = self.index.in_range(start, end)
        if not items:
            return
        get = self.index.get
        if len(items) == 1:
            s, e, ident = items[0]
            s, e = max(s, start), min(e, end)
            self.setFormat(s - start, e - s, self._format((get(ident).label_id,)))
            return
        cuts = sorted({p for s, e, _ in items for p in (max(s, start), min(e, end))})
        by_size = sorted(items, key=lambda t: t[0] - t[1])  # longest (outermost) first
        for a, b in zip(cuts, cuts[1:]):
            stack = tuple(get(i).label_id for s, e, i in by_size if s <= a and e >= b)
            if stack:
                self.setFormat(a - start, b - a, self._format(stack))
