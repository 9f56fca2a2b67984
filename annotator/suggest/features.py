"""Token features for the CRF: the word, its shape, affixes, its cluster, its neighbours, and
whether a dictionary text covers it.

Every feature of a word depends on the word alone, so each distinct word's features (as the
word itself and as each neighbour) are built once and reused: building a sequence is mostly
list concatenation.
"""

from __future__ import annotations

import re

from annotator.suggest.dictionary import Dictionary

_UPPER = re.compile(r"[A-Z\u00c0-\u00de]")
NEIGHBOURS = (-2, -1, 1, 2)


def shape(word: str) -> str:
    """Xxxx-style shape, runs longer than 3 kept at 4 characters: 'Foshan' -> 'Xxxx', '2024' -> 'dddd'."""
    out = []
    last, run = "", 0
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        elif ch.isalpha():
            c = "a"  # letters without case (CJK)
        else:
            c = ch
        run = run + 1 if c == last else 1
        last = c
        if run <= 4:
            out.append(c)
    return "".join(out)


def short_shape(word: str) -> str:
    out = []
    for c in shape(word):
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


class FeatureBuilder:
    """Features of tokens, from word clusters learnt on the corpus and the dictionary of labelled texts."""

    def __init__(self, clusters: dict[str, list[str]] | None = None) -> None:
        self.clusters = clusters or {}
        self._own: dict[str, list[str]] = {}
        self._near: dict[tuple[str, int], list[str]] = {}

    def own(self, word: str) -> list[str]:
        f = self._own.get(word)
        if f is None:
            low = word.casefold()
            sh = shape(word)
            f = [
                "b",
                "w=" + low,
                "sh=" + sh,
                "ss=" + short_shape(word),
                "p1=" + word[:1],
                "p2=" + word[:2],
                "p3=" + word[:3],
                "s1=" + low[-1:],
                "s2=" + low[-2:],
                "s3=" + low[-3:],
                "s4=" + low[-4:],
                "len=" + str(min(len(word), 8)),
            ]
            if word[:1].isupper():
                f.append("title")
            if word.isupper() and len(word) > 1:
                f.append("upper")
            if any(ch.isdigit() for ch in word):
                f.append("digit")
            for i, c in enumerate(self.clusters.get(low, ())):
                f.append(f"c{i}={c}")
            if not self.clusters.get(low) and self.clusters:
                f.append("c=?")
            if len(self._own) > 200_000:
                self._own.clear()
                self._near.clear()
            self._own[word] = f
        return f

    def near(self, word: str, at: int) -> list[str]:
        f = self._near.get((word, at))
        if f is None:
            low = word.casefold()
            p = f"{at}:"
            f = [p + "w=" + low, p + "ss=" + short_shape(word)]
            if word[:1].isupper():
                f.append(p + "title")
            if at in (-1, 1):
                f.append(p + "s3=" + low[-3:])
            for i, c in enumerate(self.clusters.get(low, ())):
                if i != 1:  # the coarsest and the finest cluster of each neighbour
                    f.append(f"{p}c{i}={c}")
            self._near[(word, at)] = f
        return f

    def sequence(self, words: list[str], dict_tags: list[str] | None = None) -> list[list[str]]:
        """Features of one sentence; ``dict_tags``: BIO tags of the dictionary's matches, or None."""
        n = len(words)
        own = [self.own(w) for w in words]
        out = []
        for i in range(n):
            f = list(own[i])
            for at in NEIGHBOURS:
                k = i + at
                if 0 <= k < n:
                    f += self.near(words[k], at)
                elif at in (-1, 1):
                    f.append("BOS" if at < 0 else "EOS")
            if i > 0:
                f.append("bi=" + words[i - 1].casefold() + "|" + words[i].casefold())
            if dict_tags is not None:
                d = dict_tags[i]
                f.append("d=" + d)
                if i > 0:
                    f.append("d-1=" + dict_tags[i - 1])
                if i + 1 < n:
                    f.append("d+1=" + dict_tags[i + 1])
            out.append(f)
        return out


def dictionary_tags(
    dictionary: Dictionary | None, text: str, starts: list[int], ends: list[int], low: list[str] | None = None
) -> list[str]:
    """BIO tags of the dictionary's matches over the tokens ("O" everywhere without a dictionary)."""
    tags = ["O"] * len(starts)
    if dictionary is None or not len(dictionary):
        return tags
    for i, j, tag, _share in dictionary.match_tokens(text, starts, ends, low):
        tags[i] = "B-" + tag
        for k in range(i + 1, j):
            tags[k] = "I-" + tag
    return tags
