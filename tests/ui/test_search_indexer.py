"""The background search indexer writes with the store's discipline and reports a failure."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.store import locking, open_corpus
from annotator.store.search import catch_up_file, unindexed_count
from annotator.ui.search.indexer import SearchIndexer


@pytest.fixture
def corpus_path(tmp_path):
    path = tmp_path / "c.db"
    with open_corpus(path) as corpus:
        for i in range(25):
            corpus.articles.add(f"A{i}", f"Article {i} about Foshan.\n")
    return path


def test_catch_up_file_takes_the_write_lock_up_front(corpus_path, monkeypatch):
    statements = []
    real = locking.connect

    def traced(path):
        db = real(path)
        db.conn.set_trace_callback(statements.append)
        return db

    monkeypatch.setattr("annotator.store.search.connect", traced)
    assert catch_up_file(corpus_path, lambda: False, step=10) == 25
    begins = [s for s in statements if s.startswith("BEGIN")]
    assert len(begins) >= 3 and set(begins) == {"BEGIN IMMEDIATE"}  # a chunk of 10 per transaction


def test_a_busy_corpus_is_reported_not_swallowed(qtbot, corpus_path, monkeypatch):
    monkeypatch.setattr(locking, "BUSY_TIMEOUT", 0.2)
    holder = sqlite3.connect(corpus_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing for a long time
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            catch_up_file(corpus_path, lambda: False)
        with open_corpus(corpus_path) as corpus:
            indexer = SearchIndexer(corpus)
            with qtbot.waitSignal(indexer.failed, timeout=10_000) as failed:
                indexer.start()
            assert "Search indexing stopped" in failed.args[0] and "locked" in failed.args[0]
            indexer.stop()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with open_corpus(corpus_path) as corpus:
        assert unindexed_count(corpus.db) == 25  # nothing half-indexed
