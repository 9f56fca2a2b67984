"""What every exporter writes from: the chosen articles with their chosen spans.

    options = ExportOptions(statuses={"done"}, labels={"LOCATION"}, split=(80, 10, 10), seed=7)
    ids = select_article_ids(corpus, options)
    for part, part_ids in split_ids(ids, options).items():   # {"": ids} without a split
        for doc in iter_docs(corpus, part_ids, options): ...

A doc's spans are sorted by (start, end, id); offsets are code points into the
stored LF text, as everywhere in Annotator. Exporters that count differently
convert through ``annotator.core.offsets``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import starmap
from typing import Any, NamedTuple

from annotator.core.model import Article, Label, Status
from annotator.core.text import grapheme_end, grapheme_start
from annotator.store import Corpus
from annotator.store.exporting import open_reader, read_for_export, read_rows_for_export, select_ids

SPLIT_NAMES = ("train", "dev", "test")


class ExportCancelled(Exception):
    """The user stopped an export; nothing was written."""


class ExportSpan(NamedTuple):
    """One span as exporters see it. A NamedTuple: an export builds a million of them."""

    id: int
    start: int
    end: int
    label: str  # the label's tag, e.g. "LOCATION"
    text: str
    annotator: str
    note: str | None = None
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    created: str | None = None  # ISO 8601, UTC
    updated: str | None = None
    article_id: int = 0


@dataclass(frozen=True, slots=True)
class ExportDoc:
    article: Article
    spans: tuple[ExportSpan, ...]

    @property
    def id(self) -> int:
        return self.article.id  # type: ignore[return-value]

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def title(self) -> str:
        return self.article.title

    def __reduce__(self) -> tuple:
        # Sent to export workers by the million: plain tuples pickle in C, NamedTuples and
        # dataclasses call Python for every object.
        a = self.article
        fields = (a.id, a.title, a.text, a.source, a.url, a.published, a.meta, a.content_hash, str(a.status),
                  a.created, a.updated, {name: str(s) for name, s in a.statuses.items()})
        return _rebuild_doc, (fields, list(map(tuple, self.spans)))


def _rebuild_doc(fields: tuple, spans: list[tuple]) -> ExportDoc:
    *head, status, created, updated, statuses = fields
    article = Article(*head, Status(status), created, updated, {n: Status(s) for n, s in statuses.items()})
    return ExportDoc(article, tuple(starmap(ExportSpan, spans)))


@dataclass(frozen=True)
class ExportOptions:
    """Which articles and spans an export takes, and how it splits them. Empty filters take everything."""

    statuses: frozenset[str] = frozenset()
    labels: frozenset[str] = frozenset()  # tags
    annotators: frozenset[str] = frozenset()
    split: tuple[int, ...] = ()  # percentages for train/dev/test, summing to 100
    seed: int = 0
    offsets: str | None = None  # a format's own choice of offset unit, e.g. doccano "utf16" or "codepoints"
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("statuses", "labels", "annotators"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        object.__setattr__(self, "split", tuple(self.split))
        if self.split:
            object.__setattr__(self, "split", check_split(self.split))


def check_split(split: Sequence[int]) -> tuple[int, ...]:
    """The one rule for a split, for the command line and the export dialog alike: 2 or 3 whole
    percentages adding up to 100, a train and a dev part that are not empty; an empty test part
    is dropped. Returns the split to use; a ValueError says what is wrong in a sentence."""
    split = tuple(split)
    if not 2 <= len(split) <= len(SPLIT_NAMES):
        raise ValueError(f"A split has 2 or 3 parts (train/dev/test), not {len(split)}.")
    if any(p < 0 for p in split):
        raise ValueError(f"Split percentages must be whole numbers from 0 to 100, not {'/'.join(map(str, split))}.")
    if sum(split) != 100:
        raise ValueError(f"The split must add up to 100 %, not {sum(split)} %.")
    if len(split) == 3 and split[-1] == 0:
        split = split[:-1]
    if 0 in split:
        raise ValueError("A split needs at least a train and a dev part.")
    return split


def parse_split(value: str) -> tuple[int, ...]:
    """'80/10/10' -> (80, 10, 10); also accepts commas or colons."""
    parts = [p for p in re.split(r"[/,:]", value.strip()) if p.strip()]
    try:
        split = tuple(int(p) for p in parts)
    except ValueError:
        raise ValueError(f"A split looks like 80/10/10, not {value!r}.") from None
    return check_split(split)


@dataclass
class ExportReport:
    """What an export did: counts, the files it wrote, and each span it had to adjust or could not place."""

    format: str = ""
    articles: int = 0
    spans: int = 0
    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how the export was made: the tokenizer used, say
    tokenizer: Any = None  # the token exports' tokenizer, one for every part of a split (formats.tokens)

    def note(self, message: str) -> None:
        """Say once how the export was made."""
        if message not in self.notes:
            self.notes.append(message)

    def warn(self, doc: ExportDoc, message: str, span: ExportSpan | None = None) -> None:
        where = f"article {doc.id}"
        if span is not None:
            where += f", {span.label} {span.start}-{span.end} {span.text!r}"
        self.warnings.append(f"{where}: {message}")

    def summary(self) -> str:
        arts = f"{self.articles:,} article{'s' if self.articles != 1 else ''}"
        spans = f"{self.spans:,} span{'s' if self.spans != 1 else ''}"
        text = f"Exported {arts} with {spans}"
        if self.files:
            text += " to " + ", ".join(self.files)
        text += "."
        if self.warnings:
            n = len(self.warnings)
            text += f" {n:,} warning{'s' if n != 1 else ''}: spans adjusted or left out."
        return text


@dataclass
class ExportContext:
    """What a writer gets besides its docs and sink."""

    options: ExportOptions
    report: ExportReport
    labels: list[Label]  # the labels the export declares, in the user's order
    part: str = ""  # "train", "dev", "test" within a split, else ""
    articles: int = 0  # how many docs the writer will get, when known (0: unknown)


def span_context(text: str, start: int, end: int, width: int) -> tuple[str, str]:
    """About ``width`` characters of text before and after a span, never cutting a character in two
    (an emoji sequence, a flag, a letter with its accents)."""
    left = grapheme_start(text, max(0, start - width))
    right = grapheme_end(text, min(len(text), end + width))
    return text[left:start], text[end:right]


def labels_for(corpus: Corpus, options: ExportOptions) -> list[Label]:
    """The labels an export declares, in the user's order."""
    return [lab for lab in corpus.labels.list() if not options.labels or lab.tag in options.labels]


