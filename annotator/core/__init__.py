"""Domain objects and pure text functions. Standard library only."""

from annotator.core.model import (
    DEFAULT_LABELS,
    Annotation,
    Article,
    ArticleSummary,
    Label,
    Status,
)
from annotator.core.text import content_hash, normalise_text

__all__ = [
    "Annotation",
    "Article",
    "ArticleSummary",
    "Label",
    "Status",
    "DEFAULT_LABELS",
    "content_hash",
    "normalise_text",
]
