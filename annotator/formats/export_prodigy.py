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

from collections.abc import Iterable
from typing import Any

from annotator.formats import jsonl
from annotator.formats.dataset import ExportContext, ExportDoc
from annotator.formats.token_jobs import Rendered, local_report, shared_tokenizer, write_rendered
from annotator.formats.tokens import spacy_layout, tokenize_doc


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
    """One article as one Prodigy task line."""
    report = local_report()
    tdoc = tokenize_doc(doc, report, shared_tokenizer(choice))
    layout = spacy_layout(tdoc)
    tokens = []
    pos = 0
    for i, (word, ws) in enumerate(zip(layout.words, layout.spaces)):
        tokens.append({"text": word, "start": pos, "end": pos + len(word), "id": i, "ws": ws})
        pos += len(word) + ws
    spans = []
    for p in tdoc.spans:
        record: dict[str, Any] = {
            "start": p.start,
            "end": p.end,
            "token_start": layout.index[p.token_start],
            "token_end": layout.index[p.token_end - 1],
            "label": p.span.label,
            "annotator": p.span.annotator,
        }
        if p.span.note:
            record["note"] = p.span.note
        spans.append(record)
    record = {"text": doc.text, "tokens": tokens, "spans": spans, "answer": "accept", "meta": article_meta(doc)}
    return Rendered(jsonl.dumps(record) + "\n", report.warnings, 0, tdoc.language)
