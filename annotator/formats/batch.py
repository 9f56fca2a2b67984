"""Importing many files at once, as the CLI and the GUI both do.

    batch = ImportBatch(corpus, [Path("news/"), Path("extra.jsonl")])
    for result in batch:            # one result per article, record or file
        progress(batch.files_done, batch.total_files)
        if user_cancelled:
            batch.cancel()          # the next step ends the batch
    print(batch.report.summary())

Each step stores at most one article with its spans, creating the labels they need,
whole or not at all (one INSERT, or a savepoint around its statements) inside a transaction
that commits every thousand articles or 50 ms, whichever comes first; results come out only
once their group is committed. So
stopping (cancelling, a kill, a full disk) never leaves half an article, and every
article reported imported is in the file. Bad input never aborts the batch; it becomes one ``rejected`` result with a
one-line reason. A span that cannot be imported (offsets outside the text, or not
covering the text the file gives) is left out with a warning naming the file, the
record and the span; the rest of its article is imported.

In auto mode the extension picks the importer and the content refines it: a .jsonl
whose records carry ``label`` triples is doccano, a .json list of tasks is a Label
Studio export, a .txt with an .ann beside it (or an .ann, or a .zip) is brat.
"""

from __future__ import annotations

import enum
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import closing, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.model import Annotation, Status
from annotator.core.text import plural
from annotator.formats.base import DEFAULT_MAX_BYTES, BadRecord, Record, SkippedRecord
from annotator.formats.import_files import ReadFile, file_failure, open_records, read_ahead
from annotator.formats.import_labels import LabelResolver
from annotator.formats.import_plan import Source, plan_sources
from annotator.formats.import_spans import UNITS, short
from annotator.formats.label_names import export_name
from annotator.formats.registry import (
    Importer,
    import_extensions,
    importer,
    importer_for_path,
)
from annotator.formats.streaming import reading_fraction, stop_reading
from annotator.store import Corpus, CorpusError, DuplicateArticleError
from annotator.store.groups import GROUP_ARTICLES, GROUP_SECONDS, CommitGroup, long_write
from annotator.store.health import CorpusGoneError


class Outcome(enum.StrEnum):
    IMPORTED = "imported"
    SPANS_ADDED = "spans added"  # a record whose text is in the corpus: its new spans added to that article
    DUPLICATE = "duplicate"
    REJECTED = "rejected"
    SKIPPED = "skipped"  # a file of unknown type found inside a folder, or a record the file does not offer


@dataclass(frozen=True, slots=True)
class ImportWarning:
    """A span left out (or changed) while its article was imported, and where it was."""

    path: Path
    where: str | None  # the record: "line 4", "task 7", "docs/a.txt" in an archive
    span: str | None  # the span within it: "span 2", "a.ann line 7, T4"; None for the record
    reason: str

    @property
    def location(self) -> str:
        return ", ".join(str(part) for part in (self.path, self.where, self.span) if part)

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ImportResult:
    path: Path
    outcome: Outcome
    reason: str = ""
    article_id: int | None = None  # the new article, or the one a duplicate repeats (or got the spans)
    where: str | None = None  # "line 4", "record 2" within a multi-record file
    title: str | None = None
    spans: int = 0  # spans stored with the article (or added to the existing one)
    warnings: tuple[ImportWarning, ...] = ()
    kind: str = ""  # a skipped record: how the summary counts it ("rejected in Prodigy")

    @property
    def location(self) -> str:
        return f"{self.path}, {self.where}" if self.where else str(self.path)

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}" if self.reason else self.location


