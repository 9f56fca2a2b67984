"""The check before each write that this process still holds SQLite's locks reads the corpus
descriptors' own lock lists (/proc/self/fdinfo), not /proc/locks: both must tell the same, with
the locks held, after they were dropped, and after they were taken again."""

from __future__ import annotations

import os
import sys

import pytest

from annotator.store import open_corpus
from tests.durability.outside import held_locks

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX locks as Linux shows them")


def _names(path, inodes: set[int]) -> set[str]:
    names = {os.stat(path).st_ino: "db", os.stat(f"{path}-shm").st_ino: "shm"}
    return {names[i] for i in inodes}


def test_the_lock_check_tells_what_proc_locks_tells(tmp_path):
    path = tmp_path / "c.db"
    with open_corpus(path) as corpus:
        corpus.articles.add("Foshan", "Foshan hosts Midea Group.")
        files = corpus.files
        assert _names(path, files._locked_inodes()) == held_locks(path) == {"db", "shm"}
        assert files.locks_held() is True

        with open(path, "rb"):  # a read outside SQLite: closing it drops every lock on the file
            pass
        assert _names(path, files._locked_inodes()) == held_locks(path) == {"shm"}
        assert files.locks_held() is False

        assert files.retake_locks()
        assert _names(path, files._locked_inodes()) == held_locks(path) == {"db", "shm"}
