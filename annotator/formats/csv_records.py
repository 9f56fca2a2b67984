"""CSV (.csv): one article a row. A ``text`` column is required; ``title``, ``id``,
``source``, ``url`` and ``published`` are read like JSON records; every other
non-empty cell goes into meta under its column name.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from annotator.formats.base import DEFAULT_MAX_BYTES, BadRecord, InputError, Record
from annotator.formats.decoding import decode_bytes
from annotator.formats.json_records import record_from_mapping
from annotator.formats.streaming import text_lines

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
    yield from _rows(io.StringIO(text, newline=""), _delimiter(text), len(data))


def read_csv_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record | BadRecord]:
    """A CSV file of any size, row by row; ``max_bytes`` limits one row (a line or a cell)."""
    lines = text_lines(path, max_bytes, keep_ends=True)
    first = next(lines, None)
    if first is None:
        raise InputError("Empty file.")
    if isinstance(first[1], BadRecord):
        raise InputError(f"The header line cannot be read: {first[1].reason}")

    def text() -> Iterator[str]:
        yield first[1]  # type: ignore[misc]
        for n, line in lines:
            if isinstance(line, BadRecord):
                raise _LineError(n, line.reason)
            yield line

    yield from _rows(text(), _delimiter(first[1]), max_bytes)


class _LineError(Exception):
    def __init__(self, n: int, reason: str) -> None:
        super().__init__(reason)
        self.n = n
        self.reason = reason


def _row_record(keys: list[str], row: list[str], where: str) -> Record | BadRecord:
    obj: dict = {"meta": {}}
    for key, cell in zip(keys, row, strict=True):
        if key in _KNOWN:
            if cell.strip() or key == "text":
                obj[key] = cell
        elif cell.strip():
            obj["meta"][key] = cell
    return record_from_mapping(obj, where)


def _rows(lines, delimiter: str, max_bytes: int) -> Iterator[Record | BadRecord]:
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))  # the default (128 kB) is shorter than articles
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
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
        except _LineError as exc:
            yield BadRecord(
                f"{exc.reason} The rest of the file is not read (a quoted cell may span lines).", f"line {exc.n}"
            )
            return
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
        yield _row_record(keys, row, where)
    if not found:
        raise InputError("No rows under the header line.")
