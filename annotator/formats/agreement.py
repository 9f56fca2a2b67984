"""Agreement between analysts' layers over a corpus: the articles to compare, their token units, and
the figures of ``core.agreement`` over them.

Units are the tokens of the token exports (``formats/tokens.py``: the same tokenizer, chosen the
same way), split at the span edges of the analysts being compared, as an export splits a token at a
span edge (whitespace at a span's edge left out), so every span covers whole units. A pair's units
are split at that pair's edges only, so a pair's figures do not depend on who else is compared.

The per-article work (tokenizing, matching spans, counting token categories) runs on every core
as the token exports do (``formats.parallel``): batches of articles are counted in this process
first, then, when the rest is long, by worker processes that read their batches from the corpus
file themselves. Each batch gives counts that are added up in article order, so the figures are
exactly those of one process (a test compares them).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from typing import Any, NamedTuple

from annotator.core.agreement import (
    OUTSIDE,
    PairAgreement,
    Span,
    count_pairs,
    count_tuples,
    covered,
    exact_pairs,
    fleiss_kappa,
    krippendorff_alpha,
    overlap_pairs,
)
from annotator.formats import parallel
from annotator.formats.token_jobs import shared_tokenizer
from annotator.formats.tokens import Tokenizer, split_at, tokenizer
from annotator.store import Corpus
from annotator.store.analyst_layers import LayerArticle, annotated_articles, finished_articles, read_layers
from annotator.store.exporting import open_reader

Progress = Callable[[int, int], bool]  # (articles done, total) -> go on?
PROGRESS_EVERY = 50  # articles between progress calls (and chances to cancel)
# Workers are started sooner than for an export: counting needs no writing here, so this process
# goes on counting while they start, and the few seconds they cost are soon won back.
INLINE_SECONDS = 0.5  # counting in this process before deciding on workers
POOL_WORTH_SECONDS = 2.0  # work left (at this process's pace) worth starting workers for
HELD_BATCHES = 10_000  # batches counted here while waiting for workers (a few KB each)


class Cancelled(Exception):
    """The caller's progress function asked to stop."""


@dataclass
class AgreementResult:
    annotators: list[str]
    labels: list[str]
    articles: int  # compared by every chosen analyst (Fleiss, Krippendorff)
    tokens: int
    pairs: list[PairAgreement]
    fleiss_kappa: float | None
    krippendorff_alpha: float | None
    against: str | None = None
    corrections: dict[str, dict] = field(default_factory=dict)
    seconds: float = 0.0  # from start to finish
    tokenize_seconds: float = 0.0  # tokenizing, summed over the processes that counted articles
    work_seconds: float = 0.0  # counting articles (tokenizing included), summed over those processes
    tokenizer: str = ""

    @property
    def tokenizing_share(self) -> float:
        """The share of the per-article work spent tokenizing (0 when there was none)."""
        return self.tokenize_seconds / self.work_seconds if self.work_seconds else 0.0

    def as_json(self) -> dict:
        out = {
            "annotators": self.annotators,
            "articles": self.articles,
            "tokens": self.tokens,
            "pairs": [p.as_dict(self.labels) for p in self.pairs],
            "fleiss_kappa": self.fleiss_kappa,
            "krippendorff_alpha": self.krippendorff_alpha,
        }
        if self.against is not None:
            out["against"] = self.against
            out["corrections"] = self.corrections
        return out


def _trimmed(text: str, spans: Sequence[Span]) -> list[Span]:
    """Spans as the token exports place them: whitespace at the edges left out, blank spans dropped."""
    out = []
    n = len(text)
    for s in spans:
        if 0 <= s.start < s.end <= n and not text[s.start].isspace() and not text[s.end - 1].isspace():
            out.append(s)
            continue
        a, b = max(0, s.start), min(n, s.end)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append(s if (a, b) == (s.start, s.end) else Span(a, b, s.label))
    return out


class _Units:
    """One article's base tokens, and units split at the edges of a set of analysts (cached)."""

    def __init__(self, starts: list[int], ends: list[int], trimmed: dict[str, list[Span]]) -> None:
        self.starts, self.ends = starts, ends
        self.trimmed = trimmed
        self._cats: dict[tuple, list[str]] = {}
        self._inside = {name: self._edges_inside(spans) for name, spans in trimmed.items()}

    def _edges_inside(self, spans: list[Span]) -> list[int]:
        """The edges of ``spans`` that fall inside a base token (usually none)."""
        from bisect import bisect_right

        starts, ends = self.starts, self.ends
        out = []
        for s in spans:
            for p in (s.start, s.end):
                i = bisect_right(starts, p) - 1
                if i >= 0 and starts[i] < p < ends[i]:
                    out.append(p)
        return out

    def splits(self, names: Sequence[str]) -> bool:
        """Whether a span edge of one of ``names`` falls inside a token."""
        return any(self._inside[n] for n in names)

    def cats(self, names: Sequence[str]) -> tuple[int, list[dict[int, str]]]:
        """The number of units split at the edges of ``names``, and each analyst's covered units
        with their categories (every other unit is O)."""
        points = sorted({p for n in names for p in self._inside[n]})
        key = tuple(points)
        if points:
            starts, ends, _ = split_at(self.starts, self.ends, points)
        else:
            starts, ends = self.starts, self.ends
        out = []
        for n in names:
            got = self._cats.get((n, key))
            if got is None:
                got = self._cats[(n, key)] = covered(starts, ends, self.trimmed[n])
            out.append(got)
        return len(starts), out


