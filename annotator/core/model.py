"""The words of the domain: Article, Label, Annotation, Status.

Offsets (``start``, ``end``) are always Unicode code points into the stored,
LF-normalised article text, start inclusive, end exclusive: ``text[start:end]``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple


class Status(enum.StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    @property
    def display(self) -> str:
        return {"new": "New", "in_progress": "In progress", "done": "Done"}[self.value]


@dataclass(frozen=True, slots=True)
class Label:
    """A kind of span: shown by ``name``, exported by ``tag``."""

    id: int | None
    name: str
    tag: str
    colour: str  # "#rrggbb"
    hotkey: str | None = None  # "1".."9" or None
    position: int = 0

    def with_changes(self, **changes: Any) -> "Label":
        return replace(self, **changes)


DEFAULT_LABELS: tuple[Label, ...] = (
    Label(None, "Location", "LOCATION", "#2e86de", "1", 0),
    Label(None, "Company", "COMPANY", "#e67e22", "2", 1),
    Label(None, "Policy term", "POLICY_TERM", "#27ae60", "3", 2),
)


@dataclass(frozen=True, slots=True)
class Article:
    id: int | None
    title: str
    text: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    content_hash: str = ""
    status: Status = Status.NEW  # the current analyst's (each analyst has their own)
    created: str | None = None
    updated: str | None = None
    statuses: dict[str, Status] = field(default_factory=dict)  # every analyst's who has a layer, by name


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What a list of articles shows: no text."""

    id: int
    title: str
    status: Status  # the current analyst's
    annotation_count: int


class Annotation(NamedTuple):
    """A labelled span of one article, by one annotator. Immutable; cheap to build in bulk."""

    id: int | None
    article_id: int
    label_id: int
    start: int
    end: int
    text: str
    annotator: str
    note: str | None = None
    created: str | None = None
    updated: str | None = None
    reviewed_by: str | None = None  # the annotator who marked it reviewed
    reviewed_at: str | None = None

    def with_changes(self, **changes: Any) -> "Annotation":
        return self._replace(**changes)
