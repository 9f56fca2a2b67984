"""Opening a corpus file safely, and the Corpus object that groups its repositories."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from annotator.core.identity import default_annotator
from annotator.store.annotations import AnnotationRepository
from annotator.store.articles import ArticleRepository
from annotator.store.errors import CorpusError, DamagedCorpusError, NewerSchemaError, NotACorpusError
from annotator.store.health import CorpusFiles, CorpusGoneError, CorpusLocksLostError
from annotator.store.labels import LabelRepository
from annotator.store.layers import LayerRepository, reset_migrating_user, set_migrating_user
from annotator.store.locking import CorpusDatabase
from annotator.store.migrations import (
    KNOWN,
    MIGRATION_SET,
    migration_progress,
    migrations,
    reset_migration_progress,
)
from annotator.store.review import ReviewRepository
from annotator.store.team import SHARED_FOR, TeamRepository

log = logging.getLogger(__name__)

# PRAGMA application_id marks a file as an Annotator corpus ("ANNO").
APPLICATION_ID = 0x414E4E4F
# A corpus up to this size (file and -wal) gets SQLite's quick_check on open (0.1 to 0.2 s for 76 MB
# in the page cache, measured on a shared 2-core machine); larger ones are checked on a malformed error.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


class Corpus:
    """One open corpus file, used as one analyst (``user``). Every write method commits before it returns.

    Statuses read or written without naming an analyst are the user's; each analyst has their own.
    """

    def __init__(self, db: Database, path: Path | None, user: str | None = None) -> None:
        self.db = db
        self.path = path
        self.files: CorpusFiles | None = None  # set for a corpus file opened for writing
        self.labels = LabelRepository(db)
        self.annotations = AnnotationRepository(db)
        current = lambda: self.user  # noqa: E731 - the repositories follow a change of user
        self.layers = LayerRepository(db, self.annotations.annotator_id, current)
        self.team = TeamRepository(db, self.annotations.annotator_id)
        # A file shared for an analyst is used as them unless told otherwise.
        self.user = (user or "").strip() or self.team.setting(SHARED_FOR) or default_annotator()
        self.articles = ArticleRepository(db, self.layers, current)
        self.review = ReviewRepository(db, self.annotations)

    def check_files(self) -> None:
        """Raise before a write when the file is gone or another program took it over."""
        problem = self.files.problem() if self.files is not None else None
        if problem == "gone":
            raise CorpusGoneError(
                f"The corpus file {self.path} was deleted, moved or replaced while it was open, so nothing "
                "more was written to it. What was written before went with the old file."
            )
        if problem == "locks":
            raise CorpusLocksLostError(
                f"Another program removed or replaced {self.path}-wal while the corpus was open here, so "
                "nothing more was written: it would not have reached the file."
            )

    def close(self) -> None:
        """Close the connection. When another program took the file over, SQLite's close is kept
        from writing its outdated WAL into the file or deleting that program's -wal. When the file
        was deleted or moved away and its -wal is still ours, that -wal and -shm are removed after
        the close, so that no later file of that name picks them up."""
        files, self.files = self.files, None
        problem = files.problem() if files is not None else None
        if problem == "locks" or (problem == "gone" and not files.wal_is_ours()):
            files.pin()
        self.db.close()
        if files is not None:
            if problem == "gone":
                files.remove_orphans()
            files.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stats(self) -> dict:
        """What the corpus holds; statuses are the user's, and each analyst's progress is listed."""
        by_status = self.layers.counts()
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
            "annotator": self.user,
            "progress": [
                {"annotator": p.annotator, "assigned": p.assigned, "new": p.new, "in_progress": p.in_progress,
                 "done": p.done, "annotations": p.annotations}
                for p in self.layers.progress()
            ],
            "blind": self.team.blind,
        }


def _check_file(path: Path) -> bool:
    """True when ``path`` is an existing non-empty file; raise if it cannot be a corpus.

    Only ``stat``: no byte of the file is read here. Reading it with anything but SQLite would
    drop the locks this process's SQLite holds on it, when the corpus is already open here.
    """
    if path.is_dir():
        raise NotACorpusError(f"{path} is a directory, not a corpus file.")
    if not path.exists():
        if not path.parent.exists():
            raise CorpusError(f"Cannot create {path}: folder {path.parent} does not exist.")
        return False
    return path.stat().st_size > 0


def folder_writable(path: Path) -> bool:
    """Can SQLite create the corpus's -wal and -shm beside it? (``access``: nothing is opened.)"""
    return os.access(path.parent if str(path.parent) else Path("."), os.W_OK | os.X_OK)


def writable(path: Path) -> bool:
    """Can SQLite write the file and create its -wal and -shm beside it? (``access``: nothing is opened.)"""
    return folder_writable(path) and (not path.exists() or os.access(path, os.W_OK))


