"""Reading articles and their spans for an export, in batches that never hold the corpus for long.

    for article, spans in read_for_export(db, ids, labels={"LOCATION"}):
        ...   # spans: a tuple of rows (id, start, end, tag, text, annotator, note, reviewed_by, reviewed_at,
              #              created, updated, article_id), sorted by (start, end, id)

Each batch of articles is read in one short read transaction (a snapshot: an article and its
spans always agree), then released before the caller writes it out. In WAL mode a reader never
blocks a writer, and releasing the snapshot between batches lets checkpoints go on, so an export
of a million annotations never starves the window or another program's import. A label or an
annotator added meanwhile is simply read with the rest (the tag and names come from the same
snapshot, never from a map taken earlier). An article deleted meanwhile is left out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import partial
from itertools import groupby, starmap
from operator import itemgetter
from typing import Any

from sqlite_utils import Database

from annotator.core.model import Article, Status
from annotator.store._util import collection_paused
from annotator.store.annotations import ANNOTATION_JOIN
from annotator.store.articles import _COLUMNS, read_meta
from annotator.store.layers import status_clause

BATCH_ARTICLES = 256  # articles per read transaction: a few milliseconds for news-length articles
BATCH_CHARS = 8_000_000  # ... or fewer, once their text adds up to this many characters
_ROW_FIELDS = 12  # the columns of a span row (_SPANS)

# idx_annotations_article is (article_id, start, "end") and ends in the rowid, so SQLite sorts nothing;
# CROSS JOIN keeps annotations the outer table, so statistics never make it scan a whole table.
_SPANS = (
    """SELECT a.id, a.start, a."end", l.tag, a.text, n.name, nullif(a.note, ''), r.name, a.reviewed_at,
    {times}, a.article_id
    FROM """
    + ANNOTATION_JOIN
    + """ CROSS JOIN labels l ON l.id = a.label_id
    WHERE a.article_id IN ({ids}){where} ORDER BY a.article_id, a.start, a."end", a.id"""
)


# The article itself; its analyst's status is read with every analyst's (one query per batch), not
# looked up again for each article.
_ARTICLES = f"SELECT {_COLUMNS} FROM articles WHERE id IN ({{ids}})"
_LAYERS = """SELECT l.article_id, n.name, l.status FROM layers l JOIN annotators n ON n.id = l.annotator_id
    WHERE l.article_id IN ({ids}) ORDER BY n.name"""
_STATUS = {str(s): s for s in Status}


def open_reader(path: str) -> Database:
    """A connection of this process's own that only reads the corpus file (an export worker's)."""
    conn = sqlite3.connect(path, timeout=30)
    conn.execute("PRAGMA query_only = ON")
    return Database(conn)


def select_ids(db: Database, statuses: Collection[str] = (), user: str = "") -> list[int]:
    """Ids of the articles ``user`` has in one of ``statuses`` (every article when empty), in id order."""
    sql = "SELECT id FROM articles"
    params: list[Any] = []
    if statuses:
        clause, params = status_clause("id", statuses, user)
        sql += f" WHERE {clause}"
    return sorted(row[0] for row in db.execute(sql, params))  # a covering index, then sorted here


def read_for_export(
    db: Database,
    ids: Iterable[int],
    *,
    labels: Collection[str] = (),
    annotators: Collection[str] = (),
    make_span: Callable[..., Any] = tuple,
    timestamps: bool = True,
    batch: int = BATCH_ARTICLES,
    user: str = "",
) -> Iterator[tuple[Article, tuple[Any, ...]]]:
    """Each article of ``ids`` (ascending) with its spans, kept by tag and annotator name when
    ``labels`` / ``annotators`` are given. ``make_span(*row)`` builds each span (a NamedTuple class, say).
    Without ``timestamps`` the spans' created and updated are None (a fifth less to read for formats
    that do not write them). An article's ``status`` is ``user``'s; ``statuses`` holds every analyst's."""
    where, filters = _filters(labels, annotators)
    sql = _SPANS.format(ids="{ids}", where=where, times="a.created, a.updated" if timestamps else "NULL, NULL")
    conn = db.conn
    for chunk in _chunks(ids, batch):
        yield from _batch(conn, chunk, sql, filters, make_span, user)


