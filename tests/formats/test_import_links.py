"""A folder import reads the folder's own files: links out of it, to nothing, or looping, and
pipes are reported with a reason, never read and never silently skipped."""

from __future__ import annotations

import os

import pytest

from annotator.formats import ImportBatch, Outcome
from annotator.formats.import_plan import plan_sources
from annotator.store import open_corpus

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="POSIX links and pipes")


@pytest.fixture
def folder(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("A private file outside the imported folder.\n")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Midea is in Foshan.\n")
    (folder / "sub" / "b.txt").write_text("Gree is in Zhuhai.\n")
    (folder / "inner.txt").symlink_to(folder / "sub" / "b.txt")  # inside the folder: followed
    (folder / "out.txt").symlink_to(outside)
    (folder / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "up").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(folder / "pipe.txt")
    return folder


def test_the_plan_reports_each_link_and_pipe_it_does_not_read(folder):
    plan = {source.path.name: source.problem for source in plan_sources([folder])}
    assert plan["a.txt"] is None and plan["b.txt"] is None and plan["inner.txt"] is None
    assert "outside the folder" in plan["out.txt"]
    assert "link to nothing" in plan["dangling.txt"]
    assert "loops" in plan["loop.txt"]
    assert "link to a folder" in plan["up"]
    assert "Not a regular file" in plan["pipe.txt"]


def test_a_folder_import_never_reads_outside_the_folder(folder, tmp_path):
    with open_corpus(tmp_path / "c.db") as corpus:
        report = ImportBatch(corpus, [folder]).run()
        texts = [a.text for a in corpus.articles.iter_all()]
    assert not any("private" in t for t in texts)
    assert report.imported == 2 and len(report.duplicates) == 1  # inner.txt is b.txt again
    assert sorted(r.path.name for r in report.rejected) == ["dangling.txt", "loop.txt", "out.txt", "pipe.txt", "up"]
    assert all(r.outcome is Outcome.REJECTED and r.reason for r in report.rejected)


def test_a_link_named_on_its_own_is_read(folder, tmp_path):
    with open_corpus(tmp_path / "c.db") as corpus:
        report = ImportBatch(corpus, [folder / "out.txt"]).run()
    assert report.imported == 1
