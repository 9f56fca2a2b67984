"""Annotations: labelled spans, each checked against its article's text by the database."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Sequence

from sqlite_utils import Database

from annotator.core.model import Annotation
from annotator.store._util import now
from annotator.store.errors import InvalidAnnotationError, NotFoundError

# Annotations with the names of their annotator (n) and reviewer (r): the one place this join is
# written. CROSS JOIN keeps annotations the outer table, whatever the planner's statistics say
# about the few annotators, so a read by id or article is an index lookup.
ANNOTATION_JOIN = """annotations a CROSS JOIN annotators n ON n.id = a.annotator_id
    LEFT JOIN annotators r ON r.id = a.reviewed_by"""
# The columns of core.model.Annotation, in order.
ANNOTATION_SELECT = f"""SELECT a.id, a.article_id, a.label_id, a.start, a."end", a.text, n.name,
    a.note, a.created, a.updated, r.name, a.reviewed_at
    FROM {ANNOTATION_JOIN}"""


_row = Annotation._make


class AnnotationRepository:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._annotator_ids: dict[str, int] = {}
        # Article text never changes after import (a trigger forbids it), so it can be cached; but an
        # article id can come back with other text (the last article deleted, a rolled-back import,
        # another program), so each entry is keyed by the article's content hash, checked on use.
        self._texts: dict[int, tuple[str, str]] = {}
        self._version: int | None = None  # PRAGMA data_version when the caches were last checked

    def _check_caches(self) -> None:
        """Forget cached ids and texts when another connection has committed to the file since
        (another program's import, or a backup restored under us: an id may name another row now)."""
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self._annotator_ids.clear()
            self._texts.clear()
            self._version = version

    def _article_text(self, article_id: int, verified: bool = False) -> str:
        if not verified:
            self._check_caches()
        cached = self._texts.get(article_id)
        if cached is not None and verified:
            return cached[1]
        row = self.db.execute("SELECT content_hash FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            self._texts.pop(article_id, None)
            raise InvalidAnnotationError(f"No article with id {article_id}.")
        if cached is not None and cached[0] == row[0]:
            return cached[1]
        text = self.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        if len(self._texts) >= 8:
            self._texts.clear()
        self._texts[article_id] = (row[0], text)
        return text

    def check(self, a: Annotation, *, verified: bool = False) -> None:
        """The offset invariant: 0 <= start < end <= len(text) and the covered text is text[start:end].

        ``verified``: the caller has just read this article's text through ``_article_text``.
        """
        text = self._article_text(a.article_id, verified)
        if not (0 <= a.start < a.end <= len(text)):
            raise InvalidAnnotationError(
                f"Offsets {a.start}-{a.end} are outside article {a.article_id} ({len(text)} characters)."
            )
        if text[a.start : a.end] != a.text:
            raise InvalidAnnotationError(
                f"Covered text {a.text!r} differs from the article text at {a.start}-{a.end} "
                f"({text[a.start : a.end]!r})."
            )

    # --- annotators --------------------------------------------------------------
    def annotator_id(self, name: str, *, checked: bool = False) -> int:
        """The id of annotator ``name``, recorded on first use (inside the caller's transaction).

        ``checked``: the caller has called ``_check_caches`` inside this transaction."""
        if not checked:
            self._check_caches()
        if name in self._annotator_ids:
            return self._annotator_ids[name]
        row = self.db.execute("SELECT id FROM annotators WHERE name = ?", [name]).fetchone()
        if row is None:
            cur = self.db.execute(
                "INSERT INTO annotators (name, created) VALUES (?, ?)", [name, now()]
            )
            ident = cur.lastrowid
        else:
            ident = row[0]
        self._annotator_ids[name] = ident
        return ident

    def forget_annotator_ids(self) -> None:
        """Drop the cached annotator ids, after a transaction that may have added some was rolled back."""
        self._annotator_ids.clear()

    def annotators(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM annotators ORDER BY name")]

    # --- reading -----------------------------------------------------------------
    def get(self, annotation_id: int) -> Annotation:
        row = self.db.execute(f"{ANNOTATION_SELECT} WHERE a.id = ?", [annotation_id]).fetchone()
        if row is None:
            raise NotFoundError(f"No annotation with id {annotation_id}.")
        return _row(row)

    def for_article(
        self, article_id: int, start_from: int = 0, start_to: int | None = None, annotator: str | None = None
    ) -> list[Annotation]:
        """Annotations of an article in text order; optionally only those starting in [start_from, start_to),
        only those of one ``annotator`` (a layer)."""
        where, params = "a.article_id = ?", [article_id]
        if annotator is not None:
            where += " AND n.name = ?"
            params.append(annotator)
        if start_from:
            where += " AND a.start >= ?"
            params.append(start_from)
        if start_to is not None:
            where += " AND a.start < ?"
            params.append(start_to)
        sql = f'{ANNOTATION_SELECT} WHERE {where} ORDER BY a.start, a."end" DESC, a.id'
        return list(map(_row, self.db.execute(sql, params)))

    def labels_over(self, article_id: int, start: int, end: int) -> list[tuple[int, bool]]:
        """(label id, exact) for each annotation overlapping [start, end) of an article: those covering
        exactly that text first, then the shortest."""
        rows = self.db.execute(
            'SELECT label_id, start = ? AND "end" = ? FROM annotations '
            'WHERE article_id = ? AND start < ? AND "end" > ? '
            'ORDER BY 2 DESC, "end" - start, start',
            [start, end, article_id, end, start],
        )
        return [(label_id, bool(exact)) for label_id, exact in rows]

    def for_label(self, label_id: int) -> list[Annotation]:
        return [_row(r) for r in self.db.execute(f"{ANNOTATION_SELECT} WHERE a.label_id = ? ORDER BY a.id", [label_id])]

    def count(self, article_id: int | None = None) -> int:
        if article_id is None:
            return self.db.execute("SELECT count(*) FROM annotations").fetchone()[0]
        return self.db.execute(
            "SELECT count(*) FROM annotations WHERE article_id = ?", [article_id]
        ).fetchone()[0]

    # --- writing -----------------------------------------------------------------
    def add(self, annotation: Annotation) -> Annotation:
        """Store one annotation (keeping its id when given, as undo does). Committed."""
        return self.add_many([annotation])[0]

    def add_many(
        self, annotations: Sequence[Annotation], *, in_progress: Collection[int] | None = None
    ) -> list[Annotation]:
        """Store annotations in one transaction: all of them, or none. Committed.

        An analyst's first span in an article moves their status of it to in progress (their layer,
        see store/layers.py); with ``in_progress`` given, only in the articles among those ids (a bulk
        accept leaves articles nobody opened as new)."""
        stamp = now()
        stored = []
        try:
            for article_id in {a.article_id for a in annotations}:
                self._article_text(article_id)
            for a in annotations:
                self.check(a, verified=True)
            with self.db.atomic():
                self._check_caches()  # inside the write lock: no other program can change the file now
                layers_before = self._layers_of(annotations) if in_progress is not None else {}
                for a in annotations:
                    cur = self.db.execute(
                        """INSERT INTO annotations
                           (id, article_id, label_id, start, "end", text, annotator_id, note, created, updated,
                            reviewed_by, reviewed_at)
                           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        [
                            a.id,
                            a.article_id,
                            a.label_id,
                            a.start,
                            a.end,
                            a.text,
                            self.annotator_id(a.annotator, checked=True),
                            a.note or None,
                            a.created or stamp,
                            a.updated or stamp,
                            self.annotator_id(a.reviewed_by, checked=True) if a.reviewed_by else None,
                            (a.reviewed_at or stamp) if a.reviewed_by else None,
                        ],
                    )
                    stored.append(
                        a._replace(
                            id=cur.lastrowid, note=a.note or None, created=a.created or stamp,
                            updated=a.updated or stamp, reviewed_by=a.reviewed_by or None,
                            reviewed_at=(a.reviewed_at or stamp) if a.reviewed_by else None,
                        )
                    )
                if in_progress is not None:
                    keep = {a.article_id for a in annotations} - set(in_progress)
                    self._keep_new(annotations, keep, layers_before)
        except sqlite3.IntegrityError as exc:
            self._annotator_ids.clear()
            raise _invalid(exc) from exc
        except BaseException:  # busy, disk full...: the rollback may have taken a new annotator row with it
            self._annotator_ids.clear()
            raise
        return stored

    def update(self, annotation: Annotation) -> Annotation:
        """Write new label, offsets, covered text or note of an existing annotation. Committed."""
        self.check(annotation)
        stamp = now()
        try:
            with self.db.atomic():
                cur = self.db.execute(
                    """UPDATE annotations SET label_id = ?, start = ?, "end" = ?, text = ?, note = ?,
                       updated = ? WHERE id = ?""",
                    [
                        annotation.label_id,
                        annotation.start,
                        annotation.end,
                        annotation.text,
                        annotation.note or None,
                        stamp,
                        annotation.id,
                    ],
                )
        except sqlite3.IntegrityError as exc:
            raise _invalid(exc) from exc
        if cur.rowcount == 0:
            raise NotFoundError(f"No annotation with id {annotation.id}.")
        return annotation._replace(note=annotation.note or None, updated=stamp)

    def delete_many(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        with self.db.atomic():
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                self.db.execute(
                    f"DELETE FROM annotations WHERE id IN ({','.join('?' * len(chunk))})", chunk
                )

    def delete(self, annotation_id: int) -> None:
        self.delete_many([annotation_id])

    def _layers_of(self, annotations: Sequence[Annotation]) -> dict[tuple[int, int], str]:
        """The status of each (article, annotator) layer these annotations go into, where it exists."""
        out = {}
        for article_id, who in {(a.article_id, self.annotator_id(a.annotator)) for a in annotations}:
            row = self.db.execute(
                "SELECT status FROM layers WHERE article_id = ? AND annotator_id = ?", [article_id, who]
            ).fetchone()
            if row:
                out[(article_id, who)] = row[0]
        return out

    def _keep_new(self, annotations: Sequence[Annotation], keep: set[int], before: dict[tuple[int, int], str]) -> None:
        """A first span moves its analyst's layer to in progress (a trigger does it); in the articles of
        ``keep`` the layers these annotations went into stay new if they were new or did not exist."""
        for article_id, who in {(a.article_id, self.annotator_id(a.annotator)) for a in annotations}:
            if article_id in keep and before.get((article_id, who), "new") == "new":
                self.db.execute(
                    "UPDATE layers SET status = 'new' WHERE article_id = ? AND annotator_id = ?", [article_id, who]
                )


def _invalid(exc: sqlite3.IntegrityError) -> InvalidAnnotationError:
    msg = str(exc)
    if "FOREIGN KEY" in msg:
        return InvalidAnnotationError("The article, label or annotator of this annotation does not exist.")
    if "UNIQUE" in msg:
        return InvalidAnnotationError("An annotation with this id already exists.")
    if "CHECK" in msg:
        return InvalidAnnotationError("An annotation needs 0 <= start < end.")
    return InvalidAnnotationError(f"Refused: {msg}.")
