"""Tokens and sentences for the tagger: fast, rule-based, exact code-point offsets.

A token is a run of letters and digits (with inner apostrophes: ``don't``, but the possessive
``'s`` is a token of its own, as in CoNLL news: ``Foshan`` ``'s``), a number with
inner ``. , : /``, one CJK character (Chinese and Japanese are tagged character by character,
as spaCy's ``zh`` segmenter does), or any other single non-space character. Sentences end at a
line break and after ``. ! ? 。 ！ ？`` followed by a token that does not start with a lower-case
letter; the trainer never cuts a labelled span in two.
"""

from __future__ import annotations

import re

_CJK = (
    "\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\U00020000-\U0003134f"
)
TOKEN = re.compile(rf"[{_CJK}]|\d+(?:[.,:/]\d+)*|[^\W{_CJK}]+(?:['’](?![sS]\b)[^\W{_CJK}]+)*|['’][sS]\b|\S")
_FINAL = frozenset(".!?。！？")


def tokenize(text: str) -> tuple[list[int], list[int]]:
    """Token starts and ends (code points); ``text[s:e]`` is a token."""
    starts, ends = [], []
    for m in TOKEN.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def sentences(text: str, starts: list[int], ends: list[int]) -> list[tuple[int, int]]:
    """Sentences as (first token, past last token) index pairs covering every token."""
    out = []
    first = 0
    n = len(starts)
    for i in range(n):
        if i + 1 == n:
            break
        gap = text[ends[i] : starts[i + 1]]
        tok = text[starts[i] : ends[i]]
        if "\n" in gap or (tok in _FINAL and not text[starts[i + 1]].islower()):
            out.append((first, i + 1))
            first = i + 1
    if first < n:
        out.append((first, n))
    return out


def token_tags(starts: list[int], ends: list[int], spans) -> list[str]:
    """BIO tags of the tokens for non-overlapping (start, end, tag) spans (longest kept where they overlap).

    A span edge inside a token takes the whole token (the tagger works on tokens)."""
    tags = ["O"] * len(starts)
    taken = bytearray(len(starts))
    from bisect import bisect_left, bisect_right

    for s, e, tag in sorted(spans, key=lambda t: (t[0] - t[1], t[0])):
        i = bisect_right(ends, s)
        j = bisect_left(starts, e)
        if i >= j or any(taken[i:j]):
            continue
        tags[i] = "B-" + tag
        for k in range(i + 1, j):
            tags[k] = "I-" + tag
        taken[i:j] = b"\x01" * (j - i)
    return tags


def spans_of(tags: list[str], starts: list[int], ends: list[int]) -> list[tuple[int, int, str, int, int]]:
    """(start, end, tag, first token, past last token) of each entity in BIO tags (an I- after O opens one)."""
    out = []
    i, n = 0, len(tags)
    while i < n:
        t = tags[i]
        if t == "O":
            i += 1
            continue
        label = t[2:]
        j = i + 1
        while j < n and tags[j] == "I-" + label:
            j += 1
        out.append((starts[i], ends[j - 1], label, i, j))
        i = j
    return out
