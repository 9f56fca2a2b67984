"""Inter-annotator agreement over spans and token units. Pure functions, standard library only.

Every figure here can be checked by hand:

- **Span F1, exact**: a span of B matches a span of A when start, end and label are the same
  (each span matched at most once). Precision is the share of B's spans matched, recall the
  share of A's, F1 = 2·matched / (A's spans + B's spans).
- **Span F1, overlap**: same label and at least one character in common, matched one to one:
  exact matches first, then the remaining pairs greedily by the largest overlap (ties: the
  earliest start in A, then in B).
- **Token categories**: each unit's category for an analyst is the label of that analyst's
  longest span covering it (ties: the earliest), else ``O``.
- **Cohen's kappa** (two analysts), **Fleiss' kappa** and **Krippendorff's alpha** (nominal, any
  number of analysts, every unit rated by all) over those categories.

A figure that cannot be computed (nothing to compare, one category only, fewer than two analysts)
is ``None``, never 1.0 and never 0.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import NamedTuple

OUTSIDE = "O"


class Span(NamedTuple):
    start: int
    end: int
    label: str


# --- spans -------------------------------------------------------------------------------------


@dataclass(slots=True)
class SpanCounts:
    """Spans of A, spans of B and how many of them were matched (summed over articles)."""

    a_spans: int = 0
    b_spans: int = 0
    matched: int = 0

    def add(self, a_spans: int, b_spans: int, matched: int) -> None:
        self.a_spans += a_spans
        self.b_spans += b_spans
        self.matched += matched

    @property
    def precision(self) -> float | None:
        return self.matched / self.b_spans if self.b_spans else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.a_spans if self.a_spans else None

    @property
    def f1(self) -> float | None:
        total = self.a_spans + self.b_spans
        return 2 * self.matched / total if total else None

    def as_dict(self) -> dict:
        return {
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "a_spans": self.a_spans, "b_spans": self.b_spans, "matched": self.matched,
        }


def exact_pairs(a: Sequence[Span], b: Sequence[Span]) -> list[tuple[int, int]]:
    """Index pairs (i in a, j in b) of spans with the same start, end and label, one to one, in order."""
    free: dict[Span, list[int]] = {}
    for j, s in enumerate(b):
        free.setdefault(s, []).append(j)
    pairs = []
    for i, s in enumerate(a):
        js = free.get(s)
        if js:
            pairs.append((i, js.pop(0)))
    return pairs


def overlap_pairs(a: Sequence[Span], b: Sequence[Span]) -> list[tuple[int, int]]:
    """Index pairs of spans with the same label that overlap, one to one: exact matches first, then
    the rest greedily by the largest overlap (ties: earliest start in A, then in B)."""
    pairs = exact_pairs(a, b)
    used_a = {i for i, _ in pairs}
    used_b = {j for _, j in pairs}
    rest_b = sorted((s.start, s.end, j) for j, s in enumerate(b) if j not in used_b)
    if not rest_b or len(used_a) == len(a):
        return pairs
    b_starts = [s for s, _, _ in rest_b]
    longest_b = max(e - s for s, e, _ in rest_b)
    candidates = []
    for i, sa in enumerate(a):
        if i in used_a:
            continue
        lo = bisect_left(b_starts, sa.start - longest_b)
        hi = bisect_left(b_starts, sa.end)
        for s, e, j in rest_b[lo:hi]:
            if e > sa.start and b[j].label == sa.label:
                candidates.append((-(min(e, sa.end) - max(s, sa.start)), sa.start, s, i, j))
    candidates.sort()
    for _, _, _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return pairs


@dataclass(slots=True)
class SpanAgreement:
    """Exact and overlap counts for one pair of analysts, overall and per label."""

    exact: SpanCounts = field(default_factory=SpanCounts)
    overlap: SpanCounts = field(default_factory=SpanCounts)
    labels: dict[str, tuple[SpanCounts, SpanCounts]] = field(default_factory=dict)

    def add_article(
        self, a: Sequence[Span], b: Sequence[Span], labels: Iterable[str] = (),
        counted: tuple[Counter, Counter, Counter, Counter] | None = None,
    ) -> None:
        """Count one article's spans of A and B. ``labels``: labels listed even when neither used them;
        ``counted``: ``Counter(a), Counter(b)`` and the Counters of their labels, when the caller has them."""
        if counted is None:
            counted = (Counter(a), Counter(b), Counter(s.label for s in a), Counter(s.label for s in b))
        ca, cb, per_a, per_b = counted
        if len(ca) == len(a) and len(cb) == len(b):  # no span twice in a layer (the usual case): sets do
            both = ca.keys() & cb.keys()
            n_exact = len(both)
            rest_a = [s for s in a if s not in both] if n_exact < len(a) else []
            rest_b = [s for s in b if s not in both] if n_exact < len(b) else []
            per_ex = Counter([s.label for s in both])
        else:
            exact = ca & cb  # the same span in both, as often as both have it
            n_exact = sum(exact.values())
            rest_a = list((ca - exact).elements())
            rest_b = list((cb - exact).elements())
            per_ex = Counter()
            for s, n in exact.items():
                per_ex[s.label] += n
        loose = overlap_pairs(rest_a, rest_b) if rest_a and rest_b else []
        self.exact.add(len(a), len(b), n_exact)
        self.overlap.add(len(a), len(b), n_exact + len(loose))
        per_ov = per_ex.copy()
        for i, _ in loose:
            per_ov[rest_a[i].label] += 1
        for label in {*labels, *per_a, *per_b}:
            counts = self.labels.get(label)
            if counts is None:
                counts = self.labels[label] = (SpanCounts(), SpanCounts())
            counts[0].add(per_a[label], per_b[label], per_ex[label])
            counts[1].add(per_a[label], per_b[label], per_ov[label])

    def merge(self, other: SpanAgreement) -> None:
        """Add the counts of other articles (counted on their own, e.g. in another process)."""
        self.exact.add(other.exact.a_spans, other.exact.b_spans, other.exact.matched)
        self.overlap.add(other.overlap.a_spans, other.overlap.b_spans, other.overlap.matched)
        for label, (ex, ov) in other.labels.items():
            counts = self.labels.get(label)
            if counts is None:
                counts = self.labels[label] = (SpanCounts(), SpanCounts())
            counts[0].add(ex.a_spans, ex.b_spans, ex.matched)
            counts[1].add(ov.a_spans, ov.b_spans, ov.matched)


# --- token categories -------------------------------------------------------------------------


def categories(starts: Sequence[int], ends: Sequence[int], spans: Iterable[Span]) -> list[str]:
    """Each unit's category: the label of the longest span covering it (ties: the earliest), else O.

    Units are ``[starts[k], ends[k])`` in text order; a span covers the units that lie inside it."""
    cats = [OUTSIDE] * len(starts)
    for k, label in covered(starts, ends, spans).items():
        cats[k] = label
    return cats


def covered(starts: Sequence[int], ends: Sequence[int], spans: Iterable[Span]) -> dict[int, str]:
    """The units some span covers, each with its category (see ``categories``); the rest are O."""
    out: dict[int, str] = {}
    # Paint the weakest first so that the strongest (longest, then earliest) is painted last.
    for s in sorted(spans, key=lambda x: (x.end - x.start, -x.start)):
        i = bisect_left(starts, s.start)
        j = bisect_right(ends, s.end)
        if j - i == 1:
            out[i] = s.label
        elif j > i:
            out.update(dict.fromkeys(range(i, j), s.label))
    return out


def count_pairs(counts: Counter, n: int, a: dict[int, str], b: dict[int, str]) -> None:
    """Add to ``counts`` the (category of A, category of B) of ``n`` units, given the units each covers."""
    both = a.keys() | b.keys()
    counts.update(zip(map(a.get, both, repeat(OUTSIDE)), map(b.get, both, repeat(OUTSIDE)), strict=False))
    if n > len(both):
        counts[(OUTSIDE, OUTSIDE)] += n - len(both)


def count_tuples(counts: Counter, n: int, layers: Sequence[dict[int, str]]) -> None:
    """Add to ``counts`` the category tuples (one per analyst) of ``n`` units."""
    keys: set[int] = set()
    for d in layers:
        keys.update(d)
    counts.update(zip(*(map(d.get, keys, repeat(OUTSIDE)) for d in layers), strict=False))  # each unit's tuple
    if n > len(keys):
        counts[(OUTSIDE,) * len(layers)] += n - len(keys)


# --- coefficients -----------------------------------------------------------------------------


def cohen_kappa(pairs: Counter) -> float | None:
    """Cohen's kappa from counts of (category of A, category of B) per unit; None when undefined."""
    n = sum(pairs.values())
    if not n:
        return None
    observed = sum(c for (x, y), c in pairs.items() if x == y) / n
    row: Counter = Counter()
    col: Counter = Counter()
    for (x, y), c in pairs.items():
        row[x] += c
        col[y] += c
    expected = sum(row[k] * col.get(k, 0) for k in row) / (n * n)
    if expected >= 1.0:  # one category only: agreement by chance is certain, kappa is undefined
        return None
    return (observed - expected) / (1.0 - expected)


