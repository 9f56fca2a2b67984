"""Annotator's own JSON Lines: one article a line, with its spans.

    {"id": 1, "title": "...", "text": "...", "meta": {...}, "status": "done",
     "statuses": {"mei": "done", "li": "in_progress"},
     "spans": [{"start": 0, "end": 6, "label": "LOCATION", "text": "Foshan",
                "annotator": "alice", "note": "..."}]}

``status`` is the exporting analyst's; ``statuses`` holds every analyst's who has worked on the
article (each analyst has their own), so a round trip keeps the team's state.
``source``, ``url`` and ``published`` appear when the article has them; a span's
``note`` only when it has one, ``reviewed_by`` and ``reviewed_at`` (who marked it
reviewed, and when) only when it was reviewed. Offsets are code points: ``text[start:end]`` in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotator.core.model import Article
from annotator.formats import jsonl
from annotator.formats.dataset import ExportContext, ExportDoc, ExportSpan
from annotator.formats.parallel import ordered_map
from annotator.formats.sinks import StreamSink


def article_record(article: Article, spans: list[dict[str, Any]]) -> dict[str, Any]:
    # Written out key by key: a large corpus's export builds a million of these (a loop over the
    # optional keys and a sort of an empty dict were a noticeable share of each).
    record: dict[str, Any] = {"id": article.id, "title": article.title, "text": article.text}
    if article.source is not None:
        record["source"] = article.source
    if article.url is not None:
        record["url"] = article.url
    if article.published is not None:
        record["published"] = article.published
    record["meta"] = article.meta
    record["status"] = str(article.status)
    statuses = article.statuses
    record["statuses"] = {name: str(statuses[name]) for name in sorted(statuses)} if statuses else {}
    record["spans"] = spans
    return record


def span_record(span: ExportSpan) -> dict[str, Any]:
    record: dict[str, Any] = {
        "start": span.start,
        "end": span.end,
        "label": span.label,
        "text": span.text,
        "annotator": span.annotator,
    }
    if span.note:
        record["note"] = span.note
    if span.reviewed_by:
        record["reviewed_by"] = span.reviewed_by
        record["reviewed_at"] = span.reviewed_at
    return record


def doc_record(doc: ExportDoc) -> dict[str, Any]:
    return article_record(doc.article, list(map(span_record, doc.spans)))


def record_line(doc: ExportDoc) -> bytes:
    """One article's line, UTF-8 (run in this process or in an export worker)."""
    return jsonl.dumps_bytes(doc_record(doc), floats=doc.article.meta) + b"\n"


def write_native_jsonl(docs: Iterable[ExportDoc], sink: Any, ctx: ExportContext) -> None:
    """One article a line with its spans, on every idle core for a long export (in order: the same
    bytes as one process writes). Written as bytes, except to a text stream (standard output)."""
    lines = ordered_map(record_line, docs, total=ctx.articles, idle_only=True)
    if isinstance(sink, StreamSink):
        out = sink.text()
        for line in lines:
            out.write(line.decode("utf-8"))
        return
    out = sink.binary()
    for line in lines:
        out.write(line)
