"""Write transactions that wait their turn when another program writes to the same corpus.

sqlite-utils' ``atomic()`` starts with a plain ``BEGIN``: the transaction reads first and
asks for the write lock only at its first write. In WAL mode, if another connection has
committed in between, SQLite cannot upgrade it and fails at once with "database is locked"
(SQLITE_BUSY_SNAPSHOT), without waiting for the busy timeout. ``BEGIN IMMEDIATE`` takes the
write lock up front, waiting up to the busy timeout, so two programs writing at once take
turns instead of losing an edit.
"""

from __future__ import annotations

from collections.abc import Generator
from contextlib import contextmanager

from sqlite_utils import Database


class CorpusDatabase(Database):
    @contextmanager
    def atomic(self) -> Generator["Database", None, None]:
        if self.conn.in_transaction:  # nested: a savepoint, as sqlite-utils does it
            with super().atomic():
                yield self
            return
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