def _chunks(ids: Iterable[int], size: int) -> Iterator[list[int]]:
    """``ids`` in lists of ``size`` (the last one shorter), taken as they come."""
    pending: list[int] = []
    for article_id in ids:
        pending.append(article_id)
        if len(pending) >= size:
            yield pending
            pending = []
    if pending:
        yield pending


def _filters(labels: Collection[str], annotators: Collection[str]) -> tuple[str, list[Any]]:
    """The spans' WHERE clause for the tags and analysts kept (empty: every one) and its parameters."""
    where = ""
    filters: list[Any] = []
    if labels:
        where += f" AND l.tag IN ({', '.join('?' * len(labels))})"
        filters.extend(sorted(labels))
    if annotators:
        where += f" AND n.name IN ({', '.join('?' * len(annotators))})"
        filters.extend(sorted(annotators))
    return where, filters


def _made(make_span: Callable[..., Any], rows: list[tuple]) -> Iterator[Any]:
    """``make_span(*row)`` for each row; a NamedTuple class's instances are made from the rows in C
    (its own ``__new__`` is Python, a noticeable share of an export of a million spans)."""
    fields = getattr(make_span, "_fields", ())
    if isinstance(make_span, type) and issubclass(make_span, tuple) and len(fields) == _ROW_FIELDS:
        return map(partial(tuple.__new__, make_span), rows)
    return starmap(make_span, rows)


def _read_batch(
    conn: Any,
    ids: Sequence[int],
    spans_sql: str,
    articles_sql: str,
    filters: list[Any],
    grouped: Callable[[list[tuple]], dict[int, tuple]],
    status_of: dict[str, Any],
) -> tuple[dict[int, tuple], dict[int, dict[str, Any]], list[tuple], int]:
    """One batch of articles (``ids``, ascending) read in one snapshot, so that articles, spans and
    statuses agree: the spans by article (``grouped`` of the span rows), every analyst's status by
    article and name (``status_of`` each stored status), the article rows in id order, and their
    characters. A batch stops early once it holds BATCH_CHARS of text, so memory stays a small
    multiple of the largest article; the caller reads the ids after the last row in another batch."""
    marks = ", ".join("?" * len(ids))
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")  # one snapshot for the batch
    try:
        with collection_paused():
            spans = grouped(conn.execute(spans_sql.format(ids=marks), [*ids, *filters]).fetchall())
            statuses: dict[int, dict[str, Any]] = {}
            for article_id, name, status in conn.execute(_LAYERS.format(ids=marks), ids):  # in name order
                statuses.setdefault(article_id, {})[name] = status_of[status]
            articles: list[tuple] = []
            chars = 0
            for row in conn.execute(articles_sql.format(ids=marks), ids):  # in id order (SQLite sorts the IN list)
                articles.append(row)
                chars += len(row[2])
                if chars >= BATCH_CHARS:
                    break
    finally:
        if own:
            conn.execute("COMMIT")  # a read: releases the snapshot, nothing to write
    return spans, statuses, articles, chars


def _batch(conn: Any, ids: Sequence[int], sql: str, filters: list[Any], make_span: Callable[..., Any], user: str):
    ids = sorted(ids)

    def grouped(rows: list[tuple]) -> dict[int, tuple]:
        return {key: tuple(group) for key, group in groupby(_made(make_span, rows), key=itemgetter(11))}

    spans, statuses, articles, chars = _read_batch(conn, ids, sql, _ARTICLES, filters, grouped, _STATUS)
    last = articles[-1][0] if articles else None
    for row in articles:
        layers = statuses.get(row[0]) or {}
        article = Article(*row[:6], read_meta(row[6]), row[7], layers.get(user, Status.NEW), row[8], row[9], layers)
        yield article, spans.pop(row[0], ())
    del articles
    if chars >= BATCH_CHARS and last is not None:
        rest = [i for i in ids if i > last]
        if rest:
            yield from _batch(conn, rest, sql, filters, make_span, user)


