"""Grapheme clusters: where an edge may fall without cutting a character (a letter and its marks,
an emoji with its modifiers and joiners, a flag's two halves)."""

from __future__ import annotations

import unicodedata

_ZWJ = "\u200d"


def is_extender(ch: str) -> bool:
    """A character that belongs to the grapheme cluster before it."""
    cp = ord(ch)
    if ch == _ZWJ or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF:
        return True
    if 0x1F3FB <= cp <= 0x1F3FF:  # emoji skin-tone modifiers
        return True
    if 0xE0020 <= cp <= 0xE007F:  # emoji tag sequences (subdivision flags)
        return True
    return unicodedata.category(ch) in ("Mn", "Me", "Mc")


def is_regional_indicator(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def splits_cluster(text: str, pos: int) -> bool:
    """Would an edge at ``pos`` cut a grapheme cluster (a mark, a ZWJ sequence, half a flag)?"""
    if not 0 < pos < len(text):
        return False
    if is_extender(text[pos]) or text[pos - 1] == _ZWJ:
        return True
    if is_regional_indicator(text[pos]):
        run, i = 0, pos - 1
        while i >= 0 and is_regional_indicator(text[i]):
            run, i = run + 1, i - 1
        return run % 2 == 1
    return False
