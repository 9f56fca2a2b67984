"""Adjudication: from several analysts' layers of one article to a gold layer. Pure functions.

- A span that at least ``min_agree`` analysts made identically (start, end, label) is *agreed*:
  it goes into gold at once.
- Every other span takes part in a *disagreement*: the spans that are not agreed, of all analysts,
  grouped where they overlap (a chain of overlapping spans is one disagreement). Each analyst's
  spans in it are that analyst's *version*; analysts with the same spans share a version; an
  analyst with none there has the version "no span".
- A disagreement is *settled* when gold has a decision over its extent (a version was taken, or
  none), or when gold holds a span there that is not an agreed one (gold edited by hand).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from annotator.core.agreement import Span


@dataclass(frozen=True, slots=True)
class Version:
    """What some analysts made over a disagreement's extent (``spans`` empty: nothing)."""

    analysts: tuple[str, ...]
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Disagreement:
    start: int
    end: int
    versions: tuple[Version, ...]  # the most widely shared first; "no span" last
    settled: bool = False


@dataclass(frozen=True, slots=True)
class Plan:
    """What adjudicating an article means: spans to accept into gold, and the disagreements."""

    agreed: tuple[Span, ...]  # every agreed span (in gold already or not)
    accept: tuple[Span, ...]  # agreed spans gold does not hold yet
    disagreements: tuple[Disagreement, ...]

    @property
    def open(self) -> int:
        return sum(not d.settled for d in self.disagreements)

    @property
    def settled(self) -> int:
        return len(self.disagreements) - self.open


def plan(
    layers: Mapping[str, Iterable[Span]],
    gold: Iterable[Span] = (),
    decided: Iterable[tuple[int, int]] = (),
    min_agree: int | None = None,
) -> Plan:
    """Adjudicating one article: ``layers`` maps each analyst to their spans; ``gold`` is the gold
    layer so far; ``decided`` the extents gold has a decision over. ``min_agree`` defaults to all.

    Linear in the spans but for sorting them: a long article's three layers of 15,000 spans each
    are planned in a few tens of milliseconds."""
    names = sorted(layers)
    k = len(names) if min_agree is None else min_agree
    if k < 1:
        raise ValueError("min_agree must be at least 1.")
    made: dict[Span, list[str]] = {}
    for name in names:
        for s in set(layers[name]):
            who = made.get(s)
            if who is None:
                made[s if type(s) is Span else Span(*s)] = [name]
            else:
                who.append(name)
    agreed = sorted(s for s, who in made.items() if len(who) >= k) if names and k <= len(names) else []
    agreed_set = set(agreed)
    gold = {s if type(s) is Span else Span(*s) for s in gold}
    accept = tuple(s for s in agreed if s not in gold)
    rest = sorted((s, name) for s, who in made.items() if s not in agreed_set for name in who)
    decided = set(decided)
    hand = sorted(s for s in gold if s not in agreed_set)
    hand_starts = [h.start for h in hand]
    reach = list(accumulate((h.end for h in hand), max))  # the furthest end among the first i+1 hand spans
    groups: list[tuple[int, int, list[tuple[Span, str]]]] = []
    for s, name in rest:
        if groups and s.start < groups[-1][1]:
            start, end, members = groups[-1]
            members.append((s, name))
            groups[-1] = (start, max(end, s.end), members)
        else:
            groups.append((s.start, s.end, [(s, name)]))
    out = []
    for start, end, members in groups:
        by_analyst: dict[str, list[Span]] = {name: [] for name in names}
        for s, name in members:
            by_analyst[name].append(s)
        versions: dict[tuple[Span, ...], list[str]] = {}
        for name in names:
            versions.setdefault(tuple(sorted(by_analyst[name])), []).append(name)
        ordered = sorted(versions.items(), key=lambda kv: (not kv[0], -len(kv[1]), kv[0]))
        # a hand-made gold span overlaps [start, end) when one starting before ``end`` ends after ``start``
        before = bisect_left(hand_starts, end)
        settled = (start, end) in decided or (before > 0 and reach[before - 1] > start)
        out.append(Disagreement(start, end, tuple(Version(tuple(w), v) for v, w in ordered), settled))
    return Plan(tuple(agreed), accept, tuple(out))


def take(
    d: Disagreement, version: Version | None, gold: Sequence[Span], agreed: Iterable[Span] = ()
) -> tuple[list[Span], list[Span]]:
    """Gold spans to add and to remove so that gold over ``d``'s extent is ``version`` (None: no span).

    Gold spans overlapping the extent that are not in the version are removed (an earlier choice or
    a hand edit); agreed spans are never touched."""
    want = set(version.spans) if version is not None else set()
    keep = set(agreed)
    inside = [g for g in gold if g.start < d.end and g.end > d.start and g not in keep]
    remove = [g for g in inside if g not in want]
    have = set(inside)
    add = sorted(s for s in want if s not in have)
    return add, remove
