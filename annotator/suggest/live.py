"""Suggestions for the article being read: the dictionary of labelled texts and the trained model,
merged, with what is labelled or rejected already taken out. No Qt: the window calls it.

Where both sources propose spans that overlap, the model's wins when it is at least as sure as the
dictionary's share, else the dictionary's; the same span from both is one suggestion from both
("dictionary + model"), its confidence the higher one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable

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
    starts: list[int] = []  # of the kept ones, which never overlap: sorted, and so are their ends
    # the surest first; a later one overlapping a kept one is dropped
    for s in sorted(by_place.values(), key=lambda s: (-_sure(s), "model" not in s.source, s.start)):
        i = bisect_left(starts, s.end)  # kept ones starting before s ends: only the last can reach s
        if i and out[i - 1].end > s.start:
            continue
        starts.insert(i, s.start)
        out.insert(i, s)
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


CHUNK = 8_000  # characters looked at per step: a long article is done a piece at a time, on idle
SLICE = 50_000  # characters a labelled text is looked for in per step, when it is looked for again


class ArticleSuggestions:
    """The suggestions of one article, computed a chunk at a time and kept current as spans are labelled.

    A chunk ends at a line break (or a space) so that no sentence is cut. Labelling a span does not
    look at the whole text again: suggestions overlapping it go, and the labelled text is looked
    for (as whole tokens) with the label it now carries most often; removing a span looks again
    only around it. So a label key press costs the same on a 1 MB article as on a short one.
    The labelled text is looked for later, a slice (``SLICE`` characters) per step while the window
    is idle, so that a key press never waits long behind it; the suggestions in the end are those of
    looking for it over the whole article at once, edits made meanwhile included.
    """

    def __init__(
        self,
        live: LiveSuggestions,
        text: str,
        taken: Callable[[int, int], list[tuple[int, int]]] | Iterable[tuple[int, int]],
        rejected: Iterable[tuple[int, int, str]],
        tags: set[str],
        predicted: list[Suggestion] | None = None,
    ) -> None:
        """``taken(start, end)``: the labelled spans overlapping [start, end) (or a list of all of them)."""
        self.live = live
        self.text = text
        if callable(taken):
            self.taken = taken
        else:
            spans = sorted(taken)
            self.taken = lambda start, end: [(s, e) for s, e in spans if s < end and start < e]
        self.pending: dict[str, None] = {}  # texts to look for again (``rescan``), when there is time, in order
        self._job: _Rescan | None = None  # the text being looked for again, a slice at a time
        self.rejected = set(rejected)
        self.tags = tags
        self.items: list[Suggestion] = []
        self.done_upto = 0
        self._predicted = predicted  # the model's suggestions for the whole text, when known
        self.model_found: list[Suggestion] = []  # the model's suggestions computed here, for the caller to keep

    @property
    def complete(self) -> bool:
        return self.done_upto >= len(self.text)

    def _cut(self, start: int, size: int) -> int:
        text = self.text
        if start + size >= len(text):
            return len(text)
        for sep in ("\n", " "):
            cut = text.find(sep, start + size)
            if cut != -1 and cut - start < size * 2:
                return cut + 1
        return min(len(text), start + size * 2)

    def step(self, size: int = CHUNK) -> list[Suggestion]:
        """Look at the next chunk; returns the suggestions it added (in text order, after all earlier ones)."""
        if self.complete:
            return []
        start = self.done_upto
        end = self._cut(start, size)
        self.done_upto = end
        new = self._compute(start, end)
        self.items += new
        return new

    def _compute(self, start: int, end: int) -> list[Suggestion]:
        piece = self.text[start:end]
        found: list[Suggestion] = []
        live = self.live
        if live.use_dictionary and len(live.dictionary):
            found += [s._replace(start=s.start + start, end=s.end + start) for s in live.dictionary.suggest(piece)]
        if live.use_model and live.tagger is not None:
            if self._predicted is not None:
                i = bisect_left(self._predicted, start, key=lambda s: s.start)
                for s in self._predicted[i:]:
                    if s.start >= end:
                        break
                    found.append(s)
            else:
                predicted = [s._replace(start=s.start + start, end=s.end + start) for s in live.tagger.predict(piece)]
                self.model_found += predicted
                found += predicted
        return self._keep(found)

    def _keep(self, found: list[Suggestion]) -> list[Suggestion]:
        text = self.text
        found = [
            s
            for s in found
            if s.tag in self.tags and (s.start, s.end, key_of(text[s.start : s.end])) not in self.rejected
        ]
        if not found:
            return found
        return _without(_merged(found), self.taken(min(s.start for s in found), max(s.end for s in found)))

    # --- keeping up with edits ------------------------------------------------------------
    def _drop(self, start: int, end: int) -> None:
        """Drop the suggestions overlapping [start, end): found by bisection."""
        i = bisect_left(self.items, start, key=lambda s: s.start)
        j = i
        while i > 0 and self.items[i - 1].end > start:
            i -= 1
        while j < len(self.items) and self.items[j].start < end:
            j += 1
        if self._job is not None:
            self._job.dropped_by_edit(self.text, [s for s in self.items[i:j] if s.start < end and start < s.end])
        self.items[i:j] = [s for s in self.items[i:j] if not (s.start < end and start < s.end)]

    def _insert(self, new: list[Suggestion]) -> None:
        for s in new:
            if any(o.start < s.end and s.start < o.end for o in self._near(s.start, s.end)):
                continue
            i = bisect_left(self.items, (s.start, s.end), key=lambda x: (x.start, x.end))
            self.items.insert(i, s)

    def _near(self, start: int, end: int) -> list[Suggestion]:
        i = bisect_left(self.items, start, key=lambda s: s.start)
        return self.items[max(0, i - 8) : i + 8]

    def labelled(self, start: int, end: int) -> None:
        """A span was labelled (``taken`` includes it now): nothing is suggested over it, and its text
        is to be looked for again (``pending``: the caller runs ``rescan_pending`` when it has time)."""
        self._drop(start, end)
        self.later(key_of(self.text[start:end]))

    def unlabelled(self, start: int, end: int) -> None:
        """A span was removed: look again around it, and for its text everywhere (it may have left the
        dictionary, or be given another label more often now)."""
        self.look_again(start, end)
        self.later(key_of(self.text[start:end]))

    def later(self, key: str) -> None:
        self.pending.setdefault(key)  # an ordered set: thousands of spans labelled at once cost no more than each

    @property
    def rescanning(self) -> bool:
        """Texts are still to be looked for again (``rescan_pending`` has work)."""
        return bool(self.pending or self._job is not None)

    def rescan_pending(self, limit: int = 1, size: int = SLICE) -> bool:
        """Look for pending texts in up to ``limit`` slices of about ``size`` characters (a text is
        looked for a slice at a time, so that one step never takes long); True while some work is left."""
        for _ in range(limit):
            if self._job is None:
                if not self.pending:
                    break
                key = next(iter(self.pending))
                del self.pending[key]
                self._job = self._start(key)
            self._rescan_slice(self._job, size)
        return self.rescanning

    def reject(self, s: Suggestion) -> None:
        self.rejected.add((s.start, s.end, key_of(self.text[s.start : s.end])))
        if self._job is not None:
            self._job.dropped_by_edit(self.text, [x for x in self.items if x == s])
        self.items = [x for x in self.items if x != s]

    def unreject(self, start: int, end: int, key: str) -> None:
        self.rejected.discard((start, end, key))
        self.look_again(start, end)

    def look_again(self, start: int, end: int) -> None:
        """Compute the suggestions of the lines around [start, end) again (within what is done)."""
        if start >= self.done_upto:
            return
        a = self.text.rfind("\n", 0, start) + 1
        b = self.text.find("\n", end)
        b = min(self.done_upto, len(self.text) if b == -1 else b + 1)
        if self._predicted is None and self.model_found:
            self._predicted = sorted(self.model_found, key=lambda s: (s.start, s.end))
        if self._job is not None:  # what is computed here stands, as if the text had been looked for before
            self._job.fresh.append((a, b))
        self._drop(a, b)
        self._insert(self._compute(a, b))

    def rescan(self, key: str) -> None:
        """The dictionary's suggestions of one text, everywhere done so far, with its label now (all at once,
        after the text being looked for a slice at a time, if any)."""
        while self._job is not None:
            self._rescan_slice(self._job, SLICE)
        job = self._start(key)
        while self._job is job:
            self._rescan_slice(job, SLICE)

    def _start(self, key: str) -> _Rescan:
        best = self.live.dictionary.best(key) if self.live.use_dictionary else None
        if best is None or best[0] not in self.tags or not key:
            best = None  # its suggestions only go
        self._job = _Rescan(key, best)
        return self._job

    def _rescan_slice(self, job: _Rescan, size: int) -> None:
        """One slice of a rescan: the text's dictionary suggestions starting in it go, and its matches
        starting there (as whole tokens) come, as a single pass over the whole text would have it."""
        text, key, limit = self.text, job.key, self.done_upto
        a = job.pos
        b = min(limit, a + size)  # matches starting before b are this slice's
        found: list[Suggestion] = []
        reach = b
        if job.best is not None and a < b:
            pattern, tag, share = job.pattern, *job.best
            after = a  # a match is looked for past the previous one, as finditer does
            for c in job.first.finditer(text, a, min(limit, b + len(job.first_word))):
                s = c.start()
                if s >= b:
                    break
                if s < after:
                    continue
                m = pattern.match(text, s, limit)
                if m is None:
                    continue
                e = m.end()
                after, reach = e, max(reach, e)
                if key_of(text[s:e]) == key and _whole_tokens(text, s, e):
                    found.append(Suggestion(s, e, tag, "dictionary", share))
        last = b >= limit
        self._drop_key(job, None if last else reach)
        job.pos = reach
        if found:
            self._insert([s for s in self._keep(found) if not job.spared(s)])
        if last:
            self._job = None

    def _drop_key(self, job: _Rescan, end: int | None) -> None:
        """Drop the text's dictionary suggestions starting from where the last slice ended to ``end``
        (``None``: to the end), but for those computed since the text began to be looked for."""
        items, text = self.items, self.text
        i = bisect_left(items, job.pos, key=lambda s: s.start)
        j = len(items) if end is None else bisect_left(items, end, key=lambda s: s.start)
        if i < j:
            items[i:j] = [s for s in items[i:j] if not job.is_old(text, s) or job.in_fresh(s)]


class _Rescan:
    """One text being looked for again: how far, and what it is looked for with.

    It ends as if the text had been looked for over the whole article at once, before any edit made
    meanwhile: a place computed again meanwhile (``look_again``) keeps what was computed, and a
    suggestion an edit took away still keeps the text's matches that overlap it from being suggested.
    """

    def __init__(self, key: str, best: tuple[str, float] | None) -> None:
        self.key, self.best = key, best
        self.pos = 0  # matches from here on are still to be looked for (its old suggestions before here are gone)
        self.fresh: list[tuple[int, int]] = []  # places computed again meanwhile
        self.gone: list[tuple[int, int]] = []  # suggestions that edits took away meanwhile, ahead of ``pos``
        self._first: dict[str, bool] = {}  # can a text starting with this character have the key?
        if best is not None:
            words = key.split(" ")
            self.first_word = words[0]
            self.pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
            # every place the first word starts (overlapping ones too): where a match can start
            self.first = re.compile(f"(?={re.escape(words[0])})", re.IGNORECASE)

    def is_old(self, text: str, s: Suggestion) -> bool:
        """One of this text's dictionary suggestions (which a look over the whole text replaces)."""
        if s.source != "dictionary":
            return False
        first = text[s.start]  # most differ from the text at once: no key computed for them
        maybe = self._first.get(first)
        if maybe is None:
            maybe = self._first[first] = first.isspace() or first.casefold()[:1] == self.key[:1]
        return maybe and key_of(text[s.start : s.end]) == self.key

    def in_fresh(self, s: Suggestion) -> bool:
        return any(a < s.end and s.start < b for a, b in self.fresh)

    def dropped_by_edit(self, text: str, dropped: list[Suggestion]) -> None:
        self.gone += [(s.start, s.end) for s in dropped if s.end > self.pos and not self.is_old(text, s)]

    def spared(self, s: Suggestion) -> bool:
        """A match not to be suggested: over a place computed again meanwhile, or one that a
        suggestion taken away meanwhile (but there when the whole text was looked at) would have kept out."""
        return self.in_fresh(s) or any(a < s.end and s.start < b for a, b in self.gone)


def _whole_tokens(text: str, s: int, e: int) -> bool:
    """Does [s, e) start and end at token edges (as the dictionary matches)?"""
    from annotator.suggest.tokens import TOKEN

    back = max(text.rfind(" ", 0, s), text.rfind("\n", 0, s)) + 1  # tokens never cross whitespace
    stop = len(text)
    for sep in (" ", "\n"):
        i = text.find(sep, e)
        if i != -1:
            stop = min(stop, i)
    edges = [(t.start(), t.end()) for t in TOKEN.finditer(text, back, stop)]
    return any(a == s for a, _ in edges) and any(b == e for _, b in edges)