# For a writer that turns rows straight into records (the JSON Lines export): only the columns it
# writes, no timestamps, no content hash, no objects built per article or per span.
_ROW_SPANS = (
    """SELECT a.start, a."end", l.tag, a.text, n.name, nullif(a.note, ''), r.name, a.reviewed_at, a.article_id
    FROM """
    + ANNOTATION_JOIN
    + """ CROSS JOIN labels l ON l.id = a.label_id
    WHERE a.article_id IN ({ids}){where} ORDER BY a.article_id, a.start, a."end", a.id"""
)
_ROW_ARTICLES = "SELECT id, title, {text}, source, url, published, meta FROM articles WHERE id IN ({{ids}})"
_QUOTED_TEXT = "CAST(json_quote(text) AS BLOB)"
_STATUS_TEXT = {str(s): str(s) for s in Status}


def read_rows_for_export(
    db: Database,
    ids: Iterable[int],
    *,
    labels: Collection[str] = (),
    annotators: Collection[str] = (),
    batch: int = BATCH_ARTICLES,
    user: str = "",
    quoted_text: bool = False,
) -> Iterator[list[tuple[tuple, str, dict[str, str], tuple[tuple, ...]]]]:
    """What ``read_for_export`` reads, as plain rows, a batch (one snapshot) at a time: a list of
    ``(article, status, statuses, spans)`` per batch, where ``article`` is (id, title, text, source,
    url, published, meta as stored), ``status`` ``user``'s status text, ``statuses`` every analyst's
    by name (in name order) and ``spans`` rows of (start, end, tag, text, annotator, note or None,
    reviewed_by, reviewed_at, article_id) sorted by (start, end, id). For a writer that makes its
    records straight from rows: nothing is built per article or span that it would take apart again.
    With ``quoted_text`` the article's text comes as SQLite's ``json_quote`` of it, UTF-8 bytes (see
    ``json_quote``), never decoded into a Python string."""
    where, filters = _filters(labels, annotators)
    sql = _ROW_SPANS.format(ids="{ids}", where=where)
    articles_sql = _ROW_ARTICLES.format(text=_QUOTED_TEXT if quoted_text else "text")
    conn = db.conn
    for chunk in _chunks(ids, batch):
        yield from _row_batches(conn, chunk, sql, articles_sql, filters, user)


def json_quote(db: Database, text: str) -> bytes:
    """SQLite's ``json_quote`` of ``text`` as UTF-8 bytes (the JSON string literal that
    ``read_rows_for_export(..., quoted_text=True)`` reads for each article's text)."""
    return db.conn.execute(f"SELECT {_QUOTED_TEXT.replace('text', '?')}", (text,)).fetchone()[0]


def _row_batches(conn: Any, ids: Sequence[int], sql: str, articles_sql: str, filters: list[Any], user: str):
    ids = sorted(ids)

    def grouped(rows: list[tuple]) -> dict[int, tuple]:
        return {key: tuple(group) for key, group in groupby(rows, key=itemgetter(8))}

    spans, statuses, articles, chars = _read_batch(conn, ids, sql, articles_sql, filters, grouped, _STATUS_TEXT)
    new, no_layers, no_spans = str(Status.NEW), {}, ()
    pop, get = spans.pop, statuses.get
    out = []
    for row in articles:
        layers = get(row[0], no_layers)
        out.append((row, layers.get(user, new), layers, pop(row[0], no_spans)))
    yield out
    if chars >= BATCH_CHARS and articles:
        last = articles[-1][0]
        rest = [i for i in ids if i > last]
        del articles, out
        if rest:
            yield from _row_batches(conn, rest, sql, articles_sql, filters, user)
