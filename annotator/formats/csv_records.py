"""CSV (.csv): one article a row. A ``text`` column is required; ``title``, ``id``,
``source``, ``url`` and ``published`` are read like JSON records; every other
non-empty cell goes into meta under its column name.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from annotator.formats.base import BadRecord, InputError, Record
from annotator.formats.decoding import decode_bytes
from annotator.formats.json_records import record_from_mapping

_KNOWN = ("text", "title", "id", "source", "url", "published")
_ANNOTATION_ROWS = {"article_id", "label", "start", "end", "left_context", "right_context"}  # export_csv's columns


def _delimiter(text: str) -> str:
    """The separator the header line uses most: comma, semicolon or tab (comma when none)."""
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in ",;\t"}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def read_csv(data: bytes) -> Iterator[Record | BadRecord]:
    text = decode_bytes(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(f"Not valid CSV in the header line ({exc}).") from exc
    if not header or not any(cell.strip() for cell in header):
        raise InputError("No header line: the first line must name the columns, one of them \"text\".")
    names = [cell.strip() for cell in header]
    lowered = [name.lower() for name in names]
    if "text" not in lowered:
        raise InputError(f"No \"text\" column (the columns are: {', '.join(names)}).")
    if _ANNOTATION_ROWS <= set(lowered):
        raise InputError(
            "This is Annotator's CSV export of annotations (one row per span, its \"text\" the span's), "
            "not articles: import the jsonl export to bring articles and spans back."
        )
    keys = [name.lower() if name.lower() in _KNOWN else name for name in names]
    found = False
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            found = True
            yield BadRecord(f"Not valid CSV ({exc}).", f"line {reader.line_num}")
            continue
        if not row:
            continue
        found = True
        where = f"line {reader.line_num}"
        if len(row) != len(keys):
            yield BadRecord(f"{len(row)} cells, but the header has {len(keys)} columns.", where)
            continue
        obj: dict = {"meta": {}}
        for key, cell in zip(keys, row):
            if key in _KNOWN:
                if cell.strip() or key == "text":
                    obj[key] = cell
            elif cell.strip():
                obj["meta"][key] = cell
        yield record_from_mapping(obj, where)
    if not found:
        raise InputError("No rows under the header line.")