def fleiss_kappa(units: Counter, raters: int) -> float | None:
    """Fleiss' kappa from counts of category tuples (one category per rater, every unit rated by all)."""
    n = sum(units.values())
    if raters < 2 or not n:
        return None
    totals: Counter = Counter()
    agreement = 0.0
    for cats, c in units.items():
        per = Counter(cats)
        for k, v in per.items():
            totals[k] += v * c
        agreement += c * (sum(v * v for v in per.values()) - raters) / (raters * (raters - 1))
    p_bar = agreement / n
    all_ratings = n * raters
    p_e = sum((v / all_ratings) ** 2 for v in totals.values())
    if p_e >= 1.0:
        return None
    return (p_bar - p_e) / (1.0 - p_e)


def krippendorff_alpha(units: Counter) -> float | None:
    """Krippendorff's alpha (nominal) from counts of category tuples; a unit may hold None for a
    missing value. Units with fewer than two values are not pairable and are left out."""
    coincidence: Counter = Counter()
    for cats, c in units.items():
        values = [v for v in cats if v is not None]
        m = len(values)
        if m < 2:
            continue
        per = Counter(values)
        for k, nk in per.items():
            for l_, nl in per.items():
                pairs = nk * (nl - (1 if k == l_ else 0))
                if pairs:
                    coincidence[(k, l_)] += c * pairs / (m - 1)
    n_total = sum(coincidence.values())
    if n_total <= 1:
        return None
    marg: Counter = Counter()
    for (k, _), v in coincidence.items():
        marg[k] += v
    observed = sum(v for (k, l_), v in coincidence.items() if k != l_)  # disagreeing pairable values
    by_chance = n_total * n_total - sum(v * v for v in marg.values())  # sum over k != l of n_k * n_l
    if by_chance <= 0:  # one category only: no disagreement is even possible
        return None
    return 1.0 - (n_total - 1) * observed / by_chance


# --- putting it together -----------------------------------------------------------------------


@dataclass(slots=True)
class PairAgreement:
    """Everything measured between analysts A and B."""

    a: str
    b: str
    articles: int = 0
    tokens: int = 0
    spans: SpanAgreement = field(default_factory=SpanAgreement)
    token_pairs: Counter = field(default_factory=Counter)

    @property
    def cohen_kappa(self) -> float | None:
        return cohen_kappa(self.token_pairs)

    def merge(self, other: PairAgreement) -> None:
        """Add what was measured on other articles between the same two analysts."""
        self.articles += other.articles
        self.tokens += other.tokens
        self.spans.merge(other.spans)
        self.token_pairs.update(other.token_pairs)

    def as_dict(self, labels: Sequence[str]) -> dict:
        per_label = {}
        for label in labels:
            ex, ov = self.spans.labels.get(label, (SpanCounts(), SpanCounts()))
            per_label[label] = {"exact": ex.as_dict(), "overlap": ov.as_dict()}
        return {
            "a": self.a, "b": self.b, "articles": self.articles, "tokens": self.tokens,
            "exact": self.spans.exact.as_dict(), "overlap": self.spans.overlap.as_dict(),
            "cohen_kappa": self.cohen_kappa, "labels": per_label,
        }
