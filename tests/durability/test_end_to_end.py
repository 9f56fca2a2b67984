"""The app in its own process, started through its entry point, edited, quit for real, started again.

No test helper closes the corpus or reads through the app's connection: the counts come from the
relaunched app, from the command line, and from a separate read-only process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.store import open_corpus
from tests.app_helpers import ARTICLE
from tests.durability.outside import read_elsewhere, run_cli

DRIVER = Path(__file__).with_name("app_driver.py")

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX locks")


def run_app(mode: str, corpus: Path, env: dict) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, str(DRIVER), mode, str(corpus)], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def test_edits_survive_a_real_quit_and_a_relaunch(tmp_path):
    corpus = tmp_path / "work" / "corpus.db"
    corpus.parent.mkdir()
    with open_corpus(corpus) as c:
        c.articles.add("Foshan visit", ARTICLE, source="Test Daily")
        c.articles.add("Second article", "Guangzhou and Shenzhen signed a plan.\n")
    (corpus.parent / "report.txt").write_text("Zhuhai report\n\nZhuhai joined the plan.\n", encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    edited = run_app("edit", corpus, env)
    assert "edited 3" in edited.stdout
    wal = corpus.with_name("corpus.db-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "the corpus was not closed cleanly at quit"
    assert read_elsewhere(corpus) == 3
    relaunched = run_app("count", corpus, env)
    assert "count 3" in relaunched.stdout
    stats = run_cli("--db", str(corpus), "stats", "--json", env=env)
    assert stats.returncode == 0 and '"annotations": 3' in stats.stdout
