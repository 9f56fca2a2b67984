"""One JSON value per line, as every JSON Lines export writes it.

Never a bare NaN or Infinity, which strict JSON readers reject: written as strings. UTF-8 text
stays readable (no \\u escapes), except the two characters that many line readers
treat as line breaks although JSON does not: U+2028 and U+2029 are written escaped, so
``str.splitlines()`` and JavaScript readers see one record per line. The value read back is
the same either way.
"""

from __future__ import annotations

import json
import math
from typing import Any

_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029"})


def finite(value: Any) -> Any:
    """``value`` with NaN and the infinities as the strings "NaN", "Infinity", "-Infinity" (how imports store them)."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def strict_dumps(value: Any) -> str:
    """JSON every strict reader accepts: never a bare NaN or Infinity (a corpus may hold them from an old import)."""
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError:
        return json.dumps(finite(value), ensure_ascii=False, allow_nan=False)


def dumps(value: Any) -> str:
    """``value`` as compact-enough JSON with no character any reader takes for a line break."""
    text = strict_dumps(value)
    if "\u2028" in text or "\u2029" in text:
        text = text.translate(_LINE_BREAKS)  # only ever inside strings: JSON has no other place for them
    return text
