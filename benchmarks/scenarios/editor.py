"""Open a long article in the window (against bare Qt), then label words with key presses."""

from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path

from benchmarks.context import Bench
from benchmarks.corpora import working_copy
from benchmarks.measure import Figure, p95

SIZE = (1280, 820)


def run(bench: Bench) -> list[Figure]:
    bench.qt()
    from PySide6.QtCore import QSettings

    from annotator.store import open_corpus
    from annotator.ui.app import AppController
    from benchmarks.scenarios.bare_qt import bare_open

    built = bench.long_corpus
    scratch = bench.scratch("editor")
    db = working_copy(built, scratch)  # key presses add spans: never to the cached file
    with open_corpus(db) as corpus:
        article_id = corpus.db.execute("SELECT id FROM articles ORDER BY length(text) DESC LIMIT 1").fetchone()[0]
        text = corpus.articles.get(article_id).text
        spans = [(a.start, a.end) for a in corpus.annotations.for_article(article_id)]
    size = len(text.encode("utf-8"))
    size_text = f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.0f} kB"
    opening = Figure(
        "open_article",
        f"open a {size_text} article with {len(spans):,} annotations, to painted",
        "ms",
        "< 150 ms and <= 3x bare Qt",
        limit=150.0,
        max_ratio=3.0,
        baseline="bare QPlainTextEdit + QSyntaxHighlighter, same text and highlights",
    )
    repeats = max(3, bench.sizes.repeats + 2)
    opening.baseline_runs = [s * 1000 for s in bare_open(text, spans, repeats, SIZE)]
    controller = AppController(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat), "bench")
    window = controller.open(db)
    window.resize(*SIZE)
    try:
        painted, loaded = _open_times(window, article_id, repeats)
        opening.runs = [s * 1000 for s in painted]
        opening.extra["all_spans_loaded_ms"] = round(sorted(loaded)[len(loaded) // 2] * 1000, 1)
        forced, _ = _open_times(window, article_id, repeats, forced=True)
        opening.extra["whole_window_repainted_ms"] = round(sorted(forced)[len(forced) // 2] * 1000, 1)
        keys = Figure(
            "label_keypress",
            f"label key press to painted and committed, on that article ({bench.sizes.keypresses} presses)",
            "ms",
            "<= 16 ms at p95",
            limit=16.0,
            statistic="p95",
        )
        words = _free_words(window, text, 2 * bench.sizes.keypresses)
        with _rescan_steps() as steps:
            times, idle = _press_words(window, words[: bench.sizes.keypresses])
        _note_steps(keys, steps)
        keys.runs = [s * 1000 for s in times]
        keys.extra["median_ms"] = round(sorted(keys.runs)[len(keys.runs) // 2], 2)
        keys.extra["until_idle_p95_ms"] = round(p95([s * 1000 for s in idle]), 2)
        exported = bench.export_corpus
        during = Figure(
            "label_keypress_export",
            f"the same while the window exports {exported.info['annotations']:,} annotations to jsonl",
            "ms",
            "<= 16 ms at p95",
            limit=16.0,
            statistic="p95",
        )
        with _rescan_steps() as steps:
            times, idle, exports = _keypresses_during_export(
                window, words[bench.sizes.keypresses :], exported.path, scratch
            )
        _note_steps(during, steps)
        during.runs = [s * 1000 for s in times]
        during.extra["median_ms"] = round(sorted(during.runs)[len(during.runs) // 2], 2)
        during.extra["until_idle_p95_ms"] = round(p95([s * 1000 for s in idle]), 2)
        during.extra["exports_running"] = exports
    finally:
        window.close()
        window.session.corpus.close()
        window.deleteLater()
    return [opening, keys, during]


@contextmanager
def _rescan_steps():
    """Milliseconds of each step the suggestions take on the window's thread to look for the
    labelled texts again (``rescan_pending``), while the block runs."""
    from annotator.suggest.live import ArticleSuggestions

    original = ArticleSuggestions.rescan_pending
    steps: list[float] = []

    def timed(self, *args, **kwargs):
        t0 = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            steps.append((time.perf_counter() - t0) * 1000)

    ArticleSuggestions.rescan_pending = timed
    try:
        yield steps
    finally:
        ArticleSuggestions.rescan_pending = original


def _note_steps(figure: Figure, steps: list[float]) -> None:
    if steps:
        figure.extra["rescan_steps"] = len(steps)
        figure.extra["rescan_step_p95_ms"] = round(p95(steps), 2)
        figure.extra["rescan_step_max_ms"] = round(max(steps), 2)


def _open_times(window, article_id: int, repeats: int, forced: bool = False) -> tuple[list[float], list[float]]:
    """Seconds from asking for the article to the text painted (what the open marked for painting,
    see paint_pending; ``forced``: the whole window repainted instead), and to every span read."""
    from PySide6.QtWidgets import QApplication

    from benchmarks.scenarios.bare_qt import PaintCount, paint_pending

    QApplication.processEvents()
    text_painted = PaintCount(window.pane.viewport())
    painted, loaded = [], []
    for _ in range(repeats):
        window.open_article(None)
        QApplication.processEvents()
        t0 = time.perf_counter()
        window.open_article(article_id)
        if forced:
            window.repaint()
        else:
            paint_pending(text_painted)
        painted.append(time.perf_counter() - t0)
        while not window.pane.fully_loaded:
            QApplication.processEvents()
        loaded.append(time.perf_counter() - t0)
    text_painted.deleteLater()
    return painted, loaded


def _free_words(window, text: str, n: int) -> list[tuple[int, int]]:
    """Words on the first screens of the article that carry no span yet."""
    covered = bytearray(len(text) + 1)
    for a in window.pane.index.annotations():
        covered[a.start : a.end] = b"\x01" * (a.end - a.start)
    words, pos = [], 0
    for word in text[:40_000].split(" "):
        s, e = pos, pos + len(word)
        pos = e + 1
        if word.isascii() and word.isalpha() and len(word) > 3 and not any(covered[s:e]):
            words.append((s, e))
    return words[:n]


def _keypresses_during_export(window, words, corpus: Path, scratch: Path) -> tuple[list[float], list[float], int]:
    """Key presses as in ``_press_words``, each while an export started from the window (its
    background task, as File › Export runs it) is under way; a finished export is started again."""
    from annotator.formats.dataset import ExportCancelled, ExportOptions
    from annotator.formats.jobs import export_job
    from annotator.ui.tasks import Task

    started = 0
    task = None

    def running():
        nonlocal task, started
        if task is None or task.done:
            task = Task.in_process(
                export_job, str(corpus), str(scratch / "during.jsonl"), "jsonl", ExportOptions(),
                cancel_errors=(ExportCancelled,),
            ).start()
            started += 1
            progressed = []
            task.progressed.connect(lambda done, total, text: progressed.append(done))
            deadline = time.perf_counter() + 60
            while not progressed and not task.done and time.perf_counter() < deadline:  # exporting, not starting
                QApplication.processEvents()
                time.sleep(0.01)
        return task

    from PySide6.QtWidgets import QApplication

    times, idle = [], []
    try:
        for word in words:
            running()
            t, i = _press_words(window, [word])
            times += t
            idle += i
    finally:
        if task is not None:
            task.cancel()
            task.wait(120)
    return times, idle, started


def _keypresses(window, text: str, n: int) -> tuple[list[float], list[float]]:
    """Label the first ``n`` free words of ``text`` with key presses (see ``_press_words``)."""
    return _press_words(window, _free_words(window, text, n))


def _press_words(window, words: list[tuple[int, int]]) -> tuple[list[float], list[float]]:
    """Select a free word, press '1': seconds until the pane has painted the committed span, and
    until the event loop is idle again (annotation list included)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    pane = window.pane
    painted_at: list[float] = []

    def on_paint() -> None:
        painted_at.append(time.perf_counter())

    pane.painted.connect(on_paint)
    times, idle = [], []
    before = window.session.corpus.annotations.count()
    try:
        for s, e in words:
            pane.select_codepoints(s, e)
            QApplication.processEvents()
            painted_at.clear()
            t0 = time.perf_counter()
            QTest.keyClick(pane, Qt.Key.Key_1)  # commits before it returns
            QApplication.processEvents()  # the paints the key press caused, as the event loop runs them
            idle.append(time.perf_counter() - t0)
            if not painted_at:
                raise AssertionError("the key press did not repaint the text")
            times.append(painted_at[0] - t0)
    finally:
        pane.painted.disconnect(on_paint)
    added = window.session.corpus.annotations.count() - before
    if added != len(times) or not times:
        raise AssertionError(f"{added} spans committed for {len(times)} key presses")
    return times, idle

