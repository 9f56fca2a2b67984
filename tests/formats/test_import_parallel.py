"""A long import reads its files in worker processes: the same articles, ids, outcomes and reasons as in
one process, in the same order; a short one never starts a worker; workers that cannot start change nothing."""

from __future__ import annotations

import dataclasses
import errno
import json
import multiprocessing
from pathlib import Path

from annotator.formats import ImportBatch, import_files, parallel, registry
from annotator.formats import batch as batch_module
from annotator.store import open_corpus

NEWS = (
    "Greater Bay Area\n\nHeadline number {n}\n\nBody {n} about Foshan and Midea.\n\n"
    "Edit:Hou Wenzhe\nSource:south cn\n"
)
GB = "广东省佛山市顺德区是美的集团的总部所在地，粤港澳大湾区建设是国家战略。"


def _folder(root: Path) -> Path:
    """Every way a file read whole can end: news, plain text, HTML, legacy encodings, duplicates (of a
    file earlier in the batch and of itself), empty, binary, only white space, too large; and files the
    batch streams itself (JSON Lines) and does not know, in between."""
    folder = root / "in"
    (folder / "sub").mkdir(parents=True)
    for n in range(40):
        (folder / f"a{n:02}.txt").write_text(NEWS.format(n=n), encoding="utf-8")
    (folder / "a05copy.txt").write_text(NEWS.format(n=5), encoding="utf-8")  # the same text as a05.txt
    (folder / "b-crlf.txt").write_bytes("First line\r\nSecond line about Jiangmen\r\n".encode())
    (folder / "b-gb.txt").write_bytes(GB.encode("gb18030"))
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "b-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "b-blank.txt").write_text("  \n\n\t\n", encoding="utf-8")
    (folder / "b-big.txt").write_text("x" * 5000, encoding="utf-8")
    (folder / "c.html").write_text("<html><body><p>A page about Zhuhai.</p></body></html>", encoding="utf-8")
    (folder / "d.jsonl").write_text(json.dumps({"text": "A record about Zhaoqing."}) + "\n", encoding="utf-8")
    (folder / "e.unknown").write_text("not imported", encoding="utf-8")
    for n in range(20):
        (folder / "sub" / f"s{n:02}.txt").write_text(f"Sub article {n} on Huizhou.\n", encoding="utf-8")
    (folder / "sub" / "again.txt").write_text(NEWS.format(n=7), encoding="utf-8")
    return folder


def _import(db: Path, folder: Path) -> tuple[list, list]:
    with open_corpus(db) as corpus:
        batch = ImportBatch(corpus, [folder], max_bytes=4000)
        results = [(r.path.name, r.outcome.value, r.reason, r.article_id, r.title) for r in batch]
        rows = corpus.db.execute(
            "SELECT id, title, text, source, url, published, meta, content_hash FROM articles ORDER BY id"
        ).fetchall()
    return results, rows


def _pooled(monkeypatch) -> list:
    """Workers from the first file on, a few files a batch; the pools made."""
    monkeypatch.setenv("ANNOTATOR_WORKERS", "2")
    monkeypatch.setattr(import_files, "INLINE_SECONDS", 0.0)
    monkeypatch.setattr(import_files, "POOL_WORTH_SECONDS", 0.0)
    monkeypatch.setattr(import_files, "START_ASIDE", False)  # a small import: wait for the workers ...
    monkeypatch.setattr(import_files, "HELP_WHILE_WAITING", 0)  # ... and leave them every batch
    monkeypatch.setattr(parallel, "BATCH_DOCS", 3)
    pools = []

    class Pool(parallel.ProcessPoolExecutor):
        def submit(self, *args, **kwargs):
            pools.append(args[0])
            return super().submit(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Pool)
    return pools


