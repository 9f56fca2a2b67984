"""Articles: imported once, text immutable. Each analyst's status of an article (new -> in progress ->
done) lives in their layer (store/layers.py); this repository speaks of the current analyst's."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from sqlite_utils import Database

from annotator.core.model import Article, ArticleSummary, Status
from annotator.core.text import content_hash, normalise_text
from annotator.store._util import like_contains, now
from annotator.store.errors import CorpusError, DuplicateArticleError, NotFoundError
from annotator.store.layers import LayerRepository, status_clause

_MY_STATUS = """coalesce((SELECT status FROM layers WHERE article_id = articles.id
    AND annotator_id = (SELECT id FROM annotators WHERE name = ?)), 'new')"""
_SUMMARY = f"""SELECT id, title, {_MY_STATUS},
    (SELECT count(*) FROM annotations WHERE article_id = articles.id) AS n
    FROM articles"""


def _row_to_article(row: tuple, statuses: dict[str, Status] | None = None) -> Article:
    return Article(
        id=row[0],
        title=row[1],
        text=row[2],
        source=row[3],
        url=row[4],
        published=row[5],
        meta=read_meta(row[6]),
        content_hash=row[7],
        status=Status(row[8]),
        created=row[9],
        updated=row[10],
        statuses=statuses or {},
    )

def read_meta(stored: str | None) -> dict[str, Any]:
    """An article's metadata from its column (most articles have none: no JSON to parse)."""
    return {} if not stored or stored == "{}" else json.loads(stored)


_COLUMNS = "id, title, text, source, url, published, meta, content_hash, created, updated"
_READ = f"""SELECT id, title, text, source, url, published, meta, content_hash, {_MY_STATUS}, created, updated
    FROM articles"""


