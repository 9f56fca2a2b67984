"""The corpus connection: write transactions that wait their turn, and text SQLite cannot store.

sqlite-utils' ``atomic()`` starts with a plain ``BEGIN``: the transaction reads first and
asks for the write lock only at its first write. In WAL mode, if another connection has
committed in between, SQLite cannot upgrade it and fails at once with "database is locked"
(SQLITE_BUSY_SNAPSHOT), without waiting for the busy timeout. ``BEGIN IMMEDIATE`` takes the
write lock up front, waiting up to the busy timeout, so two programs writing at once take
turns instead of losing an edit.

Text holding a lone UTF-16 surrogate (from a JSON ``"\ud800"`` escape, or undecodable bytes in
a command-line argument) cannot be encoded for SQLite; it is refused as a CorpusError with a
sentence, like any other input the corpus will not take.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Generator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from annotator.store.errors import CorpusError

_SURROGATE = re.compile("[\ud800-\udfff]")
BUSY_TIMEOUT = 10  # seconds a write waits for another program's transaction


def connect(path: str | Path) -> "CorpusDatabase":
    """Another connection to an open corpus file (for work on a thread of its own), with the
    store's discipline: writes take the lock up front and wait up to BUSY_TIMEOUT for it."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT)
    conn.execute("PRAGMA foreign_keys = ON")
    return CorpusDatabase(conn, execute_plugins=False)


class CorpusDatabase(Database):
    # Called before each write transaction begins; raises to refuse it (the corpus file is gone,
    # or another program took it over). Set by open_corpus for a corpus file.
    before_write: Callable[[], None] | None = None

    def execute(self, sql: str, parameters=None):
        try:
            return super().execute(sql, parameters)
        except UnicodeEncodeError as exc:
            bad = next((p for p in (parameters or ()) if isinstance(p, str) and _SURROGATE.search(p)), "")
            where = f" (in {bad[:40]!r})" if bad else ""
            raise CorpusError(
                f"Text with an invalid character (a lone surrogate, U+{ord(exc.object[exc.start]):04X}){where} "
                "cannot be stored."
            ) from exc

    def write_one(self, sql: str, parameters=None):
        """One statement, which SQLite makes atomic by itself: inside a transaction it runs as it is
        (a savepoint around it would add two statements and nothing else), outside it commits alone."""
        if self.conn.in_transaction:
            return self.execute(sql, parameters)
        with self.atomic():
            return self.execute(sql, parameters)

    @contextmanager
    def atomic(self) -> Generator["Database", None, None]:
        if self.conn.in_transaction:  # nested: a savepoint
            # Named by depth rather than at random, so SQLite's statement cache keeps them
            # compiled: an import stores each article in a savepoint.
            self._depth = getattr(self, "_depth", 0) + 1
            name = f"annotator_{self._depth}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                # An error such as a full disk can end the whole transaction, savepoints included.
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            finally:
                self._depth -= 1
            return
        if self.before_write is not None:
            self.before_write()
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise

    def checkpoint(self) -> None:
        """Copy committed pages into the main file and sync it, without waiting for readers."""
        self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
