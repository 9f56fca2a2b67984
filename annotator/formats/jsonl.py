"""One JSON value per line, as every JSON Lines export writes it.

Written by orjson (several times faster than the json module, which matters for an export of
millions of spans), compactly: no space after ``,`` and ``:``. Otherwise the text is what
``json.dumps(value, ensure_ascii=False)`` writes: UTF-8 stays readable (no \\u escapes), the
same escapes for quotes, backslashes and control characters, keys in the order given;
a float may be spelt differently where the value is the same (``1e16`` for ``1e+16``).
The characters that some line readers treat as line breaks although JSON does not,
U+2028 and U+2029 (JavaScript) and U+0085 (Python's ``str.splitlines()``), are written escaped,
so every reader sees one record per line. Every value reads back the same as before (a test
compares them with the json module's output).

Never a bare NaN or Infinity, which strict JSON readers reject: written as the strings "NaN",
"Infinity" and "-Infinity" (how imports store them). A value orjson cannot write (an integer
beyond 64 bits, a key that is not a string) is written by the json module in the same compact style.
"""

from __future__ import annotations

import json
import math
from typing import Any

import orjson

_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})
_ESCAPES = tuple((ch.encode(), f"\\u{ord(ch):04x}".encode()) for ch in ("\u2028", "\u2029", "\x85"))
_SEPARATORS = (",", ":")


def finite(value: Any) -> Any:
    """``value`` with NaN and the infinities as the strings "NaN", "Infinity", "-Infinity" (how imports store them)."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def _has_nonfinite(value: Any) -> bool:
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(_has_nonfinite(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_nonfinite(v) for v in value)
    return False


def strict_dumps(value: Any) -> str:
    """JSON every strict reader accepts: never a bare NaN or Infinity (a corpus may hold them from an old import)."""
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError:
        return json.dumps(finite(value), ensure_ascii=False, allow_nan=False)


_UNSET = object()


def dumps_bytes(value: Any, floats: Any = _UNSET) -> bytes:
    """``value`` as one line of UTF-8 JSON (no newline), with no character any reader takes for a line break.

    ``floats``: the part of ``value`` that may hold a float, when the caller knows (an article
    record's metadata): only that part is looked at for NaN and the infinities."""
    try:
        if floats is not _UNSET and floats and _has_nonfinite(floats):  # (an empty dict: most articles' metadata)
            value = finite(value)
        data = orjson.dumps(value)
        if floats is _UNSET and b"null" in data and _has_nonfinite(value):  # orjson writes NaN as null
            data = orjson.dumps(finite(value))
    except (orjson.JSONEncodeError, TypeError):
        return _fallback(value).encode("utf-8")
    # Only ever inside strings: JSON has no other place for them. Their UTF-8 starts with a byte
    # that most text never holds (0xE2: U+2000 to U+2FFF; 0xC2: U+0080 to U+00BF), looked for first.
    if (b"\xe2" in data and (b"\xe2\x80\xa8" in data or b"\xe2\x80\xa9" in data)) or (
        b"\xc2" in data and b"\xc2\x85" in data
    ):
        for raw, escaped in _ESCAPES:
            data = data.replace(raw, escaped)
    return data


def dumps(value: Any) -> str:
    """``value`` as one line of JSON text (no newline); see ``dumps_bytes``."""
    return dumps_bytes(value).decode("utf-8")


def _fallback(value: Any) -> str:
    text = json.dumps(finite(value), ensure_ascii=False, separators=_SEPARATORS, allow_nan=False)
    return text.translate(_LINE_BREAKS)
