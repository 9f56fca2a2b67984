"""Building the benchmark inputs, cached by their parameters so a second run starts at once.

A corpus file is created through ``open_corpus`` (the real schema, every migration), then
filled with plain SQL in a few large transactions. The cache key covers the parameters and
the generator version; a cached corpus is opened once before use, so migrations added since
it was built are applied then, and its full-text index is filled, outside any timing.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import asdict, dataclass, field
from pathlib import Path

from annotator.core.text import content_hash
from annotator.store import open_corpus
from annotator.store.migrations import KNOWN, MIGRATION_SET
from benchmarks.textgen import EXTRA_LABELS, articles, choose_spans, quotas

GENERATOR_VERSION = 2  # 2: statuses are per analyst (layers)
ANNOTATORS = ("alice", "bo", "chen")
STAMP = "2026-01-05T09:00:00.000+00:00"


@dataclass(frozen=True)
class CorpusSpec:
    articles: int
    annotations: int
    labelled_fraction: float = 1.0  # share of articles that carry annotations
    long_at: tuple[int, ...] = ()  # indexes of ~1 MB articles
    long_chars: int = 1_000_000
    seed: int = 1


@dataclass(frozen=True)
class FolderSpec:
    files: int
    long_at: tuple[int, ...] = ()
    long_chars: int = 1_000_000
    seed: int = 2


@dataclass
class Built:
    path: Path
    info: dict = field(default_factory=dict)


def _key(kind: str, spec: object) -> str:
    payload = json.dumps([kind, GENERATOR_VERSION, asdict(spec)], sort_keys=True)
    return f"{kind}-{hashlib.sha256(payload.encode()).hexdigest()[:12]}"


def _cached(cache: Path, kind: str, spec: object, build) -> Built:
    """The cached build for ``spec``, building it first (into a temporary name) when missing."""
    target = cache / _key(kind, spec)
    info_file = target.with_suffix(".json")
    if info_file.exists() and target.exists():
        return Built(target, json.loads(info_file.read_text()))
    cache.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    if tmp.is_dir():
        shutil.rmtree(tmp)
    for stale in cache.glob(tmp.name + "*"):
        stale.unlink()
    info = build(tmp)
    os.replace(tmp, target)
    info_file.write_text(json.dumps(info, indent=2) + "\n")
    return Built(target, info)


# --- a folder of .txt files ---------------------------------------------------------------
def txt_folder(cache: Path, spec: FolderSpec) -> Built:
    """``spec.files`` UTF-8 news articles as .txt files, a thousand to a subfolder."""

    def build(tmp: Path) -> dict:
        total = 0
        for i, art in enumerate(articles(spec.seed, spec.files, spec.long_at, spec.long_chars)):
            sub = tmp / f"{i // 1000:03d}"
            if i % 1000 == 0:
                sub.mkdir(parents=True)
            data = art.text.encode("utf-8")
            (sub / f"article-{i:06d}.txt").write_bytes(data)
            total += len(data)
        return {"files": spec.files, "bytes": total}

    return _cached(cache, "txt", spec, build)


# --- a corpus file --------------------------------------------------------------------------
def corpus_file(cache: Path, spec: CorpusSpec, log: Callable[[str], None] | None = None) -> Built:
    """A corpus of ``spec.articles`` articles carrying ``spec.annotations`` annotations in all.

    A cached corpus built under an older schema is never changed in place (a checkout of that older
    version may use the same cache): a copy of it is brought up to date once, beside it, named for
    the current schema, and used from then on."""
    built = _cached(cache, "corpus", spec, lambda tmp: _build_corpus(tmp, spec))
    if _schema_behind(built.path):
        built = _migrated_copy(built, log or (lambda message: None))
    with open_corpus(built.path) as corpus:
        _index_for_search(corpus)
    return built


def _applied(path: Path) -> set[str]:
    """The schema steps a corpus file has, read without writing anything."""
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        rows = conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])
        return {r[0] for r in rows}


def _schema_behind(path: Path) -> bool:
    return not set(KNOWN) <= _applied(path)


def _migrated_copy(built: Built, log: Callable[[str], None]) -> Built:
    schema = hashlib.sha256(" ".join(KNOWN).encode()).hexdigest()[:8]
    target = built.path.with_name(f"{built.path.name}-schema-{schema}")
    if not target.exists():
        tmp = target.with_name(target.name + ".partial")
        for stale in tmp.parent.glob(tmp.name + "*"):
            stale.unlink()
        log(f"  copying {built.path.name} to bring the copy's schema up to date (the cached file stays as it is)")
        with closing(sqlite3.connect(f"{built.path.resolve().as_uri()}?mode=ro", uri=True)) as source, \
                closing(sqlite3.connect(tmp)) as copy:
            source.backup(copy)
        t0 = time.perf_counter()
        with open_corpus(tmp):
            pass
        log(f"  schema brought up to date in {time.perf_counter() - t0:.1f} s")
        os.replace(tmp, target)
    return Built(target, built.info)


def _index_for_search(corpus) -> None:
    """Fill the full-text index as a corpus in use has it (imports leave that to idle time)."""
    try:
        from annotator.store.search import catch_up
    except ImportError:
        return
    catch_up(corpus.db)


def _build_corpus(path: Path, spec: CorpusSpec) -> dict:
    with open_corpus(path):
        pass  # the schema, exactly as the app creates it
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA synchronous = OFF")
    rng = random.Random(spec.seed * 7919)
    with conn:
        for name, tag, colour, hotkey in EXTRA_LABELS:
            conn.execute(
                "INSERT INTO labels (name, tag, colour, hotkey, position) VALUES (?, ?, ?, ?, ?)",
                (name, tag, colour, hotkey, int(hotkey) - 1),
            )
        conn.executemany(
            "INSERT INTO annotators (id, name, created) VALUES (?, ?, ?)",
            [(i + 1, name, STAMP) for i, name in enumerate(ANNOTATORS)],
        )
    labelled: dict[int, tuple] = {}  # article id -> candidate spans
    rows, chars, done = [], 0, []
    for i, art in enumerate(articles(spec.seed, spec.articles, spec.long_at, spec.long_chars)):
        article_id = i + 1
        is_labelled = rng.random() < spec.labelled_fraction or i in spec.long_at
        status = ("done" if rng.random() < 0.7 else "in_progress") if is_labelled else "new"
        if is_labelled:
            labelled[article_id] = art.spans
        if status == "done":
            done.append((article_id,))
        rows.append((article_id, art.title, art.text, "south cn", content_hash(art.text), STAMP, STAMP))
        chars += len(art.text)
        if len(rows) >= 2000:
            _insert_articles(conn, rows)
            rows = []
    _insert_articles(conn, rows)
    ids = list(labelled)
    shares = quotas([len(labelled[a]) for a in ids], spec.annotations)
    batch: list[tuple] = []
    stored = 0
    for article_id, quota in zip(ids, shares, strict=True):
        if not quota:
            continue
        text = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
        for start, end, label, who in choose_spans(labelled[article_id], quota, rng, len(ANNOTATORS)):
            batch.append((article_id, label, start, end, text[start:end], who + 1, STAMP, STAMP))
        if len(batch) >= 50_000:
            stored += _insert_annotations(conn, batch)
            batch = []
    stored += _insert_annotations(conn, batch)
    with conn:  # each annotator of a finished article has it done (their layers were started by their spans)
        conn.executemany("UPDATE layers SET status = 'done' WHERE article_id = ?", done)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {"articles": spec.articles, "annotations": stored, "chars": chars, "bytes": path.stat().st_size}


def _insert_articles(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    with conn:
        conn.executemany(
            """INSERT INTO articles (id, title, text, source, content_hash, created, updated)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )


def _insert_annotations(conn: sqlite3.Connection, rows: list[tuple]) -> int:
    with conn:
        conn.executemany(
            """INSERT INTO annotations (article_id, label_id, start, "end", text, annotator_id, created, updated)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )
    return len(rows)


def working_copy(built: Built, folder: Path) -> Path:
    """A copy of a cached corpus that a scenario may change, on disk before it is used: the writing
    back of a fresh copy of gigabytes would otherwise slow whatever is timed next."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / built.path.name
    shutil.copyfile(built.path, target)
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return target


def warm(path: Path) -> None:
    """Read a corpus file that is not open anywhere (or a folder of files) into the page cache, as a corpus in use is (a
    copy made minutes earlier may have been evicted). Never for an open corpus: reading its file
    outside SQLite drops SQLite's locks on it."""
    for file in sorted(path.rglob("*")) if path.is_dir() else [path] if path.exists() else []:
        if file.is_file():
            with file.open("rb", buffering=0) as fh:
                while fh.read(16 << 20):
                    pass