@dataclass(frozen=True)
class _Plan:
    """What counting an article needs to know (sent to worker processes with each batch)."""

    names: tuple[str, ...]
    everyone: tuple[str, ...]  # the names and the layer compared against
    pairs: tuple[tuple[str, str], ...]
    chosen: tuple[str, ...]
    keep: frozenset[str] | None  # None: every label
    against: str | None
    tokenizer: str  # "spacy" or "rules" (a worker makes its own, with its own chunk cache)

    @property
    def common_bit(self) -> int:
        return 1 << len(self.pairs)


class _Batch(NamedTuple):
    """Consecutive articles, each with its membership mask (bit k: pair k compares it; the bit after
    the pairs: every analyst does). ``formats.parallel`` counts a doc by ``len(doc.spans)``: here
    that is its articles, so progress goes by articles."""

    spans: list[int]  # the articles' ids
    articles: list[LayerArticle]
    masks: list[int]


@dataclass
class _Counts:
    """What a batch of articles adds to the figures."""

    pairs: list[PairAgreement]
    units_all: Counter  # category tuples of the articles every analyst compares, units split
    fast: Counter  # ... of those whose units no span edge splits (pairs read theirs off these)
    corrections: dict[str, _Corrections]
    tokenize_seconds: float = 0.0
    seconds: float = 0.0


@dataclass(frozen=True)
class _Source:
    """Where a worker process reads its batches: its own read-only connection to the corpus file."""

    path: str
    everyone: tuple[str, ...]

    def read(self, items: list[tuple[int, int]]) -> Iterator[_Batch]:
        ids = [i for i, _ in items]
        arts = list(read_layers(_reader(self.path), ids, self.everyone, batch=len(ids)))
        yield _Batch(ids, arts, [m for _, m in items])


@lru_cache(maxsize=4)
def _reader(path: str) -> Any:
    return open_reader(path)


