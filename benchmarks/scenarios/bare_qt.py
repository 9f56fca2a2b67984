"""The Qt floor for showing an article: a bare QPlainTextEdit with the same text and highlights."""

from __future__ import annotations

import bisect
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

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


class PaintCount(QObject):
    """Counts the paint events a widget receives: proof that a measured paint happened."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.n = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.n += 1
        return False


def paint_pending(*widgets: QWidget) -> None:
    """Paint now what is waiting to be painted, as the event loop's next turn would: every widget that
    an action marked for update (the text, the lists and labels that changed), and nothing else. A
    forced ``repaint()`` of the whole window would also paint toolbars and docks that did not change,
    which neither the window in use nor the one-widget baseline does. Raises unless each of
    ``widgets`` (with a PaintCount installed) was painted."""
    before = [w.n for w in widgets]
    QApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest)
    if any(w.n == b for w, b in zip(widgets, before, strict=True)):
        raise AssertionError("the measured paint did not paint the text")


def bare_open(text: str, spans: Spans, repeats: int, size: tuple[int, int]) -> list[float]:
    """Seconds from setPlainText to the first paint done, in a shown QPlainTextEdit (painted as the
    window is: see paint_pending)."""
    per_block = highlights_per_block(text, spans)
    times = []
    for _ in range(repeats):
        edit = QPlainTextEdit()
        edit.resize(*size)
        edit.setReadOnly(True)
        edit.show()
        QApplication.processEvents()
        _Highlighter(edit.document(), per_block)
        painted = PaintCount(edit.viewport())
        t0 = time.perf_counter()
        edit.setPlainText(text)
        paint_pending(painted)
        times.append(time.perf_counter() - t0)
        edit.close()
        edit.deleteLater()
        QApplication.processEvents()
    return times
