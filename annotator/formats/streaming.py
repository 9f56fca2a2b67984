"""Reading a file record by record, so that no file is too large and memory follows the largest record.

    for n, line in text_lines(path, max_bytes):    # JSON Lines, CoNLL, CSV
        if isinstance(line, BadRecord): ...         # a line over the limit, or not text
    for where, value in json_values(path, max_bytes):   # a JSON list, element by element

``max_bytes`` limits one record (a line, a list element), never the file. The encoding is
decided once from the head of the file (a byte-order mark, else UTF-8, else the legacy
encoding charset-normalizer finds); a UTF-16 or UTF-32 file cannot be cut at line ends as
bytes and is read whole, within ``max_bytes``.
"""

from __future__ import annotations

import codecs
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from annotator.formats.base import BadRecord, InputError, format_size
from annotator.formats.decoding import decode_bytes, read_bytes, sniff_encoding

HEAD = 1 << 20  # bytes read to decide the encoding and, in auto mode, the format
_CHUNK = 1 << 20

_reading = threading.local()  # how far this thread's reader has got in the file it streams


def start_reading(size: int) -> None:
    _reading.size, _reading.done = size, 0


def reading_fraction() -> float:
    """The share of the file being streamed on this thread that has been read (0 when none is)."""
    size = getattr(_reading, "size", 0)
    return min(1.0, _reading.done / size) if size else 0.0


def stop_reading() -> None:
    _reading.size = 0


def too_large(size: int, max_bytes: int, what: str = "record") -> str:
    return f"This {what} is too large ({format_size(size)}; the limit is {format_size(max_bytes)} per {what})."


def _open(path: Path) -> BinaryIO:
    try:
        if os.stat(path).st_size == 0:
            raise InputError("Empty file.")
        return open(path, "rb")  # noqa: SIM115 - closed by the generators below
    except OSError as exc:
        raise InputError(f"Cannot read the file: {exc.strerror or exc}.") from exc


def head_bytes(path: Path, size: int = HEAD) -> bytes:
    """The first ``size`` bytes of ``path`` (for auto mode to look at), refusing an empty file."""
    with _open(path) as fh:
        return fh.read(size)


def _encoding(fh: BinaryIO) -> str | None:
    """The encoding of the file under ``fh`` (its position after any UTF-8 mark), or None for UTF-16/32."""
    head = fh.read(HEAD)
    encoding = sniff_encoding(head)
    fh.seek(3 if head.startswith(codecs.BOM_UTF8) else 0)
    return encoding


def text_lines(path: Path, max_bytes: int, *, keep_ends: bool = False) -> Iterator[tuple[int, str | BadRecord]]:
    """(line number, line without its line break, or why it cannot be read) for every line of ``path``."""
    fh = _open(path)
    with fh:
        start_reading(os.fstat(fh.fileno()).st_size)
        encoding = _encoding(fh)
        if encoding is None:  # UTF-16 or UTF-32: read whole, within the limit
            text = decode_bytes(read_bytes(path, max_bytes))
            for n, line in enumerate(text.splitlines(keepends=True), 1):
                yield n, line if keep_ends else line.rstrip("\r\n")
            return
        n = 0
        while True:
            raw = fh.readline(max_bytes + 1)
            if not raw:
                return
            n += 1
            _reading.done += len(raw)
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                size = len(raw)
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line, a chunk at a time
                    raw = fh.readline(_CHUNK)
                    size += len(raw)
                yield n, BadRecord(too_large(size, max_bytes, "line"), f"line {n}")
                continue
            try:
                line = raw.decode(encoding)
            except UnicodeDecodeError:
                try:  # a line in another encoding than the head of the file
                    line = decode_bytes(raw)
                except InputError as exc:
                    yield n, BadRecord(f"Not valid {encoding} text ({exc})", f"line {n}")
                    continue
            if not keep_ends:
                line = line.rstrip("\r\n")
            yield n, line


# --- a JSON document, element by element ------------------------------------------------

_WS = " \t\r\n"


def _constant(name: str) -> str:
    """NaN, Infinity and -Infinity, which strict JSON has not: kept as the strings they are written as."""
    return name


_INT_DIGITS = 4300  # Python's limit on converting a decimal string to an int (sys.get_int_max_str_digits)