def select_article_ids(corpus: Corpus, options: ExportOptions) -> list[int]:
    """Ids of the articles to export, in id order."""
    return select_ids(corpus.db, options.statuses, corpus.user)  # the status of the analyst the corpus is used as


def split_ids(ids: Sequence[int], options: ExportOptions) -> dict[str, list[int]]:
    """Ids per part: ``{"": ids}`` without a split, else train/dev/test, reproducible for a seed.

    The same ids, split and seed always give the same parts, on any machine
    (``random.Random(seed)`` is stable across Python versions for shuffle).
    """
    if not options.split:
        return {"": list(ids)}
    shuffled = sorted(ids)
    random.Random(options.seed).shuffle(shuffled)
    parts: dict[str, list[int]] = {}
    start, cumulative = 0, 0
    for name, pct in zip(SPLIT_NAMES, options.split, strict=False):
        cumulative += pct
        stop = round(len(shuffled) * cumulative / 100)
        parts[name] = sorted(shuffled[start:stop])
        start = stop
    return parts


def iter_docs(
    corpus: Corpus, ids: Iterable[int], options: ExportOptions, *, timestamps: bool = True
) -> Iterator[ExportDoc]:
    """Each article (``ids`` ascending) with the spans the options keep, sorted by (start, end, id).

    Read in batches, each from one snapshot that is released before the batch is written
    (``store.exporting``): a long export never holds up the window or another program's writes,
    and a label added meanwhile is read like the others. Without ``timestamps`` a span's
    ``created`` and ``updated`` are None."""
    for article, spans in read_for_export(
        corpus.db,
        ids,
        labels=options.labels,
        annotators=options.annotators,
        make_span=ExportSpan,
        timestamps=timestamps,
        user=corpus.user,
    ):
        yield ExportDoc(article, tuple(spans))


@dataclass(frozen=True)
class DocSource:
    """Where the docs of an export can be read again by another process (an export worker)."""

    path: str
    labels: frozenset[str]
    annotators: frozenset[str]
    timestamps: bool
    user: str = ""

    def read(self, ids: list[int]) -> Iterator[ExportDoc]:
        """The docs of ``ids`` (ascending), read on this process's own connection to the file."""
        db = _worker_db(self.path)
        for article, spans in read_for_export(
            db, ids, labels=self.labels, annotators=self.annotators, make_span=ExportSpan, timestamps=self.timestamps,
            user=self.user,
        ):
            yield ExportDoc(article, tuple(spans))


