"""The Qt floor for showing an article: a bare QPlainTextEdit with the same text and highlights."""

from __future__ import annotations

import bisect
import time

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.core.offsets import OffsetMap

Spans = list[tuple[int, int]]  # (start, end) in code points


class _Highlighter(QSyntaxHighlighter):
    """The same highlights, precomputed per block in UTF-16, applied by a minimal highlighter."""

    def __init__(self, doc, per_block: dict[int, list[tuple[int, int]]]) -> None:
        super().__init__(doc)
        self.per_block = per_block
        self.fmt = QTextCharFormat()
        self.fmt.setBackground(QColor("#cfe3f7"))

    def highlightBlock(self, text: str) -> None:
        for start, length in self.per_block.get(self.currentBlock().blockNumber(), ()):
            self.setFormat(start, length, self.fmt)


def highlights_per_block(text: str, spans: Spans) -> dict[int, list[tuple[int, int]]]:
    """Each span as (UTF-16 start within its block, UTF-16 length), keyed by block number."""
    offsets = OffsetMap(text)
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    per_block: dict[int, list[tuple[int, int]]] = {}
    for s, e in spans:
        b = bisect.bisect_right(starts, s) - 1
        u_block, u_start = offsets.to_utf16(starts[b]), offsets.to_utf16(s)
        per_block.setdefault(b, []).append((u_start - u_block, offsets.to_utf16(e) - u_start))
    return per_block


def bare_open(text: str, spans: Spans, repeats: int, size: tuple[int, int]) -> list[float]:
    """Seconds from setPlainText to the first paint done, in a shown QPlainTextEdit."""
    per_block = highlights_per_block(text, spans)
    times = []
    for _ in range(repeats):
        edit = QPlainTextEdit()
        edit.resize(*size)
        edit.setReadOnly(True)
        edit.show()
        QApplication.processEvents()
        _Highlighter(edit.document(), per_block)
        t0 = time.perf_counter()
        edit.setPlainText(text)
        edit.repaint()
        times.append(time.perf_counter() - t0)
        edit.close()
        edit.deleteLater()
        QApplication.processEvents()
    return times
