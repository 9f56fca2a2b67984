"""A team's work: merging 5 analysts' corpus files into one (against a plain sqlite3 copy of the
same rows), and opening an article that carries 3 analysts' layers (against bare Qt)."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from benchmarks.context import Bench
from benchmarks.measure import Figure, timed

FILES = 5
LAYERS = 3
SIZE = (1280, 820)


def _analyst_files(bench: Bench, folder: Path) -> list[Path]:
    """FILES copies of one analyst's corpus, each with its own analysts (names suffixed): the same
    articles, a layer of every analyst on each labelled article, as a team's files come back."""
    built = bench.team_corpus
    files = []
    for k in range(FILES):
        path = folder / f"analyst{k}.db"
        shutil.copyfile(built.path, path)
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("UPDATE annotators SET name = name || ?", (f"-{k}",))
        conn.close()
        files.append(path)
    return files


def _empty_target(path: Path) -> Path:
    from annotator.store import open_corpus

    with open_corpus(path, user="lead"):
        pass  # the schema, exactly as the app creates it (layer triggers included)
    return path


def merge(bench: Bench) -> list[Figure]:
    from annotator.store import open_corpus
    from annotator.store.backup import create_backup
    from annotator.store.merge import merge_corpus

    scratch = bench.scratch("merge")
    files = _analyst_files(bench, scratch)
    info = bench.team_corpus.info
    fig = Figure(
        "merge",
        f"merge {FILES} corpus files of {info['articles']:,} articles and {info['annotations']:,} annotations each",
        "s",
        "< 60 s and <= 3x a plain sqlite3 copy",
        limit=60.0,
        max_ratio=3.0,
        baseline="plain sqlite3: the same rows copied, one transaction per file",
    )
    for i in range(bench.sizes.repeats):
        base = _empty_target(scratch / f"baseline{i}.db")
        seconds, _, cpu = timed(lambda base=base: _baseline(base, files))
        fig.baseline_runs.append(seconds)
        fig.baseline_cpu_runs.append(cpu)
        target = _empty_target(scratch / f"target{i}.db")

        def run(target: Path = target) -> None:
            with open_corpus(target, user="lead") as corpus:
                report = merge_corpus(corpus, files, backup=lambda: str(create_backup(corpus.db.conn, corpus.path)))
            if not report.ok:
                raise AssertionError(report.refused)

        seconds, _, cpu = timed(run)
        fig.runs.append(seconds)
        fig.cpu_runs.append(cpu)
        _check(target, base)
    return [fig]


def _check(target: Path, base: Path) -> None:
    counts = []
    for path in (target, base):
        conn = sqlite3.connect(path)
        counts.append(
            tuple(
                conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "annotations", "layers")
            )
        )
        conn.close()
    if counts[0] != counts[1]:
        raise AssertionError(f"the merge holds {counts[0]} rows, the plain copy {counts[1]}")


def _baseline(target: Path, files: list[Path]) -> None:  # noqa: C901 - one plain script, as a user would write it
    """The floor: each file's articles, annotations and layers copied with executemany, by hash."""
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA synchronous = FULL")
    for path in files:
        src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        with conn:
            here = dict(conn.execute("SELECT content_hash, id FROM articles"))
            ids = {}
            for row in src.execute(
                "SELECT id, title, text, source, url, published, meta, content_hash, created, updated FROM articles"
            ):
                if row[7] in here:
                    ids[row[0]] = here[row[7]]
                else:
                    ids[row[0]] = conn.execute(
                        """INSERT INTO articles
                           (title, text, source, url, published, meta, content_hash, created, updated)
                           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        row[1:],
                    ).lastrowid
            names = {}
            for ident, name, created in src.execute("SELECT id, name, created FROM annotators"):
                conn.execute("INSERT OR IGNORE INTO annotators (name, created) VALUES (?, ?)", (name, created))
                names[ident] = conn.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()[0]
            conn.executemany(
                """INSERT INTO annotations
                   (article_id, label_id, start, "end", text, annotator_id, note, created, updated)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    (ids[a], label, s, e, t, names[who], note, c, u)
                    for a, label, s, e, t, who, note, c, u in src.execute(
                        'SELECT article_id, label_id, start, "end", text, annotator_id, note, created, updated'
                        " FROM annotations"
                    )
                ),
            )
            conn.executemany(
                """INSERT INTO layers (article_id, annotator_id, status, changed) VALUES (?, ?, ?, ?)
                   ON CONFLICT (article_id, annotator_id)
                   DO UPDATE SET status = excluded.status, changed = excluded.changed""",
                (
                    (ids[a], names[who], st, ch)
                    for a, who, st, ch in src.execute("SELECT article_id, annotator_id, status, changed FROM layers")
                ),
            )
        src.close()
    conn.close()


