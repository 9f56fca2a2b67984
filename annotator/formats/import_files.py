"""An import's work on one file before anything is stored: reading, decoding, parsing, hashing.

    for source, read in read_ahead(sources, max_bytes, options, forced):
        ...  # read: the file's records (or its rejection), or None: read it in the batch, as it goes

Files read whole by their importer (plain text, HTML) are read here, ahead of the batch that stores
them, and on the machine's other cores when the import is long enough (``formats.parallel``'s
``ordered_map``: the first fraction of a second in this process, a worker process only when the
rest would take longer than starting one, the results in the order of the sources, the rest done
here where workers cannot start). The reading is the same function in a worker or here, so
the records, their order and every reason given are the same either way. Files read record by
record (JSON Lines, CSV, brat pairs, archives) are left to the batch, which streams them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.text import content_hash
from annotator.formats.base import BadRecord, InputError, NotThisFormat, Record, SkippedRecord
from annotator.formats.decoding import read_bytes
from annotator.formats.failure_log import log_failure
from annotator.formats.import_plan import Source
from annotator.formats.parallel import ordered_map
from annotator.formats.registry import Importer, importer
from annotator.store.health import CorpusGoneError

# A long import's files are read on other cores after this much of it ran here (seconds) ...
INLINE_SECONDS = 0.15
# ... when what is left would take longer than this in this process alone (a handful of files
# never waits for, nor pays for, a worker process).
POOL_WORTH_SECONDS = 1.0
# Batches this process reads itself, rather than wait, when the workers lag.
HELP_WHILE_WAITING = 16
# The workers start on a thread of their own while this process reads on (False: wait for them).
START_ASIDE = True
# What their server loads when an import starts it: the importers, not the token exports' spaCy
# (a second of CPU, and more than that of waiting for the first worker on a busy machine). An import
# runs in a process of its own (the command, or the window's background process); where a token
# export later uses the same server, its workers load spaCy themselves.
PRELOAD = ["annotator.formats.import_files"]

AnyRecord = Record | BadRecord | SkippedRecord


@dataclass(frozen=True, slots=True)
class ReadFile:
    """A file read ahead: its records in order, each with the hash of its text (None for a bad or
    skipped record), then how the file ended when it ended badly (``failure``: outcome and reason)."""

    records: tuple[AnyRecord, ...]
    digests: tuple[str | None, ...]
    failure: tuple[str, str] | None = None


def file_failure(exc: BaseException, path: Path, explicit: bool) -> tuple[str, str]:
    """How a file whose reading raised ``exc`` ends: ("rejected" or "skipped", the reason).
    The corpus's own failures (``sqlite3.Error``, the file gone) are raised again: the batch stops."""
    if isinstance(exc, InputError):
        skip = isinstance(exc, NotThisFormat) and not explicit
        return ("skipped" if skip else "rejected"), str(exc)
    if isinstance(exc, (ValueError, TypeError, LookupError, RecursionError, MemoryError)):
        # A parser giving up on input it cannot handle: still one rejection, never an abort.
        return "rejected", f"Cannot read this file ({type(exc).__name__}: {exc})."
    if isinstance(exc, (sqlite3.Error, CorpusGoneError)) or not isinstance(exc, Exception):
        raise exc
    log = log_failure(path, exc)  # an importer's bug is this file's failure, never the batch's
    where = f"; the details are in {log}" if log else ""
    return "rejected", f"Cannot import this file: an unexpected error ({type(exc).__name__}: {exc}){where}."


def open_records(
    imp: Importer, path: Path | str, max_bytes: int, options: dict[str, str], auto: bool
) -> Iterator[AnyRecord]:
    """The records of ``path`` as ``imp`` reads them (``auto``: the format was not chosen, so the
    content may refine it); ``options`` those the user gave, each importer taking its own."""
    own = {k: v for k, v in options.items() if k in imp.options}
    if auto and imp.auto_path is not None:
        return iter(imp.auto_path(path, max_bytes, **own))
    if imp.read_path is not None:
        return iter(imp.read_path(path, max_bytes, **own))
    data = read_bytes(path, max_bytes)
    if auto and imp.detect is not None:
        imp = importer(imp.detect(data))
        own = {k: v for k, v in options.items() if k in imp.options}
    if imp.read is None:
        raise InputError(f"{imp.description} cannot be read from a single file.")
    return iter(imp.read(data, **own))


def reads_whole(imp: Importer | None) -> bool:
    """Files of this importer are read whole, with nothing streamed: read ahead of the batch."""
    return imp is not None and imp.read is not None and imp.read_path is None and imp.auto_path is None


def read_file(job: tuple[Path | str, bool, str], max_bytes: int, options: dict[str, str], auto: bool) -> ReadFile:
    """One file read whole by the importer named in ``job`` (path, named by the user, importer):
    its records and their hashes, or the reason it cannot be imported. Runs in a worker process."""
    path, explicit, name = job
    records: list[AnyRecord] = []
    try:
        for record in open_records(importer(name), path, max_bytes, options, auto):
            records.append(record)
    except BaseException as exc:  # noqa: BLE001 - classified as the batch classifies it; the rest raised
        failure = file_failure(exc, Path(path), explicit)
    else:
        failure = None
    digests = tuple(content_hash(r.text) if isinstance(r, Record) else None for r in records)
    return ReadFile(tuple(records), digests, failure)


def _job(source: Source, imp: Importer | None) -> tuple[str, bool, str] | None:
    if source.problem or not reads_whole(imp):
        return None
    # The path as text: a worker gets it a few times faster than a Path, which it would parse again.
    return str(source.path), source.explicit, imp.name  # type: ignore[union-attr]


def _read_or_leave(job: tuple[str, bool, str] | None, max_bytes: int, options: dict[str, str], auto: bool):
    return None if job is None else read_file(job, max_bytes, options, auto)


def read_ahead(
    sources: Sequence[Source],
    importers: Iterable[Importer | None],
    max_bytes: int,
    options: dict[str, str],
    auto: bool,
) -> Iterator[tuple[Source, ReadFile | None]]:
    """Each source with its file read (``ReadFile``) when its importer reads it whole, else None,
    in the order of ``sources``; on other cores for a long import (see the module's text)."""
    jobs = [_job(source, imp) for source, imp in zip(sources, importers, strict=True)]
    if not any(jobs):
        yield from ((source, None) for source in sources)
        return
    read: Iterator[Any] = ordered_map(
        _read_or_leave,
        jobs,
        max_bytes,
        options,
        auto,
        total=len(jobs),
        inline_seconds=INLINE_SECONDS,
        pool_worth_seconds=POOL_WORTH_SECONDS,
        help_while_waiting=HELP_WHILE_WAITING,
        reserve=1,
        start_aside=START_ASIDE,
        preload=PRELOAD,
    )
    try:
        for source, done in zip(sources, read, strict=True):
            yield source, done
    finally:
        close = getattr(read, "close", None)
        if close is not None:
            close()  # a batch stopped early ends the workers


__all__ = ["ReadFile", "file_failure", "open_records", "read_ahead", "read_file", "reads_whole"]
