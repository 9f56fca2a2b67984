"""Annotator's own JSON Lines: one article a line, with its spans.

    {"id": 1, "title": "...", "text": "...", "meta": {...}, "status": "done",
     "spans": [{"start": 0, "end": 6, "label": "LOCATION", "text": "Foshan",
                "annotator": "alice", "note": "..."}]}

``source``, ``url`` and ``published`` appear when the article has them; a span's
``note`` only when it has one. Offsets are code points: ``text[start:end]`` in Python.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from annotator.core.model import Article
from annotator.store import Corpus


def article_record(article: Article, spans: list[dict[str, Any]]) -> dict[str, Any]:
    record: dict[str, Any] = {"id": article.id, "title": article.title, "text": article.text}
    for key in ("source", "url", "published"):
        value = getattr(article, key)
        if value is not None:
            record[key] = value
    record["meta"] = article.meta
    record["status"] = str(article.status)
    record["spans"] = spans
    return record


def iter_records(corpus: Corpus) -> Iterator[dict[str, Any]]:
    tags = {label.id: label.tag for label in corpus.labels.list()}
    for article in corpus.articles.iter_all():
        spans = []
        for a in sorted(corpus.annotations.for_article(article.id), key=lambda a: (a.start, a.end, a.id)):
            span: dict[str, Any] = {
                "start": a.start,
                "end": a.end,
                "label": tags[a.label_id],
                "text": a.text,
                "annotator": a.annotator,
            }
            if a.note:
                span["note"] = a.note
            spans.append(span)
        yield article_record(article, spans)


def write_native_jsonl(corpus: Corpus, out: IO[str]) -> int:
    """Write every article of ``corpus`` to ``out``; return how many."""
    n = 0
    for record in iter_records(corpus):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n
