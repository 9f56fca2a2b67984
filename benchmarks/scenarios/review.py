"""The review table's filter over every annotation of the large corpus: filter change to the first
page of rows and the match count."""

from __future__ import annotations

import importlib
import time

from annotator.store import open_corpus
from benchmarks.context import Bench
from benchmarks.measure import Figure

PAGE = 200

# (name, ReviewFilter fields, the same count in plain SQL)
FILTERS = (
    ("label", {"label_ids": (1,)}, "SELECT count(*) FROM annotations WHERE label_id = 1"),
    ("annotator", {"annotators": ("bo",)},
     "SELECT count(*) FROM annotations WHERE annotator_id = (SELECT id FROM annotators WHERE name = 'bo')"),
    ("status", {"statuses": ("done",)},
     "SELECT count(*) FROM annotations WHERE article_id IN (SELECT id FROM articles WHERE status = 'done')"),
    ("text", {"text": "foshan"}, "SELECT count(*) FROM annotations WHERE text LIKE '%foshan%'"),
    ("not reviewed", {"reviewed": False}, "SELECT count(*) FROM annotations WHERE reviewed_at IS NULL"),
    ("label+text", {"label_ids": (2,), "text": "group"},
     "SELECT count(*) FROM annotations WHERE label_id = 2 AND text LIKE '%group%'"),
)


def run(bench: Bench) -> list[Figure]:
    built = bench.large_corpus
    fig = Figure(
        "review_filter",
        f"review-table filter over {built.info['annotations']:,} annotations, to first page and count",
        "ms",
        "< 100 ms",
        limit=100.0,
        baseline="plain sqlite3 count(*) with the same condition",
    )
    try:
        review = importlib.import_module("annotator.store.review")
    except ImportError as exc:
        return [fig.unavailable(f"annotator.store.review is missing ({exc})")]
    slowest: dict[str, float] = {}
    counts: dict[str, int] = {}
    with open_corpus(built.path) as corpus:
        repo = getattr(corpus, "review", None) or review.ReviewRepository(corpus.db, corpus.annotations)
        repo.count(review.ReviewFilter())  # warm the page cache
        for _ in range(bench.sizes.repeats):
            for name, fields, plain_sql in FILTERS:
                f = review.ReviewFilter(**fields)
                t0 = time.perf_counter()
                n = repo.count(f)
                rows = repo.page(f, offset=0, limit=PAGE)
                elapsed = (time.perf_counter() - t0) * 1000
                if len(rows) != min(n, PAGE):
                    raise AssertionError(f"filter {name}: {len(rows)} rows on the first page of {n}")
                fig.runs.append(elapsed)
                slowest[name] = max(slowest.get(name, 0.0), round(elapsed, 1))
                counts[name] = n
                t0 = time.perf_counter()
                corpus.db.conn.execute(plain_sql).fetchone()
                fig.baseline_runs.append((time.perf_counter() - t0) * 1000)
    fig.extra["slowest_ms_by_filter"] = slowest
    fig.extra["count_by_filter"] = counts
    return [fig]
