"""W3C Web Annotation (JSON-LD): a JSON list of Annotations, one per span.

    {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:annotator:annotation:12",
     "type": "Annotation", "motivation": "tagging",
     "body": [{"type": "TextualBody", "purpose": "tagging", "value": "LOCATION"},
              {"type": "TextualBody", "purpose": "commenting", "value": "a note", "format": "text/plain"}],
     "target": {"source": "urn:annotator:article:1",
                "selector": [{"type": "TextQuoteSelector", "exact": "Foshan", "prefix": "...", "suffix": "..."},
                             {"type": "TextPositionSelector", "start": 0, "end": 6}]},
     "creator": {"type": "Person", "name": "mei"}, "created": "...", "modified": "..."}

A list of Annotations, each carrying its own ``@context``, is what annotation tools
exchange and what any JSON-LD processor reads. Positions are code points over the
stored (LF) text, as the model requires (§4.2.4); prefix and suffix are about 32
characters, longer where that is needed for prefix + quote + suffix to occur only once
in the article (up to 1,024 each, so a reader such as anchorpoint finds the right
occurrence), and never cut a character in two. The target is the article's URL when it
has one, else ``urn:annotator:article:<id>``; the article text itself is not included.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotator.formats.dataset import ExportContext, ExportDoc, ExportSpan, span_context
from annotator.formats.jsonl import strict_dumps

CONTEXT_URL = "http://www.w3.org/ns/anno.jsonld"
QUOTE_CONTEXT = 32
QUOTE_LIMIT = 1024


def source_of(doc: ExportDoc) -> str:
    return doc.article.url or f"urn:annotator:article:{doc.id}"


def _count(text: str, needle: str, limit: int = 2) -> int:
    """Occurrences of ``needle`` in ``text`` (overlapping ones too), counting no further than ``limit``."""
    n, at = 0, text.find(needle)
    while at != -1 and n < limit:
        n += 1
        at = text.find(needle, at + 1)
    return n


def quote_context(text: str, start: int, end: int) -> tuple[str, str]:
    """Prefix and suffix for a TextQuoteSelector: about ``QUOTE_CONTEXT`` characters, doubled until
    prefix + quote + suffix occurs once in the text (so a reader finds the right occurrence), at
    most ``QUOTE_LIMIT`` each; never cutting a character in two."""
    width = QUOTE_CONTEXT
    while True:
        prefix, suffix = span_context(text, start, end, width)
        whole = len(prefix) >= start and end + len(suffix) >= len(text)
        if whole or width >= QUOTE_LIMIT or _count(text, prefix + text[start:end] + suffix) == 1:
            return prefix, suffix
        width = min(width * 2, QUOTE_LIMIT)


def annotation(doc: ExportDoc, span: ExportSpan) -> dict[str, Any]:
    prefix, suffix = quote_context(doc.text, span.start, span.end)
    body: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": "tagging", "value": span.label}]
    if span.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": span.note, "format": "text/plain"})
    record: dict[str, Any] = {
        "@context": CONTEXT_URL,
        "id": f"urn:annotator:annotation:{span.id}",
        "type": "Annotation",
        "motivation": "tagging",
        "body": body,
        "target": {
            "source": source_of(doc),
            "selector": [
                {"type": "TextQuoteSelector", "exact": span.text, "prefix": prefix, "suffix": suffix},
                {"type": "TextPositionSelector", "start": span.start, "end": span.end},
            ],
        },
        "creator": {"type": "Person", "name": span.annotator},
    }
    if span.created:
        record["created"] = span.created
    if span.updated:
        record["modified"] = span.updated
    return record


def write_w3c(docs: Iterable[ExportDoc], sink: Any, ctx: ExportContext) -> None:
    """A JSON list of Annotations, written one by one."""
    out = sink.text()
    out.write("[")
    first = True
    for doc in docs:
        for span in doc.spans:
            out.write("\n" if first else ",\n")
            out.write(strict_dumps(annotation(doc, span)))
            first = False
    out.write("\n]\n")
