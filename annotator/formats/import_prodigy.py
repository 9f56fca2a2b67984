"""Prodigy JSONL (``prodigy db-out``, and Annotator's own prodigy export): one answered task a line.

    {"text": "...", "tokens": [...], "spans": [{"start": 0, "end": 6, "token_start": 0,
     "token_end": 0, "label": "GPE"}], "answer": "accept", "_input_hash": 1, "_task_hash": 2,
     "_annotator_id": "news-mei", "_session_id": "news-mei", "meta": {"source": "..."}}

Only accepted tasks bring their spans: a task answered ``reject`` or ``ignore`` is not
imported and is counted in the report. Offsets are code points. A span's annotator is
the span's own ``annotator`` (Annotator's export writes it), else the task's
``_annotator_id`` or ``_session_id``. ``meta`` goes into the article's metadata; a task
Annotator exported (``meta.article_id``) brings back the title, source, url, published,
status and metadata as such. Prodigy's bookkeeping (hashes, view id, tokens) is not kept.
"""

from __future__ import annotations

from typing import Any

from annotator.core.model import Status
from annotator.formats.base import (
    BadRecord,
    Record,
    SkippedRecord,
    SpanRecord,
    SpanWarning,
    annotator_name,
    title_or_first_line,
)
from annotator.formats.import_spans import SourceText, SpanError

ANSWERS = ("accept", "reject", "ignore")
_BOOKKEEPING = {
    "_input_hash",
    "_task_hash",
    "_view_id",
    "_session_id",
    "_annotator_id",
    "_timestamp",
    "tokens",
    "answer",
}
_COLUMNS = ("source", "url", "published")
_STATUSES = {status.value for status in Status}


def is_prodigy(value: Any) -> bool:
    """A Prodigy task: an answer, or Prodigy's hashes, beside the text."""
    return (
        isinstance(value, dict)
        and isinstance(value.get("text"), str)
        and (value.get("answer") in ANSWERS or "_input_hash" in value or "_task_hash" in value)
    )


def prodigy_record(obj: Any, where: str | None) -> Record | BadRecord | SkippedRecord:
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return BadRecord('Not a Prodigy task: no "text".', where)
    answer = obj.get("answer")
    if answer in ("reject", "ignore"):
        return SkippedRecord(
            f"Answered {answer!r} in Prodigy: not imported.",
            where,
            {"reject": "rejected", "ignore": "ignored"}[answer] + " in Prodigy",
        )
    source = SourceText(obj["text"])
    if not source.text.strip():
        return BadRecord('Empty "text".', where)
    meta_value = obj.get("meta")
    meta: dict[str, Any] = dict(meta_value) if isinstance(meta_value, dict) else {}
    columns: dict[str, str] = {}
    status = None
    title = None
    ours = isinstance(meta.get("article_id"), int)
    if ours:  # Annotator's own export: the article comes back as it was
        meta.pop("article_id")
        title = meta.pop("title", None)
        columns = {k: meta.pop(k) for k in _COLUMNS if isinstance(meta.get(k), str)}
        if isinstance(meta.get("status"), str) and meta["status"] in _STATUSES:
            status = meta.pop("status")
        if isinstance(meta.get("meta"), dict):
            meta.update(meta.pop("meta"))
    extra = {k: v for k, v in obj.items() if k not in _BOOKKEEPING and k not in ("text", "spans", "meta")}
    meta.update(extra)
    who = annotator_name(obj.get("_annotator_id")) or annotator_name(obj.get("_session_id"))
    spans: list[SpanRecord] = []
    warnings: list[SpanWarning] = []
    items = obj.get("spans") if isinstance(obj.get("spans"), list) else []
    for n, item in enumerate(items, 1):
        at = f"span {n}"
        try:
            if not isinstance(item, dict):
                raise SpanError("A span must be an object.")
            label = item.get("label")
            if not isinstance(label, str) or not label.strip():
                raise SpanError('The span has no "label".')
            covered = item.get("text") if isinstance(item.get("text"), str) else None
            s, e, text = source.span(item.get("start"), item.get("end"), covered=covered)
        except SpanError as exc:
            warnings.append(SpanWarning(str(exc), at))
            continue
        note = item.get("note") if isinstance(item.get("note"), str) and item["note"].strip() else None
        spans.append(
            SpanRecord(s, e, label, text, annotator=annotator_name(item.get("annotator")) or who, note=note, where=at)
        )
    return Record(
        text=source.text,
        title=title_or_first_line(title, source.text),
        meta=meta,
        where=where,
        spans=tuple(spans),
        warnings=tuple(warnings),
        status=status,
        exact_tags=ours,
        **columns,
    )
