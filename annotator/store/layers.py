"""Layers: one analyst's annotations on one article, read for training and replaced by pre-annotation.

A *layer* is every annotation of one annotator on one article. Training reads the layers of
one annotator (or every annotator) on the chosen articles; pre-annotation replaces the layer
of a model's analyst name on each article it runs over, one article per transaction.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.core.model import Annotation
from annotator.store._util import now

if TYPE_CHECKING:
    from annotator.store.corpus import Corpus


@dataclass(frozen=True, slots=True)
class LayerDoc:
    """An article's text with the spans of the chosen layer, as (start, end, tag), in text order."""

    article_id: int
    text: str
    spans: tuple[tuple[int, int, str], ...]


def _where(annotator: str | None, tags: Sequence[str] | None) -> tuple[str, list]:
    clauses, params = [], []
    if annotator is not None:
        clauses.append("n.name = ?")
        params.append(annotator)
    if tags:
        clauses.append(f"l.tag IN ({','.join('?' * len(tags))})")
        params += list(tags)
    return "".join(f" AND {c}" for c in clauses), params


def layer_article_ids(
    corpus: Corpus,
    annotator: str | None = None,
    statuses: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
) -> list[int]:
    """Articles (in the given statuses) on which the layer holds at least one span, by id."""
    where, params = _where(annotator, tags)
    status_sql = ""
    if statuses:
        status_sql = f" AND ar.status IN ({','.join('?' * len(statuses))})"
        params += list(statuses)
    sql = f"""SELECT DISTINCT a.article_id FROM annotations a
        JOIN annotators n ON n.id = a.annotator_id JOIN labels l ON l.id = a.label_id
        JOIN articles ar ON ar.id = a.article_id
        WHERE 1 {where}{status_sql} ORDER BY a.article_id"""
    return [r[0] for r in corpus.db.execute(sql, params)]


def layer_docs(
    corpus: Corpus, article_ids: Sequence[int], annotator: str | None = None, tags: Sequence[str] | None = None
) -> Iterator[LayerDoc]:
    """Each article's text and the layer's spans, one article at a time (memory stays flat)."""
    where, params = _where(annotator, tags)
    sql = f"""SELECT a.start, a."end", l.tag FROM annotations a
        JOIN annotators n ON n.id = a.annotator_id JOIN labels l ON l.id = a.label_id
        WHERE a.article_id = ? {where} ORDER BY a.start, a."end" DESC"""
    for article_id in article_ids:
        row = corpus.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            continue
        spans = tuple((s, e, t) for s, e, t in corpus.db.execute(sql, [article_id, *params]))
        yield LayerDoc(article_id, row[0], spans)


def article_texts(corpus: Corpus, limit_chars: int) -> Iterator[str]:
    """Article texts, newest first, until about ``limit_chars`` characters were given."""
    given = 0
    for (text,) in corpus.db.execute("SELECT text FROM articles ORDER BY id DESC"):
        yield text
        given += len(text)
        if given >= limit_chars:
            return


def labelled_texts(corpus: Corpus, annotator: str | None = None) -> list[tuple[str, str, int]]:
    """(covered text, tag, count) of the annotations of one annotator, or of everyone."""
    where, params = _where(annotator, None)
    sql = f"""SELECT a.text, l.tag, count(*) FROM annotations a
        JOIN annotators n ON n.id = a.annotator_id JOIN labels l ON l.id = a.label_id
        WHERE 1 {where} GROUP BY a.text, l.tag"""
    return [tuple(r) for r in corpus.db.execute(sql, params)]


def article_statuses(corpus: Corpus) -> dict[int, str]:
    """Every article's id and status, in id order."""
    return {i: s for i, s in corpus.db.execute("SELECT id, status FROM articles ORDER BY id")}


def finished_count(corpus: Corpus) -> int:
    """How many articles are marked done: the window retrains when this grows."""
    return corpus.db.execute("SELECT count(*) FROM articles WHERE status = 'done'").fetchone()[0]


def replace_layer(
    corpus: Corpus, article_id: int, annotator: str, annotations: Sequence[Annotation]
) -> tuple[int, list[Annotation]]:
    """Remove ``annotator``'s annotations on one article and store ``annotations`` in their place.

    One transaction: the old layer and the new one are never both half there. Returns how many
    were removed and the stored annotations (with ids). The article's status is left as it was.
    """
    repo = corpus.annotations
    repo._article_text(article_id)  # raises for an article that is gone
    for a in annotations:
        if a.article_id != article_id or a.annotator != annotator:
            raise ValueError("replace_layer: every annotation must be of this article and annotator.")
        repo.check(a, verified=True)
    stamp = now()
    try:
        stored = _write_layer(corpus, article_id, annotator, annotations, stamp)
    except BaseException:  # the rollback may have taken a new annotator row with it
        repo._annotator_ids.clear()
        raise
    return stored


def _write_layer(corpus: Corpus, article_id: int, annotator: str, annotations: Sequence[Annotation], stamp: str):
    repo = corpus.annotations
    with corpus.db.atomic():
        ident = repo.annotator_id(annotator)
        removed = corpus.db.execute(
            "DELETE FROM annotations WHERE article_id = ? AND annotator_id = ?", [article_id, ident]
        ).rowcount
        stored = []
        for a in annotations:
            cur = corpus.db.execute(
                """INSERT INTO annotations
                   (article_id, label_id, start, "end", text, annotator_id, note, created, updated)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [article_id, a.label_id, a.start, a.end, a.text, ident, a.note, stamp, stamp],
            )
            stored.append(a._replace(id=cur.lastrowid, created=stamp, updated=stamp))
    return removed, stored


def rejected_places(corpus: Corpus, article_id: int) -> set[tuple[int, int, str]]:
    """(start, end, text key) of the suggestions and missed mentions rejected in an article."""
    return {
        (s, e, k)
        for s, e, k in corpus.db.execute(
            'SELECT start, "end", key FROM rejected_mentions WHERE article_id = ?', [article_id]
        )
    }


def unfinished_articles(corpus: Corpus, limit: int) -> list[tuple[int, str]]:
    """(id, text) of up to ``limit`` articles not marked done, in id order."""
    return [
        tuple(r)
        for r in corpus.db.execute("SELECT id, text FROM articles WHERE status != 'done' ORDER BY id LIMIT ?", [limit])
    ]


def spans_overlapping(corpus: Corpus, article_id: int, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of every annotation of an article that overlaps [start, end), in text order."""
    return [
        (s, e)
        for s, e in corpus.db.execute(
            'SELECT start, "end" FROM annotations WHERE article_id = ? AND start < ? AND "end" > ? '
            'ORDER BY start, "end"',
            [article_id, end, start],
        )
    ]


def labelled_texts_in_file(path, annotator: str | None = None) -> list[tuple[str, str, int]]:
    """``labelled_texts`` through a read-only connection of its own: for a worker thread, while the
    window's connection goes on serving the window (a corpus of a million spans takes seconds)."""
    import sqlite3
    from pathlib import Path
    from urllib.parse import quote

    conn = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True, timeout=10)
    try:
        where, params = _where(annotator, None)
        sql = f"""SELECT a.text, l.tag, count(*) FROM annotations a
            JOIN annotators n ON n.id = a.annotator_id JOIN labels l ON l.id = a.label_id
            WHERE 1 {where} GROUP BY a.text, l.tag"""
        return [tuple(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def article_status(corpus: Corpus, article_id: int) -> str | None:
    row = corpus.db.execute("SELECT status FROM articles WHERE id = ?", [article_id]).fetchone()
    return row[0] if row else None
