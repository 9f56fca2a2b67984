"""Long work off the window's thread: the one way the app runs it, with progress and cancel.

    task = Task.in_thread(work, arg)        # or Task.in_process(work, arg), or Task.inline(work, arg)
    task.progressed.connect(bar.update)     # (done, total, text), at most ~20 times a second
    task.succeeded.connect(show_result)     # work's return value
    task.failed.connect(show_error)         # the exception work raised
    task.cancelled.connect(say_cancelled)   # the user pressed Cancel and work stopped
    task.start()
    ...
    task.cancel()                           # from the window: work sees it at its next progress call

``work(progress, *args)`` is a plain function of the layers below the UI: it calls
``progress(done, total, text="")`` as it goes, which returns False once cancel was asked for;
work then stops without leaving anything half-done and raises ``Cancelled`` (or any exception
whose class is listed in ``cancel_errors``, e.g. ``ExportCancelled``). Exactly one of succeeded,
failed or cancelled is emitted, on the window's thread, then ``finished``.

Where it runs:

- ``in_thread``: a QThreadPool thread. For work that mostly waits on SQLite or the disk (a
  backup, the search index), which releases Python's lock while it waits. Work must open its
  own connection to the corpus: a connection belongs to the thread that made it.
- ``in_process``: a process started fresh (spawn, never a fork of the window). For work that
  keeps Python busy (an import, an export, a scan of the whole corpus), which in a thread would
  hold Python's lock and stall the window between key presses. ``work`` and its arguments are
  sent to the process, so they must be module-level and picklable, and so is the result.
- ``inline``: here, now (an in-memory corpus, which no other thread or process can open).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from annotator.ui.i18n import tr

log = logging.getLogger(__name__)

BACKGROUND_NICE = 10  # how much lower a background process's CPU priority is than the window's (Unix nice)
PROGRESS_INTERVAL = 0.05  # seconds between progress signals (the rest are dropped, the last kept)
POLL_MS = 30  # how often a process task's messages are read


class Cancelled(Exception):
    """Work stopped because the user asked; nothing half-done was left."""


class Task(QObject):
    progressed = Signal(int, int, str)  # done, total, text
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()

    def __init__(
        self,
        work: Callable[..., Any],
        args: tuple,
        mode: str,
        cancel_errors: tuple = (),
        pool: QThreadPool | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.work, self.args, self.mode = work, args, mode
        self.pool, self.on_cancel = pool, on_cancel
        self._working = False  # the work has begun (on_cancel only interrupts work under way)
        self.cancel_errors = (Cancelled, *cancel_errors)
        self.running = False
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._cancel = threading.Event()
        self._ended = threading.Event()  # set by a thread task's worker when the work returned
        self._last_emit = 0.0
        self._process: Any = None
        self._timer: QTimer | None = None

    # --- making one ------------------------------------------------------------------
    @classmethod
    def in_thread(
        cls,
        work: Callable[..., Any],
        *args: Any,
        cancel_errors: tuple = (),
        pool: QThreadPool | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> "Task":
        """``pool``: a pool of one's own (one thread: tasks that share a connection take turns);
        ``on_cancel``: also called on cancel while the work runs (``sqlite3.Connection.interrupt``)."""
        return cls(work, args, "thread", cancel_errors, pool, on_cancel)

    @classmethod
    def in_process(cls, work: Callable[..., Any], *args: Any, cancel_errors: tuple = ()) -> "Task":
        return cls(work, args, "process", cancel_errors)

    @classmethod
    def inline(cls, work: Callable[..., Any], *args: Any, cancel_errors: tuple = ()) -> "Task":
        return cls(work, args, "inline", cancel_errors)

    # --- running ---------------------------------------------------------------------
    def start(self) -> "Task":
        self.running = True
        _LIVE.add(self)  # kept alive until finished, whoever holds it
        if self.mode == "thread":
            self._runnable = _Runnable(self)
            (self.pool or QThreadPool.globalInstance()).start(self._runnable)
        elif self.mode == "process":
            self._start_process()
        else:
            self._run_here()
            self._finish()
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next progress call."""
        self._cancel.set()
        if self.on_cancel is not None and self._working and not self._ended.is_set():
            self.on_cancel()
        if self._process is not None:
            self._process[1].set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def wait(self, timeout: float = 30.0) -> bool:
        """Block until the work is done, then emit its outcome (for closing the window, and tests).
        Runs no event loop meanwhile. True when it is done."""
        if self.mode == "thread" and self.running and self._ended.wait(timeout):
            self._finish()
        deadline = time.monotonic() + timeout
        while self.mode == "process" and not self.done and time.monotonic() < deadline:
            self._poll()
            if not self.done:
                time.sleep(0.005)
        return self.done

    def progress(self, done: int, total: int, text: str = "") -> bool:
        """What ``work`` calls (from its thread): reports progress, False once cancel was asked for."""
        now = time.monotonic()
        if now - self._last_emit >= PROGRESS_INTERVAL or done >= total > 0:
            self._last_emit = now
            self.progressed.emit(done, total, text)
        return not self._cancel.is_set()

    def _run_here(self) -> None:
        self._working = True
        try:
            self.result = self.work(self.progress, *self.args)
        except BaseException as exc:  # noqa: BLE001 - handed to the window as failed or cancelled
            self.error = exc

    def _finish(self) -> None:  # on the window's thread
        if self.done:  # already delivered by wait()
            return
        self.running = False
        self.done = True
        _LIVE.discard(self)
        if self.error is None:
            if self._cancel.is_set() and self.result is None:
                self.cancelled.emit()
            else:
                self.succeeded.emit(self.result)
        elif isinstance(self.error, self.cancel_errors):
            self.cancelled.emit()
        else:
            self.failed.emit(self.error)
        self.finished.emit()

    # --- in a process ----------------------------------------------------------------
    def _start_process(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        receive, send = ctx.Pipe(duplex=False)
        cancel = ctx.Event()
        process = ctx.Process(target=_process_main, args=(self.work, self.args, send, cancel))
        process.start()
        send.close()
        self._process = (process, cancel, receive)
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        process, _, receive = self._process
        try:
            while receive.poll():
                kind, value = receive.recv()
                if kind == "progress":
                    self.progressed.emit(*value)
                elif kind == "result":
                    self.result = value
                elif kind == "error":
                    self.error = value
        except (EOFError, OSError):  # the process ended (its end of the pipe closed)
            pass
        else:
            if process.is_alive():
                return
            if receive.poll():  # sent just before it ended
                return
        process.join()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.result is None and self.error is None:
            self.error = RuntimeError(
                tr("The background process stopped unexpectedly (exit code {exitcode}).").format(
                    exitcode=process.exitcode
                )
            )
        receive.close()
        self._finish()


_LIVE: set[Task] = set()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the task keeps it
        self.task = task
        self.relay = _Relay()
        self.relay.done.connect(task._finish)
        self.relay.moveToThread(task.thread())

    def run(self) -> None:
        self.task._run_here()
        self.task._ended.set()
        self.relay.done.emit()  # queued: _finish runs on the window's thread


class _Relay(QObject):
    done = Signal()


def _lower_priority() -> None:
    """Give this background process (and the worker processes it starts, which inherit it) a lower
    CPU priority than the window's: where the cores are busy, the window's key presses and paints
    get the core first and the work goes on with what is left."""
    try:
        os.nice(BACKGROUND_NICE)
    except (AttributeError, OSError) as exc:  # no os.nice (Windows), or not allowed: the same priority
        log.debug("The background process keeps its priority: %s", exc)


def _process_main(work: Callable[..., Any], args: tuple, send: Any, cancel: Any) -> None:
    _lower_priority()
    last = [0.0]

    def progress(done: int, total: int, text: str = "") -> bool:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_INTERVAL or done >= total > 0:
            last[0] = now
            send.send(("progress", (done, total, text)))
        return not cancel.is_set()

    try:
        send.send(("result", work(progress, *args)))
    except BaseException as exc:  # noqa: BLE001 - sent to the window
        try:
            send.send(("error", exc))
        except Exception:  # noqa: BLE001 - an exception that cannot be pickled: its text
            send.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")))
    finally:
        send.close()
