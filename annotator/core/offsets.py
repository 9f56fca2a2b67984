"""Code points (the corpus) <-> UTF-16 code units (Qt): the one place the two meet.

Stored text is LF-normalised and a Qt document built from it with
``setPlainText`` has one position per UTF-16 code unit, with each LF becoming
a block separator (shown as U+2029 by ``selectedText``) that still takes one
position. So the only difference between the two is that a character outside
the Basic Multilingual Plane takes two Qt positions and one code point.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Converts offsets for one text. Building it is O(n) in C; lookups are O(log k)."""

    __slots__ = ("_astral_cp", "_astral_u16", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        if text.isascii():
            cps: list[int] = []
        else:
            cps = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_cp = cps
        self._astral_u16 = [cp + i for i, cp in enumerate(cps)]
        self.length = len(text)
        self.utf16_length = len(text) + len(cps)

    @property
    def identity(self) -> bool:
        return not self._astral_cp

    def to_utf16(self, cp: int) -> int:
        """Qt position of code point offset ``cp``."""
        if not self._astral_cp:
            return cp
        return cp + bisect_left(self._astral_cp, cp)

    def to_codepoint(self, u16: int) -> int:
        """Code point offset of Qt position ``u16``; a position inside a surrogate pair rounds down."""
        if not self._astral_u16:
            return u16
        n = bisect_left(self._astral_u16, u16)  # astral characters starting before u16
        if n and self._astral_u16[n - 1] + 1 == u16:
            return self._astral_cp[n - 1]
        return u16 - n

    def span_to_codepoint(self, start: int, end: int) -> tuple[int, int]:
        """A Qt range as code points; an end inside a surrogate pair rounds up."""
        s = self.to_codepoint(start)
        e = self.to_codepoint(end)
        if self.to_utf16(e) < end:
            e += 1
        return s, e
