"""Export a corpus to JSON Lines (against the json module writing the same records) and to CoNLL."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from annotator.core.identity import default_annotator
from annotator.formats.export import export_corpus
from annotator.formats.registry import EXPORTERS
from annotator.store import open_corpus
from benchmarks.context import Bench
from benchmarks.measure import Figure, timed

TOKEN_FORMATS = ("conll", "hf", "prodigy", "spacy")


def run(bench: Bench) -> list[Figure]:
    built = bench.export_corpus
    sizes = f"{built.info['annotations']:,} annotations over {built.info['articles']:,} articles"
    scratch = bench.scratch("export")
    jsonl = Figure(
        "export_jsonl",
        f"export {sizes} to jsonl",
        "s",
        "< 5 s and <= 1.5x the json baseline",
        limit=5.0,
        max_ratio=1.5,
        baseline="plain sqlite3 reads the same rows, the json module writes the same records",
    )
    tokens = {
        fmt: Figure(
            f"export_{fmt}",
            f"export the same to {fmt}",
            "s",
            "< 15 s and <= 2.5x the app's jsonl export",
            limit=15.0,
            max_ratio=2.5,
            baseline="the app's jsonl export of the same corpus, same run",
        )
        for fmt in TOKEN_FORMATS
    }
    for i in range(bench.sizes.repeats):
        bench.log(f"  export run {i + 1}")
        seconds, _, cpu = timed(lambda: _baseline(built.path, scratch / "bare.jsonl"))
        jsonl.baseline_runs.append(seconds)
        jsonl.baseline_cpu_runs.append(cpu)
        seconds, spans, cpu = timed(lambda: _export(built.path, scratch / "out.jsonl", "jsonl"))
        _check(spans, built.info["annotations"])
        jsonl.runs.append(seconds)
        jsonl.cpu_runs.append(cpu)
        for fmt, fig in tokens.items():
            if fmt not in EXPORTERS or not bench.sizes.token_exports:
                continue
            bench.log(f"    {fmt}")
            seconds, spans, cpu = timed(lambda: _export(built.path, scratch / f"out.{fmt}", fmt))  # noqa: B023
            fig.runs.append(seconds)
            fig.cpu_runs.append(cpu)
            fig.baseline_runs.append(jsonl.runs[-1])  # against the jsonl export of the same run
            fig.baseline_cpu_runs.append(jsonl.cpu_runs[-1])
            fig.extra["spans_written"] = spans
    jsonl.extra["file_mb"] = round((scratch / "out.jsonl").stat().st_size / 1e6, 1)
    jsonl.extra["peak_rss_mb"] = _peak_rss(built.path, scratch / "rss.jsonl")  # streaming: flat, whatever the size
    jsonl.extra["baseline_file_mb"] = round((scratch / "bare.jsonl").stat().st_size / 1e6, 1)
    from annotator.formats.parallel import workers_available

    for fmt, fig in tokens.items():
        fig.extra["workers"] = workers_available()
        if fmt not in EXPORTERS:
            fig.unavailable(f"no {fmt} exporter in annotator.formats.registry.EXPORTERS")
        elif not bench.sizes.token_exports:
            fig.unavailable(f"not measured in {bench.sizes.name} mode")
    return [jsonl, *tokens.values()]


LONG_FORMATS = ("conll", "hf", "prodigy", "spacy")


def long_article(bench: Bench) -> list[Figure]:
    """One very long article to each token format, a window at a time: the time and the peak
    resident memory of a process doing only that, against the jsonl export of the same article."""
    built = bench.huge_article
    what = f"one {built.info['chars']:,}-character article with {built.info['annotations']:,} annotations"
    figures = {
        fmt: Figure(
            f"export_long_{fmt}",
            f"export {what} to {fmt}",
            "s",
            "<= 2.5x the app's jsonl export",
            max_ratio=2.5,
            baseline="the app's jsonl export of the same article, same run",
        )
        for fmt in LONG_FORMATS
    }
    scratch = bench.scratch("export-long")
    jsonl_rss = []
    for _ in range(bench.sizes.huge_article_repeats):
        seconds, peak_mb, _ = export_in_child(built.path, scratch / "out.jsonl")
        jsonl_rss.append(peak_mb)
        for fmt, fig in figures.items():
            if fmt not in EXPORTERS:
                continue
            bench.log(f"    {fmt}")
            fig.baseline_runs.append(seconds)
            fmt_seconds, fmt_peak, spans = export_in_child(built.path, scratch / f"out.{fmt}", fmt)
            fig.runs.append(fmt_seconds)
            fig.extra["peak_rss_mb"] = max(fig.extra.get("peak_rss_mb", 0.0), fmt_peak)
            fig.extra["spans_written"] = spans
            fig.extra["file_mb"] = round((scratch / f"out.{fmt}").stat().st_size / 1e6, 1)
    for fmt, fig in figures.items():
        if fmt not in EXPORTERS:
            fig.unavailable(f"no {fmt} exporter in annotator.formats.registry.EXPORTERS")
        fig.extra["jsonl_peak_rss_mb"] = max(jsonl_rss)
    return list(figures.values())


# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child of a large benchmark process
# would report its parent's peak.
_CHILD = """
import sys, time
from pathlib import Path
from annotator.formats.export import export_corpus
from annotator.store import open_corpus
t0 = time.perf_counter()
with open_corpus(sys.argv[1], create=False) as corpus:
    spans = export_corpus(corpus, Path(sys.argv[2]), sys.argv[3]).spans
