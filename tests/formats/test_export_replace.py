"""Replacing an earlier export: a reader sees every old part or every new part; a full disk or a
kill leaves nothing that breaks the next export."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.model import Annotation, Status
from annotator.formats import export_corpus
from annotator.formats import sinks as sinks_module
from annotator.formats.dataset import ExportOptions
from annotator.formats.sinks import FileSink, Sink, finish_interrupted
from annotator.store import open_corpus

PARTS = ("train", "dev", "test")


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, not even the export's clean-up."""


@pytest.fixture
def corpus(tmp_path):
    with open_corpus(tmp_path / "c.db") as corpus:
        for i in range(40):
            article = corpus.articles.add(f"Article {i}", f"Midea number {i} is in Foshan.\n")
            corpus.annotations.add(Annotation(None, article.id, 1, 0, 5, "Midea", "mei"))
            corpus.articles.set_status(article.id, Status.DONE)
        yield corpus


def _kill_at_move(monkeypatch, call: int) -> None:
    """The ``call``-th rename of an export's commit is where the process dies."""
    moves = {"n": 0}
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        moves["n"] += 1
        if moves["n"] == call:
            raise Killed()
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(sinks_module.os, "replace", replace)
    monkeypatch.setattr(Sink, "discard", lambda self: None)  # a killed process cleans nothing up


def _parts(out: Path) -> dict[str, str]:
    return {part: out.with_name(f"corpus.{part}.jsonl").read_text(encoding="utf-8") for part in PARTS}


def _disjoint(parts: dict[str, str]) -> bool:
    """No article in two parts of the split."""
    lines = {part: set(text.splitlines()) for part, text in parts.items()}
    return all(lines[a].isdisjoint(lines[b]) for a in PARTS for b in PARTS if a < b)


def test_a_split_killed_between_its_renames_is_completed_by_the_next_export(corpus, tmp_path, monkeypatch):
    out = tmp_path / "corpus.jsonl"
    export_corpus(corpus, out, "jsonl", ExportOptions(split=(80, 10, 10), seed=1))
    old = _parts(out)
    with monkeypatch.context() as m:
        _kill_at_move(m, 3)  # the journal written, train moved in, dev and test not yet
        with pytest.raises(Killed):
            export_corpus(corpus, out, "jsonl", ExportOptions(split=(80, 10, 10), seed=2))
    mixed = _parts(out)
    assert mixed["train"] != old["train"] and mixed["test"] == old["test"]
    assert finish_interrupted(out.with_name("corpus.train.jsonl"))
    new = _parts(out)
    assert new["train"] == mixed["train"] and new["test"] != old["test"]
    assert _disjoint(new)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # journal and staging gone
    export_corpus(corpus, out, "jsonl", ExportOptions(split=(80, 10, 10), seed=2))
    assert _parts(out) == new


def test_the_next_export_completes_an_interrupted_split_before_anything_else(corpus, tmp_path, monkeypatch):
    out = tmp_path / "corpus.jsonl"
    export_corpus(corpus, out, "jsonl", ExportOptions(split=(80, 10, 10), seed=1))
    with monkeypatch.context() as m:
        _kill_at_move(m, 4)
        with pytest.raises(Killed):
            export_corpus(corpus, out, "jsonl", ExportOptions(split=(80, 10, 10), seed=2))
    export_corpus(corpus, tmp_path / "corpus.jsonl", "jsonl")  # any export to the same place
    assert _disjoint(_parts(out))
    assert not any(p.name.endswith(".export-commit") for p in tmp_path.iterdir())


@pytest.mark.parametrize("call", [1, 2])
def test_a_folder_export_killed_while_replacing_leaves_the_old_or_the_new_folder(corpus, tmp_path, monkeypatch, call):
    out = tmp_path / "brat"
    export_corpus(corpus, out, "brat", ExportOptions(split=(50, 50)))
    old = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    with monkeypatch.context() as m:
        _kill_at_move(m, call)
        try:
            export_corpus(corpus, out, "brat", ExportOptions(split=(50, 50), seed=9))
        except Killed:
            pass
    assert out.is_dir() and (out / sinks_module.MARKER).exists()
    now = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    assert len(now) == len(old)  # a whole export, old or new: never no folder, never half


def test_an_export_that_fills_the_disk_leaves_no_staging_file(corpus, tmp_path, monkeypatch):
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    real = FileSink._staged

    def staged_on_a_full_disk(self, name):
        path = real(self, name)
        path.symlink_to("/dev/full")  # every write to it fails with "No space left on device"
        return path

    monkeypatch.setattr(FileSink, "_staged", staged_on_a_full_disk)
    for i in range(20):  # the second part is large enough to fail while written; the first is still buffered
        corpus.articles.add(f"Long {i}", f"Long article {i} about Foshan. " * 40)
    with pytest.raises(OSError):
        export_corpus(corpus, tmp_path / "out.jsonl", "jsonl", ExportOptions(split=(5, 95)))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.db", "c.db-shm", "c.db-wal"]


def test_a_refused_move_names_the_target_not_the_staging_path(corpus, tmp_path):
    out = tmp_path / "ds.jsonl"
    export_corpus(corpus, out, "hf")
    beside = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("ds") and p.name != "ds.jsonl")
    assert beside, "the hf format writes its label list beside the data"
    blocker = tmp_path / beside[0]
    blocker.unlink()
    blocker.mkdir()
    (blocker / "keep").write_text("x")
    with pytest.raises(OSError) as raised:
        export_corpus(corpus, out, "hf")
    assert raised.value.filename == str(blocker)
    assert not any(".tmp" in p.name for p in tmp_path.iterdir())


KILLER = """
import os, signal, sys
from annotator.formats import export_corpus
from annotator.formats import sinks
from annotator.formats.dataset import ExportOptions
from annotator.store import open_corpus

calls = {"n": 0}
real = os.replace

def replace(src, dst, *args, **kwargs):
    calls["n"] += 1
    if calls["n"] == int(sys.argv[3]):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(src, dst, *args, **kwargs)

sinks.os.replace = replace
with open_corpus(sys.argv[1]) as corpus:
    export_corpus(corpus, sys.argv[2], "jsonl", ExportOptions(split=(80, 10, 10), seed=2))
"""


def test_a_real_kill_between_the_renames_of_a_split_is_completed_by_the_next_export(corpus, tmp_path):
    out = tmp_path / "corpus.jsonl"
    export_corpus(corpus, out, "jsonl", ExportOptions(split=(80, 10, 10), seed=1))
    old = _parts(out)
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", KILLER, str(corpus.path), str(out), "3"],
                          env=dict(os.environ, PYTHONPATH=str(root)), capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL
    mixed = _parts(out)
    assert mixed["train"] != old["train"] and mixed["test"] == old["test"]  # what the kill left
    assert any(p.name.endswith(".export-commit") for p in tmp_path.iterdir())
    export_corpus(corpus, tmp_path / "other.jsonl", "jsonl")  # elsewhere: nothing to complete
    assert _parts(out) == mixed
    export_corpus(corpus, out, "jsonl")  # the same place: completed first
    assert _disjoint(_parts(out)) and _parts(out)["train"] == mixed["train"]
