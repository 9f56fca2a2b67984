"""Import a folder of UTF-8 .txt articles, against plain sqlite3 reading and inserting the same rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.text import content_hash
from annotator.formats.batch import ImportBatch, plan_sources
from annotator.store import open_corpus
from benchmarks.context import Bench
from benchmarks.measure import Figure, timed

STAMP = "2026-01-05T09:00:00.000+00:00"


def run(bench: Bench) -> list[Figure]:
    folder = bench.txt_folder
    files, size = folder.info["files"], folder.info["bytes"]
    fig = Figure(
        "import_txt",
        f"import {files:,} UTF-8 .txt articles ({size / 1e6:.1f} MB)",
        "s",
        "<= 3x the sqlite3 baseline",
        max_ratio=3.0,
        baseline="plain sqlite3: read the files, insert the same rows in one transaction",
    )
    scratch = bench.scratch("import")
    for i in range(bench.sizes.repeats):
        bench.log(f"  import run {i + 1}")
        seconds, cpu = _baseline(folder.path, scratch / f"bare-{i}.db")
        fig.baseline_runs.append(seconds)
        fig.baseline_cpu_runs.append(cpu)
        target = scratch / f"app-{i}.db"
        seconds, imported, cpu = timed(lambda: _app_import(folder.path, target))  # noqa: B023
        if imported != files:
            raise AssertionError(f"imported {imported} of {files} files")
        fig.runs.append(seconds)
        fig.cpu_runs.append(cpu)
    return [fig]


def _app_import(folder: Path, db: Path) -> int:
    with open_corpus(db) as corpus:
        return ImportBatch(corpus, [folder]).run().imported


def _baseline(folder: Path, db: Path) -> tuple[float, float]:
    """The floor: the same files read, decoded and hashed, the same article rows in one transaction."""
    with open_corpus(db):
        pass  # the same table (created outside the timing)

    def work() -> None:
        conn = sqlite3.connect(str(db))
        rows = []
        for source in plan_sources([folder]):
            text = source.path.read_bytes().decode("utf-8")
            title = text.split("\n", 1)[0][:200]
            rows.append((title, text, "{}", content_hash(text), STAMP, STAMP))
        with conn:
            conn.executemany(
                "INSERT INTO articles (title, text, meta, content_hash, created, updated) VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
        conn.close()

    seconds, _, cpu = timed(work)
    return seconds, cpu
