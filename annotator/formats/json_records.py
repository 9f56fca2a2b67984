"""JSON (.json: one record or a list of them) and JSON Lines (.jsonl, .ndjson: one record a line).

A record is an object with ``text`` and, optionally, ``title``, ``meta`` (an object),
``id`` (kept in meta as ``source_id``), ``source``, ``url`` and ``published``.
Any other key is kept in meta too, so nothing given is lost.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from annotator.core.text import normalise_text
from annotator.formats.base import BadRecord, InputError, Record, first_line_title
from annotator.formats.decoding import decode_bytes

_COLUMNS = ("source", "url", "published")


def _scalar(value: Any, key: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise ValueError(f"'{key}' must be text, not a JSON {'object' if isinstance(value, dict) else 'list'}.")
    return str(value).strip() or None


def record_from_mapping(obj: Any, where: str | None) -> Record | BadRecord:
    """A Record from one parsed JSON value, or why it cannot be one."""
    if not isinstance(obj, dict):
        return BadRecord(f"Expected an object with a \"text\" field, found a JSON {_kind(obj)}.", where)
    text = obj.get("text")
    if not isinstance(text, str):
        reason = "No \"text\" field." if text is None else f"\"text\" must be a string, not a JSON {_kind(text)}."
        return BadRecord(reason, where)
    text = normalise_text(text)
    if not text.strip():
        return BadRecord("Empty \"text\".", where)
    meta = obj.get("meta") or {}
    if not isinstance(meta, dict):
        return BadRecord(f"\"meta\" must be an object, not a JSON {_kind(meta)}.", where)
    try:
        title = _scalar(obj.get("title"), "title") or ""
        columns = {key: _scalar(obj.get(key), key) for key in _COLUMNS}
    except ValueError as exc:
        return BadRecord(str(exc), where)
    extra = {k: v for k, v in obj.items() if k not in {"text", "title", "meta", "id", *_COLUMNS}}
    meta = {**extra, **meta}
    if obj.get("id") is not None:
        meta["source_id"] = obj["id"]
    return Record(text=text, title=" ".join(title.split()) or first_line_title(text), meta=meta, where=where, **columns)


def _kind(value: Any) -> str:
    return {dict: "object", list: "list", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number"
    )


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"Not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."


def read_json(data: bytes) -> Iterator[Record | BadRecord]:
    try:
        value = json.loads(decode_bytes(data))
    except json.JSONDecodeError as exc:
        raise InputError(_json_error(exc)) from exc
    if isinstance(value, dict):
        yield record_from_mapping(value, None)
        return
    if not isinstance(value, list):
        raise InputError(f"Expected a record or a list of records, found a JSON {_kind(value)}.")
    if not value:
        raise InputError("The JSON list is empty: no records.")
    for n, obj in enumerate(value, 1):
        yield record_from_mapping(obj, f"record {n}")


def read_jsonl(data: bytes) -> Iterator[Record | BadRecord]:
    text = decode_bytes(data)
    found = False
    for n, line in enumerate(normalise_text(text).split("\n"), 1):
        if not line.strip():
            continue
        found = True
        where = f"line {n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadRecord(f"Not valid JSON (column {exc.colno}: {exc.msg}).", where)
            continue
        yield record_from_mapping(obj, where)
    if not found:
        raise InputError("No records: every line is blank.")
