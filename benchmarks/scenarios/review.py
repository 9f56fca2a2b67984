"""The review table over every annotation of the large corpus: a filter change to the first page of
rows shown and the number of matches known (the lazy model counts in a worker thread)."""

from __future__ import annotations

import importlib
import time
from datetime import date

from benchmarks.context import Bench
from benchmarks.measure import Figure

_DAY = date(2026, 1, 5)  # the day every generated annotation was last changed

# (name, ReviewFilter fields, the same count in plain SQL): the filters an index answers ...
INDEXED = (
    ("label", {"label_ids": (1,)}, "SELECT count(*) FROM annotations WHERE label_id = 1"),
    ("annotator", {"annotators": ("bo",)},
     "SELECT count(*) FROM annotations WHERE annotator_id = (SELECT id FROM annotators WHERE name = 'bo')"),
    ("status", {"statuses": ("done",)},
     "SELECT count(*) FROM annotations WHERE (article_id, annotator_id) IN"
     " (SELECT article_id, annotator_id FROM layers WHERE status = 'done')"),
    ("not reviewed", {"reviewed": False}, "SELECT count(*) FROM annotations WHERE reviewed_at IS NULL"),
    ("day", {"changed_from": _DAY, "changed_to": _DAY},
     "SELECT count(*) FROM annotations WHERE updated >= '2026-01-05' AND updated < '2026-01-06'"),
    ("none", {}, "SELECT count(*) FROM annotations"),
)
# ... and those on the covered text, whose first page must come quickly and whose count may follow.
TEXT = (
    ("text", {"text": "foshan"}, "SELECT count(*) FROM annotations WHERE text LIKE '%foshan%'"),
    ("label+text", {"label_ids": (2,), "text": "group"},
     "SELECT count(*) FROM annotations WHERE label_id = 2 AND text LIKE '%group%'"),
)


def run(bench: Bench) -> list[Figure]:
    built = bench.large_corpus
    over = f"{built.info['annotations']:,} annotations"
    fig = Figure(
        "review_filter",
        f"review-table filter on label, annotator, status, reviewed or day over {over}, to first page and count",
        "ms",
        "< 100 ms",
        limit=100.0,
        baseline="plain sqlite3 count(*) with the same condition",
    )
    text_fig = Figure(
        "review_text",
        f"review-table text filter over {over}, to first page (the count follows)",
        "ms",
        "< 200 ms",
        limit=200.0,
        baseline="plain sqlite3 count(*) with the same condition",
    )
    try:
        review = importlib.import_module("annotator.store.review")
        bench.qt()
        model_module = importlib.import_module("annotator.ui.review.model")
    except ImportError as exc:
        return [fig.unavailable(f"no review model ({exc})"), text_fig.unavailable(f"no review model ({exc})")]
    from annotator.store import open_corpus

    slowest: dict[str, float] = {}
    first_page: list[float] = []
    counts: dict[str, int] = {}
    with open_corpus(built.path) as corpus:
        model = model_module.ReviewTableModel(corpus)
        model.set_labels(corpus.labels.list())
        model.set_active(True)
        try:
            for _ in range(bench.sizes.repeats + 1):
                for group, figure in ((INDEXED, fig), (TEXT, text_fig)):
                    for name, fields, plain_sql in group:
                        page_s, done_s = _filter_change(model, review.ReviewFilter(**fields))
                        if figure is fig:
                            first_page.append(page_s * 1000)
                            figure.runs.append(done_s * 1000)
                            slowest[name] = max(slowest.get(name, 0.0), round(done_s * 1000, 1))
                        else:
                            figure.runs.append(page_s * 1000)
                            slowest[name] = max(slowest.get(name, 0.0), round(page_s * 1000, 1))
                            figure.extra.setdefault("count_ms_by_filter", {})[name] = round(done_s * 1000, 1)
                        counts[name] = model.total
                        t0 = time.perf_counter()
                        corpus.db.conn.execute(plain_sql).fetchone()
                        figure.baseline_runs.append((time.perf_counter() - t0) * 1000)
        finally:
            model.shutdown()
    fig.extra["first_page_median_ms"] = round(sorted(first_page)[len(first_page) // 2], 1)
    for figure, group in ((fig, INDEXED), (text_fig, TEXT)):
        names = [name for name, _, _ in group]
        figure.extra["slowest_ms_by_filter"] = {n: slowest[n] for n in names}
        figure.extra["count_by_filter"] = {n: counts[n] for n in names}
    return [fig, text_fig]


def _filter_change(model, flt) -> tuple[float, float]:
    """Seconds from ``set_filter`` to the first row readable, and to the count known too."""
    from PySide6.QtCore import QEventLoop, QTimer

    counted: list[float] = []
    loop = QEventLoop()

    def on_counted() -> None:
        counted.append(time.perf_counter())
        loop.quit()

    model.counted.connect(on_counted)
    try:
        t0 = time.perf_counter()
        model.set_filter(flt)
        if model.rowCount() and model.data(model.index(0, 0)) is None:
            raise AssertionError("the first row of the review table is empty")
        page = time.perf_counter()
        if not counted:
            QTimer.singleShot(120_000, loop.quit)
            loop.exec()
        if not counted or model.error:
            raise AssertionError(f"the review table did not count the matches ({model.error or 'timeout'})")
    finally:
        model.counted.disconnect(on_counted)
    return page - t0, max(page, counted[0]) - t0
