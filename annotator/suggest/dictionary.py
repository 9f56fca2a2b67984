"""The dictionary of labelled texts: every text an analyst labelled, looked up as whole words.

Matching goes token by token (``suggest.tokens``), longest text first, so a match is always a
run of whole tokens: "Foshan" is not found inside "Foshanese", while Chinese, tokenized one
character at a time, finds 佛山 inside 佛山市 (as missed mentions do). Texts compare as
``store.consistency.text_key`` does: case-folded, any run of whitespace as one space.
Adding a label is one dictionary update, so the window's suggestions follow every label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from annotator.suggest.model import Suggestion
from annotator.suggest.tokens import tokenize

MIN_CHARS = 2  # shorter texts are not looked for elsewhere (as in missed mentions)
MAX_TOKENS = 12  # longer labelled texts are not looked for elsewhere


def key_of(text: str) -> str:
    return " ".join(text.split()).casefold()


def token_keys(text: str, starts: list[int], ends: list[int], i: int, j: int) -> str:
    """The key of tokens i..j-1 as they stand in ``text``: a space where whitespace separates two."""
    parts = [text[starts[i] : ends[i]]]
    for k in range(i + 1, j):
        if starts[k] > ends[k - 1]:
            parts.append(" ")
        parts.append(text[starts[k] : ends[k]])
    return "".join(parts).casefold()


class Dictionary:
    """Labelled texts with how often each label was given to them."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter] = {}
        self._prefixes: set[str] = set()  # keys of the first tokens of a longer text

    @classmethod
    def from_counts(cls, rows: Iterable[tuple[str, str, int]]) -> "Dictionary":
        d = cls()
        for text, tag, n in rows:
            d.add(text, tag, n)
        return d

    def add(self, text: str, tag: str, n: int = 1) -> None:
        key = key_of(text)
        if len(key) < MIN_CHARS:
            return
        if key not in self.counts and not self._note_prefixes(key):
            return
        self.counts.setdefault(key, Counter())[tag] += n

    def _note_prefixes(self, key: str) -> bool:
        starts, ends = tokenize(key)
        if not starts or len(starts) > MAX_TOKENS:
            return False
        for j in range(1, len(starts)):
            self._prefixes.add(token_keys(key, starts, ends, 0, j))
        return True

    def remove(self, text: str, tag: str, n: int = 1) -> None:
        c = self.counts.get(key_of(text))
        if c is None:
            return
        c[tag] -= n
        if c[tag] <= 0:
            del c[tag]
        if not c:
            del self.counts[key_of(text)]

    def __len__(self) -> int:
        return len(self.counts)

    def best(self, key: str) -> tuple[str, float] | None:
        """The label given most often to this text, and its share of the text's labels."""
        c = self.counts.get(key)
        if not c:
            return None
        tag, n = max(c.items(), key=lambda kv: (kv[1], kv[0]))
        return tag, n / sum(c.values())

    def to_json(self) -> dict:
        return {k: dict(c) for k, c in self.counts.items()}

    @classmethod
    def from_json(cls, data: dict) -> "Dictionary":
        d = cls()
        for key, tags in data.items():
            if d._note_prefixes(key):
                d.counts[key] = Counter(tags)
        return d

    # --- matching ---------------------------------------------------------------------
    def match_tokens(
        self, text: str, starts: list[int], ends: list[int], low: list[str] | None = None
    ) -> list[tuple[int, int, str, float]]:
        """(first token, past last token, tag, share) of each match, longest first, left to right.

        ``low``: the tokens case-folded, when the caller has them already."""
        if low is None:
            low = [text[s:e].casefold() for s, e in zip(starts, ends, strict=True)]
        out = []
        counts, prefixes = self.counts, self._prefixes
        n = len(starts)
        i = 0
        while i < n:
            key, j, hit = low[i], i + 1, None
            while True:
                if key in counts:
                    hit = (j, key)
                if j >= n or key not in prefixes:
                    break
                key = key + (" " if starts[j] > ends[j - 1] else "") + low[j]
                j += 1
            best = self.best(hit[1]) if hit else None
            if best is None:
                i += 1
            else:
                out.append((i, hit[0], *best))
                i = hit[0]
        return out

    def suggest(self, text: str, tokens: tuple[list[int], list[int]] | None = None) -> list[Suggestion]:
        starts, ends = tokens if tokens is not None else tokenize(text)
        return [
            Suggestion(starts[i], ends[j - 1], tag, "dictionary", share)
            for i, j, tag, share in self.match_tokens(text, starts, ends)
        ]
