"""A labelled text is looked for again a slice at a time: the suggestions in the end are those of
looking for it over the whole article at once (the earlier algorithm, kept here as the reference),
and one step never looks past its slice."""

from __future__ import annotations

import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.suggest.dictionary import Dictionary, key_of
from annotator.suggest.live import SLICE, ArticleSuggestions, LiveSuggestions, _whole_tokens
from annotator.suggest.model import Suggestion
from annotator.suggest.tokens import tokenize

TAGS = {"LOC", "ORG", "TERM"}
WORDS = [
    "Foshan", "foshan", "FOSHAN", "Foshanese", "Midea", "Group", "group", "hired", "in", "the", "policy",
    "Made", "made", "in", "China", "don't", "Foshan's", "佛山", "佛山市", "and", "a", "aa", "aaa", "2025",
    "3.5", "U.S.", "zone", "Zone", "pilot", "free", "trade", "new", "area", "Straße", "STRASSE",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", " ", "  ", "\n", " \n ", ", ", ". ", "\t", "-"]


class OneShot(ArticleSuggestions):
    """The earlier algorithm: each pending text looked for over the whole article in one step."""

    @property
    def rescanning(self) -> bool:
        return bool(self.pending)

    def rescan_pending(self, limit: int = 1, size: int = SLICE) -> bool:
        for _ in range(min(limit, len(self.pending))):
            key = next(iter(self.pending))
            del self.pending[key]
            self.rescan(key)
        return bool(self.pending)

    def look_again(self, start: int, end: int) -> None:
        if start >= self.done_upto:
            return
        a = self.text.rfind("\n", 0, start) + 1
        b = self.text.find("\n", end)
        b = min(self.done_upto, len(self.text) if b == -1 else b + 1)
        self._drop(a, b)
        self._insert(self._compute(a, b))

    def rescan(self, key: str) -> None:
        text = self.text
        self.items = [s for s in self.items if s.source != "dictionary" or key_of(text[s.start : s.end]) != key]
        best = self.live.dictionary.best(key) if self.live.use_dictionary else None
        if best is None or best[0] not in self.tags or not key:
            return
        pattern = re.compile(r"\s+".join(re.escape(w) for w in key.split(" ")), re.IGNORECASE)
        found = []
        for m in pattern.finditer(text, 0, self.done_upto):
            s, e = m.start(), m.end()
            if key_of(text[s:e]) != key or not _whole_tokens(text, s, e):
                continue
            found.append(Suggestion(s, e, best[0], "dictionary", best[1]))
        self._insert(self._keep(found))


class Sliced(ArticleSuggestions):
    started = 0  # texts taken from ``pending`` so far

    def _start(self, key):
        self.started += 1
        return super()._start(key)


def _text(rng: random.Random, n: int) -> str:
    parts = []
    for _ in range(n):
        parts += [rng.choice(WORDS), rng.choice(SEPARATORS)]
    return "".join(parts)


def _play(seed: int, n_words: int, size: int, ops: int, partial: bool) -> None:
    """Random labels, unlabels, rejections and steps with random numbers of slices between them, on
    the sliced suggestions and on the reference. Edits come in the middle of a text being looked for;
    the reference looks for the texts the sliced one has begun with, in one step each, before it."""
    rng = random.Random(seed)
    text = _text(rng, n_words)
    starts, ends = tokenize(text)
    live = LiveSuggestions()
    live.dictionary = Dictionary.from_counts(
        [(rng.choice(WORDS), rng.choice(sorted(TAGS)), rng.randint(1, 3)) for _ in range(6)]
        + [("Midea Group", "ORG", 2), ("free trade zone", "TERM", 1)]
    )
    labels: dict[tuple[int, int], str] = {}
    taken = lambda s, e: sorted(t for t in labels if t[0] < e and s < t[1])  # noqa: E731
    rejected = {(starts[0], ends[0], key_of(text[starts[0] : ends[0]]))}
    new = Sliced(live, text, taken, rejected, TAGS)
    old = OneShot(live, text, taken, rejected, TAGS)
    steps = rng.randint(1, 6) if partial else 10**6
    for doc in (new, old):
        for _ in range(steps):
            doc.step(200)
    ref_started = 0

    def catch_up() -> None:  # the reference does at once what the sliced one has started
        nonlocal ref_started
        while ref_started < new.started:
            old.rescan_pending(1)
            ref_started += 1

    for _ in range(ops):
        op = rng.random()
        if op < 0.8:
            _edit(rng, op, text, (starts, ends), live, labels, new, old, catch_up)
        else:
            for _ in range(rng.randint(0, 4)):
                new.rescan_pending(1, size)
    while new.rescanning:
        new.rescan_pending(1, size)
    catch_up()
    while old.pending:
        old.rescan_pending(1)
    assert new.items == old.items
    assert new.items == sorted(new.items, key=lambda s: (s.start, s.end))


def _edit(rng, op, text, tokens, live, labels, new, old, catch_up) -> None:
    """One edit, the same on both (the reference first does at once what the sliced one has begun)."""
    starts, ends = tokens
    if op < 0.45:  # label a run of whole tokens that is free
        i = rng.randrange(len(starts))
        j = min(len(starts), i + rng.choice([1, 1, 1, 2, 3]))
        s, e = starts[i], ends[j - 1]
        if any(a < e and s < b for a, b in labels):
            return
        tag = rng.choice(sorted(TAGS))
        catch_up()
        live.dictionary.add(text[s:e], tag)
        labels[(s, e)] = tag
        new.labelled(s, e)
        old.labelled(s, e)
    elif op < 0.65 and labels:  # remove a label
        (s, e), tag = rng.choice(sorted(labels.items()))
        catch_up()
        live.dictionary.remove(text[s:e], tag)
        del labels[(s, e)]
        new.unlabelled(s, e)
        old.unlabelled(s, e)
    elif op < 0.75:  # reject a suggestion shown by both, or take a rejection back
        catch_up()
        both = sorted(set(new.items) & set(old.items))
        if both and rng.random() < 0.7:
            s = rng.choice(both)
            new.reject(s)
            old.reject(s)
        elif new.rejected:
            place = rng.choice(sorted(new.rejected))
            new.unreject(*place)
            old.unreject(*place)
    elif not new.rescanning:  # the window looks at the next piece when nothing is pending
        catch_up()
        new.step(200)
        old.step(200)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32),
    n_words=st.integers(5, 400),
    size=st.integers(1, 300),
    ops=st.integers(1, 40),
    partial=st.booleans(),
)
def test_the_suggestions_in_the_end_are_those_of_looking_at_the_whole_text_at_once(seed, n_words, size, ops, partial):
    _play(seed, n_words, size, ops, partial)


