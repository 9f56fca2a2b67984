"""Opening a corpus: a creation cut off by a kill, damaged pages, a WAL that holds the newest pages,
a file removed during an import, a read-only folder. Real processes and real files throughout."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotator.store import CorpusError, open_corpus
from annotator.store.corpus import APPLICATION_ID
from annotator.store.migrations import migrations
from tests.durability.outside import annotator_command, read_elsewhere, run_cli


def _fill(path: Path, articles: int = 60) -> None:
    with open_corpus(path) as corpus:
        with corpus.db.atomic():
            for i in range(articles):
                corpus.articles.add(f"Article {i}", f"Foshan report {i}. " + "Midea in Shunde. " * 40)


# --- a new corpus killed while its schema is set up (issue 13, item 4) ------------------------
def test_a_corpus_killed_while_its_schema_is_set_up_opens_afterwards(tmp_path):
    path = tmp_path / "new.db"
    pid = os.fork()
    if pid == 0:  # the child dies in the middle of the schema, as a kill or a power cut would
        try:
            step = migrations._migrations[2]
            original = step.fn

            def die(db):
                original(db)
                os.kill(os.getpid(), signal.SIGKILL)

            step.fn = die  # in the child only
            open_corpus(path)
        finally:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status), "the child was meant to die during the schema"
    with open_corpus(path) as corpus:  # neither "another application's database" nor half a schema
        assert [lab.tag for lab in corpus.labels.list()] == ["LOCATION", "COMPANY", "POLICY_TERM"]
        assert corpus.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        corpus.articles.add("After", "Zhuhai joined the plan.\n")
    assert read_elsewhere(path, "SELECT count(*) FROM articles") == 1


def test_a_half_made_empty_corpus_of_ours_is_completed(tmp_path):
    """Made by an earlier version that set the schema up step by step and was killed before the mark."""
    path = tmp_path / "half.db"
    db = Database(path)
    migrations.apply(db, stop_before="m003_fulltext")
    db.close()
    with open_corpus(path) as corpus:
        assert corpus.articles.count() == 0 and len(corpus.labels.list()) == 3
    assert read_elsewhere(path, "PRAGMA application_id") == APPLICATION_ID


def test_another_applications_tables_are_still_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("CREATE TABLE users (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CorpusError, match="another application"):
        open_corpus(path)
    assert path.read_bytes() == before


# --- damaged interior pages (item 6) ------------------------------------------------------------
def _damaged_copy(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.db"
    _fill(path)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [
        row[0]
        for row in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf' ORDER BY pageno"
        )
    ]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    page = pages[len(pages) // 2]  # a leaf of the articles table in the middle of the file
    data = bytearray(path.read_bytes())
    rng = random.Random(6)
    start = (page - 1) * page_size
    data[start : start + 64] = bytes(rng.randrange(256) for _ in range(64))  # its page header and cell pointers
    path.write_bytes(bytes(data))
    return path


def test_damaged_interior_pages_are_refused_with_restore_advice_and_left_untouched(tmp_path):
    path = _damaged_copy(tmp_path)
    before = path.read_bytes()
    with pytest.raises(CorpusError) as caught:
        open_corpus(path)
    message = str(caught.value)
    assert "damaged" in message and "restore" in message and "\n" not in message
    assert path.read_bytes() == before
    article = tmp_path / "new.txt"
    article.write_text("Zhuhai report\n\nZhuhai joined the plan.\n", encoding="utf-8")
    imported = run_cli("--db", str(path), "import", str(article))
    assert imported.returncode == 1 and "damaged" in imported.stderr and "Imported" not in imported.stderr
    stats = run_cli("--db", str(path), "stats")
    assert stats.returncode == 1 and "restore" in stats.stderr and "Traceback" not in stats.stderr
    assert path.read_bytes() == before


# --- the WAL holds pages the main file does not have yet (item 8) ---------------------------------
def _frames(wal: bytes) -> list[tuple[int, int, bytes]]:
    """(page number, database size after commit or 0, page) of every frame of a WAL file."""
    page_size = int.from_bytes(wal[8:12], "big")
    out, at = [], 32
    while at + 24 + page_size <= len(wal):
        header = wal[at : at + 24]
        if header[8:16] != wal[16:24]:  # salts of another generation: not part of this WAL
            break
        page = wal[at + 24 : at + 24 + page_size]
        out.append((int.from_bytes(header[0:4], "big"), int.from_bytes(header[4:8], "big"), page))
        at += 24 + page_size
    return out


def test_a_main_file_shorter_than_the_database_whose_wal_holds_the_rest_opens(tmp_path):
    """What a kill during a checkpoint, a full disk or a read during another program's import leaves:
    page 1 already says the database is larger than the main file; the missing pages are in the -wal."""
    path = tmp_path / "corpus.db"
    _fill(path, 5)
    pid = os.fork()
    if pid == 0:  # a writer that grows the database in its WAL, then dies before any checkpoint
        try:
            corpus = open_corpus(path)
            corpus.db.execute("PRAGMA wal_autocheckpoint = 0")
            with corpus.db.atomic():
                for i in range(200):
                    corpus.articles.add(f"Late {i}", f"Zhuhai item {i}. " + "Gree in Zhuhai. " * 60)
        finally:
            os._exit(0)  # no close: the WAL stays, as after a kill
    os.waitpid(pid, 0)
    wal = path.with_name("corpus.db-wal").read_bytes()
    first_pages = [data for number, _size, data in _frames(wal) if number == 1]
    main = bytearray(path.read_bytes())
    main[: len(first_pages[-1])] = first_pages[-1]  # the checkpoint wrote page 1, then was cut off
    path.write_bytes(bytes(main))
    header = bytes(main[:100])
    assert int.from_bytes(header[28:32], "big") * len(first_pages[-1]) > len(main)  # "cut short" by its header
    with open_corpus(path) as corpus:
        assert corpus.articles.count() == 205
    assert read_elsewhere(path, "SELECT count(*) FROM articles") == 205
    stats = run_cli("--db", str(path), "stats")
    assert stats.returncode == 0 and "205" in stats.stdout


# --- the corpus file removed during a command-line import (item 14) -------------------------------
def test_removing_the_corpus_during_an_import_stops_it_with_a_sentence(tmp_path):
    path = tmp_path / "c.db"
    _fill(path, 1)
    folder = tmp_path / "incoming"
    folder.mkdir()
    for i in range(20000):  # an import of a few seconds: it is still running when the file goes
        (folder / f"a{i:05}.txt").write_text(f"Report {i}\n\nZhuhai item {i} joined the plan.\n", encoding="utf-8")
    proc = subprocess.Popen([*annotator_command(), "--db", str(path), "import", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # until the import is well under way
        try:
            if read_elsewhere(path, "SELECT count(*) FROM articles") > 20:
                break
        except AssertionError:
            pass
        time.sleep(0.05)
    path.unlink()  # rm c.db
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    assert err.count("deleted, moved or replaced") == 1 and "Imported 20000" not in err  # stopped at once
    assert "Traceback" not in err


# --- a read-only folder or drive (item 20) -----------------------------------------------------------
def _as_if_read_only() -> list[str]:
    """A command prefix under which the folder's permission bits bind (root ignores them otherwise)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root ignores permission bits, and setpriv is not there to drop that")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def test_a_read_only_folder_says_so_and_read_only_commands_work(tmp_path):
    prefix = _as_if_read_only()
    base = Path(tempfile.mkdtemp(dir=tmp_path))
    folder = base / "readonly"
    folder.mkdir()
    path = folder / "c.db"
    _fill(path, 3)
    article = tmp_path / "new.txt"
    article.write_text("Zhuhai report\n\nZhuhai joined the plan.\n", encoding="utf-8")
    folder.chmod(0o555)
    try:
        def cli(*args: str) -> subprocess.CompletedProcess:
            return subprocess.run([*prefix, *annotator_command(), "--db", str(path), *args],
                                  capture_output=True, text=True, timeout=120,
                                  env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")})

        stats = cli("stats", "--json")
        assert stats.returncode == 0, stats.stderr
        assert '"articles": 3' in stats.stdout
        out = tmp_path / "out.jsonl"
        exported = cli("export", "--format", "jsonl", "--out", str(out))
        assert exported.returncode == 0, exported.stderr
        assert len(out.read_text(encoding="utf-8").splitlines()) == 3
        assert cli("review").returncode == 0
        imported = cli("import", str(article))
        assert imported.returncode == 1
        assert "read-only" in imported.stderr and str(folder) in imported.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["c.db"]
    finally:
        folder.chmod(0o755)


def test_an_export_onto_the_corpus_or_its_wal_is_refused(tmp_path):
    path = tmp_path / "c.db"
    _fill(path, 2)
    before = path.read_bytes()
    for target in (path, tmp_path / "c.db-wal", tmp_path / "." / "c.db"):
        done = run_cli("--db", str(path), "export", "--format", "jsonl", "--out", str(target))
        assert done.returncode == 2 and "corpus itself" in done.stderr, done.stderr
    assert path.read_bytes() == before
    assert read_elsewhere(path, "SELECT count(*) FROM articles") == 2


def test_a_corpus_deleted_under_a_command_leaves_no_stray_wal_for_a_new_file_of_that_name(tmp_path):
    path = tmp_path / "c.db"
    _fill(path, 2)
    corpus = open_corpus(path)
    corpus.articles.add("Unsaved meanwhile", "Zhuhai joined the plan.\n")  # in the -wal
    path.unlink()  # rm c.db: the -wal and -shm stay beside where it was
    with pytest.raises(CorpusError, match="deleted, moved or replaced"):
        corpus.articles.add("Refused", "Jiangmen joined too.\n")
    corpus.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # a new c.db will not replay the old -wal
    _fill(path, 1)
    assert read_elsewhere(path, "SELECT count(*) FROM articles") == 1


def test_a_corpus_in_a_read_only_folder_opens_in_the_window_for_reading(tmp_path):
    from tests.app_helpers import ARTICLE

    prefix = _as_if_read_only()
    folder = Path(tempfile.mkdtemp(dir=tmp_path)) / "readonly"
    folder.mkdir()
    path = folder / "c.db"
    with open_corpus(path) as corpus:
        corpus.articles.add("Foshan visit", ARTICLE, source="Test Daily")
    folder.chmod(0o555)
    try:
        done = subprocess.run(
            [*prefix, sys.executable, str(Path(__file__).with_name("app_driver.py")), "readonly", str(path)],
            capture_output=True, text=True, timeout=120,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
                 "XDG_DATA_HOME": str(tmp_path / "data")},
        )
    finally:
        folder.chmod(0o755)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines["title"].endswith("(read-only)") and "Read-only" in lines["bar"]
    assert "read-only" in lines["refused"] and "not saved" in lines["refused"]
    assert lines["shown"] == "0" and lines["review"] == "0"
    assert sorted(p.name for p in folder.iterdir()) == ["c.db"]
