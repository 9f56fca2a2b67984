"""JSON and JSON Lines files read record by record, and which tool wrote them.

A ``.jsonl`` is read a line at a time and a ``.json`` list an element at a time
(``streaming``), so a file of any size comes in with memory bounded by its largest
record; ``--max-size`` limits one record. A ``.jsonl`` whose first line is not JSON
but opens an object or a list is one pretty-printed JSON document, read as a ``.json``.

In auto mode the first records decide the kind, whatever the extension:

- ``labelstudio``: tasks with ``data`` (or JSON-MIN rows: the text beside a list of regions);
- ``prodigy``: records with an ``answer`` or Prodigy's ``_input_hash``;
- ``hf``: Hugging Face token classification rows (``tokens`` and ``ner_tags``, no ``text``);
- ``jsonl``: Annotator's own export (records with ``spans``);
- ``doccano``: records with ``label``/``labels``/``entities`` as doccano writes them
  (a JSON list, doccano's tutorial single object, or JSON Lines alike);
- ``json``: plain records (``text`` and metadata).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.text import plural
from annotator.formats.base import DEFAULT_MAX_BYTES, BadRecord, InputError
from annotator.formats.import_hf import hf_records, is_hf, tag_names_beside
from annotator.formats.import_jsonl import doccano_record, is_doccano, native_record
from annotator.formats.import_labelstudio import is_labelstudio, label_results, task_record
from annotator.formats.import_prodigy import is_prodigy, prodigy_record
from annotator.formats.json_records import record_from_mapping
from annotator.formats.streaming import head_bytes, json_values, loads, text_lines

SAMPLE = 1000  # records looked at to decide the kind of a file
Values = Iterator[tuple[str | None, Any]]


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"Not valid JSON (column {exc.colno}: {exc.msg})."


def line_values(path: Path, max_bytes: int) -> Values:
    """(where, value or BadRecord) for each non-blank line; a pretty-printed document as a whole."""
    found = False
    for n, line in text_lines(path, max_bytes):
        where = f"line {n}"
        if isinstance(line, BadRecord):
            found = True
            yield where, line
            continue
        if not line.strip():
            continue
        try:
            value = loads(line)
        except json.JSONDecodeError as exc:
            if not found and line.lstrip().startswith(("{", "[")):  # one JSON document over many lines
                yield from json_values(path, max_bytes)
                return
            value = BadRecord(_json_error(exc), where)
        found = True
        yield where, value
    if not found:
        raise InputError("No records: every line is blank.")


def kind_of(value: Any) -> str | None:
    """The kind of file one record says it belongs to, or None when it does not tell."""
    if isinstance(value, BadRecord) or not isinstance(value, dict):
        return None
    if is_labelstudio(value):
        return "labelstudio"
    if is_prodigy(value):
        return "prodigy"
    if is_hf(value):
        return "hf"
    if "spans" in value:
        return "jsonl"
    if is_doccano(value):
        return "doccano"
    return None


def _decide(values: Values, default: str) -> tuple[str, Values]:
    """The kind the first decisive record (among the first ``SAMPLE``) names, and every value."""
    head = []
    kind = None
    for item in itertools.islice(values, SAMPLE):
        head.append(item)
        kind = kind_of(item[1])
        if kind:
            break
    return kind or default, itertools.chain(head, values)


def records(
    values: Values,
    kind: str,
    offsets: str | None = None,
    text_field: str | None = None,
    *,
    path: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Any]:
    """Each value as a record of ``kind``; plain records where a labelled kind meets a record without spans.

    A Label Studio file whose tasks hold labelled regions of which none could be imported ends
    with a BadRecord saying so (the import then exits 1), never a quiet "0 spans".
    """
    if kind == "hf":  # sentences gathered into articles: the rows are not records one by one
        yield from hf_records(values, tag_names_beside(path) if path else None, max_bytes)
        return
    n = 0
    held = got = 0
    for where, value in values:
        n += 1
        if isinstance(value, BadRecord):
            yield value
        elif kind == "labelstudio":
            record = task_record(value, n, offsets, where=where, text_field=text_field)
            held += label_results(value)
            got += len(getattr(record, "spans", ()))
            yield record
        elif kind == "doccano":
            yield doccano_record(value, where, offsets or "utf16")
        elif kind == "prodigy":
            yield prodigy_record(value, where)
        elif kind == "jsonl" and isinstance(value, dict) and "spans" in value:
            yield native_record(value, where)
        else:
            yield record_from_mapping(value, where)
    if held and not got:
        yield BadRecord(
            f"The tasks hold {plural(held, 'labelled region')}, but none could be imported as a span "
            "(see the warnings above).",
            None,
        )


def _values(path: Path, max_bytes: int) -> Values:
    """The elements of a JSON list, else the lines of JSON Lines (a pretty-printed object as a whole)."""
    head = head_bytes(path, 4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"["):
        return _non_empty(json_values(path, max_bytes))
    values = line_values(path, max_bytes)
    return values if path.suffix.lower() in (".jsonl", ".ndjson") else _one_is_the_file(values)


def _one_is_the_file(values: Values) -> Values:
    """A .json holding one record: the record is the file (no "line 1" in its messages)."""
    first = next(values, None)
    if first is None:
        return
    second = next(values, None)
    if second is None:
        yield None, first[1]
        return
    yield first
    yield second
    yield from values


def _non_empty(values: Values) -> Values:
    found = False
    for item in values:
        found = True
        yield item
    if not found:
        raise InputError("The JSON list is empty: no records.")


def read_auto_path(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, offsets: str | None = None, text_field: str | None = None
) -> Iterator[Any]:
    """A .json or .jsonl file of any kind above, the kind decided by its first records."""
    default = "jsonl" if path.suffix.lower() in (".jsonl", ".ndjson") else "json"
    kind, values = _decide(_values(path, max_bytes), default)
    return records(values, kind, offsets, text_field, path=path, max_bytes=max_bytes)


def reader(kind: str):
    """``read_path`` for a format forced on the command line (``--format doccano`` ...)."""

    def read(
        path: Path, max_bytes: int = DEFAULT_MAX_BYTES, offsets: str | None = None, text_field: str | None = None
    ) -> Iterator[Any]:
        return records(_values(path, max_bytes), kind, offsets, text_field, path=path, max_bytes=max_bytes)

    read.__name__ = f"read_{kind}_path"
    return read
