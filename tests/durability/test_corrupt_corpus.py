"""A damaged corpus file is refused with a clear message and left byte for byte as it was."""

from __future__ import annotations

import os
import random
import sqlite3

import pytest

from annotator.core.model import Annotation
from annotator.store import CorpusError, open_corpus
from tests.durability.conftest import rounds


@pytest.fixture(scope="module")
def good_corpus(tmp_path_factory) -> bytes:
    """The bytes of a checkpointed corpus of several pages."""
    path = tmp_path_factory.mktemp("good") / "corpus.db"
    with open_corpus(path) as corpus:
        with corpus.db.atomic():
            for i in range(60):
                article = corpus.articles.add(f"Article {i}", f"Foshan report {i}. " + "Midea in Shunde. " * 40)
                corpus.annotations.add(Annotation(None, article.id, 1, 0, 6, "Foshan", "mei"))
        corpus.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.read_bytes()


def _refused_untouched(path, match=None) -> str:
    before = path.read_bytes()
    with pytest.raises(CorpusError) as caught:
        with open_corpus(path):
            pass
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    if match:
        assert match in message
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no -wal, -shm or -journal left beside it
    return message


def test_truncated_at_many_points_is_refused_and_untouched(tmp_path, good_corpus):
    size = len(good_corpus)
    page = 4096
    points = {1, 15, 16, 17, 99, 100, 101, 511, 512, 1000, page - 1, page, page + 1, size - page, size - 1}
    points |= {n * page for n in range(1, size // page)}  # every page boundary
    rng = random.Random(5)
    points |= {rng.randrange(1, size) for _ in range(rounds(20, 400))}
    for n, cut in enumerate(sorted(points)):
        path = tmp_path / f"cut{n}" / "corpus.db"
        path.parent.mkdir()
        path.write_bytes(good_corpus[:cut])
        message = _refused_untouched(path)
        assert str(path) in message


def test_a_page_boundary_cut_names_the_missing_bytes(tmp_path, good_corpus):
    path = tmp_path / "corpus.db"
    path.write_bytes(good_corpus[: len(good_corpus) - 4096])
    message = _refused_untouched(path, "cut short")
    assert f"of {len(good_corpus):,} bytes" in message


def test_the_whole_file_still_opens(tmp_path, good_corpus):
    path = tmp_path / "corpus.db"
    path.write_bytes(good_corpus)
    with open_corpus(path) as corpus:
        assert corpus.articles.count() == 60 and corpus.annotations.count() == 60


@pytest.mark.parametrize("size", [100, 4096, 65536])
def test_random_bytes_behind_an_sqlite_header_are_refused_untouched(tmp_path, size):
    path = tmp_path / "corpus.db"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(size - 16))
    _refused_untouched(path)


def test_another_applications_wal_database_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.executemany("INSERT INTO notes VALUES (?)", [("x" * 500,)] * 50)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    _refused_untouched(path, "another application")