def _integer(digits: str) -> int | str:
    """An integer literal; one of more digits than Python converts (a guard against slow
    conversion) is kept as the string it is written as, instead of failing the whole file."""
    return int(digits) if len(digits) <= _INT_DIGITS else digits


# Every JSON an import reads goes through this decoder (or ``loads``): non-finite numbers, and
# integers too long for Python to convert, become strings.
DECODER = json.JSONDecoder(parse_constant=_constant, parse_int=_integer)


def loads(text: str) -> Any:
    return DECODER.decode(text)


class _Buffer:
    """Decoded text of a file read in chunks, dropped as it is consumed."""

    def __init__(self, fh: BinaryIO, encoding: str) -> None:
        self.fh = fh
        self.decoder = codecs.getincrementaldecoder(encoding)()
        self.text = ""
        self.pos = 0
        self.eof = False
        self.lines = 0  # line breaks dropped before ``text``

    def more(self) -> bool:
        if self.eof:
            return False
        chunk = self.fh.read(_CHUNK)
        _reading.done = getattr(_reading, "done", 0) + len(chunk)
        if not chunk:
            self.eof = True
            self.text += self.decoder.decode(b"", final=True)
            return True
        if self.pos > len(self.text) // 2:
            self.lines += self.text.count("\n", 0, self.pos)
            self.text, self.pos = self.text[self.pos :], 0
        self.text += self.decoder.decode(chunk)
        return True

    def skip_ws(self) -> str:
        """The next non-blank character ('' at the end), not consumed."""
        while True:
            while self.pos < len(self.text) and self.text[self.pos] in _WS:
                self.pos += 1
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""


def json_values(path: Path, max_bytes: int) -> Iterator[tuple[str | None, Any]]:
    """(where, value or BadRecord) for each element of a JSON list in ``path``; a single object once.

    An element that is not valid JSON ends the file (the rest cannot be found without it):
    it is one BadRecord saying so. An element over ``max_bytes`` is one too, as the list cannot go on.
    """
    fh = _open(path)
    with fh:
        encoding = _encoding(fh)
        if encoding is None:
            yield from _whole(decode_bytes(read_bytes(path, max_bytes)))
            return
        start_reading(os.fstat(fh.fileno()).st_size)
        buf = _Buffer(fh, encoding)
        first = buf.skip_ws()
        if first != "[":
            while buf.more():
                if len(buf.text) > max_bytes:
                    raise InputError(too_large(len(buf.text), max_bytes, "JSON document"))
            yield from _whole(buf.text)
            return
        buf.pos += 1
        n = 0
        if buf.skip_ws() == "]":
            return
        while True:
            n += 1
            where = f"record {n}"
            tried = 0
            while True:
                try:
                    value, end = DECODER.raw_decode(buf.text, buf.pos)
                    break
                except json.JSONDecodeError as exc:
                    pending = len(buf.text) - buf.pos
                    if pending > max_bytes:
                        yield (
                            where,
                            BadRecord(too_large(pending, max_bytes) + " The rest of the file is not read.", where),
                        )
                        return
                    if buf.eof:
                        if n == 1:
                            raise InputError(_where_in_file(exc, buf)) from exc
                        yield where, BadRecord(_where_in_file(exc, buf) + " The rest of the file is not read.", where)
                        return
                    tried = max(tried * 2, _CHUNK)
                    while len(buf.text) - buf.pos < pending + tried and buf.more():  # parse again only once doubled
                        pass
            buf.pos = end
            yield where, value
            nxt = buf.skip_ws()
            if nxt == ",":
                buf.pos += 1
                buf.skip_ws()
                continue
            if nxt == "]":
                return
            reason = "The list is not closed" if nxt == "" else f"Expected ',' or ']' after record {n}, found {nxt!r}"
            yield f"record {n + 1}", BadRecord(reason + "; the rest of the file is not read.", f"record {n + 1}")
            return


def _where_in_file(exc: json.JSONDecodeError, buf: _Buffer) -> str:
    line = buf.lines + buf.text.count("\n", 0, exc.pos) + 1
    column = exc.pos - (buf.text.rfind("\n", 0, exc.pos) + 1) + 1
    return f"Not valid JSON (line {line}, column {column}: {exc.msg})."


def _whole(text: str) -> Iterator[tuple[str | None, Any]]:
    try:
        value = loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"Not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from exc
    if isinstance(value, list):
        for n, item in enumerate(value, 1):
            yield f"record {n}", item
    else:
        yield None, value