# cases that once told an edit made while a text was half looked for from one made before it
EDGES = [(196, 337, 260, 46, False), (19, 351, 23, 51, False), (1196, 90, 129, 31, False), (1402, 321, 12, 33, True)]


def test_many_varied_articles_end_as_the_one_step_algorithm_does():
    for seed in range(120):
        r = random.Random(seed)
        _play(seed, r.randint(5, 400), r.randint(1, 300), r.randint(1, 60), r.random() < 0.5)
    for case in EDGES:
        _play(*case)


def test_one_step_never_looks_past_its_slice():
    rng = random.Random(7)
    text = _text(rng, 40_000)  # some 200,000 characters
    live = LiveSuggestions()
    live.dictionary = Dictionary.from_counts([("Foshan", "LOC", 2), ("free trade zone", "TERM", 1), ("the", "ORG", 1)])
    asked: list[tuple[int, int]] = []

    def taken(s, e):
        asked.append((s, e))
        return []

    doc = ArticleSuggestions(live, text, taken, set(), TAGS)
    while not doc.complete:
        doc.step()
    before = list(doc.items)
    live.dictionary.add("the", "TERM", 5)  # "the" is now suggested as TERM: every one of them changes
    doc.later("the")
    size = 10_000
    ticks = 0
    while True:
        asked.clear()
        old_items = list(doc.items)
        more = doc.rescan_pending(1, size)
        ticks += 1
        job = doc._job
        reach = job.pos if job is not None else len(text)
        a = reach - size  # a slice may end past its size only by the last match that starts in it
        changed = [s for s in set(old_items) ^ set(doc.items)]
        assert changed and all(s.start < reach for s in changed)
        assert all(s.start >= min(c.start for c in changed) for s in changed)
        assert max(c.start for c in changed) - min(c.start for c in changed) <= size
        assert asked and all(e - s <= size + 20 and s >= a - 20 for s, e in asked)
        if not more:
            break
    assert ticks >= len(text) // size
    assert all(s.tag == "TERM" for s in doc.items if text[s.start : s.end].casefold() == "the")
    assert len(doc.items) == len(before)
