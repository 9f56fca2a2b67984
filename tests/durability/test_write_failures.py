"""The store when the disk is full, the file is read-only, or another program holds the lock:
the write fails as a whole, what was saved stays, and the next write works once the cause is gone."""

from __future__ import annotations

import os
import sqlite3

import pytest

from annotator.core.model import Annotation, Label, Status
from annotator.store import CorpusError, open_corpus
from annotator.store.health import FileIdentity, write_error
from tests.durability.conftest import integrity

TEXT = "Midea Group is based in Foshan, Guangdong. " * 5


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "corpus.db"
    with open_corpus(p) as corpus:
        article = corpus.articles.add("Foshan", TEXT)
        corpus.annotations.add(Annotation(None, article.id, 1, 24, 30, "Foshan", "mei"))
    return p


def _snapshot(corpus):
    return (
        [tuple(a) for a in corpus.annotations.for_article(1)],
        corpus.labels.list(),
        corpus.articles.summary(1).status,
    )


def _fill_disk(corpus) -> None:
    corpus.db.execute(f"PRAGMA max_page_count = {corpus.db.execute('PRAGMA page_count').fetchone()[0]}")


WRITES = {
    "add annotation with a long note": lambda c: c.annotations.add(
        Annotation(None, 1, 2, 0, 5, "Midea", "newcomer", "n" * 50_000)),
    "add many": lambda c: c.annotations.add_many(
        [Annotation(None, 1, 3, 0, 5, "Midea", "newcomer", "x" * 5000) for _ in range(10)]),
    "add label": lambda c: c.labels.add(Label(None, "Big " + "y" * 20_000, "BIG", "#123456")),
    "import article": lambda c: c.articles.add("Long", "Zhuhai " * 20_000),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_disk_full_refuses_the_write_and_keeps_what_was_saved(path, write):
    with open_corpus(path) as corpus:
        before = _snapshot(corpus)
        _fill_disk(corpus)
        with pytest.raises(sqlite3.OperationalError, match="full") as caught:
            WRITES[write](corpus)
        assert "disk is full" in str(write_error(caught.value, path))
        assert _snapshot(corpus) == before
        corpus.db.execute("PRAGMA max_page_count = 1073741823")  # space freed
        corpus.annotations.add(Annotation(None, 1, 2, 0, 5, "Midea", "newcomer"))  # works at once
    assert integrity(path) == "ok"


def test_a_read_only_file_refuses_a_status_change(path):
    with open_corpus(path, user="mei") as corpus:
        corpus.db.execute("PRAGMA query_only = ON")  # what a read-only file gives
        with pytest.raises(sqlite3.OperationalError, match="readonly") as caught:
            corpus.articles.set_status(1, Status.DONE)
        assert "read-only" in str(write_error(caught.value, path))
        corpus.db.execute("PRAGMA query_only = OFF")
        assert corpus.articles.summary(1).status is Status.IN_PROGRESS


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="file permissions do not bind the root user")
def test_a_really_read_only_file_reads_and_refuses_writes(path):
    os.chmod(path, 0o444)
    try:
        with open_corpus(path) as corpus:
            assert corpus.annotations.count() == 1
            with pytest.raises(sqlite3.OperationalError):
                corpus.articles.set_status(1, Status.DONE)
    finally:
        os.chmod(path, 0o644)
    assert integrity(path) == "ok"


def test_a_write_waits_for_another_writer_then_fails_clearly(path):
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")
    with open_corpus(path) as corpus:
        corpus.db.execute("PRAGMA busy_timeout = 100")
        with pytest.raises(sqlite3.OperationalError, match="locked") as caught:
            corpus.annotations.add(Annotation(None, 1, 2, 0, 5, "Midea", "mei"))
        assert "another program" in str(write_error(caught.value, path))
        other.rollback()
        corpus.annotations.add(Annotation(None, 1, 2, 0, 5, "Midea", "mei"))
    other.close()


def test_a_vanished_or_replaced_file_is_noticed(path, tmp_path):
    identity = FileIdentity.of(path)
    assert identity.still_there()
    moved = tmp_path / "moved.db"
    os.replace(path, moved)
    assert not identity.still_there()
    path.write_bytes(moved.read_bytes())  # a different file under the same name
    assert not identity.still_there()


def test_surrogates_are_refused_as_a_corpus_error(path):
    with open_corpus(path) as corpus:
        with pytest.raises(CorpusError, match="lone surrogate"):
            corpus.articles.add("Bad \udc80 title", "Some text.")
        assert corpus.articles.count() == 1