def test_workers_import_what_one_process_imports(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    monkeypatch.setenv("ANNOTATOR_WORKERS", "1")
    alone = _import(tmp_path / "alone.db", folder)
    submitted = _pooled(monkeypatch)
    pooled = _import(tmp_path / "pooled.db", folder)
    assert sum(1 for job in submitted if job is not parallel._ready) > 10  # the files went to workers
    assert pooled == alone
    results = {name: (outcome, reason) for name, outcome, reason, *_ in alone[0]}
    assert results["a05copy.txt"][0] == "duplicate" and "a05.txt" in results["a05copy.txt"][1]
    assert results["again.txt"][0] == "duplicate"
    assert results["b-empty.txt"] == ("rejected", "Empty file.")
    assert results["b-binary.txt"][0] == "rejected" and "PNG" in results["b-binary.txt"][1]
    assert results["b-blank.txt"][0] == "rejected" and "white space" in results["b-blank.txt"][1]
    assert results["b-big.txt"][0] == "rejected" and "Too large" in results["b-big.txt"][1]
    assert results["e.unknown"][0] == "skipped"
    assert results["d.jsonl"][0] == results["c.html"][0] == results["b-gb.txt"][0] == "imported"
    titles = {title for *_, title in alone[0]}
    assert "Headline number 3" in titles  # the news shape found, in a worker as here
    assert len(alone[1]) == 40 + 2 + 1 + 1 + 20  # every article whole, once (news, two .txt, HTML, JSONL, sub)


def test_a_cancelled_pooled_import_reports_only_what_it_stored(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    _pooled(monkeypatch)
    monkeypatch.setattr(batch_module, "GROUP_ARTICLES", 10)  # results come out a committed group at a time
    with open_corpus(tmp_path / "c.db") as corpus:
        batch = ImportBatch(corpus, [folder])
        first = next(batch)
        batch.cancel()
        rest = list(batch)
        stored = corpus.db.execute("SELECT id, text FROM articles ORDER BY id").fetchall()
    assert batch.report.cancelled
    imported = [r for r in [first, *rest] if r.outcome.value == "imported"]
    assert 0 < len(imported) < 60
    assert [r.article_id for r in imported] == [row[0] for row in stored]  # nothing stored unreported


def test_a_short_import_starts_no_worker(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_WORKERS", "2")
    made = []

    class Pool(parallel.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            made.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Pool)
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(5):
        (folder / f"{n}.txt").write_text(NEWS.format(n=n), encoding="utf-8")
    with open_corpus(tmp_path / "c.db") as corpus:
        assert ImportBatch(corpus, [folder]).run().imported == 5
    assert made == []


def test_workers_that_cannot_start_leave_the_import_to_this_process(tmp_path, monkeypatch, caplog):
    """No worker process can be started (the system refuses a new process): the whole import is
    done in this process, with the same results."""
    folder = _folder(tmp_path)
    monkeypatch.setenv("ANNOTATOR_WORKERS", "1")
    alone = _import(tmp_path / "alone.db", folder)
    _pooled(monkeypatch)
    spawn = multiprocessing.get_context("spawn")

    class Refused(type(spawn).Process):
        def start(self):
            raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    class NoProcesses(type(spawn)):
        Process = Refused

    monkeypatch.setattr(parallel, "_context", lambda preload=None: NoProcesses())
    monkeypatch.setattr(parallel, "_start_server", lambda preload=None: None)
    assert _import(tmp_path / "c.db", folder) == alone
    assert "worker processes stopped (they could not start)" in caplog.text


def test_a_read_ahead_file_that_breaks_its_reader_is_that_files_failure(tmp_path, monkeypatch):
    """An importer's own bug while a file is read ahead is one rejection with a pointer to the log,
    as when it is read while stored; the batch goes on."""

    def broken(data):
        raise RuntimeError("reader bug")
        yield  # a generator, as the real reader

    monkeypatch.setitem(registry.IMPORTERS, "txt", dataclasses.replace(registry.IMPORTERS["txt"], read=broken))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("one", encoding="utf-8")
    (folder / "b.html").write_text("<p>two</p>", encoding="utf-8")
    with open_corpus(tmp_path / "c.db") as corpus:
        results = list(ImportBatch(corpus, [folder]))
    assert [(r.path.name, r.outcome.value) for r in results] == [("a.txt", "rejected"), ("b.html", "imported")]
    assert "unexpected error (RuntimeError: reader bug)" in results[0].reason


def test_a_pool_that_breaks_before_a_batch_is_handed_over_leaves_the_rest_to_this_process(monkeypatch):
    """A worker can die between two batches: ``submit`` itself then raises. What is left is done here,
    in order, as when a batch already handed over fails."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from annotator.formats import parallel

    class PoolThatBreaks:
        def __init__(self, *args, **kwargs):
            self.submitted = 0

        def submit(self, fn, *args):
            self.submitted += 1
            if self.submitted > 2:  # the start and one batch went through; then the pool is gone
                raise BrokenProcessPool("a worker died")
            future = Future()
            future.set_result(fn(*args))
            return future

        def shutdown(self, wait=True, cancel_futures=False):
            pass

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", PoolThatBreaks)
    monkeypatch.setattr(parallel, "_context", lambda preload=None: None)
    monkeypatch.setattr(parallel, "_start_server", lambda preload=None: None)
    out = list(parallel.ordered_map(str, range(5000), workers=2, inline_seconds=0, pool_worth_seconds=0))
    assert out == [str(i) for i in range(5000)]
