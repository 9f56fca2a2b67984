from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

LONG = bool(os.environ.get("ANNOTATOR_LONG_TESTS"))


def rounds(fast: int, long: int) -> int:
    """How many randomised rounds: a quick default, more with --long or ANNOTATOR_LONG_TESTS=1."""
    return long if LONG else fast


@pytest.fixture(autouse=True)
def user_data_in_tmp(tmp_path, monkeypatch) -> Path:
    """Backups (kept in the user data folder) of each test go to its own temporary folder."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


class Child:
    """A child process running one of ``child.py``'s loops; its stdout lines are ``kind json``.

    It is forked from the test process (a fresh interpreter would spend most of each round
    importing), or started afresh when the test process runs threads; it opens its own
    connection, and is ended only by SIGKILL.
    """

    def __init__(self, mode: str, *args: str) -> None:
        from tests.durability import child

        self.proc: subprocess.Popen | None = None
        if threading.active_count() > 1:  # forking a threaded process is unsafe: start a fresh one
            self.proc = subprocess.Popen(
                [sys.executable, child.__file__, mode, *args], stdout=subprocess.PIPE, text=True, encoding="utf-8"
            )
            self.pid, self.stdout = self.proc.pid, self.proc.stdout
            self.lines: list[tuple[str, dict]] = []
            return
        read_end, write_end = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns into pytest
            try:
                os.close(read_end)
                sys.stdout = os.fdopen(write_end, "w", encoding="utf-8")
                child.MODES[mode](*args)
            except BaseException as exc:  # noqa: BLE001 - told to the parent, which fails the test
                sys.stdout.write("error " + json.dumps({"error": f"{type(exc).__name__}: {exc}"}) + "\n")
                sys.stdout.flush()
            finally:
                os._exit(1)
        os.close(write_end)
        self.stdout = os.fdopen(read_end, "r", encoding="utf-8")
        self.lines: list[tuple[str, dict]] = []

    def _parse(self, line: str) -> None:
        kind, _, payload = line.rstrip("\n").partition(" ")
        try:
            self.lines.append((kind, json.loads(payload)))
        except json.JSONDecodeError:  # a line cut by the kill was never acknowledged
            return
        if kind == "error":
            raise AssertionError(f"the child failed: {self.lines[-1][1]['error']}")

    def wait_for(self, kind: str, count: int = 1) -> None:
        seen = 0
        while seen < count:
            line = self.stdout.readline()
            if not line:
                raise AssertionError("the child ended early")
            self._parse(line)
            if self.lines and self.lines[-1][0] == "done":  # the child finished its work first
                return
            seen += self.lines[-1][0] == kind

    def kill(self, delay: float = 0.0) -> None:
        if delay:
            time.sleep(delay)
        os.kill(self.pid, signal.SIGKILL)
        _, status = os.waitpid(self.pid, 0)
        if self.proc is not None:
            self.proc.returncode = -signal.SIGKILL
        rest = self.stdout.read()  # what it wrote (and flushed) before dying still counts
        self.stdout.close()
        for line in rest.splitlines():
            self._parse(line)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, "the child ended before it was killed"


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
