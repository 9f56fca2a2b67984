"""ui/tasks.py: long work in a thread, a process or here, with progress, cancel and one outcome."""

from __future__ import annotations

import os

import pytest

from annotator.ui import tasks
from annotator.ui.tasks import Cancelled, Task


def count_to(progress, n: int) -> int:
    for i in range(1, n + 1):
        if not progress(i, n, f"step {i}"):
            raise Cancelled
    return n


def until_cancelled(progress) -> str:
    while progress(0, 0):
        pass
    raise Cancelled


def fails(progress) -> None:
    raise ValueError("the reason")


def which_process(progress) -> int:
    return os.getpid()


def niceness(progress) -> int:
    return os.nice(0)


def _outcome(task: Task) -> list:
    seen: list = []
    task.progressed.connect(lambda done, total, text: seen.append(("progress", done, total, text)))
    task.succeeded.connect(lambda result: seen.append(("succeeded", result)))
    task.failed.connect(lambda exc: seen.append(("failed", str(exc))))
    task.cancelled.connect(lambda: seen.append(("cancelled",)))
    task.finished.connect(lambda: seen.append(("finished",)))
    return seen


@pytest.mark.parametrize("make", [Task.inline, Task.in_thread, Task.in_process])
def test_one_outcome_then_finished_on_the_windows_thread(qtbot, make):
    task = make(count_to, 3)
    seen = _outcome(task)
    task.start()
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    assert seen[-2:] == [("succeeded", 3), ("finished",)]
    assert ("progress", 3, 3, "step 3") in seen  # the last figure always comes
    failing = make(fails)
    seen = _outcome(failing)
    failing.start()
    assert failing.wait()
    assert seen == [("failed", "the reason"), ("finished",)]


@pytest.mark.parametrize("make", [Task.in_thread, Task.in_process])
def test_cancel_stops_the_work(qtbot, make):
    task = make(until_cancelled)
    seen = _outcome(task)
    task.start()
    task.cancel()
    assert task.wait()
    assert seen[-2:] == [("cancelled",), ("finished",)]


def test_a_process_task_runs_elsewhere(qtbot):
    task = Task.in_process(which_process).start()
    assert task.wait() and task.result != os.getpid()


@pytest.mark.skipif(not hasattr(os, "nice"), reason="Unix priorities")
def test_a_process_task_gives_the_window_the_core_first(qtbot):
    """Background work in a process runs at a lower CPU priority than the window (its workers inherit it)."""
    task = Task.in_process(niceness).start()
    assert task.wait()
    assert task.result == min(19, os.nice(0) + tasks.BACKGROUND_NICE)
