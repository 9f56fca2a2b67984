"""Brings the search index up to date in the background after imports.

Imports only store text; indexing it for search costs far more (trigram indexing runs at about
0.6 µs a character, so a 40 MB import takes tens of seconds). A corpus file is indexed on a
thread with its own connection, a few articles per transaction, so the window stays responsive
and a label commit waits at most for one small chunk. An in-memory corpus (previews, tests)
cannot be shared between connections and is indexed in short steps on the event loop instead.
A search started meanwhile catches up the rest itself.
"""

from __future__ import annotations

import sqlite3
import threading

from PySide6.QtCore import QObject, QTimer, Signal
from sqlite_utils import Database

from annotator.store import Corpus
from annotator.store.search import catch_up, unindexed_count

STEP_ARTICLES = 10  # articles per transaction: a few ms for news-length articles


class SearchIndexer(QObject):
    finished = Signal()  # the index holds every article (or indexing stopped on an error)

    def __init__(self, corpus: Corpus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.corpus: Corpus | None = corpus
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._again = False
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._step)
        self.finished.connect(self._maybe_again)

    def start(self) -> None:
        """Index whatever is missing; does nothing when the index is current."""
        if self.corpus is None:
            return
        if self.running:
            self._again = True  # articles came in while indexing: look again when done
            return
        try:
            if unindexed_count(self.corpus.db) == 0:
                return
        except sqlite3.Error:
            return
        if self.corpus.path is None:
            self._timer.start()
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, args=(str(self.corpus.path),), daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._timer.isActive() or (self._thread is not None and self._thread.is_alive())

    def stop(self) -> None:
        """Stop after the chunk in hand (waits for it, a second at most for a 1 MB article)."""
        self._stop.set()
        self._timer.stop()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.corpus = None

    def _run(self, path: str) -> None:
        try:
            db = Database(sqlite3.connect(path, timeout=10))
        except sqlite3.Error:
            return
        try:
            while not self._stop.is_set() and catch_up(db, STEP_ARTICLES):
                pass
        except sqlite3.Error:  # busy, read-only, disk full: searches read unindexed articles directly
            pass
        finally:
            db.conn.close()
        if not self._stop.is_set():
            self.finished.emit()  # queued to the window's thread

    def _step(self) -> None:
        if self.corpus is None:
            return
        try:
            if catch_up(self.corpus.db, STEP_ARTICLES):
                self._timer.start()
                return
        except sqlite3.Error:
            pass
        self.finished.emit()

    def _maybe_again(self) -> None:
        if self._again:
            self._again = False
            self.start()
