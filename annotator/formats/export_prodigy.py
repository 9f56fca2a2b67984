"""Prodigy / spaCy JSONL: one article a line with its tokens and every span on them.

    {"text": "Foshan hosts Midea Group.",
     "tokens": [{"text": "Foshan", "start": 0, "end": 6, "id": 0, "ws": true}, ...],
     "spans": [{"start": 0, "end": 6, "token_start": 0, "token_end": 0, "label": "LOCATION"}, ...],
     "answer": "accept",
     "meta": {"article_id": 1, "title": "...", "source": "..."}}

Offsets are code points (Python string indexes) and ``token_end`` is inclusive,
as Prodigy writes them. The tokens are those spaCy builds a ``Doc`` from
(``Doc(vocab, words=[t["text"]...], spaces=[t["ws"]...])`` gives back the text):
whitespace other than a single space after a token (line breaks, double spaces)
is a token of its own, as in spaCy. Every span is kept, nested and overlapping
ones too (Prodigy's span categorisation takes them); a span edge inside a token
splits that token (``formats.tokens``). Notes and annotators go in the span's
``annotator`` and ``note`` keys, which Prodigy keeps and ignores.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from annotator.formats import jsonl
from annotator.formats.dataset import ExportContext, ExportDoc, ExportReport
from annotator.formats.token_docs import LayoutStream, PlacedSpan, tokenize_segments
from annotator.formats.token_jobs import Rendered, local_report, shared_tokenizer, write_rendered

TEXT_PIECE = 1_000_000  # characters of the text escaped at a time
TOKENS_AT_ONCE = 10_000  # tokens serialized at a time


def article_meta(doc: ExportDoc) -> dict[str, Any]:
    article = doc.article
    meta: dict[str, Any] = {"article_id": article.id, "title": article.title}
    for key in ("source", "url", "published"):
        value = getattr(article, key)
        if value is not None:
            meta[key] = value
    meta["status"] = str(article.status)
    if article.meta:
        meta["meta"] = article.meta
    return meta


def write_prodigy(docs: Iterable[ExportDoc], sink: Any, ctx: ExportContext) -> None:
    write_rendered(render_prodigy, docs, sink.text(), ctx)


def render_prodigy(doc: ExportDoc, choice: str | None) -> Rendered:
    """One article as one Prodigy task line (its tokens written a window at a time for a long article)."""
    report = local_report()
    result = Rendered("", report.warnings)
    result.text = _prodigy_pieces(doc, choice, report, result)
    return result


def _prodigy_pieces(doc: ExportDoc, choice: str | None, report: ExportReport, result: Rendered) -> Iterator[bytes]:
    """``jsonl.dumps_bytes(record)`` of the whole task, made of pieces: the text, the tokens a window at a
    time (``TOKENS_AT_ONCE`` at once), then the spans, answer and meta (the same bytes: the JSON is
    compact). The spans come after every token, so each window's are kept until then, as their
    UTF-8 JSON: a fraction of the memory of the records."""
    text = doc.text
    yield b'{"text":"'
    for i in range(0, len(text), TEXT_PIECE):  # escaping is character by character: pieces join up exactly
        yield jsonl.dumps_bytes(text[i : i + TEXT_PIECE])[1:-1]
    yield b'","tokens":['
    layout = LayoutStream(doc.text)
    place = [0, 0]  # where the next word starts, and its number
    spans: list[bytes] = []
    for tdoc in tokenize_segments(doc, report, shared_tokenizer(choice)):
        result.language = tdoc.language
        words, spaces, index = layout.feed(tdoc)
        if tdoc.spans:
            spans.append(jsonl.dumps_bytes([_span_record(p, index) for p in tdoc.spans])[1:-1])
        del tdoc  # its tokens are in words now
        yield from _token_records(words, spaces, place)
    yield from _token_records(*layout.finish(), place)
    yield b'],"spans":['
    for n, piece in enumerate(spans):
        yield piece if n == 0 else b"," + piece
        spans[n] = b""
    tail = jsonl.dumps_bytes({"answer": "accept", "meta": article_meta(doc)})
    yield b"]," + tail[1:] + b"\n"


def _token_records(words: list[str], spaces: list[bool], place: list[int]) -> Iterator[bytes]:
    """The words' token records, ``TOKENS_AT_ONCE`` at a time, as ``jsonl.dumps_bytes`` writes a list of
    ``{"text", "start", "end", "id", "ws"}`` dicts (without its brackets; a comma before all but the first
    of the task). ``place`` is where the next word starts and its number, moved on past these words."""
    pos, number = place
    for i in range(0, len(words), TOKENS_AT_ONCE):
        rows = []
        # Dicts, one a word: orjson writes them faster than any string formatting here would.
        for word, ws in zip(words[i : i + TOKENS_AT_ONCE], spaces[i : i + TOKENS_AT_ONCE], strict=True):
            end = pos + len(word)
            rows.append({"text": word, "start": pos, "end": end, "id": number, "ws": ws})
            pos = end + ws
            number += 1
        piece = jsonl.dumps_bytes(rows)[1:-1]
        yield piece if number == len(rows) else b"," + piece
    place[0], place[1] = pos, number


def _span_record(p: PlacedSpan, index: list[int]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "start": p.start,
        "end": p.end,
        "token_start": index[p.token_start],
        "token_end": index[p.token_end - 1],
        "label": p.span.label,
        "annotator": p.span.annotator,
    }
    if p.span.note:
        record["note"] = p.span.note
    return record
