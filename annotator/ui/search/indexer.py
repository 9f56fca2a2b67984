"""Brings the search index up to date in idle moments, a few articles at a time.

Imports only store text; indexing it for search costs far more (trigram indexing of a 40 MB
import takes tens of seconds). This keeps the window responsive: each step indexes a small
chunk and yields to the event loop, and a search started meanwhile catches up the rest itself.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.store import Corpus
from annotator.store.search import catch_up, unindexed_count

STEP_ARTICLES = 20  # about 20-50 ms of indexing for news-length articles
IDLE_MS = 0


class SearchIndexer(QObject):
    finished = Signal()

    def __init__(self, corpus: Corpus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.corpus: Corpus | None = corpus
        self._timer = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        """Index whatever is missing, in steps; does nothing when the index is current."""
        if self.corpus is not None and not self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.corpus = None

    def _step(self) -> None:
        if self.corpus is None:
            return
        try:
            if unindexed_count(self.corpus.db) == 0 or catch_up(self.corpus.db, STEP_ARTICLES) == 0:
                self.finished.emit()
                return
        except sqlite3.Error:  # busy or read-only: the next search reads unindexed articles directly
            return
        self._timer.start()
