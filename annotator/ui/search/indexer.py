"""Brings the search index up to date in the background after imports.

Imports only store text; indexing it for search costs far more (trigram indexing runs at about
0.6 µs a character, so a 40 MB import takes tens of seconds). A corpus file is indexed on a
thread with its own connection, a few articles per transaction, so the window stays responsive
and a label commit waits at most for one small chunk (a thread task of ``ui/tasks.py``: the work
is SQLite's, which runs without holding Python's lock). An in-memory corpus (previews, tests)
cannot be shared between connections and is indexed in short steps on the event loop instead.
A search started meanwhile catches up the rest itself. The thread's connection is the store's
(``store.search.catch_up_file``: writes take the lock up front and wait for it); a failure is
logged and announced on ``failed``, and searches read the articles not yet indexed directly.
"""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.store import Corpus
from annotator.store.search import catch_up, catch_up_file, index_behind, unindexed_count
from annotator.ui.i18n import tr
from annotator.ui.tasks import Task

log = logging.getLogger(__name__)

STEP_ARTICLES = 10  # articles per transaction: a few ms for news-length articles


class SearchIndexer(QObject):
    finished = Signal()  # the index holds every article (or indexing stopped on an error)
    writing = Signal(bool)  # True when a thread of this window starts writing the index, False when it ends
    failed = Signal(str)  # why indexing stopped (searches still find everything, more slowly)

    def __init__(self, corpus: Corpus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.corpus: Corpus | None = corpus
        self._task: Task | None = None
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
        if self.corpus.path is None:
            try:
                if unindexed_count(self.corpus.db) == 0:
                    return
            except sqlite3.Error as exc:
                self._failed(exc)
                return
            self._timer.start()
            return
        # A corpus file: is the newest article indexed (two lookups)? Articles are indexed oldest first,
        # so then the index holds them all; counting a million index entries would keep the window's
        # thread a second (the worker counts, and fills any gap, when there is work).
        try:
            if not index_behind(self.corpus.db):
                return
        except sqlite3.Error as exc:
            self._failed(exc)
            return
        self._task = Task.in_thread(_index, str(self.corpus.path))
        self._task.succeeded.connect(self._task_done)
        self._task.failed.connect(self._task_failed)
        self._task.finished.connect(lambda: self.writing.emit(False))
        self.writing.emit(True)
        self._task.start()

    @property
    def running(self) -> bool:
        return self._timer.isActive() or (self._task is not None and not self._task.done)

    def stop(self) -> None:
        """Stop after the chunk in hand (waits for it, a second at most for a 1 MB article)."""
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()
            self._task.wait(timeout=5)
        self.corpus = None

    def _task_done(self, _result: object) -> None:
        if self._again:  # articles came in meanwhile: index them before saying the index is whole
            self._again = False
            self._task = None
            self.start()
            if self.running:
                return
        self.finished.emit()

    def _task_failed(self, exc: BaseException) -> None:
        self._failed(exc)
        self.finished.emit()

    def _step(self) -> None:
        if self.corpus is None:
            return
        try:
            if catch_up(self.corpus.db, STEP_ARTICLES):
                self._timer.start()
                return
        except sqlite3.Error as exc:
            self._failed(exc)
        self.finished.emit()

    def _failed(self, exc: BaseException) -> None:
        log.warning("Search indexing stopped: %s", exc)
        self.failed.emit(tr("Search indexing stopped ({exc}); search still finds everything.").format(exc=exc))

    def _maybe_again(self) -> None:
        if self._again:
            self._again = False
            self.start()


def _index(progress, path: str) -> None:
    """Index in small transactions, on a store connection, until done or stopped (progress returns
    False). A failure (busy, read-only, disk full) raises, for the task to report."""
    steps = [0]

    def stop() -> bool:
        steps[0] += 1
        return not progress(steps[0], 0)

    catch_up_file(path, stop, STEP_ARTICLES)
