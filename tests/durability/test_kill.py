"""SIGKILL at random moments: every acknowledged edit survives, and the file stays whole.

A child process edits, imports or exports and acknowledges each committed step on stdout;
the test kills it, reopens the corpus with the store, and checks. ``--long`` runs many
more rounds.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from annotator.formats import ImportBatch, export_corpus
from annotator.formats.batch import plan_sources
from annotator.store import open_corpus
from tests.durability.conftest import Child, integrity, rounds

ARTICLES = [
    "Kuka Robot (Guangdong) Co., Ltd. opened a plant in Foshan, near Shunde District.\n",
    "佛山市顺德区的美的集团在粤港澳大湾区发展。𠀀 A rare character, and an emoji 🚀 too.\n",
    "Guangzhou and Shenzhen signed the Greater Bay Area plan on Tuesday.\n" * 5,
]


def _state(path: Path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return {
            "ann": {r[0]: tuple(r[1:]) for r in conn.execute(
                'SELECT id, article_id, label_id, start, "end", note FROM annotations')},
            "labels": {r[0]: tuple(r[1:]) for r in conn.execute("SELECT id, name, colour FROM labels")},
            "status": dict(conn.execute(  # the status of the one annotator who edits (each has their own)
                """SELECT a.id, coalesce((SELECT l.status FROM layers l JOIN annotators n ON n.id = l.annotator_id
                   WHERE l.article_id = a.id AND n.name = 'durable'), 'new') FROM articles a""")),
        }
    finally:
        conn.close()


def _apply(state: dict, op: dict, ids: list[int] | None = None) -> dict:
    """The state after one edit (``ids``: the ids an in-flight add got, found in the file)."""
    s = {"ann": dict(state["ann"]), "labels": dict(state["labels"]), "status": dict(state["status"])}
    kind = op["op"]
    if kind == "add":
        # strict=False: an add the file holds only part of has fewer ids, and the comparison with
        # this state then fails with its own message
        spans = op["spans"] if ids is None else [[i, *span] for i, span in zip(ids, op["spans"], strict=False)]
        for ident, article, label, start, end, note in spans:
            s["ann"][ident] = (article, label, start, end, note)
            if s["status"][article] == "new":
                s["status"][article] = "in_progress"
    elif kind == "update":
        ident, *rest = op["span"]
        s["ann"][ident] = tuple(rest)
    elif kind == "delete":
        for ident in op["ids"]:
            s["ann"].pop(ident, None)
    elif kind == "status":
        s["status"][op["article"]] = op["status"]
    elif kind == "label_add":
        if ids is None:
            ident, name, colour = op["label"]
        else:
            (ident,), (name, colour) = ids, op["label"]
        s["labels"][ident] = (name, colour)
    elif kind == "label_update":
        ident, name, colour = op["label"]
        s["labels"][ident] = (name, colour)
    elif kind == "label_delete":
        s["labels"].pop(op["id"])
        s["ann"] = {k: v for k, v in s["ann"].items() if v[1] != op["id"]}
    return s


def _check_after_kill(path: Path, before: dict, lines: list[tuple[str, dict]]) -> int:
    """The file holds every acknowledged edit, and at most the one edit that was in flight."""
    assert integrity(path) == "ok"
    expected, in_flight, acked = before, None, 0
    for kind, payload in lines:
        if kind == "begin":
            in_flight = payload
        elif kind == "ack":
            expected, in_flight, acked = _apply(expected, payload), None, acked + 1
    found = _state(path)
    if found != expected:
        assert in_flight is not None, "an acknowledged edit is missing, or an edit appeared from nowhere"
        new_ids = None
        if in_flight["op"] == "add":
            new_ids = sorted(set(found["ann"]) - set(expected["ann"]))
        elif in_flight["op"] == "label_add":
            new_ids = sorted(set(found["labels"]) - set(expected["labels"]))
        assert found == _apply(expected, in_flight, new_ids), (
            "the file holds neither the acknowledged state nor the next one"
        )
    with open_corpus(path, create=False) as corpus:  # the schema opens and the store reads it
        assert corpus.annotations.count() == len(found["ann"])
    return acked


def test_edits_survive_sigkill_at_random_moments(tmp_path):
    path = tmp_path / "corpus.db"
    with open_corpus(path) as corpus:
        for i, text in enumerate(ARTICLES):
            corpus.articles.add(f"Article {i}", text)
    rng = random.Random(20261125)
    acked_total = 0
    for round_ in range(rounds(10, 100)):
        before = _state(path)
        child = Child("edits", str(path), str(round_))
        child.wait_for("ready")
        child.wait_for("ack", rng.randint(0, 25))
        child.kill(delay=rng.choice([0, 0, rng.random() * 0.01]))
        acked_total += _check_after_kill(path, before, child.lines)
    assert acked_total > 0


def test_import_killed_midway_leaves_whole_articles(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    texts = {}
    for i in range(40):
        text = f"Report {i}: Foshan and Shunde signed agreement number {i}.\n" + "Body text. " * (20 + 7 * i)
        (folder / f"report_{i:03}.txt").write_text(text, encoding="utf-8")
        texts[str(folder / f"report_{i:03}.txt")] = text
    rng = random.Random(7)
    for round_ in range(rounds(4, 40)):
        if round_ % 3 == 0:  # now and then a new corpus, so that kills land early in an import too
            path = tmp_path / f"corpus{round_}.db"
            open_corpus(path).close()
        child = Child("import", str(path), str(folder))
        child.wait_for("ready")
        if rng.random() < 0.8:
            child.wait_for("ack", rng.randint(0, 6))
        child.kill(delay=rng.random() * 0.02)
        assert integrity(path) == "ok"
        with open_corpus(path, create=False) as corpus:
            stored = {a.id: a.text for a in corpus.articles.iter_all()}
        for kind, payload in child.lines:
            if kind == "ack":  # every article reported imported is there, whole
                assert stored[payload["article"]] == texts[payload["path"]]
        assert set(stored.values()) <= set(texts.values())  # no half article
    with open_corpus(path) as corpus:  # importing again completes the corpus, nothing twice
        report = ImportBatch(corpus, [folder]).run()
        assert report.ok
        assert sorted(a.text for a in corpus.articles.iter_all()) == sorted(texts.values())


def test_export_killed_midway_leaves_old_or_new_file(tmp_path):
    path = tmp_path / "corpus.db"
    with open_corpus(path) as corpus:
        with corpus.db.atomic():
            for i in range(300):
                corpus.articles.add(f"Article {i}", f"Article number {i} about Foshan. " * 30)
        complete = tmp_path / "reference.jsonl"
        started = time.perf_counter()
        export_corpus(corpus, complete, "jsonl")
        took = time.perf_counter() - started
    new = complete.read_bytes()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "dataset.jsonl"
    old = b'{"old": "export"}\n'
    rng = random.Random(11)
    for _ in range(rounds(6, 60)):
        target.write_bytes(old)
        child = Child("export", str(path), str(target))
        child.wait_for("ready")
        child.wait_for("ack", rng.choice([0, 0, 1]))
        child.kill(delay=rng.random() * took * 1.5)  # before, during or after the rename
        assert target.read_bytes() in (old, new)
        # A kill can leave the staging beside the target: hidden and named after it, so nothing
        # mistakes it for a dataset (a folder import skips hidden files); it is safe to delete.
        for leftover in set(out_dir.iterdir()) - {target}:
            assert leftover.name.startswith(".dataset.jsonl.") and leftover.name.endswith(".tmp")
        assert [s.path for s in plan_sources([out_dir])] == [target]
    with open_corpus(path, create=False) as corpus:
        export_corpus(corpus, target, "jsonl")
    assert target.read_bytes() == new


def _count(path: Path) -> int:
    conn = sqlite3.connect(path, timeout=10)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0
    finally:
        conn.close()


def test_annotator_import_command_killed_midway(tmp_path):
    """The real `annotator import` process, killed once some articles are in."""
    folder = tmp_path / "news"
    folder.mkdir()
    texts = set()
    for i in range(60):
        text = f"Dispatch {i} from Foshan.\n" + "Midea and Shunde. " * (50 + i)
        (folder / f"dispatch_{i:03}.txt").write_text(text, encoding="utf-8")
        texts.add(text)
    rng = random.Random(3)
    for round_ in range(rounds(1, 6)):
        path = tmp_path / f"corpus{round_}.db"
        proc = subprocess.Popen(
            [sys.executable, "-m", "annotator", "--db", str(path), "import", str(folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        wanted = rng.randint(1, 30)
        while proc.poll() is None and (not path.exists() or _count(path) < wanted):
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        errors = proc.communicate()[1]
        assert proc.returncode == -signal.SIGKILL, f"the import ended before it was killed: {errors}"
        assert integrity(path) == "ok"
        with open_corpus(path, create=False) as corpus:
            assert {a.text for a in corpus.articles.iter_all()} <= texts  # whole articles only
    with open_corpus(path, create=False) as corpus:  # the same import again completes it
        assert ImportBatch(corpus, [folder]).run().ok
        assert sorted(a.text for a in corpus.articles.iter_all()) == sorted(texts)
