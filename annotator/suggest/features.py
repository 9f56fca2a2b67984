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
        # word -> its features as the token itself, and as the neighbour at -2, -1, +1, +2
        self._words: dict[str, tuple[list[str], ...]] = {}

    def word(self, word: str) -> tuple[list[str], ...]:
        f = self._words.get(word)
        if f is None:
            if len(self._words) > 200_000:
                self._words.clear()
            f = self._words[word] = self._build(word)
        return f

    def own(self, word: str) -> list[str]:
        return self.word(word)[0]

    def near(self, word: str, at: int) -> list[str]:
        return self.word(word)[NEIGHBOURS.index(at) + 1]

    def _build(self, word: str) -> tuple[list[str], ...]:
        low = word.casefold()
        sh = shape(word)
        ss = "".join(c for i, c in enumerate(sh) if i == 0 or sh[i - 1] != c)
        title = word[:1].isupper()
        clusters = self.clusters.get(low, ())
        own = [
            "b", "w=" + low, "sh=" + sh, "ss=" + ss, "p1=" + word[:1], "p2=" + word[:2], "p3=" + word[:3],
            "s1=" + low[-1:], "s2=" + low[-2:], "s3=" + low[-3:], "s4=" + low[-4:], "len=" + str(min(len(word), 8)),
        ]  # fmt: skip
        if title:
            own.append("title")
        if word.isupper() and len(word) > 1:
            own.append("upper")
        if any(ch.isdigit() for ch in word):
            own.append("digit")
        own += [f"c{i}={c}" for i, c in enumerate(clusters)]
        if not clusters and self.clusters:
            own.append("c=?")
        out = [own]
        for at in NEIGHBOURS:
            p = f"{at}:"
            f = [p + "w=" + low, p + "ss=" + ss]
            if title:
                f.append(p + "title")
            if at in (-1, 1):
                f.append(p + "s3=" + low[-3:])
            f += [f"{p}c{i}={c}" for i, c in enumerate(clusters) if i != 1]  # the coarsest and the finest
            out.append(f)
        return tuple(out)

    def sequence(self, words: list[str], dict_tags: list[str] | None = None) -> list[list[str]]:
        """Features of one sentence; ``dict_tags``: BIO tags of the dictionary's matches, or None."""
        n = len(words)
        feats = [self.word(w) for w in words]
        lows = [f[0][1] for f in feats]  # "w=" + the case-folded word
        out = []
        for i in range(n):
            f = list(feats[i][0])
            if i >= 2:
                f += feats[i - 2][1]
            if i >= 1:
                f += feats[i - 1][2]
                f.append("bi=" + lows[i - 1][2:] + "|" + lows[i][2:])
            else:
                f.append("BOS")
            if i + 1 < n:
                f += feats[i + 1][3]
            else:
                f.append("EOS")
            if i + 2 < n:
                f += feats[i + 2][4]
            if dict_tags is not None:
                f.append("d=" + dict_tags[i])
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