seconds = time.perf_counter() - t0
with open("/proc/self/status") as status:
    peak_kb = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
from annotator.formats import parallel
print(parallel.pools_started, seconds, peak_kb, spans)
"""


def export_in_child(
    db: Path, out: Path, fmt: str = "jsonl", workers: int | None = None, pools: list[int] | None = None
) -> tuple[float, float, int]:
    """(seconds, peak resident memory in MB, spans written) of a process that does nothing but
    this export; the seconds run from opening the corpus to the file written (not the start-up).
    ``workers`` sets ``ANNOTATOR_WORKERS`` for it (1: everything in that one process); the number of
    worker pools it started is appended to ``pools``."""
    import os
    import subprocess
    import sys

    env = dict(os.environ)
    if workers is not None:
        env["ANNOTATOR_WORKERS"] = str(workers)
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(db), str(out), fmt], capture_output=True, text=True, check=False, env=env
    )
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"the {fmt} export failed: {tail}")
    started, seconds, peak_kb, spans = done.stdout.split()[-4:]
    if pools is not None:
        pools.append(int(started))
    return float(seconds), round(int(peak_kb) / 1024, 1), int(spans)


def _peak_rss(db: Path, out: Path) -> float:
    """Peak resident memory (MB) of a process that does nothing but this jsonl export."""
    return export_in_child(db, out)[1]


def _export(db: Path, out: Path, fmt: str) -> int:
    with open_corpus(db) as corpus:
        return export_corpus(corpus, out, fmt).spans


def _check(spans: int, expected: int) -> None:
    if spans != expected:
        raise AssertionError(f"exported {spans} of {expected} annotations")


_ARTICLES = "SELECT id, title, text, source, url, published, meta FROM articles ORDER BY id"
_LAYERS = """SELECT l.article_id, n.name, l.status FROM layers l JOIN annotators n ON n.id = l.annotator_id
    ORDER BY l.article_id, n.name"""
_SPANS = """SELECT a.article_id, a.start, a."end", l.tag, a.text, n.name, a.note
    FROM annotations a JOIN labels l ON l.id = a.label_id JOIN annotators n ON n.id = a.annotator_id
    ORDER BY a.article_id, a.start, a."end", a.id"""


def _baseline(db: Path, out: Path) -> None:
    """The floor: two plain sqlite3 scans, one json.dumps per article, the file synced to disk."""
    conn = sqlite3.connect(str(db))
    spans = conn.execute(_SPANS)
    pending = spans.fetchone()
    layers = conn.execute(_LAYERS)
    layer = layers.fetchone()
    user = default_annotator()  # the export's analyst, whose status is "status"
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for article_id, title, text, source, url, published, meta in conn.execute(_ARTICLES):
            statuses = {}
            while layer is not None and layer[0] == article_id:
                statuses[layer[1]] = layer[2]
                layer = layers.fetchone()
            record = {"id": article_id, "title": title, "text": text}
            for key, value in (("source", source), ("url", url), ("published", published)):
                if value is not None:
                    record[key] = value
            record["meta"] = json.loads(meta)
            record["status"] = statuses.get(user, "new")
            record["statuses"] = statuses
            items = record["spans"] = []
            while pending is not None and pending[0] == article_id:
                span = {"start": pending[1], "end": pending[2], "label": pending[3], "text": pending[4],
                        "annotator": pending[5]}
                if pending[6]:
                    span["note"] = pending[6]
                items.append(span)
                pending = spans.fetchone()
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    conn.close()
