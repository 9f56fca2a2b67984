"""Labelled JSON Lines: Annotator's own export, and doccano's sequence-labelling JSONL.

Annotator's own (what ``native_jsonl`` writes), one article a line::

    {"id": 1, "title": "...", "text": "...", "meta": {...}, "status": "done",
     "spans": [{"start": 0, "end": 6, "label": "LOCATION", "text": "Foshan", "annotator": "mei", "note": "..."}]}

Offsets are code points; each span's ``text`` must be what they cover; ``reviewed_by``
and ``reviewed_at`` are kept when the corpus records reviews. The article
keeps its title, source, url, published, meta and status exactly; ``id`` is not kept
(articles are numbered by the corpus, in file order). A line without ``spans`` is an
ordinary record (see ``json_records``).

doccano: ``{"text": "...", "label": [[start, end, "LABEL"], ...]}`` (``labels`` in older
versions; ``entities`` with ``start_offset``/``end_offset`` when relations were on).
doccano counts offsets in UTF-16 code units: ``offsets="codepoints"`` reads files
that count code points. Other fields go into the article's meta, ``id`` as ``source_id``;
the ``status`` and span ``notes`` that Annotator's doccano export adds are read back as such.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import Any

from annotator.core.model import Status
from annotator.core.text import plural
from annotator.formats.base import (
    BadRecord,
    InputError,
    Record,
    SpanRecord,
    SpanWarning,
    annotator_name,
    first_line_title,
)
from annotator.formats.decoding import decode_bytes
from annotator.formats.import_spans import SourceText, SpanError, is_offset
from annotator.formats.json_records import record_from_mapping
from annotator.formats.streaming import loads

DOCCANO_KEYS = ("label", "labels", "entities")
_NATIVE_SPAN_EXTRA = ("reviewed_by", "reviewed_at")


def _kind(value: Any) -> str:
    return {dict: "object", list: "list", str: "string", bool: "boolean", type(None): "null"}.get(type(value), "number")


def _lines(data: bytes) -> Iterator[tuple[str, Any]]:
    """(where, parsed value or a JSONDecodeError) for each non-blank line."""
    text = decode_bytes(data)
    found = False
    for n, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if not line.strip():
            continue
        found = True
        try:
            yield f"line {n}", loads(line)
        except json.JSONDecodeError as exc:
            yield f"line {n}", exc
    if not found:
        raise InputError("No records: every line is blank.")


def _bad_json(exc: json.JSONDecodeError, where: str) -> BadRecord:
    return BadRecord(f"Not valid JSON (column {exc.colno}: {exc.msg}).", where)


# --- Annotator's own ------------------------------------------------------------------


def _optional_text(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    raise ValueError(f"\"{key}\" must be text, not a JSON {_kind(value)}.")


def native_record(obj: dict, where: str | None) -> Record | BadRecord:
    """A record of Annotator's own JSONL (a mapping with ``spans``), kept exactly as written."""
    original = obj.get("text")
    if not isinstance(original, str):
        reason = 'No "text" field.' if original is None else f'"text" must be a string, not a JSON {_kind(original)}.'
        return BadRecord(reason, where)
    source = SourceText(original)
    if not source.text.strip():
        return BadRecord("Empty \"text\".", where)
    meta = obj.get("meta") or {}
    if not isinstance(meta, dict):
        return BadRecord(f"\"meta\" must be an object, not a JSON {_kind(meta)}.", where)
    spans_value = obj.get("spans")
    if not isinstance(spans_value, list):
        return BadRecord(f"\"spans\" must be a list, not a JSON {_kind(spans_value)}.", where)
    try:
        title = _optional_text(obj, "title")
        columns = {key: _optional_text(obj, key) for key in ("source", "url", "published")}
        status = _optional_text(obj, "status")
        statuses = _statuses(obj)
    except ValueError as exc:
        return BadRecord(str(exc), where)
    own = {"id", "title", "text", "meta", "status", "statuses", "spans", *columns}
    extra = {k: v for k, v in obj.items() if k not in own}
    spans, warnings = [], []
    for n, item in enumerate(spans_value, 1):
        try:
            spans.append(_native_span(source, item, f"span {n}"))
        except SpanError as exc:
            warnings.append(SpanWarning(str(exc), f"span {n}"))
    return Record(
        text=source.text,
        title=title if title and title.strip() else first_line_title(source.text),
        meta={**extra, **meta},
        where=where,
        spans=tuple(spans),
        warnings=tuple(warnings),
        status=status,
        statuses=statuses,
        exact_tags=True,
        **columns,
    )


