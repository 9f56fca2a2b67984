"""Long work off the window's thread, with a progress dialog and a Cancel button: one function.

    run_in_background(window, "Merging corpus files…", work, finished)

``work(progress)`` runs on a pool thread and must not touch widgets or the window's SQLite
connection (it opens its own); it calls ``progress.report(done, total)`` now and then and stops
when ``progress.cancelled`` is true. ``finished(result, error)`` runs on the window's thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

PROGRESS_DELAY_MS = 300


class Progress:
    """What the work sees: where to report, and whether it should stop."""

    def __init__(self, signals: "_Signals") -> None:
        self._signals = signals
        self._stop = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        self._stop.set()

    def report(self, done: int, total: int) -> None:
        self._signals.progressed.emit(done, total)


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object, object)  # result, exception


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals, progress: Progress) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.work, self.signals, self.progress = work, signals, progress

    def run(self) -> None:
        try:
            result = self.work(self.progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the window's thread, which reports it
            self.signals.finished.emit(None, exc)
            return
        self.signals.finished.emit(result, None)


class BackgroundTask(QObject):
    """A running job; ``done`` is true once ``finished`` has been called."""

    def __init__(self, parent: QWidget, title: str, work, finished) -> None:
        super().__init__(parent)
        self.done = False
        self._signals = _Signals()
        self.progress = Progress(self._signals)
        self.dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
        self.dialog.setObjectName("backgroundProgress")
        self.dialog.setWindowTitle(title.rstrip("…"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.progress.cancel)
        self._finished = finished
        self._signals.progressed.connect(self._progressed)
        self._signals.finished.connect(self._done)
        QThreadPool.globalInstance().start(_Job(work, self._signals, self.progress))

    def _progressed(self, done: int, total: int) -> None:
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))

    def _done(self, result, error) -> None:
        self.dialog.close()
        self.done = True
        self._finished(result, error)


def run_in_background(
    parent: QWidget, title: str, work: Callable[[Progress], Any], finished: Callable[[Any, BaseException | None], None]
) -> BackgroundTask:
    """Run ``work`` on a pool thread behind a progress dialog; then ``finished`` on this thread."""
    return BackgroundTask(parent, title, work, finished)