@dataclass
class ImportReport:
    imported: int = 0
    merged: list[ImportResult] = field(default_factory=list)  # records whose spans went to an existing article
    spans_added: int = 0
    duplicates: list[ImportResult] = field(default_factory=list)
    rejected: list[ImportResult] = field(default_factory=list)
    skipped: list[ImportResult] = field(default_factory=list)
    cancelled: bool = False
    spans: int = 0
    warnings: list[ImportWarning] = field(default_factory=list)
    # The labels the import added: their tags (their source names when written in another script).
    labels_created: list[str] = field(default_factory=list)

    def add(self, result: ImportResult) -> None:
        self.warnings.extend(result.warnings)
        if result.outcome is Outcome.SPANS_ADDED:
            self.spans_added += result.spans
            self.merged.append(result)
            return
        self.spans += result.spans
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

    @property
    def attention(self) -> bool:
        """True when there is more to tell than the summary line."""
        return bool(self.rejected or self.merged or self.duplicates or self.skipped or self.warnings or self.cancelled)

    def summary(self) -> str:
        imported = f"Imported {plural(self.imported, 'article')}"
        if self.spans or self.warnings or self.merged:
            imported += f" with {plural(self.spans, 'span')}"
        parts = [imported]
        if self.merged:
            articles = len({r.article_id for r in self.merged})
            parts.append(f"{plural(self.spans_added, 'span')} added to {plural(articles, 'existing article')}")
        if self.duplicates:
            parts.append(f"{plural(len(self.duplicates), 'duplicate')} skipped")
        if self.rejected:
            parts.append(f"{len(self.rejected)} rejected")
        files = [r for r in self.skipped if not r.kind]
        if files:
            parts.append(f"{plural(len(files), 'file')} of unknown type skipped")
        kinds = Counter(r.kind for r in self.skipped if r.kind)
        if kinds:
            n = sum(kinds.values())
            counts = ", ".join(f"{c} {k}" for k, c in sorted(kinds.items()))
            parts.append(f"{plural(n, 'record')} not imported ({counts})")
        span_warnings = sum(1 for w in self.warnings if w.span)
        if span_warnings:
            parts.append(plural(span_warnings, "span warning"))
        if len(self.warnings) > span_warnings:
            parts.append(plural(len(self.warnings) - span_warnings, "other warning"))
        if self.labels_created:
            parts.append(f"{plural(len(self.labels_created), 'new label')} ({', '.join(self.labels_created)})")
        text = "; ".join(parts) + "."
        return f"Cancelled. {text}" if self.cancelled else text

    def details(self) -> list[tuple[str, list]]:
        """The report's sections, for a details view: (heading, items), each item printable."""
        sections = (
            ("Rejected", self.rejected),
            ("Spans added to existing articles", self.merged),
            ("Duplicates", self.duplicates),
            ("Skipped", self.skipped),
            ("Warnings", self.warnings),
        )
        return [(title, list(items)) for title, items in sections if items]


