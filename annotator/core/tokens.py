"""Tokens for span edges: where a selection snaps, and what one Alt+arrow step moves over.

A token is a word (letters, digits and '_', with inner apostrophes: ``don't``), a number with
inner ``. , : /`` (``3.5``, ``1,000``), an abbreviation with its period (``U.S.``, ``Co.``,
``Ltd.``), a possessive ``'s``, a word of a run of Chinese or Japanese characters (cut by the
segmenter given, else one character a word), or any other single character (a punctuation
mark, a symbol). An emoji with its modifiers and joiners, a letter with its combining marks
and a flag are never cut.

Only windows of text are tokenized (the few hundred code points around the edges asked
about), so a 1 MB article costs no more than a short one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import NamedTuple

from annotator.core.graphemes import splits_cluster

# The lengths, in code points, of the words of a run of CJK characters, in order.
Segmenter = Callable[[str], Iterable[int]]

WINDOW = 160  # code points tokenized on each side of the edges asked about

ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr Prof Sr Jr St Mt Gen Gov Sen Rep Col Capt Lt Sgt Rev Hon Co Corp Inc Ltd Plc Bros "
    "No Nos Vol vs etc approx dept est Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_ABBR = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S., e.g.
    rf"|\b(?:{_ABBR})\.(?!\w)"  # Co., Ltd., Mr.
    r"|\d+(?:[.,:/]\d+)+"  # 3.5, 1,000, 12:30
    r"|['\u2019][sS]\b"  # possessive 's, a token of its own
    r"|\w+(?:['\u2019](?![sS]\b)\w+)*"  # words, with inner apostrophes
    r"|\S",  # any other character
    re.UNICODE,
)
# Punctuation that an edge may shed; % and the like belong to what they follow.
_KEPT_PUNCT = frozenset("%‰‱#&@*/\\")
_PAIRS = {
    "(": ")",
    "[": "]",
    "{": "}",
    "（": "）",
    "【": "】",
    "〔": "〕",
    "《": "》",
    "〈": "〉",
    "「": "」",
    "『": "』",
    "“": "”",
    "‘": "’",
    "«": "»",
    "‹": "›",
    "［": "］",
    "｛": "｝",
}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_SYMMETRIC = frozenset("\"'＂")


class Token(NamedTuple):
    start: int
    end: int
    punct: bool  # made only of punctuation an edge may shed


def is_cjk(ch: str) -> bool:
    """A character of a script written without spaces (ideographs, kana, hangul syllables)."""
    return unicodedata.category(ch) == "Lo" and unicodedata.east_asian_width(ch) in ("W", "F")


def _is_punct(piece: str) -> bool:
    return all(unicodedata.category(c).startswith("P") and c not in _KEPT_PUNCT for c in piece)


def _plain(piece: str, offset: int, out: list[Token]) -> None:
    for m in _TOKEN.finditer(piece):
        s, e = m.start() + offset, m.end() + offset
        out.append(Token(s, e, _is_punct(m.group())))


def _cjk(run: str, offset: int, segment: Segmenter | None, out: list[Token]) -> None:
    lengths = list(segment(run)) if segment is not None else [1] * len(run)
    if sum(lengths) != len(run) or any(n <= 0 for n in lengths):  # a segmenter that lost text: one a character
        lengths = [1] * len(run)
    pos = offset
    for n in lengths:
        out.append(Token(pos, pos + n, False))
        pos += n


def tokenize(text: str, segment: Segmenter | None = None, offset: int = 0) -> list[Token]:
    """Every token of ``text`` (offsets shifted by ``offset``), in order."""
    raw: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        j = i
        if is_cjk(text[i]):
            while j < n and is_cjk(text[j]):
                j += 1
            _cjk(text[i:j], offset + i, segment, raw)
        else:
            while j < n and not is_cjk(text[j]):
                j += 1
            _plain(text[i:j], offset + i, raw)
        i = j
    return _join_clusters(text, offset, raw)


def _join_clusters(text: str, offset: int, raw: list[Token]) -> list[Token]:
    """Glue a token to the one before when the edge between them would cut a character."""
    out: list[Token] = []
    for tok in raw:
        if out and out[-1].end == tok.start and splits_cluster(text, tok.start - offset):
            prev = out.pop()
            tok = Token(prev.start, tok.end, prev.punct and tok.punct)
        out.append(tok)
    return out


def _window_edge(text: str, pos: int, direction: int) -> int:
    """A place near ``pos`` to start or stop tokenizing: at whitespace when there is some close by."""
    n = len(text)
    target = max(0, min(n, pos + direction * WINDOW))
    if target in (0, n):
        return target
    probe = target
    for _ in range(WINDOW):
        if text[probe].isspace() or text[probe] in "。！？；\n":
            return probe if direction < 0 else probe + 1
        probe += direction
        if probe in (0, n):
            return probe
    return target


def tokens_around(text: str, start: int, end: int, segment: Segmenter | None = None) -> list[Token]:
    """The tokens of a window of ``text`` that holds [start, end) and some tokens on each side."""
    lo = _window_edge(text, max(0, min(start, len(text))), -1)
    hi = _window_edge(text, max(0, min(end, len(text))), +1)
    return tokenize(text[lo:hi], segment, lo)


# --- what an edge may shed ------------------------------------------------------------------


def _balanced_inside(text: str, start: int, end: int, at_start: bool) -> bool:
    """Is the bracket or quote at this edge of text[start:end] matched by one inside the span?"""
    ch = text[start] if at_start else text[end - 1]
    inner = text[start + 1 : end] if at_start else text[start : end - 1]
    if ch in _SYMMETRIC:
        return ch in inner
    if at_start and ch in _PAIRS:
        return _PAIRS[ch] in inner
    if not at_start and ch in _CLOSERS:
        return _CLOSERS[ch] in inner
    return False


def _wraps(text: str, first: Token, last: Token) -> bool:
    a, b = text[first.start : first.end], text[last.start : last.end]
    return (_PAIRS.get(a) == b or (a == b and a in _SYMMETRIC)) and not any(
        c in text[first.end : last.start] for c in (a, b)
    )


def shed_punctuation(text: str, start: int, end: int, tokens: list[Token], *, unwrap: bool = True) -> tuple[int, int]:
    """Drop punctuation tokens at either edge (a bracket or quote whose partner is inside stays).

    With ``unwrap``, brackets or quotes around the whole span go too. A span made only of
    punctuation is left as it is: it was chosen on purpose."""
    inside = [t for t in tokens if t.start >= start and t.end <= end]
    if not inside or all(t.punct for t in inside):
        return start, end
    i, j = 0, len(inside) - 1
    while unwrap and i + 1 < j and _wraps(text, inside[i], inside[j]):  # "(Guangdong)" sheds both brackets
        i, j = i + 1, j - 1
    while i < j and inside[i].punct and not _balanced_inside(text, inside[i].start, inside[j].end, True):
        i += 1
    while j > i and inside[j].punct and not _balanced_inside(text, inside[i].start, inside[j].end, False):
        j -= 1
    return inside[i].start, inside[j].end


def snap_to_tokens(text: str, start: int, end: int, tokens: list[Token]) -> tuple[int, int]:
    """Move each edge that cuts a token to that token's nearer boundary (a tie takes the token in).

    A selection inside one token, or one that would vanish, takes in the tokens it touches."""
    new_start, new_end = start, end
    for t in tokens:
        if t.start < start < t.end:
            new_start = t.start if start - t.start <= t.end - start else t.end
        if t.start < end < t.end:
            new_end = t.end if t.end - end <= end - t.start else t.start
    if new_start < new_end and any(t.start >= new_start and t.end <= new_end for t in tokens):
        return new_start, new_end
    touched = [t for t in tokens if t.start < end and t.end > start]
    if not touched:
        return start, end
    return touched[0].start, touched[-1].end


def token_step(text: str, pos: int, edge: str, direction: int, segment: Segmenter | None = None) -> int | None:
    """Where an edge at ``pos`` goes with one token step; None when there is no token that way.

    A start edge stops at token starts and an end edge at token ends, so whitespace is never
    taken in; a punctuation token that the edge would shed is stepped over as well."""
    tokens = tokens_around(text, pos, pos, segment)
    points = [t.start for t in tokens] if edge == "start" else [t.end for t in tokens]
    if direction > 0:
        later = [p for p in points if p > pos]
        return min(later) if later else None
    earlier = [p for p in points if p < pos]
    return max(earlier) if earlier else None


def token_at(text: str, pos: int, segment: Segmenter | None = None) -> tuple[int, int]:
    """The token holding code point ``pos`` (empty at whitespace or past the end)."""
    if not 0 <= pos < len(text) or text[pos].isspace():
        return pos, pos
    for t in tokens_around(text, pos, pos + 1, segment):
        if t.start <= pos < t.end:
            return t.start, t.end
    return pos, pos + 1
