"""Bytes of an unknown text file -> str, or a one-line reason why they are not text.

Order: a byte-order mark decides; otherwise NUL bytes mean a binary file; otherwise
strict UTF-8; otherwise charset-normalizer guesses the legacy encoding (GB18030/GBK,
Big5, Windows-1252, ...).
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from charset_normalizer import from_bytes

from annotator.formats.base import DEFAULT_MAX_BYTES, InputError, format_size

_BOMS = (  # UTF-32 first: its little-endian mark begins with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program"),
)

# When candidates tie, the encoding most files in that family really use.
_PREFERRED = ("cp1252", "gb18030", "big5")
# A detected encoding -> the superset that decodes the same bytes identically, and more.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "latin_1": "cp1252", "iso8859_1": "cp1252"}

# Control characters text files do not hold (tab, line breaks, form feed and escape are fine).
_STRAY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    return None


def _looks_like_utf16(data: bytes) -> bool:
    """NUL in (nearly) every other byte and nowhere else: ASCII-range text in UTF-16."""
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return len(head) >= 16 and max(even, odd) >= 0.4 * (len(head) // 2) and min(even, odd) <= 0.02 * (len(head) // 2)


def _mostly_controls(text: str) -> bool:
    controls = len(_STRAY_CONTROLS.findall(text, 0, 100_000))
    return controls > max(2, len(text[:100_000]) // 100)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


# Analysts' legacy files are Chinese news: when a short text leaves the detector unsure between
# a Chinese and another East Asian code page, the Chinese reading wins unless it looks wrong.
_CHINESE = ("gb18030", "big5")
_UNSURE_COHERENCE = 0.2
_CHAOS_MARGIN = 0.1


def _implausible(text: str) -> int:
    """Characters a wrong East Asian decoding tends to produce: half-width katakana, private use, C1 controls."""
    return sum(
        1 for ch in text if "\uff61" <= ch <= "\uff9f" or "\ue000" <= ch <= "\uf8ff" or "\x80" <= ch <= "\x9f"
    )


def _unsure_east_asian(data: bytes, results, best) -> str | None:
    near = [m.encoding for m in results if m.chaos <= best.chaos + _CHAOS_MARGIN]
    chinese = [c for c in _CHINESE if any(enc.startswith(c) for enc in near)]
    if not chinese or best.encoding.startswith(_CHINESE) or best.coherence >= _UNSURE_COHERENCE:
        return None
    readings = []
    for rank, encoding in enumerate([*chinese, best.encoding]):
        text = _strict(data, encoding)
        if text is not None:
            readings.append((_implausible(text), rank, text))
    return min(readings)[2] if readings else None


def _guess(data: bytes) -> str | None:
    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None
    unsure = _unsure_east_asian(data, results, best)
    if unsure is not None:
        return unsure
    tied = [m for m in results if m.chaos == best.chaos and m.coherence == best.coherence]
    for preferred in _PREFERRED:
        if any(preferred in m.could_be_from_charset for m in tied):
            text = _strict(data, preferred)
            if text is not None:
                return text
    superset = _SUPERSETS.get(best.encoding)
    if superset:
        text = _strict(data, superset)
        if text is not None:
            return text
    return str(best)


def _declared(data: bytes, declared: str) -> str | None:
    try:
        name = codecs.lookup(declared).name.replace("-", "_")
    except LookupError:
        return None
    if name.startswith(("utf_16", "utf_32")):  # without a byte-order mark such a label is wrong
        name = "utf_8"
    for encoding in (_SUPERSETS.get(name), name):
        if encoding:
            text = _strict(data, encoding)
            if text is not None:
                return text
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """The text ``data`` holds. Raises InputError for binary or undecodable data.

    ``declared`` is an encoding the file names itself (an HTML meta charset, say); it is
    used when the bytes have no byte-order mark and really decode with it.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is None:
                name = encoding.upper().removesuffix("-SIG")
                raise InputError(f"Not valid {name} text, although it starts with a {name} byte-order mark.")
            return text.removeprefix("\ufeff")
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"Binary file ({kind}), not text.")
    if b"\x00" in data:
        if _looks_like_utf16(data):
            raise InputError("Looks like UTF-16 text without a byte-order mark; save it as UTF-8 and try again.")
        raise InputError("Binary file (contains NUL bytes), not text.")
    text = _declared(data, declared) if declared else None
    utf8 = False
    if text is None:
        text = _strict(data, "utf-8")
        utf8 = text is not None
    if text is None:
        text = _guess(data)
        if text is None:
            raise InputError("Cannot tell the text encoding of this file; save it as UTF-8 and try again.")
    # UTF-8 text holds a control character exactly where its bytes hold that byte: bytes without
    # any (nearly every file) need no look at the text.
    if (not utf8 or len(data.translate(None, _CONTROL_BYTES)) < len(data)) and _mostly_controls(text):
        raise InputError("Binary file (control characters), not text.")
    return text


def sniff_encoding(head: bytes) -> str | None:
    """The encoding to read a whole file in, from its first bytes: "utf-8" (with or without a
    mark), a legacy encoding, or None for UTF-16/UTF-32 (which a reader cannot cut at line ends
    as bytes). Raises InputError for binary data, as ``decode_bytes`` does."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return "utf-8" if encoding == "utf-8-sig" else None
    cut = head[: head.rfind(b"\n") + 1] or head  # whole lines: no character cut in two
    try:
        codecs.getincrementaldecoder("utf-8")().decode(cut, final=False)  # a last character may be cut
        if _binary_kind(cut) or b"\x00" in cut or _mostly_controls(cut.decode("utf-8", "replace")):
            decode_bytes(cut)  # refused as binary, with the reason
        return "utf-8"
    except UnicodeDecodeError:
        decode_bytes(cut)  # binary, NUL bytes, control characters: refused as for any file
    best = from_bytes(cut).best()
    if best is None:
        raise InputError("Cannot tell the text encoding of this file; save it as UTF-8 and try again.")
    encoding = _SUPERSETS.get(best.encoding, best.encoding)
    tied = [m for m in from_bytes(cut) if m.chaos == best.chaos]
    for preferred in _PREFERRED:
        if any(preferred in m.could_be_from_charset for m in tied) and _strict(cut, preferred) is not None:
            return preferred
    return encoding


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path``, refusing empty files and files over ``max_bytes``."""
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                have, limit = format_size(size), format_size(max_bytes)
                if have == limit:
                    have, limit = f"{size:,} bytes", f"{max_bytes:,} bytes"
                raise InputError(f"Too large ({have}; the limit is {limit}).")
            # Read what the file holds, not max_bytes: asking for 20 MB makes Python allocate
            # (and give back) 20 MB for every file, most of an import's reading time.
            data = fh.read(size + 1)
            if len(data) > size:  # it grew since: read on, up to just over the limit
                data += fh.read(max_bytes + 1 - len(data)) or b""
    except OSError as exc:
        raise InputError(f"Cannot read the file: {exc.strerror or exc}.") from exc
    if len(data) > max_bytes:
        raise InputError(f"Too large (over {format_size(max_bytes)}, the limit).")
    if not data:
        raise InputError("Empty file.")
    return data


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    return decode_bytes(read_bytes(path, max_bytes))
