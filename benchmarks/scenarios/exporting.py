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


def run(bench: Bench) -> list[Figure]:
    built = bench.export_corpus
    sizes = f"{built.info['annotations']:,} annotations over {built.info['articles']:,} articles"
    scratch = bench.scratch("export")
    jsonl = Figure(
        "export_jsonl",
        f"export {sizes} to jsonl",
        "s",
        "< 5 s and <= 3x the json baseline",
        limit=5.0,
        max_ratio=3.0,
        baseline="plain sqlite3 reads the same rows, the json module writes the same records",
    )
    conll = Figure("export_conll", f"export {sizes} to conll", "s", "< 20 s", limit=20.0)
    for i in range(bench.sizes.repeats):
        bench.log(f"  export run {i + 1}")
        seconds, _, cpu = timed(lambda: _baseline(built.path, scratch / "bare.jsonl"))
        jsonl.baseline_runs.append(seconds)
        jsonl.baseline_cpu_runs.append(cpu)
        seconds, spans, cpu = timed(lambda: _export(built.path, scratch / "out.jsonl", "jsonl"))
        _check(spans, built.info["annotations"])
        jsonl.runs.append(seconds)
        jsonl.cpu_runs.append(cpu)
        if "conll" in EXPORTERS:
            seconds, spans, cpu = timed(lambda: _export(built.path, scratch / "out.conll", "conll"))
            conll.runs.append(seconds)
            conll.cpu_runs.append(cpu)
            conll.extra["spans_written"] = spans
    jsonl.extra["file_mb"] = round((scratch / "out.jsonl").stat().st_size / 1e6, 1)
    if "conll" not in EXPORTERS:
        conll.unavailable("no conll exporter in annotator.formats.registry.EXPORTERS")
    return [jsonl, conll]


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
