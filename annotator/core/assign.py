"""Giving articles to analysts: each article to ``per_article`` different analysts, balanced and reproducible."""

from __future__ import annotations

import random
from collections.abc import Sequence
from itertools import combinations


def plan_assignments(
    article_ids: Sequence[int], annotators: Sequence[str], per_article: int, seed: int = 0
) -> dict[str, list[int]]:
    """Article ids per analyst. Every article goes to ``per_article`` distinct analysts; the analysts'
    counts differ by at most one; pairs of analysts share articles as evenly as the draw allows.
    The same ids, names, count and seed always give the same plan, on any machine."""
    names = list(dict.fromkeys(n.strip() for n in annotators if n.strip()))
    if not names:
        raise ValueError("Name at least one analyst.")
    if not 1 <= per_article <= len(names):
        raise ValueError(
            f"Each article can go to 1 to {len(names)} analysts (as many as are named), not {per_article}."
        )
    rng = random.Random(seed)
    order = sorted(article_ids)
    rng.shuffle(order)
    load = {n: 0 for n in names}
    together = {pair: 0 for pair in combinations(sorted(names), 2)}
    plan: dict[str, list[int]] = {n: [] for n in names}
    for article_id in order:
        chosen: list[str] = []
        for _ in range(per_article):
            candidates = [n for n in names if n not in chosen]
            least = min(load[n] for n in candidates)
            candidates = [n for n in candidates if load[n] == least]
            if chosen:  # prefer the analyst who has shared fewest articles with those already chosen
                shared = {n: sum(together[tuple(sorted((n, c)))] for c in chosen) for n in candidates}
                fewest = min(shared.values())
                candidates = [n for n in candidates if shared[n] == fewest]
            pick = candidates[rng.randrange(len(candidates))]
            for c in chosen:
                together[tuple(sorted((pick, c)))] += 1
            chosen.append(pick)
            load[pick] += 1
        for n in chosen:
            plan[n].append(article_id)
    return {n: sorted(ids) for n, ids in plan.items()}


def overlaps(plan: dict[str, Sequence[int]]) -> dict[str, dict[str, int]]:
    """For each analyst, how many of their articles each other analyst also has."""
    sets = {n: set(ids) for n, ids in plan.items()}
    return {a: {b: len(sets[a] & sets[b]) for b in sets if b != a} for a in sets}
