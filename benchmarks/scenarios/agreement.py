"""Team work at scale: agreement over three analysts' layers, and opening an article to adjudicate.

The corpus: every article finished (done) and labelled by three analysts who mostly agree: each
analyst keeps a shared base set of mentions, misses 5 %, relabels 4 %, stretches 3 % by a word, and
cuts 0.3 % inside a word (as imported data may; the window snaps selections to whole words).
"""

from __future__ import annotations

import random
import re
import sqlite3
import time
from itertools import islice
from pathlib import Path

from benchmarks.context import Bench
from benchmarks.corpora import STAMP, _cached, _index_for_search, _insert_annotations, _insert_articles, working_copy
from benchmarks.measure import Figure, timed
from benchmarks.textgen import articles, quotas

ANALYSTS = ("li", "mei", "zhang")
# mode -> (articles, spans over all three layers)
TEAM_SIZES = {"full": (10_000, 500_000), "quick": (1_000, 50_000), "tiny": (60, 3_000)}
_WORD = re.compile(r"\w+")


def _team_corpus(cache: Path, n_articles: int, n_spans: int):
    from dataclasses import make_dataclass

    fields = [("articles", int), ("spans", int), ("seed", int), ("version", int)]
    spec = make_dataclass("TeamSpec", fields, frozen=True)(n_articles, n_spans, 11, 3)
    built = _cached(cache, "team", spec, lambda tmp: _build(tmp, spec))
    from annotator.store import open_corpus

    with open_corpus(built.path) as corpus:  # migrations added since it was built; the search index
        _index_for_search(corpus)  # filled, as in a corpus in use (else the window's indexer holds the lock)
    return built


def _build(path: Path, spec) -> dict:
    from annotator.core.text import content_hash
    from annotator.store import open_corpus

    with open_corpus(path):
        pass
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA synchronous = OFF")
    with conn:
        conn.executemany("INSERT INTO annotators (id, name, created) VALUES (?, ?, ?)",
                         [(i + 1, n, STAMP) for i, n in enumerate(ANALYSTS)])
    labels = [r[0] for r in conn.execute("SELECT id FROM labels ORDER BY id")]
    rng = random.Random(spec.seed)
    texts = []
    rows = []
    for i, art in enumerate(articles(spec.seed, spec.articles)):
        texts.append(art.text)
        rows.append((i + 1, art.title, art.text, "south cn", content_hash(art.text), STAMP, STAMP))
    _insert_articles(conn, rows)
    per_article = quotas([len(t) for t in texts], round(spec.spans / len(ANALYSTS) / 0.95))
    rows = _layers(rng, texts, per_article, labels)
    stored = 0
    while chunk := list(islice(rows, 50_000)):
        stored += _insert_annotations(conn, chunk)
    with conn:  # every analyst finished every article (their layers were started by their spans)
        conn.execute("UPDATE layers SET status = 'done'")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {"articles": spec.articles, "annotations": stored}


def _layers(rng: random.Random, texts: list[str], per_article: list[int], labels: list[int]):
    """Annotation rows: each article's shared mentions, as each analyst labelled them."""
    for i, (text, quota) in enumerate(zip(texts, per_article, strict=True)):
        words = [m.span() for m in _WORD.finditer(text)]
        picks = sorted(rng.sample(range(len(words)), min(quota, len(words))))
        base = []
        for k in picks:  # one or two words, never overlapping the previous mention
            last = min(k + (rng.random() < 0.3), len(words) - 1)
            if base and words[k][0] < base[-1][1]:
                continue
            base.append((words[k][0], words[last][1], rng.choice(labels), words[min(last + 1, len(words) - 1)][1]))
        for who in range(len(ANALYSTS)):
            for s, e, lab, longer in base:
                r = rng.random()
                if r < 0.05:
                    continue  # missed
                if r < 0.09:
                    lab = rng.choice(labels)
                elif r < 0.12:
                    e = longer  # stretched by a word
                elif r < 0.123:
                    e = min(len(text), e + 2)  # cut inside the next word
                yield (i + 1, lab, s, e, text[s:e], who + 1, STAMP, STAMP)


def run(bench: Bench) -> list[Figure]:
    n_articles, n_spans = TEAM_SIZES.get(bench.sizes.name, TEAM_SIZES["quick"])
    built = bench._build("the team corpus", lambda: _team_corpus(bench.cache, n_articles, n_spans))
    return [_agreement(bench, built), _adjudicate_open(bench, built)]


