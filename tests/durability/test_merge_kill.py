"""`annotator merge` killed midway: every article holds, for each analyst, either the old layer or
the new one, never half of one; the same merge run again completes the work."""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from annotator.core.model import Annotation, Status
from annotator.store import open_corpus
from tests.durability.conftest import integrity, rounds

N_ARTICLES, SPANS = 150, 24
WORDS = ["Foshan", "Shunde", "Midea", "Jiangmen", "Zhuhai", "Hengqin"]


def _text(i: int) -> str:
    return f"Dispatch {i}. " + " ".join(f"{WORDS[(i + k) % len(WORDS)]} item{k}." for k in range(SPANS * 2))


def _layers(path: Path) -> dict[tuple[int, str], tuple[str, tuple]]:
    """(article, analyst) -> (layer status, the layer's spans), read from another process's view."""
    conn = sqlite3.connect(path)
    try:
        spans: dict[tuple[int, str], list] = {}
        for article, who, start, end, note in conn.execute(
            'SELECT a.article_id, n.name, a.start, a."end", a.note FROM annotations a'
            " JOIN annotators n ON n.id = a.annotator_id"
        ):
            spans.setdefault((article, who), []).append((start, end, note))
        out = {}
        for article, who, status in conn.execute(
            "SELECT l.article_id, n.name, l.status FROM layers l JOIN annotators n ON n.id = l.annotator_id"
        ):
            out[(article, who)] = (status, tuple(sorted(spans.get((article, who), []))))
        return out
    finally:
        conn.close()


def _build(tmp_path: Path) -> tuple[Path, Path]:
    target, source = tmp_path / "lead.db", tmp_path / "li.db"
    with open_corpus(target, user="lead") as corpus:
        for i in range(N_ARTICLES):
            corpus.articles.add(f"Dispatch {i}", _text(i))
        # li's first, older layer of every other article, and mei's layer that the merge must not touch
        for article in corpus.articles.iter_all():
            if article.id % 2:
                s = article.text.index("item0")
                corpus.annotations.add(Annotation(None, article.id, 1, s, s + 5, "item0", "li", "old"))
            s = article.text.index("item1")
            corpus.annotations.add(Annotation(None, article.id, 2, s, s + 5, "item1", "mei"))
    shutil.copyfile(target, source)
    with open_corpus(source, user="li") as corpus:  # li's newer work, on every article
        for article in corpus.articles.iter_all():
            anns = [
                Annotation(
                    None,
                    article.id,
                    1 + k % 3,
                    (s := article.text.index(f"item{k}.")),
                    s + len(f"item{k}"),
                    f"item{k}",
                    "li",
                    "new",
                )
                for k in range(2, SPANS + 2)
            ]
            corpus.annotations.add_many(anns)
            corpus.articles.set_status(article.id, Status.DONE)
        corpus.db.execute("DELETE FROM annotations WHERE note = 'old'")  # li's old spans are gone in her newer layer
    return target, source


def test_merge_killed_midway_leaves_whole_layers(tmp_path):
    pristine, source = _build(tmp_path)
    old, new = _layers(pristine), _layers(source)
    rng = random.Random(11)
    partial = 0
    for round_ in range(rounds(3, 12)):
        target = tmp_path / f"round{round_}.db"
        shutil.copyfile(pristine, target)
        proc = subprocess.Popen(
            [sys.executable, "-m", "annotator", "--db", str(target), "merge", str(source)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        wanted = rng.randint(1, N_ARTICLES // 2)
        while proc.poll() is None and _done(target) < wanted:
            time.sleep(0.003)
        proc.send_signal(signal.SIGKILL)
        errors = proc.communicate()[1]
        assert proc.returncode == -signal.SIGKILL, f"the merge ended before it was killed: {errors}"
        assert integrity(target) == "ok"
        found = _layers(target)
        replaced = 0
        for (article, who), layer in found.items():
            if who == "li":
                assert layer in (old.get((article, who)), new[(article, who)]), f"article {article}: half a layer"
                replaced += layer == new[(article, who)]
            else:
                assert layer == old[(article, who)]  # another analyst's layer is never touched
        assert set(found) >= set(old)
        partial += 0 < replaced < N_ARTICLES
    assert partial, "no kill landed in the middle of a merge"
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(target), "merge", str(source)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert {k: v for k, v in _layers(target).items() if k[1] == "li"} == {k: v for k, v in new.items() if k[1] == "li"}


def _done(path: Path) -> int:
    conn = sqlite3.connect(path, timeout=10)
    try:
        return conn.execute(
            "SELECT count(*) FROM layers WHERE status = 'done'"
            " AND annotator_id = (SELECT id FROM annotators WHERE name = 'li')"
        ).fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()
