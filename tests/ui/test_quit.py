"""Quitting the real app: the process ends at once, with the corpus closed cleanly (its WAL folded
back into the file) and everything readable by the next program."""

from __future__ import annotations

import os
import subprocess
import sys

from annotator.core.model import Annotation
from annotator.store import open_corpus


def test_the_real_app_quits_with_the_corpus_closed(tmp_path):
    path = tmp_path / "c.db"
    with open_corpus(path) as corpus:
        article = corpus.articles.add("Foshan visit", "Foshan grows.\n")
        article_id = getattr(article, "id", article)
        corpus.annotations.add_many([Annotation(None, article_id, 1, 0, 6, "Foshan", "mei")])
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        ANNOTATOR_SMOKE_TEST="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        HOME=str(tmp_path),
    )
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(path)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "smoke test passed" in done.stdout
    # closed, not abandoned: SQLite folds the WAL back and removes it only on a clean close
    assert not (tmp_path / "c.db-wal").exists() and not (tmp_path / "c.db-shm").exists()
    with open_corpus(path) as corpus:
        assert [a.text for a in corpus.annotations.for_article(article_id)] == ["Foshan"]
