"""Whole-corpus work that the window runs in a background process (``ui/tasks.py``).

Each job is a module-level function ``job(progress, corpus_path, ...)`` that opens the corpus
file on its own connection, does the work, and returns a picklable report.
``progress(done, total, text)`` returns False once the user asked to stop; the job then stops
without leaving anything half-done (an export writes nothing, an import keeps the articles
stored so far, each one whole).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from annotator.formats.batch import ImportReport, iter_import
from annotator.formats.dataset import ExportOptions, ExportReport
from annotator.formats.export import export_corpus
from annotator.store import CorpusError, open_corpus
from annotator.store.consistency import conflicts, missed_mentions

Progress = Callable[..., bool]
PROGRESS_STEPS = 1000


def export_job(
    progress: Progress, corpus_path: str, out: str, format: str, options: ExportOptions, user: str | None = None
) -> ExportReport:
    """Export the corpus file at ``corpus_path`` as analyst ``user`` (whose statuses ``options`` filter by);
    raises ExportCancelled when stopped."""

    def step(done: int, total: int) -> bool:
        return progress(done, total, f"Exporting article {done:,} of {total:,}…")

    with open_corpus(corpus_path, create=False, user=user) as corpus:
        report = export_corpus(corpus, Path(out), format, options, progress=step)
    report.tokenizer = None  # the token exports' tokenizer (spaCy inside) stays in this process
    return report


def import_job(
    progress: Progress, corpus_path: str, paths: list[str], annotator: str | None, user: str | None = None
) -> tuple[ImportReport, str]:
    """Import ``paths`` into the corpus file; the report, and why it stopped early ("" when it did not)."""
    with open_corpus(corpus_path, create=False, user=user) as corpus:
        return run_import_batch(progress, corpus, paths, annotator)


def run_import_batch(progress: Progress, corpus, paths: list[str], annotator: str | None) -> tuple[ImportReport, str]:
    """The import itself, on an open corpus (also what runs inline for an in-memory corpus)."""
    batch = iter_import(corpus, paths)
    if annotator:
        batch.annotator = annotator  # spans of files that name no annotator are credited to this name
    stopped = ""
    try:
        for result in batch:
            text = f"Importing {result.path.name}…  ({batch.files_done:,} of {batch.total_files:,} files)"
            done = round(batch.progress * PROGRESS_STEPS)  # moves within a large file too
            if not progress(done, PROGRESS_STEPS, text):
                batch.cancel()
    except (CorpusError, sqlite3.Error) as exc:  # the corpus itself failed: stop, keep what was stored
        batch.report.cancelled = True
        stopped = f"The corpus file could not be written: {exc}."
    return batch.report, stopped


def consistency_job(progress: Progress, corpus_path: str, user: str | None = None) -> tuple[list, list]:
    """The Consistency lists of the corpus file: conflicting labels, and missed mentions."""
    with open_corpus(corpus_path, create=False, user=user) as corpus:
        return scan_consistency(progress, corpus)


def scan_consistency(progress: Progress, corpus) -> tuple[list, list]:
    """The scan itself, on an open corpus (also what runs inline for an in-memory corpus);
    raises Cancelled-like ``ScanStopped`` when stopped."""
    groups = conflicts(corpus)
    stopped = []

    def step(done: int, total: int) -> bool:
        going = progress(done, total, f"Looking for missed mentions… ({done:,} of {total:,} articles)")
        if not going:
            stopped.append(True)
        return going

    mentions = missed_mentions(corpus, progress=step)
    if stopped:
        raise ScanStopped("The consistency scan was stopped.")
    return groups, mentions


class ScanStopped(Exception):
    """The user stopped a consistency scan; the lists keep what they showed."""


__all__ = ["export_job", "import_job", "run_import_batch", "consistency_job", "scan_consistency", "ScanStopped"]
