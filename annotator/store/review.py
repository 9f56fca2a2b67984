"""Review queries over every annotation of the corpus: filter, sort, count, page, and bulk edits.

A review table never loads all rows: it asks for the count and for one page at a time.
Pages are read in two steps: the ids of the page (a query on the annotations table and
its indexes only), then the details of those ids, with keyword-in-context cut in Python
from each article's text (a code-point slice, cheap even in a very long article).
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from sqlite_utils import Database

from annotator.core.model import Annotation
from annotator.store import review_counts
from annotator.store._util import like_contains, now
from annotator.store.annotations import ANNOTATION_JOIN, ANNOTATION_SELECT, AnnotationRepository
from annotator.store.errors import CorpusError

CONTEXT = 40  # code points of context either side of a span


class ReviewQueryError(CorpusError):
    """A filter that cannot run, such as an invalid regular expression."""


class ReviewCancelled(CorpusError):
    """A query stopped by ``ReviewRepository.interrupt``."""


@dataclass(frozen=True)
class ReviewFilter:
    """Which annotations a review shows. Empty fields do not filter."""

    label_ids: tuple[int, ...] = ()
    annotators: tuple[str, ...] = ()
    # the status of each annotation's layer (its annotator's): "new", "in_progress", "done"
    statuses: tuple[str, ...] = ()
    text: str = ""  # the covered text contains this (case-insensitive), or matches it as a regex
    regex: bool = False
    changed_from: date | None = None  # last change on or after this day (UTC)
    changed_to: date | None = None  # last change on or before this day (UTC)
    reviewed: bool | None = None  # True: reviewed only; False: not reviewed only
    article_ids: tuple[int, ...] = ()

    def is_empty(self) -> bool:
        return self == ReviewFilter()


class ReviewRow(NamedTuple):
    id: int
    article_id: int
    title: str
    label_id: int
    text: str
    left: str
    right: str
    annotator: str
    updated: str
    reviewed_by: str | None
    reviewed_at: str | None
    note: str | None
    start: int
    end: int
    key: tuple = ()  # the sort key of the page query that read this row


# Sort keys: the ORDER BY of each, always ending in a unique column so that pages never overlap.
# Each walks an index (see migrations m001/m002) rather than sorting the whole table.
SORTS: dict[str, tuple[str, ...]] = {
    "id": ("a.id",),
    "article": ("a.article_id", "a.start", 'a."end"', "a.id"),  # each article's spans in text order
    "text": ("a.text", "a.id"),
    "label": ("l.name", "a.annotator_id", "a.article_id", "a.id"),
    "title": ("ar.title", "ar.id", "a.start", 'a."end"', "a.id"),
    "annotator": ("n.name", "a.article_id", "a.id"),
    "updated": ("a.updated", "a.id"),
    "reviewed": ("a.reviewed_at", "a.id"),
}
_SORT_FROM = {
    "label": "annotations a JOIN labels l ON l.id = a.label_id",
    # Articles first, by title, then each article's annotations in text order: both from indexes.
    "title": "articles ar CROSS JOIN annotations a ON a.article_id = ar.id",
    "annotator": "annotations a JOIN annotators n ON n.id = a.annotator_id",
}
# Below this many matches, the filters' indexes find them and SQLite sorts them; above it,
# reading in sort order and filtering on the way fills a page sooner.
FEW_MATCHES = 20_000
# Text filters match the distinct covered texts in Python when there are at most this many.
DISTINCT_LIMIT = 200_000
WALK_BUDGET = 0.15  # seconds a page query may walk the sort order before using the filters' indexes


@dataclass
class _Compiled:
    where: str
    params: list[Any]


def _compile_regex(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ReviewQueryError(f"Invalid regular expression: {exc.msg} (at position {exc.pos}).") from exc


class ReviewRepository:
    def __init__(self, db: Database, annotations: AnnotationRepository) -> None:
        self.db = db
        self._annotations = annotations
        self._texts: OrderedDict[int, str] = OrderedDict()
        self._texts_written: tuple | None = None
        self._patterns: dict[str, re.Pattern[str]] = {}
        self._distinct: list[str] | None = None
        self._distinct_stamp: tuple | None = None
        self._writes: tuple | None = None
        self.register_functions()

    def register_functions(self) -> None:
        """The SQL functions the queries use, on the current connection (again after a reconnect)."""
        self.db.conn.create_function("regexp", 2, self._regexp, deterministic=True)

    @classmethod
    def open_reader(cls, path: str | Path) -> ReviewRepository:
        """A read-only repository on its own connection, for counting in another thread.

        Use it from one thread at a time (it may be another thread than the one that opened it);
        ``interrupt`` may be called from any thread.
        """
        conn = sqlite3.connect(
            f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=10, check_same_thread=False
        )
        db = Database(conn, execute_plugins=False)
        return cls(db, AnnotationRepository(db))

    def interrupt(self) -> None:
        """Stop the query running on this connection (it raises ``ReviewCancelled``)."""
        self.db.conn.interrupt()

    def close(self) -> None:
        self.db.conn.close()

    def _matching_texts(self, needle: str, pattern: re.Pattern[str] | None) -> list[str] | None:
        """The distinct covered texts that contain ``needle`` (any case) or match ``pattern``.

        Far fewer than the annotations (a name is labelled many times), they are matched in
        Python and the annotations then found through the text index. None when there are too
        many distinct texts for that to pay; the filter then runs in SQL.
        """
        conn = self.db.conn
        writes = (conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0])
        if writes != self._writes:  # something was written since: did the annotations' texts change?
            self._writes = writes
            stamp = tuple(
                conn.execute(sql).fetchone()[0]
                for sql in ("SELECT count(*) FROM annotations", "SELECT max(updated) FROM annotations",
                            "SELECT max(id) FROM annotations")
            )
        else:
            stamp = self._distinct_stamp
        if stamp != self._distinct_stamp:  # a text was added, removed or changed
            self._distinct_stamp = stamp
            self._distinct = None
            texts: list[str] = []
            cursor = self.db.execute("SELECT DISTINCT text FROM annotations")
            while len(texts) <= DISTINCT_LIMIT:
                batch = cursor.fetchmany(5000)
                if not batch:
                    self._distinct = texts
                    break
                texts.extend(r[0] for r in batch)
            cursor.close()
        if self._distinct is None:
            return None
        if pattern is not None:
            return [t for t in self._distinct if pattern.search(t)]
        folded = needle.casefold()
        return [t for t in self._distinct if folded in t.casefold()]

    def _regexp(self, pattern: str, value: str | None) -> bool:
        compiled = self._patterns.get(pattern)
        if compiled is None:
            if len(self._patterns) > 16:
                self._patterns.clear()
            compiled = self._patterns[pattern] = _compile_regex(pattern)
        return value is not None and compiled.search(value) is not None

    # --- filtering ---------------------------------------------------------------------
    def _text_matches(self, f: ReviewFilter) -> list[str] | None:
        """For a text filter, the distinct covered texts it keeps (None: filter in SQL)."""
        if not f.text:
            return None
        return self._matching_texts(f.text, _compile_regex(f.text) if f.regex else None)

    def _compile(self, f: ReviewFilter, walk_sort: bool = False, keep_date_index: bool = False,
                 matching: list[str] | None = None) -> _Compiled:
        # walk_sort: a unary + keeps SQLite from using an index for a filter, so that it walks
        # the sort order instead and stops after one page (right when many rows match).
        p = "+" if walk_sort else ""
        d = "" if keep_date_index else p
        clauses: list[str] = []
        params: list[Any] = []
        if f.article_ids:
            clauses.append(f"{p}a.article_id IN ({','.join('?' * len(f.article_ids))})")
            params.extend(f.article_ids)
        if f.label_ids:
            clauses.append(f"{p}a.label_id IN ({','.join('?' * len(f.label_ids))})")
            params.extend(f.label_ids)
        if f.annotators:
            clauses.append(
                f"{p}a.annotator_id IN (SELECT id FROM annotators WHERE name IN ({','.join('?' * len(f.annotators))}))"
            )
            params.extend(f.annotators)
        if f.statuses and walk_sort:  # read in sort order: each row's layer looked up by its key
            wanted = sorted(set(f.statuses))
            clauses.append(
                "coalesce((SELECT l.status FROM layers l WHERE l.article_id = a.article_id"
                f" AND l.annotator_id = a.annotator_id), 'new') IN ({','.join('?' * len(wanted))})"
            )
            params.extend(wanted)
        elif f.statuses:  # the status of the layer an annotation belongs to: its annotator's status of the article
            wanted = sorted(set(f.statuses))
            if "new" in wanted:
                others = sorted({"new", "in_progress", "done"} - set(wanted))
                if others:
                    clauses.append(
                        f"({p}a.article_id, a.annotator_id) NOT IN (SELECT article_id, annotator_id FROM layers"
                        f" WHERE status IN ({','.join('?' * len(others))}))"
                    )
                    params.extend(others)
            else:
                clauses.append(
                    f"({p}a.article_id, a.annotator_id) IN (SELECT article_id, annotator_id FROM layers"
                    f" WHERE status IN ({','.join('?' * len(wanted))}))"
                )
                params.extend(wanted)
        if f.text:
            pattern = _compile_regex(f.text) if f.regex else None  # a clear message before any row is read
            if matching is not None:  # the covered texts that match, looked up in the text index
                clauses.append(f"{p}a.text IN (SELECT value FROM json_each(?))")
                params.append(json.dumps(matching, ensure_ascii=False))
            elif pattern is not None:
                clauses.append("a.text REGEXP ?")
                params.append(f.text)
            else:
                clauses.append(f"{p}a.text LIKE ? ESCAPE '\\'")
                params.append(like_contains(f.text))
        since, before = _bounds(f)
        if since is not None:
            clauses.append(f"{d}a.updated >= ?")
            params.append(since)
        if before is not None:
            clauses.append(f"{d}a.updated < ?")
            params.append(before)
        if f.reviewed is True:
            clauses.append(f"{p}a.reviewed_at IS NOT NULL")
        elif f.reviewed is False:
            clauses.append(f"{p}a.reviewed_at IS NULL")
        return _Compiled(" WHERE " + " AND ".join(clauses) if clauses else "", params)

    def _run(self, sql: str, params: Sequence[Any]) -> list[tuple]:
        try:
            return self.db.execute(sql, list(params)).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise ReviewCancelled("The query was stopped.") from exc
            if "user-defined function raised" in str(exc):
                raise ReviewQueryError("Invalid regular expression.") from exc
            raise

    def kept_count(self, f: ReviewFilter = ReviewFilter()) -> int | None:
        """The count of a filter on label, annotator, status, review and time of change only, from the
        counts the store keeps (at once, whatever the corpus's size); None for a filter on text or
        articles. A time bound within an hour (a time zone half an hour off UTC) has the stamps of that
        hour counted one by one, through the index on the time of change."""
        if f.text or f.article_ids:
            return None
        since, before = _bounds(f)
        clause, params, ranges = review_counts.hours(since, before)
        total = review_counts.count(self.db, f.label_ids, f.annotators, f.statuses, f.reviewed, clause, params)
        if ranges:
            c = self._compile(replace(f, changed_from=None, changed_to=None))
            where = f"{c.where} AND" if c.where else " WHERE"
            for start, end in ranges:
                total += self._run(
                    f"SELECT count(*) FROM annotations a INDEXED BY idx_annotations_updated{where}"
                    " a.updated >= ? AND a.updated < ?", [*c.params, start, end],
                )[0][0]
        return total

    def count(self, f: ReviewFilter = ReviewFilter()) -> int:
        kept = self.kept_count(f)
        if kept is not None:
            return kept
        matching = self._text_matches(f)
        if matching == []:
            return 0
        c = self._compile(f, matching=matching)
        return self._run(f"SELECT count(*) FROM annotations a{c.where}", c.params)[0][0]

    def page_ids(
        self, f: ReviewFilter = ReviewFilter(), sort: str = "id", descending: bool = False,
        offset: int = 0, limit: int = 200, total: int | None = None, after: tuple | None = None,
    ) -> list[tuple[int, tuple]]:
        """(id, sort key) of one page of matching annotations, in the order asked for.

        ``total``, the count of matches when known, picks the faster plan and lets a page
        near the end be read backwards from the end. ``after``, the sort key of the row just
        before this page, reads on from there instead of skipping ``offset`` rows.
        """
        if sort not in SORTS:
            raise ReviewQueryError(f"Cannot sort by {sort!r}; one of: {', '.join(SORTS)}.")
        if after is None and total is not None and total // 2 < offset < total:
            # Near the end: the same rows, counted from the other end of the order.
            back_offset = max(0, total - offset - limit)
            back_limit = min(limit, total - offset)
            return self._page_ids(f, sort, not descending, back_offset, back_limit, total, None)[::-1]
        return self._page_ids(f, sort, descending, offset, limit, total, after)

    def _page_ids(self, f: ReviewFilter, sort: str, descending: bool, offset: int, limit: int,
                  total: int | None, after: tuple | None) -> list[tuple[int, tuple]]:
        if total == 0:
            return []
        matching = self._text_matches(f)
        if matching == []:
            return []
        if total is not None:
            return self._select_page(f, sort, descending, offset, limit, total >= FEW_MATCHES, after, matching)
        # Not counted yet: read in sort order and filter on the way, which fills a page at once
        # when matches are common. When they turn out to be rare, that walk is stopped after a
        # moment and the filters' indexes find the matches instead.
        deadline = time.perf_counter() + WALK_BUDGET
        self.db.conn.set_progress_handler(lambda: time.perf_counter() > deadline, 5000)
        try:
            return self._select_page(f, sort, descending, offset, limit, True, after, matching)
        except ReviewCancelled:
            pass
        finally:
            self.db.conn.set_progress_handler(None, 0)
        return self._select_page(f, sort, descending, offset, limit, False, after, matching)

    def _select_page(self, f: ReviewFilter, sort: str, descending: bool, offset: int, limit: int,
                     walk_sort: bool, after: tuple | None, matching: list[str] | None) -> list[tuple[int, tuple]]:
        c = self._compile(f, walk_sort, keep_date_index=sort == "updated", matching=matching)
        keys = SORTS[sort]
        direction = " DESC" if descending else ""
        # A unary + on the sort keys keeps SQLite from walking the sort index (few matches).
        plus = "" if walk_sort else "+"
        order = ", ".join(plus + col + direction for col in keys)
        where, params = c.where, list(c.params)
        # Read on from the row before the page (walking the sort index); NULLs do not compare.
        if after is not None and walk_sort and sort != "reviewed":
            where += (" AND " if where else " WHERE ") + (
                f"({', '.join(keys)}) {'<' if descending else '>'} ({', '.join('?' * len(keys))})"
            )
            params.extend(after)
            offset = 0
        source = _SORT_FROM.get(sort, "annotations a")
        if sort == "title" and not walk_sort:  # few matches: find them first, then join their articles
            source = "annotations a JOIN articles ar ON ar.id = a.article_id"
        sql = f"SELECT a.id, {', '.join(keys)} FROM {source}{where} ORDER BY {order} LIMIT ? OFFSET ?"
        return [(r[0], tuple(r[1:])) for r in self._run(sql, [*params, limit, offset])]

    def page(
        self, f: ReviewFilter = ReviewFilter(), sort: str = "id", descending: bool = False,
        offset: int = 0, limit: int = 200, total: int | None = None, after: tuple | None = None,
    ) -> list[ReviewRow]:
        """One page of review rows; each row's ``key`` can be passed as ``after`` for the next page."""
        found = self.page_ids(f, sort, descending, offset, limit, total, after)
        return self.rows([i for i, _ in found], [k for _, k in found])

    def rows(self, ids: Sequence[int], keys: Sequence[tuple] = ()) -> list[ReviewRow]:
        """Review rows of these annotations, in the order given (ids no longer stored are left out)."""
        if not ids:
            return []
        found: dict[int, tuple] = {}
        for chunk in _chunks(list(ids)):
            for r in self.db.execute(
                f"""SELECT a.id, a.article_id, ar.title, a.label_id, a.text, n.name, a.updated,
                       r.name, a.reviewed_at, a.note, a.start, a."end"
                    FROM {ANNOTATION_JOIN} CROSS JOIN articles ar ON ar.id = a.article_id
                    WHERE a.id IN ({','.join('?' * len(chunk))})""",
                # CROSS JOIN above: by id first, whatever the statistics say
                chunk,
            ):
                found[r[0]] = r
        self._load_texts({r[1] for r in found.values()})
        out = []
        keys = keys or [()] * len(ids)
        for ident, key in zip(ids, keys, strict=True):
            r = found.get(ident)
            if r is None:
                continue
            text = self._texts[r[1]]
            start, end = r[10], r[11]
            out.append(
                ReviewRow(r[0], r[1], r[2], r[3], r[4], text[max(0, start - CONTEXT) : start],
                          text[end : end + CONTEXT], r[5], r[6], r[7], r[8], r[9], start, end, key)
            )
        return out

    def _load_texts(self, article_ids: set[int]) -> None:
        # An article's text never changes, but its id can come back with another text (the
        # article deleted and another imported, or a backup restored by another program):
        # the cache is kept only while nothing was written to the file.
        conn = self.db.conn
        written = (conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0])
        if written != self._texts_written:
            self._texts_written = written
            self._texts.clear()
        missing = [i for i in article_ids if i not in self._texts]
        for i in article_ids & self._texts.keys():
            self._texts.move_to_end(i)
        for chunk in _chunks(missing):
            for ident, text in self.db.execute(
                f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ):
                self._texts[ident] = text  # article text never changes after import
        while len(self._texts) > max(256, len(article_ids)):
            self._texts.popitem(last=False)

    def annotators(self) -> list[str]:
        """Everyone who labelled something (for the annotator filter)."""
        return [r[0] for r in self.db.execute(
            # EXISTS seeks idx_annotations_annotator once per annotator; DISTINCT would read all of it.
            "SELECT name FROM annotators n WHERE EXISTS (SELECT 1 FROM annotations WHERE annotator_id = n.id)"
            " ORDER BY name"
        )]

    # --- bulk edits: each returns the annotations as they were, for undo ---------------------
    def annotations(self, ids: Iterable[int]) -> list[Annotation]:
        """Stored annotations with these ids, in id order."""
        out: list[Annotation] = []
        for chunk in _chunks(sorted(set(ids))):
            out.extend(Annotation._make(r) for r in self.db.execute(
                f"{ANNOTATION_SELECT} WHERE a.id IN ({','.join('?' * len(chunk))}) ORDER BY a.id", chunk
            ))
        return out

    def relabel(self, ids: Iterable[int], label_id: int) -> tuple[list[Annotation], list[Annotation]]:
        """Give these annotations ``label_id``; returns (before, after) of those that changed. Committed."""
        before = [a for a in self.annotations(ids) if a.label_id != label_id]
        stamp = now()
        try:
            with self.db.atomic():
                self.db.conn.executemany(
                    "UPDATE annotations SET label_id = ?, updated = ? WHERE id = ?",
                    [(label_id, stamp, a.id) for a in before],
                )
        except sqlite3.IntegrityError as exc:
            raise CorpusError(f"No label with id {label_id}.") from exc
        return before, [a._replace(label_id=label_id, updated=stamp) for a in before]

    def mark_reviewed(self, ids: Iterable[int], reviewer: str) -> tuple[list[Annotation], list[Annotation]]:
        """Record ``reviewer`` and now as the review of these annotations; returns (before, after). Committed."""
        before = self.annotations(ids)
        stamp = now()
        with self.db.atomic():
            reviewer_id = self._annotations.annotator_id(reviewer)
            self.db.conn.executemany(
                "UPDATE annotations SET reviewed_by = ?, reviewed_at = ? WHERE id = ?",
                [(reviewer_id, stamp, a.id) for a in before],
            )
        return before, [a._replace(reviewed_by=reviewer, reviewed_at=stamp) for a in before]

    def unmark_reviewed(self, ids: Iterable[int]) -> tuple[list[Annotation], list[Annotation]]:
        before = [a for a in self.annotations(ids) if a.reviewed_at is not None]
        with self.db.atomic():
            self.db.conn.executemany(
                "UPDATE annotations SET reviewed_by = NULL, reviewed_at = NULL WHERE id = ?",
                [(a.id,) for a in before],
            )
        return before, [a._replace(reviewed_by=None, reviewed_at=None) for a in before]

    def restore(self, annotations: Sequence[Annotation]) -> None:
        """Put back the label, last change and review of these annotations as given (undo). Committed."""
        with self.db.atomic():
            reviewers = {
                name: self._annotations.annotator_id(name) for name in {a.reviewed_by for a in annotations} if name
            }
            self.db.conn.executemany(
                "UPDATE annotations SET label_id = ?, updated = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?",
                [
                    (a.label_id, a.updated, reviewers.get(a.reviewed_by) if a.reviewed_by else None,
                     a.reviewed_at if a.reviewed_by else None, a.id)
                    for a in annotations
                ],
            )


def _bound(moment: date) -> str:
    """A day, or a moment (a datetime, in UTC where it has a time zone), as the start of the stored stamps
    it bounds: 2026-01-05, 2026-01-05T16 for a whole hour, 2026-01-05T16:30 for a whole minute. The
    stamps read 2026-01-05T16:30:00.000+00:00: a stamp is on or after the moment exactly when it
    compares so with this text, whatever else a stamp written by another program ends with."""
    if not isinstance(moment, datetime):
        return moment.isoformat()
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    if moment.second or moment.microsecond:
        return moment.replace(tzinfo=None).isoformat(timespec="milliseconds")
    return moment.strftime("%Y-%m-%dT%H" if not moment.minute else "%Y-%m-%dT%H:%M")


def _bounds(f: ReviewFilter) -> tuple[str | None, str | None]:
    """The stamps a filter keeps: on or after the first text, before the second (None: no bound)."""
    since = _bound(f.changed_from) if f.changed_from is not None else None
    before = _bound(f.changed_to + timedelta(days=1)) if f.changed_to is not None else None
    return since, before


def _chunks(items: list, size: int = 500) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
