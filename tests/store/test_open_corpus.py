import os
import sqlite3

import pytest

from annotator.core.model import DEFAULT_LABELS
from annotator.store import CorpusError, NewerSchemaError, NotACorpusError, open_corpus
from annotator.store.corpus import APPLICATION_ID
from annotator.store.migrations import KNOWN, MIGRATION_SET


def test_empty_file_is_migrated_into_a_corpus(tmp_path):
    path = tmp_path / "corpus.db"
    path.write_bytes(b"")
    with open_corpus(path) as corpus:
        assert corpus.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        names = [r[0] for r in corpus.db.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET])]
        assert names == KNOWN
        assert {"articles", "labels", "annotations", "annotators"} <= set(corpus.db.table_names())
    with open_corpus(path) as corpus:  # opening again applies nothing new
        assert corpus.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(KNOWN)


def test_wal_mode_and_foreign_keys(tmp_path):
    with open_corpus(tmp_path / "c.db") as corpus:
        assert corpus.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert corpus.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_default_label_set(corpus):
    labels = corpus.labels.list()
    assert [(label.name, label.tag, label.colour, label.hotkey) for label in labels] == [
        (label.name, label.tag, label.colour, label.hotkey) for label in DEFAULT_LABELS
    ]
    assert [label.tag for label in labels] == ["LOCATION", "COMPANY", "POLICY_TERM"]


def _refused_unchanged(path, error, match):
    before = path.read_bytes() if path.is_file() else None
    mtime = path.stat().st_mtime_ns
    with pytest.raises(error, match=match):
        open_corpus(path)
    if before is not None:
        assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime
    assert not os.path.exists(f"{path}-wal") and not os.path.exists(f"{path}-journal")


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_newer_schema_is_refused_and_left_byte_identical(tmp_path, journal):
    path = tmp_path / "corpus.db"
    open_corpus(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [MIGRATION_SET, "m999_from_the_future", "2030-01-01 00:00:00"],
    )
    conn.commit()
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.close()
    _refused_unchanged(path, NewerSchemaError, "newer version of Annotator")


def test_another_applications_database_is_refused_unchanged(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Li Wei')")
    conn.commit()
    conn.close()
    _refused_unchanged(path, NotACorpusError, "another application")


def test_random_bytes_are_refused_unchanged(tmp_path):
    path = tmp_path / "noise.db"
    path.write_bytes(os.urandom(4096))
    _refused_unchanged(path, NotACorpusError, "not an SQLite database")


def test_text_file_is_refused_unchanged(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("SQLite format 3 is mentioned here but this is text\n")
    _refused_unchanged(path, NotACorpusError, "not an Annotator corpus")


def test_directory_is_refused(tmp_path):
    with pytest.raises(NotACorpusError, match="is a directory"):
        open_corpus(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_and_create_false(tmp_path):
    with pytest.raises(CorpusError, match="does not exist"):
        open_corpus(tmp_path / "no" / "such" / "c.db")
    with pytest.raises(CorpusError, match="does not exist"):
        open_corpus(tmp_path / "c.db", create=False)
    assert not (tmp_path / "c.db").exists()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(CorpusError, match="is empty"):
        open_corpus(empty, create=False)
    assert empty.read_bytes() == b""


def _sqlite_file(path, *statements):
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize(
    "statements",
    [
        ["CREATE VIEW articles AS SELECT 1 AS x"],
        ["CREATE VIEW v AS SELECT 1"],
        ["PRAGMA application_id = 12345"],
        ["PRAGMA user_version = 7"],
    ],
)
def test_a_schema_less_sqlite_file_of_another_application_is_refused_untouched(tmp_path, statements):
    path = _sqlite_file(tmp_path / "other.db", *statements)
    before = path.read_bytes()
    with pytest.raises(NotACorpusError, match="another application"):
        open_corpus(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_a_blank_sqlite_file_becomes_a_corpus_only_when_asked_to_create_one(tmp_path):
    path = _sqlite_file(tmp_path / "blank.db", "CREATE TABLE t (x)", "DROP TABLE t")
    before = path.read_bytes()
    with pytest.raises(CorpusError, match="empty database"):
        open_corpus(path, create=False)  # what stats, export and review open with
    assert path.read_bytes() == before
    with open_corpus(path) as corpus:
        assert corpus.articles.count() == 0
