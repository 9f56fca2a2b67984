"""What every importer yields: records to store, or the reason one record cannot be stored.

A record of labelled data carries its spans, already converted to code points into
``Record.text`` (the LF-normalised text that will be stored), and the warnings the
reader had about spans it could not convert (each span it skipped, with where it was).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEFAULT_MAX_BYTES = 20_000_000  # 20 MB


class InputError(Exception):
    """A whole input that cannot be imported. The message is one line fit to show a user."""


class NotThisFormat(InputError):
    """An input that holds nothing of its format (a .zip without brat documents): skipped inside a folder."""


@dataclass(frozen=True, slots=True)
class SpanRecord:
    """One labelled span of a record: code points into the record's (normalised) text."""

    start: int
    end: int
    label: str  # the label's tag (or name) as the file gives it
    text: str  # the covered text, record.text[start:end]
    annotator: str | None = None  # None: whoever runs the import
    note: str | None = None
    where: str | None = None  # "span 3", "T4", "annotation 2, result 5": where in the record
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. reviewed_by / reviewed_at, kept when the store has them


@dataclass(frozen=True, slots=True)
class SpanWarning:
    """Something a reader could not keep as given: a skipped span, a split one, ignored relations."""

    reason: str
    where: str | None = None  # "span 3", "a.ann line 7, T4"; None for the whole record


@dataclass(frozen=True, slots=True)
class Record:
    """One article as read from a file, before it is stored."""

    text: str
    title: str = ""
    source: str | None = None
    url: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    where: str | None = None  # "line 3", "record 2": where in the file it came from
    spans: tuple[SpanRecord, ...] = ()
    warnings: tuple[SpanWarning, ...] = ()
    status: str | None = None  # "new", "in_progress", "done" when the file says so
    statuses: dict[str, str] | None = None  # each analyst's status, by name, when the file says so
    exact_tags: bool = False  # span labels are tags exactly as Annotator exports them


@dataclass(frozen=True, slots=True)
class BadRecord:
    """One record of a multi-record file that cannot be imported; the rest of the file goes on."""

    reason: str
    where: str | None = None


@dataclass(frozen=True, slots=True)
class SkippedRecord:
    """A record a file holds but does not offer for import (a task rejected in Prodigy): counted, not an error."""

    reason: str
    where: str | None = None
    kind: str = "skipped"  # how the summary counts it: "rejected in Prodigy"


def annotator_name(value: Any) -> str | None:
    """The annotator a file names for a span or a record (a name, an e-mail, a user number), or None.

    Every importer that reads annotator names passes them through here, so that they are
    read one way whatever the format: a user number as its digits, surrounding white space
    removed, the rest kept exactly.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return None
    name = value.strip()
    return name or None


def first_line_title(text: str, limit: int = 200) -> str:
    """The first non-empty line, shortened on a word boundary when it is longer than ``limit``.

    Only the head of that line is looked at, so a one-line 50 MB article costs no more than a short one.
    """
    pos = 0
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        head = text[pos : min(end, pos + 8 * limit)]
        line = " ".join(head.split())
        if line:
            break
        pos = end + 1
    else:
        return ""
    if len(line) <= limit and end - pos <= 8 * limit:
        return line
    cut = line[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"


def title_or_first_line(title: Any, text: str) -> str:
    """The title a file gives (white space collapsed), else the text's first line."""
    if isinstance(title, str) and title.strip():
        return " ".join(title.split())
    return first_line_title(text)


def format_size(n: int) -> str:
    """Bytes as a short human figure in decimal units: 20000000 -> '20 MB'."""
    for unit, size in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= size:
            value = n / size
            return f"{value:.1f} {unit}".replace(".0 ", " ")
    return f"{n} bytes"