def _statuses(obj: dict) -> dict[str, str] | None:
    """``"statuses": {"mei": "done", ...}``, each analyst's status; checked against the known statuses."""
    value = obj.get("statuses")
    if value is None:
        return None
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and k.strip() and isinstance(v, str) for k, v in value.items()
    ):
        raise ValueError('"statuses" must map analyst names to statuses, like {"mei": "done"}.')
    unknown = sorted({v for v in value.values()} - _STATUSES)
    if unknown:
        raise ValueError(f'Unknown status {unknown[0]!r} in "statuses" (known: {", ".join(sorted(_STATUSES))}).')
    return {k.strip(): v for k, v in value.items()}


def _native_span(source: SourceText, item: Any, where: str) -> SpanRecord:
    if not isinstance(item, dict):
        raise SpanError(f"A span must be an object, not a JSON {_kind(item)}.")
    label = item.get("label")
    if not isinstance(label, str) or not label.strip():
        raise SpanError("The span has no \"label\".")
    covered = item.get("text")
    if covered is not None and not isinstance(covered, str):
        raise SpanError(f"\"text\" must be a string, not a JSON {_kind(covered)}.")
    start, end, text = source.span(item.get("start"), item.get("end"), covered=covered)
    annotator, note = item.get("annotator"), item.get("note")
    return SpanRecord(
        start,
        end,
        label,
        text,
        annotator=annotator_name(annotator) if isinstance(annotator, str) else None,
        note=note or None if isinstance(note, str) else None,
        where=where,
        extra={k: item[k] for k in _NATIVE_SPAN_EXTRA if isinstance(item.get(k), str) and item[k]},
    )


def read_native_jsonl(data: bytes) -> Iterator[Record | BadRecord]:
    """Annotator's own JSONL; lines without ``spans`` are read as ordinary records."""
    for where, value in _lines(data):
        if isinstance(value, json.JSONDecodeError):
            yield _bad_json(value, where)
        elif isinstance(value, dict) and "spans" in value:
            yield native_record(value, where)
        else:
            yield record_from_mapping(value, where)


# --- doccano -------------------------------------------------------------------------


def _doccano_items(obj: dict) -> tuple[list[Any], str]:
    for key in DOCCANO_KEYS:
        value = obj.get(key)
        if isinstance(value, list):
            return value, key
    return [], ""


def _doccano_triple(item: Any) -> tuple[Any, Any, Any]:
    if isinstance(item, list) and len(item) == 3:
        return item[0], item[1], item[2]
    if isinstance(item, dict) and "start_offset" in item:
        return item.get("start_offset"), item.get("end_offset"), item.get("label")
    raise SpanError("A span must be [start, end, \"LABEL\"].")


_STATUSES = {status.value for status in Status}


def _own_notes(value: Any) -> dict[tuple[Any, Any, Any], str] | None:
    """The ``notes`` Annotator's doccano export adds (offsets as in ``label``), or None for anything else."""
    if not isinstance(value, list) or not value:
        return None
    notes = {}
    for item in value:
        if not (
            isinstance(item, dict) and set(item) == {"start", "end", "label", "note"} and isinstance(item["note"], str)
        ):
            return None
        notes[(item["start"], item["end"], item["label"])] = item["note"]
    return notes


