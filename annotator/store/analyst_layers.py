"""Analysts' layers (one annotator's annotations), which articles each analyst finished, and the
gold layer's adjudication decisions."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from sqlite_utils import Database

from annotator.core.agreement import Span
from annotator.core.model import Annotation, Status
from annotator.store._util import now
from annotator.store.annotations import ANNOTATION_JOIN


def _in(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def finished_articles(
    db: Database, annotators: Sequence[str], article_ids: Sequence[int] | None = None
) -> dict[str, set[int]]:
    """The articles each analyst has finished (of ``article_ids`` when given): the one place that
    answers "which articles did analyst X finish": the analyst's own status of it is done."""
    found: dict[str, set[int]] = {name: set() for name in annotators}
    if not annotators or (article_ids is not None and not article_ids):
        return found
    where, params = "", []
    if article_ids is not None:
        where, params = f" AND x.article_id IN ({_in(article_ids)})", list(article_ids)
    sql = f"""SELECT n.name, x.article_id FROM layers x JOIN annotators n ON n.id = x.annotator_id
              WHERE n.name IN ({_in(annotators)}) AND x.status = 'done'{where}"""
    for name, article_id in db.execute(sql, [*annotators, *params]):
        found[name].add(article_id)
    return found


def set_finished(corpus: Any, article_id: int, annotator: str, done: bool) -> None:
    """Mark ``annotator``'s layer of the article done (or in progress again)."""
    corpus.layers.set_status(article_id, Status.DONE if done else Status.IN_PROGRESS, annotator=annotator)


def annotated_articles(db: Database, annotators: Sequence[str]) -> dict[str, set[int]]:
    """The articles on which each analyst has at least one annotation."""
    found: dict[str, set[int]] = {name: set() for name in annotators}
    if not annotators:
        return found
    rows = db.execute(
        f"""SELECT DISTINCT n.name, a.article_id FROM {ANNOTATION_JOIN} WHERE n.name IN ({_in(annotators)})""",
        list(annotators),
    )
    for name, article_id in rows:
        found[name].add(article_id)
    return found


class LayerArticle(NamedTuple):
    """One article with the spans of each analyst asked for (label tags), for agreement."""

    id: int
    title: str
    text: str
    meta: dict[str, Any]
    layers: dict[str, list[Span]]


def read_layers(
    db: Database, article_ids: Iterable[int], annotators: Sequence[str], batch: int = 500
) -> Iterator[LayerArticle]:
    """The articles (in id order) with each analyst's spans; an analyst without spans has []."""
    ids = sorted(set(article_ids))
    names = list(annotators)
    who = {
        ident: name
        for ident, name in db.execute(f"SELECT id, name FROM annotators WHERE name IN ({_in(names)})", names)
    } if names else {}
    tags = dict(db.execute("SELECT id, tag FROM labels"))
    for lo in range(0, len(ids), batch):
        chunk = ids[lo : lo + batch]
        spans: dict[int, dict[str, list[Span]]] = {i: {n: [] for n in names} for i in chunk}
        # One range scan of the article index (a long IN list would be one index probe per article).
        rows = db.execute(
            'SELECT article_id, annotator_id, start, "end", label_id FROM annotations WHERE article_id BETWEEN ? AND ?',
            [chunk[0], chunk[-1]],
        )
        for article_id, annotator_id, start, end, label_id in rows:
            name = who.get(annotator_id)
            layers = spans.get(article_id)
            if name is not None and layers is not None:
                layers[name].append(Span(start, end, tags.get(label_id, "?")))
        for ident, title, text, meta in db.execute(
            f"SELECT id, title, text, meta FROM articles WHERE id IN ({_in(chunk)}) ORDER BY id", chunk
        ):
            try:
                parsed = json.loads(meta) if meta and meta != "{}" else {}
            except ValueError:
                parsed = {}
            yield LayerArticle(ident, title, text, parsed if isinstance(parsed, dict) else {}, spans[ident])


def layer(db: Database, article_id: int, annotator: str) -> list[Annotation]:
    """One analyst's annotations of one article, in text order."""
    from annotator.store.annotations import ANNOTATION_SELECT, _row

    return [
        _row(r)
        for r in db.execute(
            f'{ANNOTATION_SELECT} WHERE a.article_id = ? AND n.name = ? ORDER BY a.start, a."end", a.id',
            [article_id, annotator],
        )
    ]


# --- adjudication decisions ---------------------------------------------------------------------


def decided(db: Database, article_id: int, gold: str) -> set[tuple[int, int]]:
    """The extents of ``article_id`` over which the gold layer ``gold`` has a recorded decision."""
    return {
        (s, e)
        for s, e in db.execute(
            """SELECT d.start, d."end" FROM gold_decisions d JOIN annotators n ON n.id = d.annotator_id
               WHERE d.article_id = ? AND n.name = ?""",
            [article_id, gold],
        )
    }


def set_decided(db: Database, annotator_id: int, article_id: int, start: int, end: int, on: bool) -> bool:
    """Record (or take back) a decision; True when that changed anything. Inside the caller's transaction."""
    if on:
        cur = db.execute(
            """INSERT OR IGNORE INTO gold_decisions (article_id, annotator_id, start, "end", created)
               VALUES (?, ?, ?, ?, ?)""",
            [article_id, annotator_id, start, end, now()],
        )
    else:
        cur = db.execute(
            'DELETE FROM gold_decisions WHERE article_id = ? AND annotator_id = ? AND start = ? AND "end" = ?',
            [article_id, annotator_id, start, end],
        )
    return cur.rowcount > 0


def settle(
    corpus: Any,
    article_id: int,
    gold: str,
    extent: tuple[int, int] | None,
    add: Sequence[Annotation],
    remove: Sequence[Annotation],
    decision: bool | None,
    finished: bool | None = None,
) -> list[Annotation]:
    """One adjudication step in one transaction: remove gold spans, add gold spans, record
    (``decision=True``) or take back (``False``) the decision over ``extent``, and with ``finished``
    mark the gold layer of the article done (or in progress again). Returns the added annotations as stored."""
    annotations = corpus.annotations
    db = annotations.db
    with db.atomic():
        if remove:
            annotations.delete_many(a.id for a in remove)
        stored = annotations.add_many(add) if add else []
        if decision is not None and extent is not None:
            set_decided(db, annotations.annotator_id(gold), article_id, extent[0], extent[1], decision)
        if finished is not None:
            set_finished(corpus, article_id, gold, finished)
    return stored
