"""Opening a corpus file safely, and the Corpus object that groups its repositories."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from annotator.store.annotations import AnnotationRepository
from annotator.store.articles import ArticleRepository
from annotator.store.errors import CorpusError, NewerSchemaError, NotACorpusError
from annotator.store.labels import LabelRepository
from annotator.store.locking import CorpusDatabase
from annotator.store.migrations import KNOWN, MIGRATION_SET, migrations
from annotator.store.review import ReviewRepository
from annotator.store.search import ensure_index as ensure_search_index

# PRAGMA application_id marks a file as an Annotator corpus ("ANNO").
APPLICATION_ID = 0x414E4E4F
_SQLITE_HEADER = b"SQLite format 3\x00"


class Corpus:
    """One open corpus file. Every write method commits before it returns."""

    def __init__(self, db: Database, path: Path | None) -> None:
        self.db = db
        self.path = path
        self.articles = ArticleRepository(db)
        self.labels = LabelRepository(db)
        self.annotations = AnnotationRepository(db)
        self.review = ReviewRepository(db, self.annotations)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stats(self) -> dict:
        by_status = {
            row[0]: row[1]
            for row in self.db.execute("SELECT status, count(*) FROM articles GROUP BY status")
        }
        by_label = [
            {"label": name, "tag": tag, "count": count}
            for name, tag, count in self.db.execute(
                """SELECT l.name, l.tag, count(a.id) FROM labels l
                   LEFT JOIN annotations a ON a.label_id = l.id
                   GROUP BY l.id ORDER BY l.position, l.id"""
            )
        ]
        by_annotator = {
            name: count
            for name, count in self.db.execute(
                """SELECT n.name, count(a.id) FROM annotators n
                   JOIN annotations a ON a.annotator_id = n.id
                   GROUP BY n.id ORDER BY n.name"""
            )
        }
        return {
            "articles": sum(by_status.values()),
            "articles_by_status": {s: by_status.get(s, 0) for s in ("new", "in_progress", "done")},
            "annotations": sum(row["count"] for row in by_label),
            "annotations_by_label": by_label,
            "annotations_by_annotator": by_annotator,
        }


def _check_file(path: Path) -> bool:
    """True when ``path`` is an existing non-empty file that looks like SQLite; raise if it cannot be a corpus."""
    if path.is_dir():
        raise NotACorpusError(f"{path} is a directory, not a corpus file.")
    if not path.exists():
        if not path.parent.exists():
            raise CorpusError(f"Cannot create {path}: folder {path.parent} does not exist.")
        return False
    if path.stat().st_size == 0:
        return False
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise CorpusError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if header[: len(_SQLITE_HEADER)] != _SQLITE_HEADER:
        raise NotACorpusError(f"{path} is not an Annotator corpus (not an SQLite database).")
    _check_length(path, header)
    return True


def _check_length(path: Path, header: bytes) -> None:
    """Refuse a file cut short (a copy or download that stopped, a full disk) before SQLite opens it."""
    size = path.stat().st_size
    page_size = int.from_bytes(header[16:18], "big") if len(header) == 100 else 0
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big") if len(header) == 100 else 0
    counted = len(header) == 100 and header[92:96] == header[24:28]  # the page count is current
    if page_size < 512 or page_size & (page_size - 1) or size % page_size or (counted and size < pages * page_size):
        expected = f" of {pages * page_size:,}" if counted and page_size >= 512 else ""
        raise NotACorpusError(
            f"{path} is damaged: the file is cut short ({size:,}{expected} bytes). It was left untouched; "
            "restore it from a backup (File › Restore from backup, or annotator restore), or open another copy."
        )


def _check_existing(db: Database, path: Path | str) -> None:
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    tables = [t for t in db.table_names() if not t.startswith("sqlite_")]
    if app_id != APPLICATION_ID:
        if tables:
            raise NotACorpusError(
                f"{path} is an SQLite database of another application, not an Annotator corpus."
            )
        return
    applied = {m.name for m in migrations.applied(db)}
    unknown = sorted(applied - set(KNOWN))
    if unknown:
        raise NewerSchemaError(
            f"{path} was written by a newer version of Annotator "
            f"(schema step {unknown[-1]!r} is unknown here). Update Annotator to open it; "
            "the file was left untouched."
        )


def open_corpus(path: str | Path | None = None, *, create: bool = True) -> Corpus:
    """Open (or create) a corpus file and bring its schema up to date.

    ``path=None`` opens an in-memory corpus, used by tests and previews.
    A file that is not a corpus, or that a newer version wrote, raises before anything is written.
    """
    if path is None:
        db = CorpusDatabase(memory=True, execute_plugins=False)
        return _prepare(db, None)
    path = Path(path)
    existed = _check_file(path)
    if not existed and not create:
        raise CorpusError(f"{path} is empty." if path.exists() else f"{path} does not exist.")
    try:
        conn = sqlite3.connect(str(path), timeout=10)
        db = CorpusDatabase(conn, execute_plugins=False)  # writes take the lock up front
        if existed:
            _check_existing(db, path)
    except sqlite3.DatabaseError as exc:
        raise NotACorpusError(f"{path} is not an Annotator corpus ({exc}).") from exc
    except CorpusError:
        conn.close()
        raise
    try:
        return _prepare(db, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise CorpusError(f"Cannot open {path}: {exc}.") from exc


def _prepare(db: Database, path: Path | None) -> Corpus:
    db.execute("PRAGMA foreign_keys = ON")
    if path is not None:
        db.enable_wal()
        db.execute("PRAGMA synchronous = FULL")
    if migrations.pending(db):
        migrations.apply(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    ensure_search_index(db)  # a few lookups; an index that is missing is created empty and catches up later
    return Corpus(db, path)


__all__ = ["Corpus", "open_corpus", "APPLICATION_ID", "MIGRATION_SET"]
