"""Suggestions for the article being read: the dictionary of labelled texts and the trained model,
merged, with what is labelled or rejected already taken out. No Qt: the window calls it.

Where both sources propose spans that overlap, the model's wins when it is at least as sure as the
dictionary's share, else the dictionary's; the same span from both is one suggestion from both
("dictionary + model"), its confidence the higher one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from annotator.suggest.dictionary import Dictionary, key_of
from annotator.suggest.model import Suggestion, Tagger
from annotator.suggest.tokens import tokenize


class LiveSuggestions:
    def __init__(self) -> None:
        self.dictionary = Dictionary()
        self.tagger: Tagger | None = None
        self.use_dictionary = True
        self.use_model = True

    def suggest(
        self,
        text: str,
        taken: Iterable[tuple[int, int]] = (),
        rejected: Iterable[tuple[int, int, str]] = (),
        tags: set[str] | None = None,
        *,
        predicted: list[Suggestion] | None = None,
        tokens: tuple[list[int], list[int]] | None = None,
    ) -> list[Suggestion]:
        """Suggestions in text order, none overlapping ``taken`` spans (annotations) or each other,
        none rejected at that place (``(start, end, key)``), and only tags in ``tags`` when given.

        ``predicted``: the model's suggestions for this text when the caller kept them (they do
        not change as the analyst labels); ``tokens``: the text's tokens, likewise."""
        found: list[Suggestion] = []
        if self.use_dictionary and len(self.dictionary):
            found += self.dictionary.suggest(text, tokens or tokenize(text))
        if self.use_model and self.tagger is not None:
            found += self.tagger.predict(text) if predicted is None else predicted
        if tags is not None:
            found = [s for s in found if s.tag in tags]
        rejected = set(rejected)
        if rejected:
            found = [s for s in found if (s.start, s.end, key_of(text[s.start : s.end])) not in rejected]
        return _without(_merged(found), sorted(taken))


def _sure(s: Suggestion) -> float:
    return 1.0 if s.confidence is None else s.confidence


def _merged(found: list[Suggestion]) -> list[Suggestion]:
    by_place: dict[tuple[int, int, str], Suggestion] = {}
    for s in found:
        key = (s.start, s.end, s.tag)
        old = by_place.get(key)
        if old is None:
            by_place[key] = s
        elif old.source != s.source:
            sources = " + ".join(sorted({*old.source.split(" + "), s.source}))
            by_place[key] = s._replace(source=sources, confidence=max(_sure(old), _sure(s)))
    out: list[Suggestion] = []
    # the surest first; a later one overlapping a kept one is dropped
    for s in sorted(by_place.values(), key=lambda s: (-_sure(s), "model" not in s.source, s.start)):
        if not any(o.start < s.end and s.start < o.end for o in out):
            out.append(s)
    out.sort(key=lambda s: (s.start, s.end))
    return out


def _without(found: list[Suggestion], taken: list[tuple[int, int]]) -> list[Suggestion]:
    if not taken:
        return found
    starts = [s for s, _ in taken]
    longest = max(e - s for s, e in taken)
    out = []
    for s in found:
        i = bisect_left(starts, s.start - longest)
        if any(a < s.end and s.start < b for a, b in taken[i : bisect_left(starts, s.end)]):
            continue
        out.append(s)
    return out
