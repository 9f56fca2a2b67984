"""A long export beside another program that writes to the same corpus file."""

from __future__ import annotations

import json

from annotator.core.model import Annotation, Label
from annotator.formats import export_corpus
from annotator.store import open_corpus
from annotator.store.exporting import BATCH_ARTICLES

N = BATCH_ARTICLES * 3 + 7  # several read batches


def _fill(path):
    with open_corpus(path) as corpus:
        label = corpus.labels.list()[0]
        with corpus.db.atomic():
            for i in range(N):
                a = corpus.articles.add(f"Article {i}", f"Story number {i} from Foshan.")
                start = a.text.index("Foshan")
                corpus.annotations.add(Annotation(None, a.id, label.id, start, start + 6, "Foshan", "mei"))


def test_a_label_added_by_another_program_during_an_export_is_exported(tmp_path):
    path = tmp_path / "c.db"
    _fill(path)
    added = {}

    def other_program(done, total):
        if done == 10 and not added:  # another program adds a label and labels a later article with it
            with open_corpus(path) as other:
                label = other.labels.add(Label(None, "City", "CITY", "#112233"))
                last = max(other.articles.ids())
                text = other.articles.get(last).text
                start = text.index("Story")
                other.annotations.add(Annotation(None, last, label.id, start, start + 5, "Story", "zed"))
                added["article"] = last
        return True

    with open_corpus(path) as corpus:
        report = export_corpus(corpus, tmp_path / "out.jsonl", "jsonl", progress=other_program)
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert report.articles == N and len(records) == N
    last = next(r for r in records if r["id"] == added["article"])
    assert {(s["label"], s["text"]) for s in last["spans"]} == {("LOCATION", "Foshan"), ("CITY", "Story")}


def test_an_export_holds_no_snapshot_between_batches_so_writers_and_checkpoints_go_on(tmp_path):
    path = tmp_path / "c.db"
    _fill(path)
    checkpoints = []

    def other_program(done, total):
        if done in (BATCH_ARTICLES + 3, 2 * BATCH_ARTICLES + 1):
            with open_corpus(path) as other:
                other.articles.add(f"New {done}", f"Arrived while exporting, at {done}.")  # a write commits
                busy, _, _ = other.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                checkpoints.append(busy)
        return True

    with open_corpus(path) as corpus:
        report = export_corpus(corpus, tmp_path / "out.conll", "conll", progress=other_program)
    assert report.articles == N  # the articles chosen when the export began
    assert checkpoints == [0, 0]  # a long read transaction would keep the checkpoint busy (1)
