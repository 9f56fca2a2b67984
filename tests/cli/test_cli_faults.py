"""The command line under hostile input and faults: numbers out of range, empty arguments,
control characters in names, an import stopped by a busy or full disk."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.store import open_corpus
from annotator.store.articles import ArticleRepository


@pytest.fixture
def corpus_db(cli, db, tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Midea is in Foshan.\n")
    assert cli("--db", db, "import", source).exit_code == 0
    return db


@pytest.mark.parametrize(
    "args",
    [
        ["review", "--article", "99999999999999999999999"],
        ["review", "--article", "0"],
        ["review", "--article", "9" * 5000],
        ["export", "--out", "x.jsonl", "--seed", "9" * 5000],
        ["export", "--out", "x.jsonl", "--seed", str(2**64)],
        ["search", "Foshan", "--limit", str(2**70)],
        ["import", "--max-size", "9" * 400, "a.txt"],
        ["import", "--max-size", "1" + "0" * 40 + "GB", "a.txt"],
        ["train", "--out", "m", "--seed", "9" * 5000],
        ["train", "--out", "m", "--iterations", "0"],
        ["train", "--out", "m", "--rank", str(2**70)],
    ],
)
def test_numbers_out_of_range_are_usage_errors(cli, corpus_db, args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("--db", corpus_db, *args)
    assert result.exit_code == 2, result.output
    assert "Error: Invalid value" in result.stderr


@pytest.mark.parametrize("backup", ["¹", "٣", "1" * 40, "0"])
def test_restore_of_a_number_that_is_no_backup_is_a_sentence(cli, corpus_db, backup):
    result = cli("--db", corpus_db, "restore", backup, "--yes")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "no backup number" in result.stderr or "does not exist" in result.stderr


def test_empty_arguments_are_refused_with_what_to_give(cli, corpus_db, tmp_path):
    restore = cli("--db", corpus_db, "restore", "", "--yes")
    assert restore.exit_code == 2 and "give a backup number" in restore.stderr
    out = cli("--db", corpus_db, "export", "--out", "")
    assert out.exit_code == 2 and "give a file or folder" in out.stderr
    for option in ("--label", "--status", "--annotator"):
        result = cli("--db", corpus_db, "export", "--out", tmp_path / "x.jsonl", option, ",,,")
        assert result.exit_code == 2 and "names nothing" in result.stderr, option
    assert not (tmp_path / "x.jsonl").exists()


def test_control_characters_in_names_never_reach_the_terminal(cli, db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    forged = "x\x1b[2K\r\x07\nfake: Imported 999 articles\u202e.txt"
    (folder / forged).write_bytes(b"\xff\xfe\x00")  # rejected: its name is reported
    (folder / "good.txt").write_text("Midea is in Foshan.\n")
    result = cli("--db", db, "import", folder)
    shown = result.stdout + result.stderr
    assert "\x1b" not in shown and "\x07" not in shown and "\r" not in shown and "\u202e" not in shown
    assert not any(line.startswith("fake:") for line in shown.splitlines())
    assert "\\x1b" in shown and "\\nfake" in shown
    missing = cli("--db", tmp_path / "no\x1bpe.db", "stats")
    assert "\x1b" not in missing.stderr and "\\x1b" in missing.stderr


def test_tables_escape_control_characters(cli, corpus_db):
    with open_corpus(corpus_db) as corpus:
        corpus.articles.add("Title\x1b[31m red", "Another article\x07 about Foshan.\n")
    result = cli("--db", corpus_db, "search", "Foshan")
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\\x07" in result.stdout


@pytest.mark.parametrize("error", ["database or disk is full", "database is locked"])
def test_an_import_stopped_by_the_disk_or_a_lock_says_how_many_went_in(cli, db, tmp_path, monkeypatch, error):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(f"Article {i} is about Foshan.\n")
    real = ArticleRepository.add
    calls = {"n": 0}

    def add(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise sqlite3.OperationalError(error)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(ArticleRepository, "add", add)
    result = cli("--db", db, "import", folder)
    assert result.exit_code == 1
    assert "Import stopped" in result.stderr and "Imported 3 articles" in result.stderr
    with open_corpus(db) as corpus:
        assert corpus.articles.count() == 3
