"""Pure text functions over code-point offsets: normalisation, hashing, span shaping; and the small
helpers every layer shares (plurals, shortening, keyword in context, the folder-replace rule)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from annotator.core.graphemes import splits_cluster as _splits_cluster
from annotator.core.tokens import (
    Segmenter,
    is_cjk,
    shed_punctuation,
    snap_to_tokens,
    token_at,
    token_step,
    tokens_around,
)

_BOM = "\ufeff"


def normalise_text(text: str) -> str:
    """The one normalisation stored text gets: BOM removed, CRLF and CR turned into LF."""
    if text.startswith(_BOM):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def content_hash(text: str) -> str:
    """Hash of normalised text, used to recognise the same article imported twice."""
    return hashlib.sha256(normalise_text(text).encode("utf-8", "surrogatepass")).hexdigest()


# --- characters -----------------------------------------------------------------

def is_word_char(ch: str) -> bool:
    """Letters, digits, '_' and the marks written on them; emoji, their modifiers and joiners are not."""
    if is_cjk(ch):  # scripts written without spaces: every character is a word of its own
        return False
    if ch.isalnum() or ch == "_":
        return True
    cp = ord(ch)
    if 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF:  # variation selectors (emoji presentation)
        return False
    return unicodedata.category(ch) in ("Mn", "Mc", "Me")


def grapheme_start(text: str, pos: int) -> int:
    """Move ``pos`` left until it does not split a grapheme cluster."""
    pos = max(0, min(pos, len(text)))
    while _splits_cluster(text, pos):
        pos -= 1
    return pos


def grapheme_end(text: str, pos: int) -> int:
    """Move ``pos`` right until it does not split a grapheme cluster."""
    pos = max(0, min(pos, len(text)))
    while _splits_cluster(text, pos):
        pos += 1
    return pos


# --- span shaping ----------------------------------------------------------------


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding whitespace; an all-blank span collapses to (start, start)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _tidy_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """No whitespace at either edge and no edge inside a character (marks placed on a space go with it)."""
    while start < end:
        before = (start, end)
        start, end = trim_span(text, start, end)
        if _splits_cluster(text, start):
            start = grapheme_end(text, start)
        if _splits_cluster(text, end):
            end = grapheme_start(text, end)
        if (start, end) == before:
            break
    return start, end


def snap_to_words(text: str, start: int, end: int, segment: Segmenter | None = None) -> tuple[int, int]:
    """Snap a span's edges to tokens: an edge inside a token goes to its nearer boundary, and
    punctuation at the edges is shed (an abbreviation's period is part of its token)."""
    if start >= end:
        return start, end
    tokens = tokens_around(text, start, end, segment)
    start, end = snap_to_tokens(text, start, end, tokens)
    return shed_punctuation(text, start, end, tokens)


def shape_selection(
    text: str, start: int, end: int, *, snap: bool = True, segment: Segmenter | None = None
) -> tuple[int, int]:
    """What a selection becomes as a span: trimmed, never splitting a grapheme, snapped to tokens."""
    start, end = min(start, end), max(start, end)
    start, end = trim_span(text, start, end)
    if start >= end:
        return start, start
    start, end = grapheme_start(text, start), grapheme_end(text, end)
    if snap:
        start, end = snap_to_words(text, start, end, segment)
        start, end = grapheme_start(text, start), grapheme_end(text, end)
    return _tidy_edges(text, start, end)


def word_at(text: str, pos: int, segment: Segmenter | None = None) -> tuple[int, int]:
    """The token around ``pos``: a word, a Chinese word by the segmenter, or the single mark there."""
    if not 0 <= pos < len(text):
        return pos, pos
    start, end = token_at(text, pos, segment)
    return grapheme_start(text, start), grapheme_end(text, end)


def find_occurrences(text: str, needle: str, *, whole_words: bool = True) -> list[tuple[int, int]]:
    """Every (start, end) where ``needle`` occurs; with ``whole_words``, only where it does not cut a word."""
    if not needle:
        return []
    found = []
    for m in re.finditer(re.escape(needle), text):
        s, e = m.start(), m.end()
        if whole_words and (
            (s > 0 and is_word_char(text[s - 1]) and is_word_char(text[s]))
            or (e < len(text) and is_word_char(text[e - 1]) and is_word_char(text[e]))
        ):
            continue
        if grapheme_start(text, s) != s or grapheme_end(text, e) != e:
            continue
        found.append((s, e))
    return found


def _next_boundary(text: str, pos: int, direction: int, by_word: bool) -> int:
    """The next position from ``pos`` going ``direction`` (-1 left, +1 right): a grapheme or a word edge."""
    n = len(text)
    if not by_word:
        if direction < 0:
            return grapheme_start(text, pos - 1) if pos > 0 else 0
        return grapheme_end(text, pos + 1) if pos < n else n
    if direction < 0:
        i = pos
        while i > 0 and not is_word_char(text[i - 1]):
            i -= 1
        while i > 0 and is_word_char(text[i - 1]):
            i -= 1
        return i
    i = pos
    while i < n and not is_word_char(text[i]):
        i += 1
    while i < n and is_word_char(text[i]):
        i += 1
    return i


def move_edge(
    text: str,
    start: int,
    end: int,
    edge: str,
    direction: int,
    *,
    by_word: bool = True,
    segment: Segmenter | None = None,
) -> tuple[int, int] | None:
    """Grow or shrink one edge of a span by a token (or a grapheme); None when nothing would be left.

    Whitespace is never kept at an edge, and by token no punctuation an edge would shed either:
    a step that would only take in (or leave) a space or a comma goes on to the next token."""
    if edge not in ("start", "end"):
        raise ValueError(f"edge must be 'start' or 'end', not {edge!r}")
    if by_word:
        return _move_by_token(text, start, end, edge, direction, segment)
    moved = _move_edge_once(text, start, end, edge, direction, by_word)
    while moved is not None and moved == (start, end):
        probe = (start, end)
        start, end = (
            (_next_boundary(text, start, direction, False), end)
            if edge == "start"
            else (start, _next_boundary(text, end, direction, False))
        )
        if (start, end) == probe or start >= end:
            return None if start >= end else moved
        moved = _move_edge_once(text, start, end, edge, direction, by_word)
    return moved


def _move_by_token(
    text: str, start: int, end: int, edge: str, direction: int, segment: Segmenter | None
) -> tuple[int, int] | None:
    s, e = start, end
    while True:
        pos = s if edge == "start" else e
        step = token_step(text, pos, edge, direction, segment)
        if step is None:
            return None if (s, e) == (start, end) else _checked(text, s, e)
        s, e = (step, e) if edge == "start" else (s, step)
        if s >= e:
            return None
        tokens = tokens_around(text, s, e, segment)
        shed_s, shed_e = shed_punctuation(text, s, e, tokens, unwrap=False)
        kept = shed_s == s if edge == "start" else shed_e == e
        if kept:  # the new edge is a token that stays
            return _checked(text, s, e)
        growing = (edge == "start") == (direction < 0)
        if not growing:  # shrinking: the punctuation left at this edge goes too
            return _checked(text, shed_s, e) if edge == "start" else _checked(text, s, shed_e)


def _checked(text: str, start: int, end: int) -> tuple[int, int] | None:
    start, end = _tidy_edges(text, start, end)
    return (start, end) if start < end else None


def _move_edge_once(
    text: str, start: int, end: int, edge: str, direction: int, by_word: bool
) -> tuple[int, int] | None:
    if edge == "start":
        if direction < 0:  # grow to the left: take in the previous word
            start = _next_boundary(text, start, -1, by_word)
        else:  # shrink: drop the first word (and the space after it)
            start = _next_boundary(text, start, +1, by_word)
            while by_word and start < end and not is_word_char(text[start]):
                start += 1
    elif edge == "end":
        if direction > 0:
            end = _next_boundary(text, end, +1, by_word)
        else:
            end = _next_boundary(text, end, -1, by_word)
            while by_word and end > start and not is_word_char(text[end - 1]):
                end -= 1
    else:
        raise ValueError(f"edge must be 'start' or 'end', not {edge!r}")
    snap = grapheme_start if direction < 0 else grapheme_end  # never stop inside a character
    if edge == "start":
        start = snap(text, start)
    else:
        end = snap(text, end)
    start, end = _tidy_edges(text, start, end)
    return (start, end) if start < end else None


# --- small helpers for messages and listings ------------------------------------------

def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 span``, ``2 spans``; ``many`` where adding an s is wrong (``plural(n, "entry", "entries")``)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def shorten(text: str, width: int) -> str:
    """``text`` on one line (white space collapsed) in at most ``width`` columns (see
    ``display_width``), ending in '…' where it was cut."""
    text = " ".join(text.split())
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


@dataclass(frozen=True)
class InContext:
    """A keyword in context: the span's text, what is shown before and after it, and whether the
    article goes on beyond what is shown on each side (then '…' marks the cut)."""

    before: str
    text: str
    after: str
    cut_before: bool
    cut_after: bool

    @classmethod
    def around(cls, start: int, before: str, text: str, after: str, width: int) -> "InContext":
        """The one "was the context cut" rule, for context read as up to ``width`` code points
        either side of a span at ``start``: before it, the text goes on when the span starts
        further in than the context reaches; after it, a context of full width may end exactly at
        the article's end (rarely), which is then marked as cut too."""
        return cls(before, text, after, start > len(before), len(after) >= width)

    def narrowed(self, width: int) -> "InContext":
        """At most ``width`` code points each side, the cut marks following."""
        before, after = self.before, self.after
        return InContext(
            before[-width:] if width else "",
            self.text,
            after[:width],
            self.cut_before or len(before) > width,
            self.cut_after or len(after) > width,
        )

    def sides(self, mark: str = "…") -> tuple[str, str]:
        """(before, after) with ``mark`` where the context was cut."""
        return (mark if self.cut_before else "") + self.before, self.after + (mark if self.cut_after else "")


# --- folders an export or a model may replace -------------------------------------------

def holds_other_files(folder: Path, marker: str) -> bool:
    """True when ``folder`` is a folder holding files that are not an earlier output of ours (which
    holds ``marker``): a folder one must never replace, for replacing it would delete them."""
    return folder.is_dir() and not (folder / marker).exists() and any(folder.iterdir())
