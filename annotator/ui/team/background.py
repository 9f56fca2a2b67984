"""Long work off the window's thread: one function, a pool thread, the result delivered back on the
window's thread. The work gets a ``progress(done, total) -> bool`` callback; False asks it to stop."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Job(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)  # the work's result
    failed = Signal(object)  # the exception it raised

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self.running = True

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._stop.is_set()


class _Runnable(QRunnable):
    def __init__(self, job: Job, work: Callable[[Callable[[int, int], bool]], Any]) -> None:
        super().__init__()
        self.job = job
        self.work = work

    def run(self) -> None:
        try:
            result = self.work(self.job._progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the window, which tells the user
            self.job.running = False
            self.job.failed.emit(exc)
        else:
            self.job.running = False
            self.job.finished.emit(result)


def run_in_background(
    work: Callable[[Callable[[int, int], bool]], Any],
    parent: QObject,
    finished: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    progressed: Callable[[int, int], None] | None = None,
) -> Job:
    """Start ``work(progress)`` on a pool thread. ``finished(result)``, ``failed(exception)`` and
    ``progressed(done, total)`` are called on the thread that owns ``parent`` (connected before the
    work starts, so a quick job cannot finish unheard). The work must open its own database connection."""
    job = Job(parent)
    job.finished.connect(finished)
    job.failed.connect(failed)
    if progressed is not None:
        job.progressed.connect(progressed)
    QThreadPool.globalInstance().start(_Runnable(job, work))
    return job
