"""Full-text search over the large corpus: query to the first page of results."""

from __future__ import annotations

import importlib
import time

from annotator.store import open_corpus
from benchmarks.context import Bench
from benchmarks.measure import Figure

# Words, a phrase, a prefix, Chinese (indexed by trigrams), an OR, one rare and one absent word.
QUERIES = ("Foshan plan", '"Greater Bay Area"', "Guang*", "佛山市", "Midea OR Kuka", "Yoshinoya", "Zhuhai",
           "high-quality development", "粤港澳大湾区", "robot NOT Midea")


def run(bench: Bench) -> list[Figure]:
    built = bench.large_corpus
    fig = Figure(
        "search",
        f"full-text search over {built.info['articles']:,} articles, query to first page",
        "ms",
        "< 50 ms",
        limit=50.0,
        baseline="plain sqlite3: the same FTS5 MATCH, first page of rows",
    )
    try:
        search = importlib.import_module("annotator.store.search")
    except ImportError as exc:
        return [fig.unavailable(f"annotator.store.search is missing ({exc})")]
    queries = QUERIES[: max(2, bench.sizes.queries)]
    slowest: dict[str, float] = {}
    found: dict[str, int] = {}
    plain = all(hasattr(search, name) for name in ("read_query", "fts_expression", "FTS_TABLE"))
    with open_corpus(built.path) as corpus:
        search.search(corpus.db, "warm up")  # the first query pays for reading the index pages
        for _ in range(bench.sizes.repeats):
            for q in queries:
                t0 = time.perf_counter()
                page = search.search(corpus.db, q)
                elapsed = (time.perf_counter() - t0) * 1000
                fig.runs.append(elapsed)
                slowest[q] = max(slowest.get(q, 0.0), round(elapsed, 1))
                found[q] = len(page.results)
                if plain:
                    fig.baseline_runs.append(_plain_fts(corpus.db, search, q) * 1000)
    if not plain:
        fig.baseline = ""
    fig.extra["slowest_ms_by_query"] = slowest
    fig.extra["first_page_results_by_query"] = found
    return [fig]


def _plain_fts(db, search, query: str) -> float:
    """The same FTS5 expression through plain SQL, first 50 rows with their text: the index's floor."""
    tree, _ = search.read_query(query)
    expression = search.fts_expression(tree) if tree is not None else None
    t0 = time.perf_counter()
    if expression is not None:
        db.conn.execute(
            f"""SELECT a.id, a.title, a.text FROM {search.FTS_TABLE} f JOIN articles a ON a.id = f.rowid
                WHERE {search.FTS_TABLE} MATCH ? ORDER BY f.rowid LIMIT 50""",
            [expression],
        ).fetchall()
    return time.perf_counter() - t0
