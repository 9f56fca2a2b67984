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
    most ``QUOTE_LIMIT`` each; never cutting a character in two. (One span; ``quote_contexts``
    gives the same for all of an article's spans at once.)"""
    width = QUOTE_CONTEXT
    while True:
        prefix, suffix = span_context(text, start, end, width)
        whole = len(prefix) >= start and end + len(suffix) >= len(text)
        if whole or width >= QUOTE_LIMIT or _count(text, prefix + text[start:end] + suffix) == 1:
            return prefix, suffix
        width = min(width * 2, QUOTE_LIMIT)


def _occurrences(text: str, needle: str) -> list[int]:
    """Where ``needle`` starts in ``text``, overlapping occurrences too."""
    found, at = [], text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _count_by_surroundings(
    text: str, candidates: list[int], size: int, wanted: set[tuple[str, str]]
) -> tuple[dict[tuple[str, str], int], list[int]]:
    """How often each (prefix, suffix) of ``wanted`` surrounds an occurrence (of a quote ``size``
    long) at ``candidates``, and the occurrences some of them surround."""
    shapes: dict[tuple[int, int], set[tuple[str, str]]] = {}
    for prefix, suffix in wanted:
        shapes.setdefault((len(prefix), len(suffix)), set()).add((prefix, suffix))
    counts: dict[tuple[str, str], int] = {}
    kept = set()
    n = len(text)
    for (before, after), keys in shapes.items():
        for q in candidates:
            if q < before or q + size + after > n:
                continue
            key = (text[q - before : q], text[q + size : q + size + after])
            if key in keys:
                counts[key] = counts.get(key, 0) + 1
                kept.add(q)
    return counts, sorted(kept)


def quote_contexts(text: str, extents: Iterable[tuple[int, int]]) -> dict[tuple[int, int], tuple[str, str]]:
    """``quote_context`` of every extent, the same strings (see ``quote_widths``)."""
    return {e: context_at(text, e, w) for e, w in quote_widths(text, extents).items()}


def context_at(text: str, extent: tuple[int, int], width: int) -> tuple[str, str]:
    """The prefix and suffix ``quote_widths`` chose for an extent (width 0: an empty quote's)."""
    return span_context(text, *extent, width) if width else quote_context(text, *extent)


def quote_widths(text: str, extents: Iterable[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """The context width ``quote_context`` settles on for every extent (0 for an empty quote), in
    time that does not grow with spans × text: the text is searched once per distinct quote, and
    prefix + quote + suffix occurs at an occurrence of the quote exactly when the text around it
    equals prefix and suffix, so the occurrences are counted by their surroundings, and only those
    that still match are kept for the next, wider context. Widths, not strings, are kept for the
    whole article: a long article's hundreds of thousands of contexts are made as they are written."""
    by_quote: dict[str, list[tuple[int, int]]] = {}
    for start, end in set(extents):
        by_quote.setdefault(text[start:end], []).append((start, end))
    found: dict[tuple[int, int], int] = {}
    n = len(text)
    for quote, group in by_quote.items():
        if not quote:  # an empty quote occurs everywhere: as one span is
            for extent in group:
                found[extent] = 0
            continue
        size = len(quote)
        candidates = _occurrences(text, quote)
        width, open_ = QUOTE_CONTEXT, sorted(group)
        while open_:
            contexts = {}
            for start, end in open_:
                prefix, suffix = span_context(text, start, end, width)
                if (len(prefix) >= start and end + len(suffix) >= n) or width >= QUOTE_LIMIT:
                    found[(start, end)] = width
                else:
                    contexts[(start, end)] = prefix, suffix
            if not contexts:
                break
            counts, kept = _count_by_surroundings(text, candidates, size, set(contexts.values()))
            open_ = []
            for extent, key in contexts.items():
                if counts.get(key, 0) == 1:
                    found[extent] = width
                else:
                    open_.append(extent)
            candidates = kept  # a wider context can only match where this one did
            width = min(width * 2, QUOTE_LIMIT)
    return found


def annotation(doc: ExportDoc, span: ExportSpan, context: tuple[str, str] | None = None) -> dict[str, Any]:
    prefix, suffix = context if context is not None else quote_context(doc.text, span.start, span.end)
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
        text = doc.text
        widths = quote_widths(text, ((span.start, span.end) for span in doc.spans))
        for span in doc.spans:
            extent = (span.start, span.end)
            out.write("\n" if first else ",\n")
            out.write(strict_dumps(annotation(doc, span, context_at(text, extent, widths[extent]))))
            first = False
    out.write("\n]\n")
