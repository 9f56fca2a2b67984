"""One JSON value per line, as every JSON Lines export writes it.

UTF-8 text stays readable (no \\u escapes), except the two characters that many line readers
treat as line breaks although JSON does not: U+2028 and U+2029 are written escaped, so
``str.splitlines()`` and JavaScript readers see one record per line. The value read back is
the same either way.
"""

from __future__ import annotations

import json
from typing import Any

_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029"})


def dumps(value: Any) -> str:
    """``value`` as compact-enough JSON with no character any reader takes for a line break."""
    text = json.dumps(value, ensure_ascii=False)
    if "\u2028" in text or "\u2029" in text:
        text = text.translate(_LINE_BREAKS)  # only ever inside strings: JSON has no other place for them
    return text
