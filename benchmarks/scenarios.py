"""The measured scenarios. Each returns a dict of figures (milliseconds unless named otherwise)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.core.offsets import OffsetMap
from annotator.ui.app import AppController


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


class _BareHighlighter(QSyntaxHighlighter):
    """Baseline: the same highlights, precomputed per block, applied by a minimal highlighter."""

    def __init__(self, doc, per_block):
        super().__init__(doc)
        self.per_block = per_block
        self.fmt = QTextCharFormat()
        self.fmt.setBackground(QColor("#cfe3f7"))

    def highlightBlock(self, text):  # noqa: N802
        for start, length in self.per_block.get(self.currentBlockState() if False else self.currentBlock().blockNumber(), ()):
            self.setFormat(start, length, self.fmt)


def bare_open(text: str, spans: list[tuple[int, int, int]], repeats: int) -> list[float]:
    """A bare QPlainTextEdit showing the same text with the same highlights: setPlainText to painted."""
    offsets = OffsetMap(text)
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    import bisect

    per_block: dict[int, list[tuple[int, int]]] = {}
    for s, e, _ in spans:
        b = bisect.bisect_right(starts, s) - 1
        per_block.setdefault(b, []).append((offsets.to_utf16(s) - offsets.to_utf16(starts[b]), offsets.to_utf16(e) - offsets.to_utf16(s)))
    times = []
    for _ in range(repeats):
        edit = QPlainTextEdit()
        edit.resize(1280, 820)
        edit.setReadOnly(True)
        edit.show()
        QApplication.processEvents()
        _BareHighlighter(edit.document(), per_block)
        t0 = time.perf_counter()
        edit.setPlainText(text)
        edit.repaint()
        times.append(time.perf_counter() - t0)
        edit.close()
        edit.deleteLater()
        QApplication.processEvents()
    return times


def app_open(db: Path, article_id: int, settings_path: Path, repeats: int) -> tuple[list[float], list[float], object]:
    controller = AppController(QSettings(str(settings_path), QSettings.Format.IniFormat), "bench")
    window = controller.open(db)
    window.resize(1280, 820)
    QApplication.processEvents()
    painted, loaded = [], []
    for _ in range(repeats):
        window.open_article(None)
        QApplication.processEvents()
        t0 = time.perf_counter()
        window.open_article(article_id)
        window.repaint()
        painted.append(time.perf_counter() - t0)
        while not window.pane.fully_loaded:
            QApplication.processEvents()
        loaded.append(time.perf_counter() - t0)
    return painted, loaded, window


def keypress_latency(window, text: str, n: int = 200) -> tuple[list[float], list[float]]:
    """Select an unlabelled word on screen, press '1': time until the text pane has painted the
    committed span, and time until the event loop is idle again (annotation list included)."""
    pane = window.pane
    painted_at: list[float] = []

    def on_paint():
        painted_at.append(time.perf_counter())

    pane.painted.connect(on_paint)
    covered = bytearray(len(text) + 1)
    for a in pane.index.annotations():
        covered[a.start : a.end] = b"\x01" * (a.end - a.start)
    # Words on the first screens that carry no span yet.
    words, pos = [], 0
    for word in text[:20000].split(" "):
        s, e = pos, pos + len(word)
        pos = e + 1
        if word.isalpha() and len(word) > 3 and not any(covered[s:e]):
            words.append((s, e))
    times, idle = [], []
    committed_before = window.session.corpus.annotations.count()
    try:
        for s, e in words[:n]:
            pane.select_codepoints(s, e)
            QApplication.processEvents()
            painted_at.clear()
            t0 = time.perf_counter()
            QTest.keyClick(pane, Qt.Key.Key_1)  # commits before it returns
            QApplication.processEvents()  # the paints the key press caused, as the event loop runs them
            idle.append(time.perf_counter() - t0)
            assert painted_at, "the key press did not repaint the text"
            times.append(painted_at[0] - t0)
    finally:
        pane.painted.disconnect(on_paint)
    added = window.session.corpus.annotations.count() - committed_before
    assert added == len(times), f"{added} spans committed for {len(times)} key presses"
    return times, idle


def startup(db: Path, settings_dir: Path, repeats: int = 3) -> tuple[list[float], list[float]]:
    """Process start to a usable window (shown, list filled, first article painted), and a bare Qt window."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(settings_dir))
    ours, bare = [], []
    for _ in range(repeats):
        for probe, out in (("app", ours), ("bare", bare)):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "benchmarks.startup_probe", probe, str(db)], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            out.append(time.perf_counter() - t0)
    return ours, bare


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)