def read_only_message(path: Path) -> str:
    return (
        f"The folder {path.parent} is read-only (or on a read-only drive), so {path.name} cannot be changed there: "
        "SQLite needs to write the corpus and its -wal and -shm files. Commands that only read it work "
        "(stats, review, search, export, backup); to edit it, copy it to a writable folder."
    )


def damaged_message(path: Path, detail: str) -> str:
    return (
        f"{path} is damaged: {detail}. It was left untouched; restore it from a backup, or open another copy."
    )


def _wal_bytes(path: Path) -> int:
    try:
        return os.stat(path.with_name(path.name + "-wal")).st_size
    except OSError as exc:
        log.debug("No -wal beside %s: %s", path, exc)
        return 0


def _check_pages(db: Database, path: Path, *, full: bool = False) -> None:
    """Refuse a damaged file before anything is written to it, as SQLite (with the WAL) sees it.

    The main file may rightly be shorter than the database while its last pages are in the -wal
    (after a kill during a checkpoint, on a full disk, while another program imports): that is
    only called "cut short" when no WAL could hold the missing pages. ``PRAGMA quick_check``
    runs when the corpus is small enough for it to be quick, or when ``full`` (after SQLite
    reported a malformed page).
    """
    size = os.stat(path).st_size
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    wal = _wal_bytes(path)
    if size % page_size or (wal == 0 and size < pages * page_size):
        raise DamagedCorpusError(
            damaged_message(path, f"the file is cut short ({size:,} of {pages * page_size:,} bytes)")
        )
    if full or size + wal <= QUICK_CHECK_MAX_BYTES:
        found = [row[0] for row in db.execute("PRAGMA quick_check(3)").fetchall()]
        if found != ["ok"]:
            raise DamagedCorpusError(damaged_message(path, f"SQLite's check found {'; '.join(found)[:300]}"))


def _our_tables() -> frozenset[str]:
    """The tables a complete corpus has (from the migrations themselves, in memory)."""
    global _OUR_TABLES
    if _OUR_TABLES is None:
        db = CorpusDatabase(memory=True, execute_plugins=False)
        migrations.apply(db)
        _OUR_TABLES = frozenset(db.table_names())
        db.close()
    return _OUR_TABLES


_OUR_TABLES: frozenset[str] | None = None


def _half_made(db: Database, tables: list[str]) -> bool:
    """A corpus of ours whose creation was cut off before it was marked (older versions set the
    schema up in several transactions): only our tables, our schema steps, and no article yet."""
    if not set(tables) <= _our_tables():
        return False
    if "_sqlite_migrations" in tables:
        sets = {r[0] for r in db.execute("SELECT DISTINCT migration_set FROM _sqlite_migrations")}
        if sets - {MIGRATION_SET}:
            return False
    return "articles" not in tables or db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def _check_existing(db: Database, path: Path | str, create: bool) -> None:
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        tables = [t for t in db.table_names() if not t.startswith("sqlite_")]
        if tables and _half_made(db, tables):
            return  # ours, cut off while it was being created: the migrations complete it
        # Otherwise only a blank SQLite file (no table, view, index or trigger, no application or
        # version mark) may become a corpus; anything else is another application's, refused untouched.
        schema = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        user_version = db.execute("PRAGMA user_version").fetchone()[0]
        if schema or app_id or user_version:
            raise NotACorpusError(
                f"{path} is an SQLite database of another application, not an Annotator corpus."
            )
        if not create:
            raise CorpusError(f"{path} is an empty database, not an Annotator corpus yet; it was left untouched.")
        return
    applied = {m.name for m in migrations.applied(db)}
    unknown = sorted(applied - set(KNOWN))
    if unknown:
        raise NewerSchemaError(
            f"{path} was written by a newer version of Annotator "
            f"(schema step {unknown[-1]!r} is unknown here). Update Annotator to open it; "
            "the file was left untouched."
        )


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    return connect_read_only(path) if read_only else sqlite3.connect(str(path), timeout=10)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, which also works in a read-only folder or drive."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=10)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        log.info("%s cannot be opened for writing here (%s): reading it as it is", path, exc)
        conn.close()
    # A WAL corpus in a folder where its -shm cannot be made: read the file as it is, which is
    # all there is when no -wal holds newer changes.
    if _wal_bytes(path):
        raise CorpusError(
            f"{path} has recent changes in its -wal file that cannot be read in a read-only folder; "
            "copy the corpus with its -wal file to a writable folder to read it."
        )
    return sqlite3.connect(f"{uri}?immutable=1", uri=True, timeout=10)


