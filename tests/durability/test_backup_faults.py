"""Backups under faults: restoring the oldest backup, several backups at once, a non-corpus file,
a full disk while the snapshot is written."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.model import Annotation
from annotator.store import CorpusError, NotACorpusError, open_corpus
from annotator.store.backup import KEEP, backup_folder, create_backup, list_backups, restore_backup

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def corpus_path(tmp_path):
    path = tmp_path / "work" / "corpus.db"
    path.parent.mkdir()
    with open_corpus(path) as corpus:
        corpus.articles.add("Foshan", "Midea Group is based in Foshan, Guangdong.\n")
    return path


def _annotations(path: Path) -> int:
    with open_corpus(path, create=False) as corpus:
        return corpus.annotations.count()


def _fill_folder(corpus_path: Path) -> None:
    """KEEP backups, the oldest of a corpus with no annotation, each later one with one more."""
    for i in range(KEEP):
        create_backup(corpus_path)
        with open_corpus(corpus_path) as corpus:
            corpus.annotations.add(Annotation(None, 1, 1, 24, 30, "Foshan", f"a{i}"))


def test_restoring_the_oldest_backup_keeps_it_and_restores_it(corpus_path):
    _fill_folder(corpus_path)
    backups = list_backups(corpus_path)
    assert len(backups) == KEEP and backups[-1].annotations == 0
    oldest = backups[-1].path
    before = restore_backup(oldest, corpus_path)
    assert oldest.exists()  # the backup restored is never pruned away by the backup taken before
    assert _annotations(corpus_path) == 0
    assert list_backups(corpus_path)[0].path == before and list_backups(corpus_path)[0].annotations == KEEP


@pytest.mark.parametrize("number", [1, KEEP])
def test_restore_n_works_for_every_number_backup_list_shows(corpus_path, number):
    _fill_folder(corpus_path)
    expected = list_backups(corpus_path)[number - 1].annotations
    result = CliRunner().invoke(main, ["--db", str(corpus_path), "restore", str(number), "--yes"])
    assert result.exit_code == 0, result.output
    assert _annotations(corpus_path) == expected


def test_six_backups_at_once_all_succeed(corpus_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [
        subprocess.Popen([sys.executable, "-m", "annotator", "--db", str(corpus_path), "backup"],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(6)
    ]
    outcomes = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert [code for code, _ in outcomes] == [0] * 6, outcomes
    backups = list_backups(corpus_path)
    assert len(backups) == 6 and all(b.readable for b in backups)
    assert sorted(p.name for p in backup_folder(corpus_path).iterdir()) == sorted(b.path.name for b in backups)


def test_a_file_that_is_not_a_corpus_is_not_backed_up_and_left_as_it_was(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    content = other.read_bytes()
    with pytest.raises(NotACorpusError):
        create_backup(other)
    assert sorted(p.name for p in other.parent.glob("other*")) == ["other.db"]  # no -wal or -shm left beside it
    assert other.read_bytes() == content
    assert list_backups(other) == []


def test_a_backup_that_fails_while_writing_leaves_no_staged_file(corpus_path, monkeypatch):
    class Full(sqlite3.Connection):
        def backup(self, target, **kwargs):
            staged = target.execute("PRAGMA database_list").fetchone()[2]
            Path(staged + "-journal").write_bytes(b"\0" * 512)  # what a disk that fills up mid-write leaves
            raise sqlite3.OperationalError("database or disk is full")

    folder = backup_folder(corpus_path)
    with sqlite3.connect(str(corpus_path), factory=Full) as conn, pytest.raises(CorpusError, match="full"):
        create_backup(conn, corpus_path)
    assert list(folder.iterdir()) == []


def test_backing_up_a_closed_corpus_leaves_nothing_beside_it(corpus_path):
    before = sorted(p.name for p in corpus_path.parent.iterdir())
    create_backup(corpus_path)
    assert sorted(p.name for p in corpus_path.parent.iterdir()) == before


def test_a_corpus_in_a_read_only_folder_is_backed_up(tmp_path):
    prefix: list[str] = []
    if os.geteuid() == 0:  # root ignores permission bits unless it gives up the capabilities that do so
        if shutil.which("setpriv") is None:
            pytest.skip("root ignores permission bits, and setpriv is not there to drop that")
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    folder = tmp_path / "readonly"
    folder.mkdir()
    path = folder / "c.db"
    with open_corpus(path) as corpus:
        corpus.articles.add("Foshan", "Midea is in Foshan.\n")
    folder.chmod(0o555)
    try:
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "annotator", "--db", str(path), "backup"],
            env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["c.db"]
    finally:
        folder.chmod(0o755)
    (made,) = list_backups(path)
    assert made.articles == 1
