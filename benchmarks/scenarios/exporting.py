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


# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child of a large benchmark process
# would report its parent's peak.
_RSS_CHILD = """
import sys
from pathlib import Path
from annotator.formats.export import export_corpus
from annotator.store import open_corpus
with open_corpus(sys.argv[1], create=False) as corpus:
    export_corpus(corpus, Path(sys.argv[2]), "jsonl")
with open("/proc/self/status") as status:
    print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))  # kB
"""


def _peak_rss(db: Path, out: Path) -> float:
    """Peak resident memory (MB) of a process that does nothing but this jsonl export."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _RSS_CHILD, str(db), str(out)], capture_output=True, text=True, check=True
    )
    return round(int(done.stdout.split()[-1]) / 1024, 1)


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