def open_corpus(
    path: str | Path | None = None, *, create: bool = True, read_only: bool = False, user: str | None = None,
    progress: Callable[[int, int], object] | None = None,
) -> Corpus:
    """Open (or create) a corpus file and bring its schema up to date, as analyst ``user`` (default:
    the system user).

    ``path=None`` opens an in-memory corpus, used by tests and previews. ``read_only`` opens an
    existing corpus for reading only (it also works in a read-only folder or drive).
    A file that is not a corpus, is damaged, or that a newer version wrote, raises before anything
    is written. The file is read only through SQLite (see ``_cut_short`` for the one exception).
    ``progress(done, total)`` hears how a long schema update goes on (counting the annotations of a
    large corpus); an exception it raises stops the update and leaves the file as it was.
    """
    if path is None:
        db = CorpusDatabase(memory=True, execute_plugins=False)
        return _prepare(db, None, user)
    path = Path(path)
    existed = _check_file(path)
    if not existed and (not create or read_only):
        raise CorpusError(f"{path} is empty." if path.exists() else f"{path} does not exist.")
    if not read_only and not folder_writable(path):  # (a read-only file alone opens, and refuses edits)
        raise CorpusError(read_only_message(path))
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(path, read_only)
        db = CorpusDatabase(conn, execute_plugins=False)  # writes take the lock up front
        if existed:
            _check_pages(db, path)
            _check_existing(db, path, create)
        if read_only:
            return _read_only(db, path, user)
        corpus = _prepare(db, path, user, progress)
    except sqlite3.DatabaseError as exc:
        message = _open_failure(conn, path, exc)
        damaged = message.startswith(f"{path} is damaged: ")
        raise (DamagedCorpusError if damaged else NotACorpusError)(message) from exc
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    corpus.files = CorpusFiles(path)
    db.before_write = corpus.check_files
    return corpus


def _open_failure(conn: sqlite3.Connection | None, path: Path, exc: sqlite3.DatabaseError) -> str:
    text = str(exc)
    if "malformed" not in text and conn is not None:
        conn.close()
    if "not a database" in text:
        return f"{path} is not an Annotator corpus (not an SQLite database)."
    if "malformed" in text and conn is not None:
        try:
            _check_pages(CorpusDatabase(conn, execute_plugins=False), path, full=True)
        except NotACorpusError as damaged:
            conn.close()
            return str(damaged)
        except sqlite3.Error:
            log.info("The pages of %s could not be checked", path, exc_info=True)
        finally:
            conn.close()  # before the header is read
        return damaged_message(path, _cut_short(path) or f"SQLite says: {text}")
    if "unable to open" in text and not folder_writable(path):
        return read_only_message(path)
    return f"{path} is not an Annotator corpus ({text})."


def _cut_short(path: Path) -> str | None:
    """For a file SQLite calls malformed: is it shorter than its header says? Read from the header
    itself, only when no corpus is open on the file in this process (so no lock can be dropped)."""
    try:
        st = os.stat(path)
        if (st.st_dev, st.st_ino) in CorpusFiles.open_here() or _wal_bytes(path):
            return None
        with path.open("rb") as fh:  # safe: no connection of this process holds a lock on it
            header = fh.read(100)
    except OSError as exc:
        log.info("The header of %s could not be read: %s", path, exc)
        return None
    if len(header) < 100 or header[92:96] != header[24:28]:
        return None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    expected = int.from_bytes(header[28:32], "big") * page_size
    if st.st_size < expected:
        return f"the file is cut short ({st.st_size:,} of {expected:,} bytes)"
    return None


def _read_only(db: Database, path: Path, user: str | None = None) -> Corpus:
    if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID or migrations.pending(db):
        raise CorpusError(
            f"{path} needs its schema brought up to date by this version of Annotator, which cannot be "
            "done where it is read-only; copy it to a writable folder and open it there."
        )
    db.execute("PRAGMA query_only = ON")
    return Corpus(db, path, user)


def second_connection(corpus: Corpus) -> Corpus:
    """Another connection to an open corpus file, for work on another thread. Only SQLite touches the
    file (a plain open() of it would drop the locks the first connection holds)."""
    if corpus.path is None:
        raise CorpusError("This corpus is not a file.")
    conn = sqlite3.connect(str(corpus.path), timeout=10)
    db = CorpusDatabase(conn, execute_plugins=False)
    _configure(db, corpus.path)
    return Corpus(db, corpus.path, corpus.user)


def _configure(db: Database, path: Path | None) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    if path is not None:
        db.enable_wal()
        db.execute("PRAGMA synchronous = FULL")


def _prepare(db: Database, path: Path | None, user: str | None = None,
             progress: Callable[[int, int], object] | None = None) -> Corpus:
    _configure(db, path)
    if migrations.pending(db) or db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        token = set_migrating_user(user)  # an older file's statuses of unlabelled articles become the user's
        heard = migration_progress(progress) if progress is not None else None
        try:
            with db.atomic():  # the whole schema and the mark that it is ours: all of it or none
                migrations.apply(db)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        finally:
            if heard is not None:
                reset_migration_progress(heard)
            reset_migrating_user(token)
    return Corpus(db, path, user)


__all__ = ["Corpus", "open_corpus", "APPLICATION_ID", "MIGRATION_SET"]
