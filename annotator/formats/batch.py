"""Importing many files at once, as the CLI and the GUI both do.

    batch = ImportBatch(corpus, [Path("news/"), Path("extra.jsonl")])
    for result in batch:            # one result per article, record or file
        progress(batch.files_done, batch.total_files)
        if user_cancelled:
            batch.cancel()          # the next step ends the batch
    print(batch.report.summary())

Each step stores at most one article, in its own transaction: stopping between
steps (or cancelling) never leaves half an article. Bad input never aborts the
batch; it becomes one ``rejected`` result with a one-line reason.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.formats.base import DEFAULT_MAX_BYTES, BadRecord, InputError, Record
from annotator.formats.decoding import read_bytes
from annotator.formats.registry import (
    Importer,
    import_extensions,
    importer,
    importer_for_path,
)
from annotator.store import Corpus, CorpusError, DuplicateArticleError


class Outcome(enum.StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"
    SKIPPED = "skipped"  # a file of unknown type found inside a folder


@dataclass(frozen=True, slots=True)
class ImportResult:
    path: Path
    outcome: Outcome
    reason: str = ""
    article_id: int | None = None  # the new article, or the one a duplicate repeats
    where: str | None = None  # "line 4", "record 2" within a multi-record file
    title: str | None = None

    @property
    def location(self) -> str:
        return f"{self.path}, {self.where}" if self.where else str(self.path)

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}" if self.reason else self.location


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


@dataclass
class ImportReport:
    imported: int = 0
    duplicates: list[ImportResult] = field(default_factory=list)
    rejected: list[ImportResult] = field(default_factory=list)
    skipped: list[ImportResult] = field(default_factory=list)
    cancelled: bool = False

    def add(self, result: ImportResult) -> None:
        if result.outcome is Outcome.IMPORTED:
            self.imported += 1
        elif result.outcome is Outcome.DUPLICATE:
            self.duplicates.append(result)
        elif result.outcome is Outcome.REJECTED:
            self.rejected.append(result)
        else:
            self.skipped.append(result)

    @property
    def ok(self) -> bool:
        """True when nothing was rejected (duplicates and skipped files are fine)."""
        return not self.rejected

    def summary(self) -> str:
        parts = [f"Imported {_plural(self.imported, 'article')}"]
        if self.duplicates:
            parts.append(f"{_plural(len(self.duplicates), 'duplicate')} skipped")
        if self.rejected:
            parts.append(f"{len(self.rejected)} rejected")
        if self.skipped:
            parts.append(f"{_plural(len(self.skipped), 'file')} of unknown type skipped")
        text = "; ".join(parts) + "."
        return f"Cancelled. {text}" if self.cancelled else text


@dataclass(frozen=True, slots=True)
class _Source:
    path: Path
    explicit: bool  # named by the user, not found inside a folder
    problem: str | None = None


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, recursively, in sorted order, hidden files and folders left out."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root, name)


def plan_sources(paths: Iterable[Path | str]) -> list[_Source]:
    """Every file a batch will visit, folders expanded, in order."""
    plan: list[_Source] = []
    for path in map(Path, paths):
        if path.is_dir():
            plan.extend(_Source(p, False) for p in _walk(path) if p.is_file())
        elif path.is_file():
            plan.append(_Source(path, True))
        elif path.exists():
            plan.append(_Source(path, True, "Not a regular file."))
        else:
            plan.append(_Source(path, True, "No such file or folder."))
    return plan


class ImportBatch:
    """An import of files and folders into ``corpus``; iterate it to run it (once)."""

    def __init__(
        self,
        corpus: Corpus,
        paths: Iterable[Path | str],
        *,
        format: str = "auto",
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self.corpus = corpus
        self.forced: Importer | None = None if format == "auto" else importer(format)
        self.max_bytes = max_bytes
        self.sources = plan_sources(paths)
        self.report = ImportReport()
        self.files_done = 0
        self._cancelled = False
        self._imported_from: dict[int, str] = {}
        self._run = self._results()

    @property
    def total_files(self) -> int:
        return len(self.sources)

    def cancel(self) -> None:
        """Stop before the next article; what was stored stays stored."""
        self._cancelled = True

    def __iter__(self) -> Iterator[ImportResult]:
        return self

    def __next__(self) -> ImportResult:
        result = next(self._run)
        self.report.add(result)
        return result

    def run(self) -> ImportReport:
        """Import everything; return the report."""
        for _ in self:
            pass
        return self.report

    # --- steps ---------------------------------------------------------------------
    def _results(self) -> Iterator[ImportResult]:
        for source in self.sources:
            if self._cancelled:
                break
            yield from self._file(source)
            self.files_done += 1
        if self._cancelled:
            self.report.cancelled = True

    def _importer(self, source: _Source) -> tuple[Importer | None, str]:
        if self.forced is not None:
            return self.forced, ""
        found = importer_for_path(source.path)
        if found is None:
            suffix = source.path.suffix.lower()
            kind = f"({suffix})" if suffix else "(no extension)"
            return None, f"Unknown file type {kind}; known: {', '.join(import_extensions())}."
        return found, ""

    def _file(self, source: _Source) -> Iterator[ImportResult]:
        path = source.path
        if source.problem:
            yield ImportResult(path, Outcome.REJECTED, source.problem)
            return
        imp, reason = self._importer(source)
        if imp is None:
            yield ImportResult(path, Outcome.REJECTED if source.explicit else Outcome.SKIPPED, reason)
            return
        try:
            records = iter(imp.read(read_bytes(path, self.max_bytes)))
            while not self._cancelled:
                try:
                    record = next(records)
                except StopIteration:
                    break
                yield self._store(path, record)
        except InputError as exc:
            yield ImportResult(path, Outcome.REJECTED, str(exc))
        except (ValueError, TypeError, LookupError, RecursionError, MemoryError) as exc:
            # A parser giving up on input it cannot handle: still one rejection, never an abort.
            yield ImportResult(path, Outcome.REJECTED, f"Cannot read this file ({type(exc).__name__}: {exc}).")

    def _store(self, path: Path, record: Record | BadRecord) -> ImportResult:
        if isinstance(record, BadRecord):
            return ImportResult(path, Outcome.REJECTED, record.reason, where=record.where)
        location = f"{path}, {record.where}" if record.where else str(path)
        try:
            article = self.corpus.articles.add(
                record.title,
                record.text,
                source=record.source,
                url=record.url,
                published=record.published,
                meta=record.meta,
            )
        except DuplicateArticleError as exc:
            earlier = self._imported_from.get(exc.existing_id)
            reason = f"Same text as article {exc.existing_id}"
            reason += f", imported from {earlier} in this batch." if earlier else ", already in the corpus."
            return ImportResult(path, Outcome.DUPLICATE, reason, exc.existing_id, record.where, record.title)
        except CorpusError as exc:
            return ImportResult(path, Outcome.REJECTED, str(exc), where=record.where, title=record.title)
        self._imported_from[article.id] = location
        return ImportResult(path, Outcome.IMPORTED, "", article.id, record.where, article.title)


def iter_import(
    corpus: Corpus,
    paths: Iterable[Path | str],
    *,
    format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ImportBatch:
    """Start a batch import: an iterator of ImportResult with ``total_files``, ``files_done``,
    ``cancel()`` and ``report``."""
    return ImportBatch(corpus, paths, format=format, max_bytes=max_bytes)
