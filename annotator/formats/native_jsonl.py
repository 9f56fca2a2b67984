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
from itertools import islice
from typing import Any

import orjson

from annotator.core.model import Article
from annotator.formats import jsonl
from annotator.formats.dataset import ExportContext, ExportDoc, ExportSpan
from annotator.formats.parallel import ordered_map
from annotator.formats.sinks import StreamSink, start_writeback
from annotator.store.articles import read_meta
from annotator.store.exporting import json_quote


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


def row_line(doc: tuple) -> bytes:
    """``record_line`` of a doc read as plain rows (``DocStream.rows``): the same bytes, without an
    article or span object made and taken apart again (a million of each in a large export)."""
    (article_id, title, text, source, url, published, meta), status, statuses, spans = doc
    if type(text) is bytes:  # already JSON (``quotes_like_orjson``): written as it is
        text = orjson.Fragment(text) if meta == "{}" or not meta else orjson.loads(text)
    record: dict[str, Any] = {"id": article_id, "title": title, "text": text}
    if source is not None:
        record["source"] = source
    if url is not None:
        record["url"] = url
    if published is not None:
        record["published"] = published
    record["meta"] = meta = read_meta(meta)
    record["status"] = status
    record["statuses"] = statuses  # read in name order
    record["spans"] = [
        {"start": start, "end": end, "label": tag, "text": span_text, "annotator": name}
        if not note and not reviewed_by
        else _span_extras(start, end, tag, span_text, name, note, reviewed_by, reviewed_at)
        for start, end, tag, span_text, name, note, reviewed_by, reviewed_at, _ in spans
    ]
    return jsonl.dumps_bytes(record, floats=meta) + b"\n"


def _span_extras(start: int, end: int, tag: str, text: str, name: str, note: Any, by: Any, at: Any) -> dict[str, Any]:
    """A span's record with its note or review (``span_record``'s keys, in its order)."""
    record: dict[str, Any] = {"start": start, "end": end, "label": tag, "text": text, "annotator": name}
    if note:
        record["note"] = note
    if by:
        record["reviewed_by"] = by
        record["reviewed_at"] = at
    return record


# Every character that JSON or orjson escapes (all of ASCII), and a sample of the rest: UTF-8 of
# each length, the characters some readers take for line breaks, the last of the BMP, astral ones.
_PROBE = "".join(map(chr, range(0x800))) + "\u2028\u2029\ufeff\uffff\U00010000\U00020bb7\U0010ffff"


def quotes_like_orjson(db: Any) -> bool:
    """Whether this SQLite's ``json_quote`` writes a string exactly as orjson does (it does, in the
    versions tried; where it differs, or is missing, the text goes through orjson instead)."""
    try:
        return json_quote(db, _PROBE) == orjson.dumps(_PROBE)
    except Exception:  # noqa: BLE001 - an SQLite without JSON functions: sqlite3.OperationalError
        return False


LINES_AT_ONCE = 256  # lines handed to the file together


def write_native_jsonl(docs: Iterable[ExportDoc], sink: Any, ctx: ExportContext) -> None:
    """One article a line with its spans, on every idle core for a long export (in order: the same
    bytes as one process writes). Written as bytes, except to a text stream (standard output).
    An export's own stream of docs is read as plain rows (``row_line``), any other as docs."""
    rows = getattr(docs, "rows", None)
    if rows is not None:
        lines = ordered_map(row_line, rows(quotes_like_orjson(docs.db)), total=ctx.articles, idle_only=True)
    else:
        lines = ordered_map(record_line, docs, total=ctx.articles, idle_only=True)
    if isinstance(sink, StreamSink):
        out = sink.text()
        for line in lines:
            out.write(line.decode("utf-8"))
        return
    out = sink.binary()
    write = out.writelines
    while chunk := list(islice(lines, LINES_AT_ONCE)):
        write(chunk)
        start_writeback(out)