class ImportBatch:
    """An import of files and folders into ``corpus``; iterate it to run it (once).

    ``offsets`` ("utf16" or "codepoints") says how doccano and Label Studio files count
    offsets (None: each format's default). ``annotator`` is who the spans of a file that
    names no annotator are credited to (None: the file, as ``import:batch3.jsonl``), never
    silently the user running the import: a reviewer can always tell imported labels from their own.
    """

    def __init__(
        self,
        corpus: Corpus,
        paths: Iterable[Path | str],
        *,
        format: str = "auto",
        max_bytes: int = DEFAULT_MAX_BYTES,
        offsets: str | None = None,
        annotator: str | None = None,
        text_field: str | None = None,
    ) -> None:
        if offsets is not None and offsets not in UNITS:
            raise ValueError(f"Unknown offsets {offsets!r}; known: {', '.join(UNITS)}.")
        self.corpus = corpus
        self.forced: Importer | None = None if format == "auto" else importer(format)
        self.max_bytes = max_bytes
        self.options = {k: v for k, v in (("offsets", offsets), ("text_field", text_field)) if v}
        self.annotator = (annotator or "").strip() or None
        self.sources = plan_sources(paths, pair_brat=self.forced is None or self.forced.name == "brat")
        self.report = ImportReport()
        self.files_done = 0
        self._cancelled = False
        self._imported_from: dict[int, str] = {}
        self._labels: LabelResolver | None = None
        self._group = CommitGroup(corpus.db)  # the open commit group's transaction (see store/groups.py)
        self._group_size = 0
        self._run = self._results()

    @property
    def total_files(self) -> int:
        return len(self.sources)

    @property
    def progress(self) -> float:
        """How much of the batch is done, 0 to 1: whole files, and the share read of one streamed record by record."""
        if not self.sources:
            return 1.0
        return min(1.0, (self.files_done + reading_fraction()) / len(self.sources))

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
        """Articles are stored in groups: one transaction for up to GROUP_ARTICLES articles or
        GROUP_SECONDS, each article whole or not at all (its one INSERT, or a savepoint around the
        statements of an article with spans or statuses). A group's results are handed out only
        once it is committed, so every article reported imported is in the file, whole, whatever
        stops the import afterwards. Files are read ahead (by worker processes in a long import),
        never stored ahead: what is stored, and when, is as when each file is read as it comes."""
        pending: list[ImportResult] = []
        with long_write(self.corpus.db), closing(self._read_ahead()) as files:  # both ended however it ends
            try:
                for source, read in files:
                    if self._cancelled:
                        break
                    for result in self._file(source, read):
                        pending.append(result)
                        if self._group_full():
                            self._end_group()
                            yield from pending
                            pending = []
                    self.files_done += 1
                    stop_reading()
            except GeneratorExit:
                self._end_group(commit=False)  # stopped from outside, nothing of the group reported
                raise
            except BaseException:
                if self._end_group(commit=True, quietly=True):  # what the group stored before the failure
                    yield from pending
                raise
            self._end_group()
        yield from pending
        if self._cancelled:
            self.report.cancelled = True
        if self.report.imported:
            self.corpus.db.checkpoint()  # syncs the batch to disk at once

    def _begin_group(self) -> None:
        """Open the group's transaction (before an article is stored), unless one is open."""
        if not self._group.open:
            self._group.begin()
            self._group_size = 0

    def _group_full(self) -> bool:
        if not self._group.open:
            return False
        self._group_size += 1
        return self._group_size >= GROUP_ARTICLES or time.monotonic() - self._group.since >= GROUP_SECONDS

    def _end_group(self, commit: bool = True, quietly: bool = False) -> bool:
        """Commit (or roll back) the open group; True when its articles are in the file."""
        return self._group.end(commit, quietly)

    def _importer(self, source: Source) -> tuple[Importer | None, str]:
        if self.forced is not None:
            return self.forced, ""
        found = importer("brat") if source.brat else importer_for_path(source.path)
        if found is None:
            suffix = source.path.suffix.lower()
            kind = f"({suffix})" if suffix else "(no extension)"
            return None, f"Unknown file type {kind}; known: {', '.join(import_extensions())}."
        return found, ""

    def _read_ahead(self) -> Iterator[tuple[Source, ReadFile | None]]:
        """The sources in order, each file its importer reads whole already read (on other cores
        for a long batch: see formats/import_files.py); None for a file read as it is stored."""
        importers = [None if source.problem else self._importer(source)[0] for source in self.sources]
        return read_ahead(self.sources, importers, self.max_bytes, self.options, auto=self.forced is None)

    def _file(self, source: Source, read: ReadFile | None = None) -> Iterator[ImportResult]:
        stop_reading()  # until this file's reader, if it streams, says how far it has got
        path = source.path
        if source.problem:
            yield ImportResult(path, Outcome.REJECTED, source.problem)
            return
        if read is None:
            imp, reason = self._importer(source)
            if imp is None:
                yield ImportResult(path, Outcome.REJECTED if source.explicit else Outcome.SKIPPED, reason)
                return
        try:
            if read is not None:  # read ahead: its records, then how its reading ended
                for record, digest in zip(read.records, read.digests, strict=True):
                    if self._cancelled:
                        return
                    self._begin_group()
                    yield self._store(path, record, digest)
                if read.failure is not None and not self._cancelled:
                    outcome, reason = read.failure
                    yield ImportResult(path, Outcome(outcome), reason)
                return
            records = open_records(imp, path, self.max_bytes, self.options, auto=self.forced is None)
            while not self._cancelled:
                try:
                    record = next(records)
                except StopIteration:
                    break
                self._begin_group()
                yield self._store(path, record)
        except Exception as exc:  # noqa: BLE001 - the file's failure, as file_failure tells it (the corpus's raised)
            outcome, reason = file_failure(exc, path, source.explicit)
            yield ImportResult(path, Outcome(outcome), reason)

    def _store(self, path: Path, record: Record | BadRecord | SkippedRecord, digest: str | None = None) -> ImportResult:
        if isinstance(record, BadRecord):
            return ImportResult(path, Outcome.REJECTED, record.reason, where=record.where)
        if isinstance(record, SkippedRecord):
            return ImportResult(path, Outcome.SKIPPED, record.reason, where=record.where, kind=record.kind)
        location = f"{path}, {record.where}" if record.where else str(path)
        warnings = [ImportWarning(path, record.where, w.where, w.reason) for w in record.warnings]
        labels = self._label_resolver() if record.spans else None
        # An article alone is one INSERT, which SQLite makes atomic by itself; with its spans or
        # statuses, it is several statements, in a savepoint of their own.
        alone = not record.spans and record.statuses is None and record.status is None
        try:
            with nullcontext() if alone else self.corpus.db.atomic():
                article = self.corpus.articles.add(
                    record.title,
                    record.text,
                    source=record.source,
                    url=record.url,
                    published=record.published,
                    meta=record.meta,
                    digest=digest,
                )
                if labels:
                    labels.begin()  # the label set as it is now, inside this transaction's write lock
                annotations = (
                    self._annotations(path, article.id, article.text, record, labels, warnings) if labels else []
                )
                if annotations:
                    self.corpus.annotations.add_many(annotations)
                self._set_statuses(path, article.id, record, annotations, warnings)
        except DuplicateArticleError as exc:
            if labels:
                labels.rollback()
            earlier = self._imported_from.get(exc.existing_id)
            reason = f"Same text as article {exc.existing_id}"
            reason += f", imported from {earlier} in this batch" if earlier else ", already in the corpus"
            if labels:
                return self._add_to_existing(path, record, exc.existing_id, labels, warnings, reason)
            return ImportResult(path, Outcome.DUPLICATE, reason + ".", exc.existing_id, record.where, record.title)
        except CorpusGoneError:  # the corpus file itself is gone or taken over: stop, never go on
            if labels:
                labels.rollback()
            raise
        except CorpusError as exc:
            if labels:
                labels.rollback()
            return ImportResult(path, Outcome.REJECTED, str(exc), where=record.where, title=record.title)
        except BaseException:
            if labels:
                labels.rollback()
            raise
        if labels:
            self.report.labels_created.extend(export_name(label) for label in labels.commit())
        self._imported_from[article.id] = location
        return ImportResult(
            path, Outcome.IMPORTED, "", article.id, record.where, article.title, len(annotations), tuple(warnings)
        )

    def _add_to_existing(
        self,
        path: Path,
        record: Record,
        article_id: int,
        labels: LabelResolver,
        warnings: list[ImportWarning],
        reason: str,
    ) -> ImportResult:
        """A record whose text is already an article: its spans join that article, each annotator's as their layer.

        A span identical to one the article has (same place, label and annotator) is not added twice;
        the article's status, title and metadata stay as they are.
        """
        try:
            with self.corpus.db.atomic():
                labels.begin()
                text = self.corpus.articles.get(article_id).text
                existing = self.corpus.annotations.for_article(article_id)
                have = {(a.start, a.end, a.label_id, a.annotator) for a in existing}
                new = [
                    a
                    for a in self._annotations(path, article_id, text, record, labels, warnings)
                    if (a.start, a.end, a.label_id, a.annotator) not in have
                ]
                if new:
                    self.corpus.annotations.add_many(new)
        except CorpusGoneError:  # the corpus file itself is gone or taken over: stop
            labels.rollback()
            raise
        except CorpusError as exc:
            labels.rollback()
            return ImportResult(path, Outcome.REJECTED, str(exc), where=record.where, title=record.title)
        except BaseException:
            labels.rollback()
            raise
        self.report.labels_created.extend(export_name(label) for label in labels.commit())
        if not new:
            n = len(record.spans)
            reason += f"; {'its span is' if n == 1 else f'its {n} spans are'} there already."
            return ImportResult(
                path, Outcome.DUPLICATE, reason, article_id, record.where, record.title, 0, tuple(warnings)
            )
        reason += f": {plural(len(new), 'span')} added to it."
        return ImportResult(
            path, Outcome.SPANS_ADDED, reason, article_id, record.where, record.title, len(new), tuple(warnings)
        )

    def _label_resolver(self) -> LabelResolver:
        if self._labels is None:
            self._labels = LabelResolver(self.corpus.labels)
        return self._labels

    def _annotations(
        self,
        path: Path,
        article_id: int,
        text: str,
        record: Record,
        labels: LabelResolver,
        warnings: list[ImportWarning],
    ) -> list[Annotation]:
        """The record's spans as annotations of the stored article; a span that does not fit is a warning."""
        out = []
        seen: set[tuple[int, int, int, str]] = set()
        extra_fields = [f for f in ("reviewed_by", "reviewed_at") if f in Annotation._fields]
        for span in record.spans:
            if not (0 <= span.start < span.end <= len(text)) or text[span.start : span.end] != span.text:
                reason = (
                    f"Offsets {span.start}-{span.end} do not cover {short(span.text)} in the stored text; "
                    "span left out."
                )
                warnings.append(ImportWarning(path, record.where, span.where, reason))
                continue
            try:
                label = labels.resolve(span.label, exact=record.exact_tags)
            except CorpusError as exc:
                warnings.append(
                    ImportWarning(path, record.where, span.where, f"{exc} Span left out.")
                )
                continue
            if labels.notices:  # a new label whose tag had to differ from the one its name suggests
                warnings.extend(ImportWarning(path, record.where, None, notice) for notice in labels.notices)
                labels.notices.clear()
            annotator = span.annotator or self.credited(path)
            key = (span.start, span.end, label.id, annotator)
            if key in seen:  # the same span twice in one record (same place, label and annotator): stored once
                continue
            seen.add(key)
            annotation = Annotation(None, article_id, label.id, span.start, span.end, span.text, annotator, span.note)
            extra = {f: span.extra[f] for f in extra_fields if f in span.extra}
            out.append(annotation._replace(**extra) if extra else annotation)
        return out

    def credited(self, path: Path) -> str:
        """Who the spans of ``path`` that name no annotator are credited to."""
        return self.annotator or f"import:{path.name}"

    def _set_statuses(
        self, path: Path, article_id: int, record: Record, annotations: list[Annotation], warnings: list[ImportWarning]
    ) -> None:
        """Each analyst's status as the file gives it (``statuses``); a single ``status`` goes to the
        annotators of the article's spans, or to the name the file is credited to when it has none."""
        if record.statuses is not None:  # Annotator's own: every analyst's, exactly
            for name, status in record.statuses.items():
                self.corpus.layers.set_status(article_id, Status(status), name)
            return
        status = self._status(path, record, warnings)
        if status is not None and (annotations or status is not Status.NEW):
            for name in sorted({a.annotator for a in annotations}) or [self.credited(path)]:
                self.corpus.layers.set_status(article_id, status, name)

    def _status(self, path: Path, record: Record, warnings: list[ImportWarning]) -> Status | None:
        if record.status is None:
            return None
        try:
            return Status(record.status)
        except ValueError:
            known = ", ".join(s.value for s in Status)
            warnings.append(
                ImportWarning(
                    path, record.where, None,
                    f"Unknown status {record.status!r} (known: {known}); the article keeps its own.",
                )
            )
            return None


# Start a batch import: an iterator of ImportResult with ``total_files``, ``files_done``,
# ``cancel()`` and ``report``.
iter_import = ImportBatch
