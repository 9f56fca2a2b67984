"""Commands that only read (stats, export, review) never write to the corpus: its bytes and its
-wal are the same after each, whether the corpus is closed or open in another program."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.model import Annotation
from annotator.store import open_corpus

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = [["stats"], ["stats", "--json"], ["export", "--out", "OUT"], ["review"], ["review", "--conflicts"],
            ["review", "--missed"], ["backup", "--list"]]


def _files(path: Path) -> dict[str, bytes]:
    """The corpus file and its -wal (the -shm is shared memory: every reader marks its place in it)."""
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir())
            if p.name.startswith(path.name) and not p.name.endswith("-shm")}


def _run(db: Path, args: list[str], tmp_path: Path) -> None:
    args = [str(tmp_path / "out.jsonl") if a == "OUT" else a for a in args]
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-m", "annotator", "--db", str(db), *args], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def corpus_db(tmp_path):
    db = tmp_path / "corpus" / "c.db"
    db.parent.mkdir()
    with open_corpus(db) as corpus:
        article = corpus.articles.add("Foshan", "Midea is in Foshan. Foshan grows.\n")
        corpus.annotations.add(Annotation(None, article.id, 1, 12, 18, "Foshan", "mei"))
    return db


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_a_closed_corpus_is_left_byte_for_byte(corpus_db, tmp_path, args):
    before = _files(corpus_db)
    assert list(before) == ["c.db"] and not corpus_db.with_name("c.db-shm").exists()
    _run(corpus_db, args, tmp_path)
    assert _files(corpus_db) == before and not corpus_db.with_name("c.db-shm").exists()


HOLDER = """
import sys
from annotator.store import open_corpus
with open_corpus(sys.argv[1]) as window:
    window.articles.add("Zhuhai", "Gree is in Zhuhai.\\n")
    print("ready", flush=True)
    sys.stdin.read()
"""


def test_a_corpus_open_in_another_program_keeps_its_file_and_wal(corpus_db, tmp_path):
    # The app is another process, with an edit in its -wal not yet checkpointed. (Reading the
    # files here is safe only because this process has no connection to them.)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    window = subprocess.Popen([sys.executable, "-c", HOLDER, str(corpus_db)], env=env, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert window.stdout.readline().strip() == "ready"
        before = _files(corpus_db)
        assert before["c.db-wal"]
        for args in COMMANDS:
            _run(corpus_db, args, tmp_path)
            assert _files(corpus_db) == before, args
    finally:
        window.stdin.close()
        window.wait(timeout=60)
        window.stdout.close()


@pytest.mark.parametrize("args", [["stats"], ["review"], ["export", "--out", "OUT"]], ids=lambda a: a[0])
def test_a_corpus_without_its_search_index_is_not_repaired_by_a_reading_command(corpus_db, tmp_path, args):
    conn = sqlite3.connect(corpus_db)
    conn.execute("DROP TABLE articles_fts")  # another program's doing; only a migration changes the schema
    conn.commit()
    conn.close()
    before = _files(corpus_db)
    _run(corpus_db, args, tmp_path)
    assert _files(corpus_db) == before