@dataclass(frozen=True)
class RowSource(DocSource):
    """A ``DocSource`` whose docs are plain rows (``DocStream.rows``)."""

    quoted_text: bool = False

    def read(self, ids: list[int]) -> Iterator[tuple]:  # type: ignore[override]
        db = _worker_db(self.path)
        for batch in read_rows_for_export(
            db, ids, labels=self.labels, annotators=self.annotators, user=self.user, quoted_text=self.quoted_text
        ):
            yield from batch

    @staticmethod
    def spans_of(doc: tuple) -> int:
        return len(doc[3])


_WORKER_DBS: dict[str, Any] = {}


def _worker_db(path: str) -> Any:
    if path not in _WORKER_DBS:
        _WORKER_DBS[path] = open_reader(path)
    return _WORKER_DBS[path]


class DocStream:
    """The docs of one export (or one part of a split), for a writer to iterate.

    Each doc taken counts in the report and calls ``on_doc(spans)`` (progress; it may raise to
    cancel). A writer that renders docs in worker processes (``formats.parallel``) may instead
    hand the ids not yet taken to workers, which read them from ``source`` themselves, and count
    each doc it writes with ``account``."""

    def __init__(
        self, corpus: Corpus, ids: Sequence[int], options: ExportOptions, *, timestamps: bool = True, on_doc=None
    ) -> None:
        self.ids = list(ids)
        self._corpus, self._options = corpus, options
        self._docs = iter_docs(corpus, self.ids, options, timestamps=timestamps)
        self._on_doc = on_doc
        self._last: int | None = None
        self.source = (
            DocSource(str(corpus.path), options.labels, options.annotators, timestamps, corpus.user)
            if corpus.path is not None
            else None
        )

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[ExportDoc]:
        on_doc = self._on_doc  # (what ``account`` does, without two calls per doc: a million docs in a large export)
        for doc in self._docs:
            self._last = doc.article.id
            if on_doc is not None:
                on_doc(len(doc.spans))
            yield doc

    @property
    def db(self) -> Any:
        """The corpus's connection the docs are read on."""
        return self._corpus.db

    def rows(self, quoted_text: bool = False) -> "RowStream":
        """The same docs as plain rows, for a writer that makes its records straight from them: each
        ``(article, status, statuses, spans)`` as ``store.exporting.read_rows_for_export`` reads them
        (no article or span objects; spans without their timestamps; with ``quoted_text`` the text
        as SQLite's JSON string of it, in bytes). Counted like the docs."""
        return RowStream(self, quoted_text)

    def account(self, spans: int) -> None:
        if self._on_doc is not None:
            self._on_doc(spans)

    def rest(self) -> list[int]:
        """The ids not taken yet (the stream stops here: take them from ``source``)."""
        self._docs.close()
        return self.ids if self._last is None else [i for i in self.ids if i > self._last]


class RowStream:
    """A ``DocStream``'s docs as plain rows (``DocStream.rows``); ``source``, ``rest`` and ``account``
    as the stream's, for ``formats.parallel``."""

    def __init__(self, stream: DocStream, quoted_text: bool = False) -> None:
        self.stream = stream
        self.quoted_text = quoted_text
        self.source = None if stream.source is None else RowSource(**vars(stream.source), quoted_text=quoted_text)
        self._opts = stream._options

    def __len__(self) -> int:
        return len(self.stream.ids)

    def __iter__(self) -> Iterator[tuple]:
        stream = self.stream
        on_doc = stream._on_doc
        batches = read_rows_for_export(
            stream._corpus.db, stream.ids, labels=self._opts.labels, annotators=self._opts.annotators,
            user=stream._corpus.user, quoted_text=self.quoted_text,
        )
        stream._docs.close()  # the docs are read here instead
        stream._docs = batches  # (``rest`` closes it)
        for batch in batches:
            for doc in batch:
                stream._last = doc[0][0]
                if on_doc is not None:
                    on_doc(len(doc[3]))
                yield doc

    def account(self, spans: int) -> None:
        self.stream.account(spans)

    def rest(self) -> list[int]:
        return self.stream.rest()