def open_layers(bench: Bench) -> list[Figure]:
    bench.qt()
    from PySide6.QtCore import QSettings

    from annotator.ui.app import AppController
    from benchmarks.corpora import working_copy
    from benchmarks.scenarios.bare_qt import bare_open
    from benchmarks.scenarios.editor import _open_times

    scratch = bench.scratch("layers")
    db = working_copy(bench.long_corpus, scratch)
    conn = sqlite3.connect(db)
    with conn:  # every span of the article once per analyst: 3 layers of the same size
        article_id = conn.execute("SELECT id FROM articles ORDER BY length(text) DESC LIMIT 1").fetchone()[0]
        conn.execute(
            "UPDATE annotations SET annotator_id = (SELECT min(id) FROM annotators) WHERE article_id = ?", (article_id,)
        )
        for k in range(1, LAYERS):
            ident = conn.execute(
                "INSERT INTO annotators (name, created) VALUES (?, '2026-01-05')", (f"analyst{k}",)
            ).lastrowid
            conn.execute(
                """INSERT INTO annotations (article_id, label_id, start, "end", text, annotator_id, created, updated)
                   SELECT article_id, label_id, start, "end", text, ?, created, updated FROM annotations
                   WHERE article_id = ? AND annotator_id = (SELECT min(id) FROM annotators)""",
                (ident, article_id),
            )
        user = conn.execute("SELECT name FROM annotators ORDER BY id LIMIT 1").fetchone()[0]
        text = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
        spans = [
            (s, e) for s, e in conn.execute('SELECT start, "end" FROM annotations WHERE article_id = ?', (article_id,))
        ]
    conn.close()
    per_layer = len(spans) // LAYERS
    size = len(text.encode("utf-8"))
    fig = Figure(
        "open_layers",
        f"open a {size / 1e6:.1f} MB article with {LAYERS} analysts' layers of {per_layer:,} spans each "
        "(everyone's shown, others outlined), to painted",
        "ms",
        "< 150 ms and <= 3x bare Qt",
        limit=150.0,
        max_ratio=3.0,
        baseline="bare QPlainTextEdit + QSyntaxHighlighter, same text and all the highlights",
    )
    repeats = max(3, bench.sizes.repeats + 2)
    fig.baseline_runs = [s * 1000 for s in bare_open(text, spans, repeats, SIZE)]
    controller = AppController(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat), user)
    window = controller.open(db)
    window.resize(*SIZE)
    try:
        t0 = time.perf_counter()
        painted, loaded = _open_times(window, article_id, repeats)
        fig.runs = [s * 1000 for s in painted]
        fig.extra["all_spans_loaded_ms"] = round(sorted(loaded)[len(loaded) // 2] * 1000, 1)
        forced, _ = _open_times(window, article_id, repeats, forced=True)
        fig.extra["whole_window_repainted_ms"] = round(sorted(forced)[len(forced) // 2] * 1000, 1)
        shown = {a.annotator for a in window.pane.index.annotations()}
        if len(shown) != LAYERS or len(window.pane.index) != len(spans):
            raise AssertionError(
                f"{len(window.pane.index)} spans of {len(shown)} analysts shown, not {len(spans)} of {LAYERS}"
            )
        del t0
    finally:
        window.close()
        window.session.corpus.close()
        window.deleteLater()
    return [fig]
