"""The store's messages name no menu and no command; the window and the command line each add
their own way to restore a backup where that is the way out."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.store import DamagedCorpusError, open_corpus
from annotator.store.health import write_error

STORE = Path(__file__).resolve().parents[2] / "annotator" / "store"
MENU = re.compile(r"(File|Edit|View|Help|Tools) ›|annotator (restore|backup|import|export)")


@pytest.mark.parametrize("path", sorted(STORE.glob("*.py")), ids=lambda p: p.name)
def test_no_store_message_names_a_menu_or_a_command(path):
    assert not MENU.search(path.read_text(encoding="utf-8"))


@pytest.fixture
def cut_corpus(tmp_path):
    path = tmp_path / "c.db"
    with open_corpus(path) as corpus:
        for i in range(50):
            corpus.articles.add(f"A{i}", f"Article {i} about Foshan. " * 40)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 4096])
    return path


def test_a_damaged_corpus_advises_a_restore_each_in_its_own_words(cut_corpus, qtbot):
    with pytest.raises(DamagedCorpusError) as raised:
        open_corpus(cut_corpus)
    assert raised.value.restore_advised and "restore it from a backup" in str(raised.value)
    result = CliRunner().invoke(main, ["--db", str(cut_corpus), "stats"])
    assert result.exit_code == 1 and "annotator restore N" in result.output
    from annotator.ui.session import explain

    assert "File › Restore from backup" in explain(raised.value)


def test_a_read_only_write_error_names_no_menu():
    message = str(write_error(sqlite3.OperationalError("attempt to write a readonly database"), "c.db"))
    assert "read-only" in message and "›" not in message
