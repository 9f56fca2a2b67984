"""Snapshots through SQLite's backup API: consistent, bounded, listed, and restorable."""

from __future__ import annotations

import os
import sqlite3
import threading

import pytest

from annotator.core.model import Annotation
from annotator.store import CorpusError, NotACorpusError, open_corpus
from annotator.store.backup import (
    backup_folder,
    check_backup,
    create_backup,
    list_backups,
    prune,
    restore_backup,
)
from tests.durability.conftest import integrity


@pytest.fixture
def corpus_path(tmp_path):
    path = tmp_path / "work" / "corpus.db"
    path.parent.mkdir()
    with open_corpus(path) as corpus:
        article = corpus.articles.add("Foshan", "Midea Group is based in Foshan, Guangdong.\n")
        corpus.annotations.add(Annotation(None, article.id, 1, 24, 30, "Foshan", "mei"))
    return path


def _counts(path):
    with open_corpus(path, create=False) as corpus:
        return corpus.articles.count(), corpus.annotations.count()


def test_backups_live_in_the_user_data_folder_one_folder_per_corpus(tmp_path, corpus_path, user_data_in_tmp):
    folder = backup_folder(corpus_path)
    assert folder.parent == user_data_in_tmp / "Annotator" / "backups"
    assert folder.name.startswith("corpus-")
    other = tmp_path / "elsewhere" / "corpus.db"
    assert backup_folder(other) != folder  # same name, other place: kept apart


def test_a_backup_is_a_standalone_corpus_with_the_same_content(corpus_path):
    snapshot = create_backup(corpus_path)
    assert snapshot.parent == backup_folder(corpus_path)
    assert [p.name for p in snapshot.parent.iterdir()] == [snapshot.name]  # no temporary or -wal file
    conn = sqlite3.connect(snapshot)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert integrity(snapshot) == "ok"
    assert _counts(snapshot) == (1, 1)


def test_a_backup_taken_while_another_connection_writes_is_consistent(corpus_path):
    stop = threading.Event()

    def write():
        with open_corpus(corpus_path) as corpus:
            n = 0
            while not stop.is_set():
                n += 1
                with corpus.db.atomic():  # article and its annotation in one transaction
                    article = corpus.articles.add(f"A{n}", f"Shunde report {n}.\n")
                    corpus.annotations.add(Annotation(None, article.id, 1, 0, 6, "Shunde", "w"))

    writer = threading.Thread(target=write)
    writer.start()
    try:
        snapshots = [create_backup(corpus_path, keep=50) for _ in range(8)]
    finally:
        stop.set()
        writer.join()
    for snapshot in snapshots:
        assert integrity(snapshot) == "ok"
        articles, annotations = _counts(snapshot)
        assert articles == annotations  # never an article without the annotation committed with it


def test_only_the_newest_backups_are_kept(corpus_path):
    made = [create_backup(corpus_path, keep=3) for _ in range(5)]
    kept = list_backups(corpus_path)
    assert [b.path for b in kept] == made[:-4:-1]  # newest first
    assert all((b.articles, b.annotations) == (1, 1) for b in kept)
    (kept[0].path.parent / ".stale.db.tmp").write_bytes(b"half")
    assert prune(kept[0].path.parent, keep=1) == [made[-2], made[-3]]
    assert [p.name for p in kept[0].path.parent.iterdir()] == [made[-1].name]


def test_an_unreadable_backup_is_listed_without_counts(corpus_path):
    good = create_backup(corpus_path)
    bad = good.with_name(good.name.replace(".db", "-9.db"))
    bad.write_bytes(os.urandom(2048))
    listed = {b.path: b for b in list_backups(corpus_path)}
    assert listed[good].readable and not listed[bad].readable
    with pytest.raises(NotACorpusError):
        check_backup(bad)


def test_restore_backs_up_the_current_state_first(corpus_path):
    snapshot = create_backup(corpus_path)
    with open_corpus(corpus_path) as corpus:  # work done after the snapshot
        corpus.articles.add("Later", "Guangzhou signed a plan later that day.\n")
    assert _counts(corpus_path) == (2, 1)
    before = restore_backup(snapshot, corpus_path)
    assert _counts(corpus_path) == (1, 1)
    assert _counts(before) == (2, 1)  # the replaced state is itself a backup
    assert integrity(corpus_path) == "ok"
    conn = sqlite3.connect(corpus_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    restore_backup(before, corpus_path)  # and the restore can be undone
    assert _counts(corpus_path) == (2, 1)


def test_another_open_connection_sees_the_restored_corpus(corpus_path):
    snapshot = create_backup(corpus_path)
    with open_corpus(corpus_path) as other:
        other.articles.add("Later", "Zhuhai joined the plan.\n")
        restore_backup(snapshot, corpus_path)
        assert other.articles.count() == 1
        other.articles.add("After", "Jiangmen joined after the restore.\n")  # still writable, still whole
    assert integrity(corpus_path) == "ok"
    assert _counts(corpus_path) == (2, 1)


@pytest.mark.parametrize("kind", ["random", "truncated", "other_app"])
def test_restore_refuses_a_bad_backup_and_leaves_the_corpus_alone(tmp_path, corpus_path, kind):
    bad = tmp_path / "bad.db"
    if kind == "random":
        bad.write_bytes(os.urandom(8192))
    elif kind == "truncated":
        good = create_backup(corpus_path)
        bad.write_bytes(good.read_bytes()[:3000])
    else:
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE contacts (name)")
        conn.commit()
        conn.close()
    before = corpus_path.read_bytes()
    with pytest.raises(CorpusError):
        restore_backup(bad, corpus_path)
    assert corpus_path.read_bytes() == before
    assert _counts(corpus_path) == (1, 1)


def test_a_corpus_deleted_while_open_can_still_be_backed_up(corpus_path):
    """The open connection still reads the deleted file: a backup rescues everything saved."""
    with open_corpus(corpus_path) as corpus:
        corpus.articles.add("Unsaved?", "Jiangmen text that exists only in the open file.\n")
        for p in corpus_path.parent.iterdir():
            p.unlink()
        snapshot = create_backup(corpus.db.conn, corpus_path)
    assert _counts(snapshot) == (2, 1)


def test_backup_into_an_unwritable_place_is_a_clear_error(tmp_path, corpus_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(CorpusError, match="Could not back up"):
        create_backup(corpus_path, folder=blocker / "backups")