def doccano_record(obj: Any, where: str | None, offsets: str = "utf16") -> Record | BadRecord:
    if not isinstance(obj, dict):
        return BadRecord(f"Expected an object with a \"text\" field, found a JSON {_kind(obj)}.", where)
    items, key = _doccano_items(obj)
    relations = obj.get("relations") if isinstance(obj.get("relations"), list) else []
    rest = {
        k: v
        for k, v in obj.items()
        if k != key and not (k in ("Comments", "comments") and not v) and not (k == "relations" and isinstance(v, list))
    }
    # What Annotator's own doccano export adds: the article status and span notes, not metadata.
    status = rest.pop("status") if isinstance(rest.get("status"), str) and rest["status"] in _STATUSES else None
    notes = _own_notes(rest.get("notes"))
    if notes is not None:
        del rest["notes"]
    record = record_from_mapping(rest, where)
    if isinstance(record, BadRecord):
        return record
    source = SourceText(obj["text"])
    spans, warnings = [], []
    ambiguous = 0
    for n, item in enumerate(items, 1):
        try:
            start, end, label = _doccano_triple(item)
            if not isinstance(label, str) or not label.strip():
                raise SpanError(f"The label must be a name, not {label!r}.")
            s, e, text = source.span(start, end, units=offsets)
        except SpanError as exc:
            warnings.append(SpanWarning(str(exc), f"span {n}"))
            continue
        note = notes.get((start, end, label)) if notes else None
        spans.append(SpanRecord(s, e, label, text, note=note, where=f"span {n}"))
        if offsets == "utf16" and source.utf16.to_codepoint(end) != end:
            ambiguous += 1  # a character outside the BMP comes before its end: the two counts differ
    if ambiguous and _also_code_points(source, items):
        spans_word = "span" if ambiguous == 1 else "spans"
        warnings.append(
            SpanWarning(
                f"{ambiguous} {spans_word} after a character outside the Basic Multilingual Plane "
                "(an emoji, a rare CJK character) read as UTF-16 code units, doccano's default; if this file counts "
                "code points, import it again with --offsets codepoints."
            )
        )
    if relations:
        n = len(relations)
        warnings.append(SpanWarning(f"{plural(n, 'relation')} left out (only spans are kept)."))
    return dataclasses.replace(record, spans=tuple(spans), warnings=tuple(warnings), status=status)


def _edge(text: str, pos: int) -> bool:
    """True when ``pos`` does not cut a word: at an end, or beside a character that is not a letter or digit."""
    return pos <= 0 or pos >= len(text) or not (text[pos - 1].isalnum() and text[pos].isalnum())


def _fit(source: SourceText, items: list[Any], units: str) -> int | None:
    """How many span edges fall between words when the offsets are read in ``units``; None when one cannot be read."""
    score = 0
    for item in items:
        try:
            start, end, _ = _doccano_triple(item)
            s, e, _ = source.span(start, end, units=units)
        except SpanError:
            if units == "codepoints":
                return None
            continue  # a UTF-16 reading that fails counts for nothing
        score += _edge(source.text, s) + _edge(source.text, e)
    return score


def _also_code_points(source: SourceText, items: list[Any]) -> bool:
    """True when the record reads as code points as well as it reads as UTF-16: every span can be
    read so, with at least as many edges between words. A UTF-16 file whose spans sit on words is
    then not warned about; a file that counts code points (or CJK text, where every edge is between
    words) is."""
    code_points = _fit(source, items, "codepoints")
    return code_points is not None and code_points >= (_fit(source, items, "utf16") or 0)


def read_doccano(data: bytes, offsets: str | None = None) -> Iterator[Record | BadRecord]:
    """doccano JSONL (or a JSON list of the same records)."""
    units = offsets or "utf16"
    head = data.lstrip()[:1]
    if head == b"[" or (head == b"\xef" and data.lstrip()[3:4] == b"["):
        try:
            value = loads(decode_bytes(data))
        except json.JSONDecodeError:
            value = None
        if isinstance(value, list):
            for n, obj in enumerate(value, 1):
                yield doccano_record(obj, f"record {n}", units)
            return
    for where, value in _lines(data):
        if isinstance(value, json.JSONDecodeError):
            yield _bad_json(value, where)
        else:
            yield doccano_record(value, where, units)


# --- which one ------------------------------------------------------------------------


def is_doccano(obj: dict) -> bool:
    """Spans as doccano writes them: some [start, end, "LABEL"] (a list of class names is not)."""
    items, _ = _doccano_items(obj)
    for item in items:
        try:
            start, end, label = _doccano_triple(item)
        except SpanError:
            continue
        if is_offset(start) and is_offset(end) and isinstance(label, str):
            return True
    return False


def detect_jsonl(data: bytes, sample: int = 1000) -> str:
    """'jsonl' (Annotator's own, or unlabelled records) or 'doccano', from the first decisive record."""
    try:
        lines = _lines(data)
        for n, (_, value) in enumerate(lines):
            if n >= sample:
                break
            if isinstance(value, dict):
                if "spans" in value:
                    return "jsonl"
                if is_doccano(value):
                    return "doccano"
    except InputError:
        pass
    return "jsonl"


