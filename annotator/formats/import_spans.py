"""Offsets as another tool gives them -> code points into the stored, LF-normalised text.

Other tools count offsets against the text as they hold it: with CRLF line ends, a
leading byte-order mark, and (doccano, old Label Studio) in UTF-16 code units.
``SourceText`` maps such offsets onto the stored text: UTF-16 through the one
converter there is (``core.offsets.OffsetMap``), then minus the characters that
normalisation drops before the offset (the BOM, the CR of each CRLF).

A span that cannot be mapped, falls outside the text, or whose offsets do not
cover the text the file says they cover raises ``SpanError`` with a one-line reason.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from annotator.core.offsets import OffsetMap
from annotator.core.text import normalise_text

UNITS = ("utf16", "codepoints")
_CRLF = re.compile("\r\n")


class SpanError(ValueError):
    """A span that cannot be imported; the message says why, fit to show a user."""


def newlines_to_lf(text: str) -> str:
    """CRLF and CR to LF, as stored text has them (a covered text keeps any BOM-like character)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def is_offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def short(text: str, limit: int = 40) -> str:
    """A covered text quoted for a message, shortened in the middle when long."""
    if len(text) > limit:
        text = text[: limit // 2] + "…" + text[-(limit // 2) :]
    return repr(text)


class SourceText:
    """One article's text as a file holds it (``original``) and as it will be stored (``text``)."""

    __slots__ = ("_removed", "_utf16", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = normalise_text(original)
        removed = [0] if original.startswith("\ufeff") else []
        if "\r" in original:
            removed.extend(m.start() for m in _CRLF.finditer(original))
        self._removed = removed  # indices of ``original`` that normalisation drops, ascending
        self._utf16: OffsetMap | None = None

    def to_stored(self, cp: int) -> int:
        """A code point offset into ``original`` as an offset into ``text``."""
        return cp - bisect_left(self._removed, cp)

    @property
    def utf16(self) -> OffsetMap:
        if self._utf16 is None:
            self._utf16 = OffsetMap(self.original)
        return self._utf16

    def _codepoint(self, u16: int, what: str) -> int:
        cp = self.utf16.to_codepoint(u16)
        if self.utf16.to_utf16(cp) != u16:
            raise SpanError(
                f"The {what} offset {u16} falls inside a character outside the Basic Multilingual Plane "
                "(between the two halves of a UTF-16 surrogate pair); are these offsets code points?"
            )
        return cp

    def span(
        self, start: Any, end: Any, *, units: str = "codepoints", covered: str | None = None
    ) -> tuple[int, int, str]:
        """``(start, end, covered text)`` in the stored text, for offsets into ``original`` in ``units``.

        ``covered`` is the text the file says the span covers; when given it must match.
        """
        if not (is_offset(start) and is_offset(end)):
            raise SpanError(f"Offsets must be whole numbers, not {start!r} and {end!r}.")
        if units == "utf16":
            length = self.utf16.utf16_length
            unit_name = "UTF-16 code units"
        else:
            length = len(self.original)
            unit_name = "characters"
        if not 0 <= start < end:
            raise SpanError(f"Offsets {start}-{end} are not a span (0 <= start < end).")
        if end > length:
            raise SpanError(f"Offsets {start}-{end} fall outside the text ({length:,} {unit_name}).")
        given = (start, end)
        if units == "utf16":
            start, end = self._codepoint(start, "start"), self._codepoint(end, "end")
        s, e = self.to_stored(start), self.to_stored(end)
        text = self.text[s:e]
        if covered is not None and covered != self.original[start:end] and newlines_to_lf(covered) != text:
            raise SpanError(f"Offsets {given[0]}-{given[1]} cover {short(text)}, but the file says {short(covered)}.")
        if s >= e:
            raise SpanError(f"Offsets {given[0]}-{given[1]} cover only a line break or byte-order mark.")
        return s, e, text


def first_match(
    candidates: Iterable[SourceText], start: Any, end: Any, covered: str | None, units: str = "codepoints"
) -> tuple[int, int, str]:
    """The span under the first reading of the text whose covered text matches; else the first reading's error."""
    first: SpanError | None = None
    for source in candidates:
        try:
            return source.span(start, end, units=units, covered=covered)
        except SpanError as exc:
            first = first or exc
            if covered is None:
                break
    assert first is not None
    raise first