def _agreement(bench: Bench, built) -> Figure:
    from annotator.formats.agreement import compute
    from annotator.formats.tokens import tokenizer
    from annotator.store import open_corpus
    from annotator.store.analyst_layers import read_layers

    fig = Figure(
        "agreement",
        f"agreement of 3 analysts over {built.info['articles']:,} articles, {built.info['annotations']:,} spans",
        "s",
        "< 5 s",
        limit=5.0,
        baseline="reading the same articles and layers from the corpus, nothing computed",
    )
    tok = tokenizer()
    shares, tokens = [], 0
    with open_corpus(built.path) as corpus:
        ids = [r[0] for r in corpus.db.execute("SELECT id FROM articles")]
        compute(corpus, list(ANALYSTS), tok=tok)  # warm: the tokenizer's chunk cache, SQLite's page cache
        for _ in range(max(2, bench.sizes.repeats)):
            seconds, result, cpu = timed(lambda: compute(corpus, list(ANALYSTS), tok=tok))
            fig.runs.append(seconds)
            fig.cpu_runs.append(cpu)
            shares.append(result.tokenizing_share)  # of the per-article work, in every process
            tokens = result.tokens
            seconds, _, cpu = timed(lambda: sum(1 for _ in read_layers(corpus.db, ids, list(ANALYSTS))))
            fig.baseline_runs.append(seconds)
            fig.baseline_cpu_runs.append(cpu)
        t0 = time.perf_counter()
        cold = compute(corpus, list(ANALYSTS), tok=type(tok)(spacy=tok.spacy))
        fig.extra["first_run_s"] = round(time.perf_counter() - t0, 3)
    fig.extra["tokenizing_share"] = round(sorted(shares)[len(shares) // 2], 3)
    fig.extra["tokenizer"] = tok.name
    fig.extra["tokens"] = tokens
    fig.extra["fleiss_kappa"] = round(cold.fleiss_kappa, 4) if cold.fleiss_kappa is not None else None
    fig.note = (f"tokenizing takes {fig.extra['tokenizing_share']:.0%} of the per-article work, summed over "
                f"the processes ({tok.name} tokenizer, {tokens:,} tokens)")
    return fig


def _adjudicate_open(bench: Bench, built) -> Figure:
    bench.qt()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from annotator.store import open_corpus
    from annotator.ui.app import AppController
    from benchmarks.scenarios.bare_qt import PaintCount, bare_open, paint_pending
    from benchmarks.scenarios.editor import SIZE

    scratch = bench.scratch("adjudicate")
    db = working_copy(built, scratch)  # adjudicating writes the gold layer
    n = max(4, bench.sizes.repeats + 3)
    with open_corpus(db) as corpus:  # the longest articles: n measured, n more opened with a forced repaint
        ids = [r[0] for r in corpus.db.execute("SELECT id FROM articles ORDER BY length(text) DESC LIMIT ?", [2 * n])]
        article = corpus.articles.get(ids[0])
        spans = [(a.start, a.end) for a in corpus.annotations.for_article(ids[0])]
    fig = Figure(
        "adjudicate_open",
        f"open an article to adjudicate (3 layers, {len(spans)} spans, {len(article.text):,} characters), to painted",
        "ms",
        "< 150 ms and <= 3x bare Qt (the open-article target)",
        limit=150.0,
        max_ratio=3.0,
        baseline="bare QPlainTextEdit + QSyntaxHighlighter, same text and highlights",
    )
    fig.baseline_runs = [s * 1000 for s in bare_open(article.text, spans, n, SIZE)]
    controller = AppController(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat), "bench")
    window = controller.open(db)
    window.resize(*SIZE)
    window.adjudication.error.connect(lambda m: None)
    text_painted = PaintCount(window.pane.viewport())

    def open_times(articles: list[int], forced: bool = False) -> list[float]:
        times = []
        for article_id in articles:
            window.open_article(None)
            QApplication.processEvents()
            t0 = time.perf_counter()
            window.open_article(article_id)
            if forced:
                window.repaint()
            else:
                paint_pending(text_painted)
            times.append((time.perf_counter() - t0) * 1000)
        return times

    try:
        QApplication.processEvents()
        plain = open_times(ids[: n - 1])  # the same articles opened without adjudicating: every layer shown
        fig.extra["plain_open_ms"] = round(sorted(plain)[len(plain) // 2], 1)
        window.open_article(ids[n - 1])
        window.adjudication.start()  # adjudicating; each article opened now opens to adjudicate
        QApplication.processEvents()
        fig.runs = open_times(ids[: n - 1])  # each a first opening: its agreed spans are committed into gold too
        state = window.adjudication.state
        fig.extra["disagreements"] = len(state.plan.disagreements) if state else None
        assert window.adjudication.active, "adjudication stopped"
        forced = open_times(ids[n:], forced=True)  # other first openings, the whole window repainted
        fig.extra["whole_window_repainted_ms"] = round(sorted(forced)[len(forced) // 2], 1)
        window.adjudication.stop()
    finally:
        window.close()
        window.session.corpus.close()
        window.deleteLater()
    return fig
