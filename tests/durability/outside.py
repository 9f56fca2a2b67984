"""What other processes see of a corpus the test process has open, and which locks it holds.

Nothing here opens a corpus file in the test process: every read is made by a separate
process, as a colleague's command or a second app would make it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

READ = """
import sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True, timeout=10)
print(conn.execute(sys.argv[2]).fetchone()[0])
"""


def read_elsewhere(path: Path, sql: str = "SELECT count(*) FROM annotations") -> int | str:
    """One value, read by a separate read-only process (it can neither checkpoint nor delete the WAL)."""
    done = subprocess.run(
        [sys.executable, "-c", READ, str(Path(path).resolve()), sql], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    value = done.stdout.rstrip("\n")
    return int(value) if value.lstrip("-").isdigit() else value


def annotator_command() -> list[str]:
    """The installed ``annotator`` entry point (beside this Python), else the package run as a module."""
    script = Path(sys.executable).with_name("annotator")
    return [str(script)] if script.exists() else [sys.executable, "-m", "annotator"]


def run_cli(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*annotator_command(), *args], capture_output=True, text=True, timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def held_locks(path: Path, pid: int | None = None) -> set[str]:
    """Which of the corpus's files (``db``, ``shm``, ``wal``) process ``pid`` holds a POSIX lock on (Linux)."""
    pid = os.getpid() if pid is None else pid
    names = {}
    for suffix, name in (("", "db"), ("-shm", "shm"), ("-wal", "wal")):
        try:
            names[os.stat(f"{path}{suffix}").st_ino] = name
        except OSError:
            pass
    held = set()
    with open("/proc/locks", encoding="ascii") as fh:  # not a corpus file
        for line in fh:
            fields = line.split()
            if len(fields) > 5 and fields[1] != "->" and fields[4] == str(pid):
                inode = int(fields[5].rsplit(":", 1)[1])
                if inode in names:
                    held.add(names[inode])
    return held


def wal_inode(path: Path) -> int:
    return os.stat(f"{path}-wal").st_ino


SERVE = """
import pickle, sys
from annotator.store import open_corpus
out = sys.stdout.buffer
for line in sys.stdin:
    path, article_id = line.rstrip("\\n").rsplit("\\t", 1)
    try:
        with open_corpus(path, create=False, read_only=True) as corpus:
            result = corpus.annotations.for_article(int(article_id))
    except Exception as exc:  # told to the test, which fails
        result = exc
    data = pickle.dumps(result)
    out.write(len(data).to_bytes(8, "big") + data)
    out.flush()
"""


class _Reader:
    """One helper process that reads annotations for the tests: started once, a few ms a read."""

    proc: subprocess.Popen | None = None

    @classmethod
    def annotations(cls, path: Path, article_id: int) -> list:
        import pickle

        if cls.proc is None or cls.proc.poll() is not None:
            cls.proc = subprocess.Popen([sys.executable, "-c", SERVE], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        cls.proc.stdin.write(f"{Path(path).resolve()}\t{article_id}\n".encode("utf-8", "surrogateescape"))
        cls.proc.stdin.flush()
        size = int.from_bytes(cls.proc.stdout.read(8), "big")
        result = pickle.loads(cls.proc.stdout.read(size))
        if isinstance(result, Exception):
            raise result
        return result


def annotations_elsewhere(path: Path, article_id: int = 1) -> list:
    """The annotations of one article as a separate process reads them from the file right now."""
    return _Reader.annotations(path, article_id)