def _filter_sql(filter_text: str | None, status: Status | None, user: str) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if filter_text and filter_text.split("\x00", 1)[0]:
        clauses.append("title LIKE ? ESCAPE '\\'")
        params.append(like_contains(filter_text))
    if status is not None:
        clause, more = status_clause("id", [status], user)
        clauses.append(clause)
        params.extend(more)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class ArticleRepository:
    def __init__(self, db: Database, layers: LayerRepository, user) -> None:
        self.db = db
        self._layers = layers
        self._user = user  # () -> the current analyst's name

    # --- reading -----------------------------------------------------------------
    def get(self, article_id: int) -> Article:
        row = self.db.execute(f"{_READ} WHERE id = ?", [self._user(), article_id]).fetchone()
        if row is None:
            raise NotFoundError(f"No article with id {article_id}.")
        return _row_to_article(row, self._layers.statuses(article_id))

    def exists(self, article_id: int) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def id_for_hash(self, digest: str) -> int | None:
        row = self.db.execute("SELECT id FROM articles WHERE content_hash = ?", [digest]).fetchone()
        return row[0] if row else None

    def count(self, filter_text: str | None = None, status: Status | None = None) -> int:
        where, params = _filter_sql(filter_text, status, self._user())
        return self.db.execute(f"SELECT count(*) FROM articles{where}", params).fetchone()[0]

    def count_unannotated(self, statuses: Sequence[Status | str] = ()) -> int:
        """Articles with these statuses (the current analyst's; all, when none given) that carry no annotation."""
        where, params = "", []
        if statuses:
            clause, params = status_clause("id", statuses, self._user())
            where = f" AND {clause}"
        sql = (
            "SELECT count(*) FROM articles "
            f"WHERE NOT EXISTS (SELECT 1 FROM annotations WHERE article_id = articles.id){where}"
        )
        return self.db.execute(sql, params).fetchone()[0]

    def ids(self, filter_text: str | None = None, status: Status | None = None) -> list[int]:
        """Article ids in list order (by id), for models that load rows lazily."""
        where, params = _filter_sql(filter_text, status, self._user())
        # Sorted here rather than by ORDER BY id, which would make SQLite walk the table itself
        # (every row's text) instead of a small covering index: a third of the time at 100,000 articles.
        return sorted(r[0] for r in self.db.execute(f"SELECT id FROM articles{where}", params))

    def id_sequence(self, filter_text: str | None = None, status: Status | None = None) -> Sequence[int]:
        """``ids()`` for a list that only indexes into them: when nothing filters and the ids run
        1..n without a gap (no article was ever deleted, the usual case), a range, known from a count
        and two index lookups instead of reading a million ids. (Each in a query of its own: SQLite
        answers min() and max() from the index only when a query asks for nothing else.)"""
        if not filter_text and status is None:
            count = self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
            low = self.db.execute("SELECT min(id) FROM articles").fetchone()[0]
            top = self.db.execute("SELECT max(id) FROM articles").fetchone()[0]
            if count == 0:
                return range(1, 1)
            if low == 1 and top == count:  # distinct ids from 1 to count: every one of them
                return range(1, count + 1)
        return self.ids(filter_text, status)

    def summaries(self, ids: Sequence[int]) -> dict[int, ArticleSummary]:
        out: dict[int, ArticleSummary] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(f"{_SUMMARY} WHERE id IN ({marks})", [self._user(), *chunk]):
                out[row[0]] = ArticleSummary(row[0], row[1], Status(row[2]), row[3])
        return out

    def summary(self, article_id: int) -> ArticleSummary:
        found = self.summaries([article_id])
        if article_id not in found:
            raise NotFoundError(f"No article with id {article_id}.")
        return found[article_id]

    def signature(self, article_id: int) -> tuple:
        """What changes when anyone edits this article's annotations or status (one indexed query)."""
        return tuple(
            self.db.execute(
                """SELECT count(*), max(updated), total(id), total(label_id), total(start), total("end"),
                   (SELECT group_concat(annotator_id || status || changed) FROM layers WHERE article_id = ?)
                   FROM annotations WHERE article_id = ?""",
                [article_id, article_id],
            ).fetchone()
        )

    def iter_all(self) -> Iterator[Article]:
        for row in self.db.execute(f"{_READ} ORDER BY id", [self._user()]):
            yield _row_to_article(row, self._layers.statuses(row[0]))

    # --- writing -----------------------------------------------------------------
    def add(
        self,
        title: str,
        text: str,
        *,
        source: str | None = None,
        url: str | None = None,
        published: str | None = None,
        meta: dict[str, Any] | None = None,
        digest: str | None = None,
    ) -> Article:
        """Store a new article, committed. Raises DuplicateArticleError for text already here.

        ``digest`` is ``core.text.content_hash(text)`` when the caller has it already (an import
        hashes its files in worker processes); None: computed here."""
        text = normalise_text(text)
        if not text or text.isspace():  # (white space only; strip() would copy the text to tell)
            raise CorpusError("The article has no text.")
        if "\x00" in text:
            # SQLite's length() stops at a NUL, so offsets after one could never be checked.
            raise CorpusError("The article text contains NUL characters.")
        if digest is None:
            digest = content_hash(text)
        stamp = now()
        meta = meta or {}
        row = [
            title.strip() or text.strip().split("\n", 1)[0][:200],
            text,
            source,
            url,
            published,
            json.dumps(meta, ensure_ascii=False) if meta else "{}",
            digest,
            stamp,
            stamp,
        ]
        try:
            # The content_hash column is UNIQUE: the INSERT itself finds a duplicate (and, failing,
            # changes nothing), without a look-up of its own before every new article.
            cursor = self.db.write_one(
                f"INSERT INTO articles ({_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row
            )
        except sqlite3.IntegrityError:
            existing = self.id_for_hash(digest)
            if existing is None:
                raise
            raise DuplicateArticleError(f"Same text as article {existing}.", existing) from None
        # what was written, without reading the text back; a new article is new for everyone
        return Article(
            cursor.lastrowid, row[0], text, source, url, published, dict(meta), digest, Status.NEW, stamp, stamp
        )

    def set_status(self, article_id: int, status: Status) -> None:
        """The current analyst's status of the article (see LayerRepository.set_status). Committed."""
        self._layers.set_status(article_id, status)

    def delete(self, article_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def neighbour(self, article_id: int, step: int, filter_text: str | None = None) -> int | None:
        """The next (step=1) or previous (step=-1) article id in list order."""
        where, params = _filter_sql(filter_text, None, self._user())
        cmp, order = (">", "ASC") if step > 0 else ("<", "DESC")
        where = (where + " AND " if where else " WHERE ") + f"id {cmp} ?"
        row = self.db.execute(
            f"SELECT id FROM articles{where} ORDER BY id {order} LIMIT 1", [*params, article_id]
        ).fetchone()
        return row[0] if row else None
