"""A long write in commit groups: one transaction for many small steps (an import's articles),
committed now and then, the SQL of it kept here with the rest of the store's.

    group = CommitGroup(corpus.db)
    group.begin()           # BEGIN IMMEDIATE (waits its turn, like every write)
    ...                     # each step in a savepoint of its own (``db.atomic()``)
    group.end()             # COMMIT; ``end(commit=False)`` rolls the group back

In WAL mode a group commits unsynced (``synchronous = NORMAL``): such a commit is still atomic and
survives the program crashing; only a power cut could lose the last groups (never half a step).
``checkpoint()`` at the end of the work, or any synced commit meanwhile, makes them durable.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

log = logging.getLogger(__name__)

# Articles (steps) per group at most ... Each commit writes every page the group changed again,
# the indexes' pages all over the file among them. Storing 20,000 news articles took 0.35 CPU-s
# (0.5 s) in one transaction, 0.55 CPU-s (1.3 s) in groups of 200, 0.38 CPU-s (0.9 s) in groups
# of 1,000; the time limit below usually ends a group first.
GROUP_ARTICLES = 1000
GROUP_SECONDS = 0.05  # ... and at most this long holding the write lock (the window's edits wait)
# During a long write the log is copied into the file every ~80 MB instead of ~4 MB (SQLite's
# default): in a large corpus each article changes index pages all over the file, and each copy
# ends with a sync; fewer, larger copies write a page changed twice meanwhile once, and sync less.
LONG_WRITE_CHECKPOINT_PAGES = 20_000
# ... and SQLite keeps up to 64 MB of the file's pages in memory instead of ~2 MB: those random
# index pages, read once to check for a duplicate and to add the entry, are otherwise read again
# from the operating system for each article that lands near them (an import of 20,000 articles into
# a million-article corpus read 600 MB in all, 340 to 370 MB with this cache).
# Pages are taken only as they are read, so a small corpus's import uses no more than before.
LONG_WRITE_CACHE_KIB = 65_536


@contextmanager
def long_write(db: Database) -> Iterator[None]:
    """The settings of a long write in many commit groups (an import), restored after it. Only when
    the log is copied into the file and how much of the file SQLite keeps in memory change: every
    commit is in the log as before, so what a kill leaves is the same (the next open of the file
    reads the log)."""
    pages = db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA wal_autocheckpoint = {max(int(pages), LONG_WRITE_CHECKPOINT_PAGES)}")
    if _cache_kib(db, int(cache)) < LONG_WRITE_CACHE_KIB:
        db.execute(f"PRAGMA cache_size = -{LONG_WRITE_CACHE_KIB}")
    try:
        yield
    finally:
        try:
            db.execute(f"PRAGMA wal_autocheckpoint = {int(pages)}")
            db.execute(f"PRAGMA cache_size = {int(cache)}")  # SQLite lets go of the pages over it
        except sqlite3.Error:  # never hides why the write ended (a closed connection, say)
            log.debug("The checkpoint interval or cache size was not restored", exc_info=True)


def _cache_kib(db: Database, cache_size: int) -> int:
    """A ``PRAGMA cache_size`` in KiB (negative: KiB already; positive: pages)."""
    if cache_size < 0:
        return -cache_size
    return cache_size * db.execute("PRAGMA page_size").fetchone()[0] // 1024


class CommitGroup:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._wal: bool | None = None  # the file is in WAL mode (known when the first group begins)
        self._sync: int | None = None  # its synchronous setting, while a group runs unsynced
        self.since: float | None = None  # when the open group began (None: no group open)

    @property
    def open(self) -> bool:
        return self.since is not None

    def begin(self) -> None:
        """Open a group's transaction, unless one is open. Refused (the store's check before a
        write) when the corpus file is gone or taken over."""
        if self.since is not None:
            return
        db = self.db
        if self._wal is None:
            self._wal = db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        if self._wal:
            self._sync = db.execute("PRAGMA synchronous").fetchone()[0]
            db.execute("PRAGMA synchronous = NORMAL")
        check = getattr(db, "before_write", None)
        if check is not None:
            check()
        db.conn.execute("BEGIN IMMEDIATE")
        self.since = time.monotonic()

    def end(self, commit: bool = True, quietly: bool = False) -> bool:
        """Commit (or roll back) the open group; True when its steps are in the file. With
        ``quietly``, a failure to commit is not raised (the group is rolled back)."""
        if self.since is None:
            return True
        self.since = None
        db = self.db
        stored = False
        try:
            check = getattr(db, "before_write", None)
            if commit and check is not None and db.conn.in_transaction:
                check()  # never report steps committed into a file that is gone
            if db.conn.in_transaction:
                db.conn.execute("COMMIT" if commit else "ROLLBACK")
                stored = commit
        except Exception:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            if not quietly:
                raise
        finally:
            if self._wal and self._sync is not None:
                db.execute(f"PRAGMA synchronous = {int(self._sync)}")
                self._sync = None
        return stored


__all__ = ["CommitGroup", "long_write"]
