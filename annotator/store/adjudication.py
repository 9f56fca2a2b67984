"""Building a gold layer from the analysts' layers: reading an article's adjudication state and
accepting what the analysts agree on (see ``core/adjudication.py`` for the rules)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from annotator.core.adjudication import Plan, plan
from annotator.core.agreement import Span
from annotator.core.model import Annotation
from annotator.store.analyst_layers import decided, finished_articles, layer, settle

DEFAULT_GOLD = "gold"


@dataclass(frozen=True)
class ArticleAdjudication:
    """One article's adjudication: who is compared, the gold layer so far, and the plan."""

    article_id: int
    gold: str
    analysts: tuple[str, ...]
    layers: dict[str, list[Span]]  # each analyst's spans, as compared
    gold_layer: list[Annotation]
    plan: Plan

    def accepted(self, added: Sequence[Annotation]) -> ArticleAdjudication:
        """The state once ``added`` (the plan's ``accept``, stored) is in gold: the same disagreements,
        nothing left to accept (an agreed span in gold settles nothing, so nothing else changes)."""
        p = self.plan
        return replace(self, gold_layer=[*self.gold_layer, *added], plan=Plan(p.agreed, (), p.disagreements))


def analysts_of(corpus, article_id: int, gold: str, annotators: Sequence[str] | None = None) -> list[str]:
    """The analysts whose layers are adjudicated in this article: those (of ``annotators``, default
    everyone but the gold layer) who finished it."""
    names = list(annotators) if annotators else [n for n in corpus.annotations.annotators() if n != gold]
    names = [n for n in names if n != gold]
    done = finished_articles(corpus.db, names, [article_id])
    return sorted(n for n in names if article_id in done[n])


def _spans(annotations: Sequence[Annotation], tags: dict[int, str]) -> list[Span]:
    return [Span(a.start, a.end, tags.get(a.label_id, "?")) for a in annotations]


def _layer_spans(db, article_id: int, names: Sequence[str], tags: dict[int, str]) -> dict[str, list[Span]]:
    """Each analyst's spans of one article (start, end, label tag): one query, no annotation rows."""
    out: dict[str, list[Span]] = {n: [] for n in names}
    if names:
        marks = ", ".join("?" * len(names))
        rows = db.execute(
            f"""SELECT n.name, a.start, a."end", a.label_id FROM annotations a
                JOIN annotators n ON n.id = a.annotator_id WHERE a.article_id = ? AND n.name IN ({marks})""",
            [article_id, *names],
        )
        for name, start, end, label_id in rows:
            out[name].append(Span(start, end, tags.get(label_id, "?")))
    return out


def read(
    corpus, article_id: int, gold: str = DEFAULT_GOLD, annotators: Sequence[str] | None = None,
    min_agree: int | None = None,
) -> ArticleAdjudication:
    analysts = tuple(analysts_of(corpus, article_id, gold, annotators))
    tags = {lab.id: lab.tag for lab in corpus.labels.list()}
    layers = _layer_spans(corpus.db, article_id, analysts, tags)
    gold_layer = layer(corpus.db, article_id, gold)
    p = plan(layers, _spans(gold_layer, tags), decided(corpus.db, article_id, gold), min_agree) if len(
        analysts
    ) >= 2 else Plan((), (), ())
    return ArticleAdjudication(article_id, gold, analysts, layers, gold_layer, p)


def gold_annotations(
    corpus, article_id: int, gold: str, spans: Sequence[Span], text: str | None = None
) -> list[Annotation]:
    """New gold annotations for ``spans`` (label tags) of an article (``text``: its text, when at hand)."""
    ids = {lab.tag: lab.id for lab in corpus.labels.list()}
    if text is None:
        text = corpus.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    return [Annotation(None, article_id, ids[s.label], s.start, s.end, text[s.start : s.end], gold) for s in spans]


def accept_agreed(
    corpus, article_id: int, gold: str = DEFAULT_GOLD, annotators: Sequence[str] | None = None,
    min_agree: int | None = None,
) -> tuple[list[Annotation], ArticleAdjudication]:
    """Add to gold every span at least ``min_agree`` analysts (default all) made identically and gold
    lacks. Committed. Returns the annotations added (none when run again) and the state after."""
    state = read(corpus, article_id, gold, annotators, min_agree)
    added: list[Annotation] = []
    if state.plan.accept:
        complete = state.plan.open == 0  # nothing left to settle: gold is done for this article
        added = settle(corpus, article_id, gold, None,
                       gold_annotations(corpus, article_id, gold, state.plan.accept), [], None,
                       True if complete else None)
        state = read(corpus, article_id, gold, annotators, min_agree)
    return added, state


def candidate_articles(corpus, gold: str, annotators: Sequence[str] | None = None) -> list[int]:
    """Articles that at least two analysts (of ``annotators``, default all but gold) finished."""
    names = [n for n in (annotators or corpus.annotations.annotators()) if n != gold]
    done = finished_articles(corpus.db, names)
    counts: dict[int, int] = {}
    for ids in done.values():
        for i in ids:
            counts[i] = counts.get(i, 0) + 1
    return sorted(i for i, c in counts.items() if c >= 2)