class _Articles:
    """The articles to compare, as ``formats.parallel`` takes them: batches read on the caller's
    connection, or (the rest, when long) ids with masks that workers read from ``source``."""

    def __init__(self, corpus: Corpus, items: list[tuple[int, int]], everyone: tuple[str, ...],
                 progress: Progress | None) -> None:
        self.db = corpus.db
        self.items = items
        self.everyone = everyone
        self.progress = progress
        self.source = _Source(str(corpus.path), everyone) if corpus.path is not None else None
        self.taken = 0  # items handed out by iterating
        self.done = 0  # articles counted
        self._next_call = 0

    def __len__(self) -> int:
        return -(-len(self.items) // parallel.BATCH_DOCS)

    def __iter__(self) -> Iterator[_Batch]:
        size = parallel.BATCH_DOCS
        while self.taken < len(self.items):
            items = self.items[self.taken : self.taken + size]
            ids = [i for i, _ in items]
            arts = list(read_layers(self.db, ids, self.everyone, batch=len(ids)))
            self.taken += len(items)
            self.account(len(items))
            yield _Batch(ids, arts, [m for _, m in items])

    def account(self, articles: int) -> None:
        """Articles counted (or about to be, in this process): progress, and the chance to cancel."""
        if self.progress is not None and self.done >= self._next_call:
            self._next_call = self.done + PROGRESS_EVERY
            if not self.progress(self.done, len(self.items)):
                raise Cancelled()
        self.done += articles

    def rest(self) -> list[tuple[int, int]]:
        """The items not taken yet (to be read by workers)."""
        return self.items[self.taken :]


def compute(
    corpus: Corpus,
    annotators: Sequence[str],
    labels: Sequence[str] | None = None,
    *,
    every_annotated: bool = False,
    against: str | None = None,
    tok: Tokenizer | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> AgreementResult:
    """Agreement between ``annotators`` (label tags ``labels``, default all) over the articles each
    pair (and all of them) finished, or with ``every_annotated`` annotated at least once. With
    ``against``, each analyst is compared with that layer (A) instead of with each other.

    ``tok`` chooses the tokenizer (spaCy's rules or the rule-based one); ``workers`` caps the
    processes (default: every core; workers only on cores other programs leave idle)."""
    started = time.perf_counter()
    tok = tok or tokenizer()
    names = list(dict.fromkeys(annotators))
    everyone = names + ([against] if against and against not in names else [])
    sets = (annotated_articles if every_annotated else finished_articles)(corpus.db, everyone)
    all_labels = [lab.tag for lab in corpus.labels.list()]
    chosen = list(labels) if labels else all_labels
    every_label = set(chosen) >= set(all_labels) and not labels
    if against:
        pairs = [PairAgreement(against, n) for n in names if n != against]
    else:
        pairs = [PairAgreement(a, b) for a, b in combinations(names, 2)]
    pair_sets = [sets[p.a] & sets[p.b] for p in pairs]
    common = set.intersection(*(sets[n] for n in names)) if len(names) >= 2 else set()
    wanted = set(common).union(*pair_sets) if pair_sets else set(common)
    plan = _Plan(
        tuple(names), tuple(everyone), tuple((p.a, p.b) for p in pairs), tuple(chosen),
        None if every_label else frozenset(chosen), against, "spacy" if tok.spacy is not None else "rules",
    )
    masks = {i: (plan.common_bit if i in common else 0) for i in wanted}
    for k, ids in enumerate(pair_sets):
        for i in ids:
            masks[i] |= 1 << k
    docs = _Articles(corpus, sorted(masks.items()), plan.everyone, progress)
    corrections = {p.b: _Corrections() for p in pairs} if against else {}
    units_all: Counter = Counter()
    fast: Counter = Counter()
    tokenize = work = 0.0
    parts = parallel.ordered_map(
        _count_batch, docs, plan, workers=workers, total=len(docs), inline_seconds=INLINE_SECONDS,
        pool_worth_seconds=POOL_WORTH_SECONDS, help_while_waiting=HELD_BATCHES, idle_only=True,
    )
    for part in parts:
        for pair, got in zip(pairs, part.pairs, strict=True):
            pair.merge(got)
        units_all.update(part.units_all)
        fast.update(part.fast)
        for name, got in part.corrections.items():
            corrections[name].merge(got)
        tokenize += part.tokenize_seconds
        work += part.seconds
    units_all.update(fast)
    where = {name: k for k, name in enumerate(names)}
    for pair in pairs if fast else ():
        ia, ib = where[pair.a], where[pair.b]
        for t, c in fast.items():
            pair.token_pairs[(t[ia], t[ib])] += c
    if progress is not None:
        progress(len(masks), len(masks))
    n_units = sum(units_all.values())
    result = AgreementResult(
        annotators=names,
        labels=chosen,
        articles=len(common),
        tokens=n_units,
        pairs=pairs,
        fleiss_kappa=fleiss_kappa(units_all, len(names)) if len(names) >= 2 else None,
        krippendorff_alpha=krippendorff_alpha(units_all) if len(names) >= 2 else None,
        against=against,
        corrections={n: c.as_dict() for n, c in corrections.items()},
        tokenize_seconds=tokenize,
        work_seconds=work,
        tokenizer=tok.name,
    )
    result.seconds = time.perf_counter() - started
    return result


def _count_batch(batch: _Batch, plan: _Plan) -> _Counts:
    """Count one batch of articles (in this process or a worker): a module-level function."""
    t_batch = time.perf_counter()
    tok = shared_tokenizer(plan.tokenizer)
    names, keep, against = plan.names, plan.keep, plan.against
    pairs = [PairAgreement(a, b) for a, b in plan.pairs]
    out = _Counts(pairs, Counter(), Counter(), {p.b: _Corrections() for p in pairs} if against else {})
    units_all, fast = out.units_all, out.fast
    common_bit = plan.common_bit
    chosen = plan.chosen
    tokenize = 0.0
    for art, mask in zip(batch.articles, batch.masks, strict=True):
        layers = art.layers
        if keep is not None:
            layers = {n: [s for s in spans if s.label in keep] for n, spans in layers.items()}
        t0 = time.perf_counter()
        language = tok.language(art.text, art.meta) if tok.spacy is not None else ""
        starts, ends = tok.token_offsets(art.text, language)
        tokenize += time.perf_counter() - t0
        units = _Units(starts, ends, {n: _trimmed(art.text, spans) for n, spans in layers.items()})
        counted = {n: (Counter(spans), Counter([s.label for s in spans])) for n, spans in layers.items()}
        in_common = bool(mask & common_bit)
        # Usually every analyst compared here finished the article and no span edge cuts a token:
        # then every pair has the same units as all of them, and a pair's counts are read off the
        # tuples of all (``fast``) instead of being counted again.
        shared = in_common and not against and not units.splits(names)
        if shared:
            n, cats = units.cats(names)
            count_tuples(fast, n, cats)
        for k, pair in enumerate(pairs):
            if not mask >> k & 1:
                continue
            a, b = layers[pair.a], layers[pair.b]
            pair.articles += 1
            (ca, la), (cb, lb) = counted[pair.a], counted[pair.b]
            pair.spans.add_article(a, b, chosen, (ca, cb, la, lb))
            if shared:
                pair.tokens += n
            else:
                m, (ca, cb) = units.cats([pair.a, pair.b])
                pair.tokens += m
                count_pairs(pair.token_pairs, m, ca, cb)
            if against:
                out.corrections[pair.b].add(art, a, b)
        if in_common and not shared:
            m, cats = units.cats(names)
            count_tuples(units_all, m, cats)
    out.tokenize_seconds = tokenize
    out.seconds = time.perf_counter() - t_batch
    return out


# --- what the adjudicator changed -----------------------------------------------------------------


class Correction(NamedTuple):
    article_id: int
    title: str
    kind: str  # relabelled, resized, removed, added
    analyst: Span | None
    gold: Span | None
    analyst_text: str
    gold_text: str


class _Corrections:
    KINDS = ("kept", "relabelled", "resized", "removed", "added")

    def __init__(self) -> None:
        self.counts = Counter()
        self.items: list[Correction] = []

    def add(self, art, gold: list[Span], mine: list[Span]) -> None:
        for item in differences(gold, mine):
            kind = item[0]
            self.counts[kind] += 1
            if kind != "kept":
                g, m = item[1], item[2]
                self.items.append(Correction(
                    art.id, art.title, kind, m, g,
                    art.text[m.start : m.end] if m else "", art.text[g.start : g.end] if g else "",
                ))

    def merge(self, other: _Corrections) -> None:
        """Add another batch's corrections (of later articles)."""
        self.counts.update(other.counts)
        self.items.extend(other.items)

    def as_dict(self) -> dict:
        out = {k: self.counts[k] for k in self.KINDS}
        out["changes"] = [
            {"article": c.article_id, "kind": c.kind,
             "analyst": _span_json(c.analyst, c.analyst_text), "gold": _span_json(c.gold, c.gold_text)}
            for c in self.items
        ]
        return out


def _span_json(s: Span | None, text: str) -> dict | None:
    return None if s is None else {"start": s.start, "end": s.end, "label": s.label, "text": text}


def differences(a: list[Span], b: list[Span]) -> list[tuple[str, Span | None, Span | None]]:
    """A's and B's spans of one article side by side: ("kept", a, b) for the same span; ("resized",
    a, b) for the same label overlapping; ("relabelled", a, b) for the same extent with another
    label; ("removed", None, b) for a span of B that A lacks; ("added", a, None) for one of A that B lacks."""
    out: list[tuple[str, Span | None, Span | None]] = []
    exact = exact_pairs(a, b)
    ex_a, ex_b = {i for i, _ in exact}, {j for _, j in exact}
    out += [("kept", a[i], b[j]) for i, j in exact]
    ov = [(i, j) for i, j in overlap_pairs(a, b) if i not in ex_a]
    ov_a, ov_b = ex_a | {i for i, _ in ov}, ex_b | {j for _, j in ov}
    out += [("resized", a[i], b[j]) for i, j in ov]
    rest_a = {(s.start, s.end): i for i, s in enumerate(a) if i not in ov_a}
    used_a = set()
    for j, s in enumerate(b):
        if j in ov_b:
            continue
        i = rest_a.pop((s.start, s.end), None)
        if i is not None:
            used_a.add(i)
            out.append(("relabelled", a[i], s))
        else:
            out.append(("removed", None, s))
    out += [("added", a[i], None) for i in rest_a.values() if i not in used_a]
    out.sort(key=lambda t: min(x.start for x in t[1:] if x is not None))
    return out


def pair_disagreements(
    corpus: Corpus,
    a: str,
    b: str,
    label: str | None = None,
    *,
    every_annotated: bool = False,
) -> list[Correction]:
    """Where A and B differ (the articles both finished), optionally only where one side has ``label``.
    In each item ``gold`` is A's span and ``analyst`` B's; ``kind`` as in ``differences``."""
    sets = (annotated_articles if every_annotated else finished_articles)(corpus.db, [a, b])
    out = []
    for art in read_layers(corpus.db, sets[a] & sets[b], [a, b]):
        for kind, sa, sb in differences(art.layers[a], art.layers[b]):
            if kind == "kept" or (label and not any(s is not None and s.label == label for s in (sa, sb))):
                continue
            out.append(Correction(art.id, art.title, kind, sb, sa,
                                  art.text[sb.start : sb.end] if sb else "", art.text[sa.start : sa.end] if sa else ""))
    return out


__all__ = ["AgreementResult", "Cancelled", "compute", "differences", "pair_disagreements", "OUTSIDE"]
