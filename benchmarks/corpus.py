"""Synthetic corpora shaped like provincial news: long articles dense with labelled spans."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from annotator.core.model import Annotation
from annotator.store import Corpus, open_corpus

PLACES = ["Foshan", "Shunde District", "Guangzhou", "Zhaoqing", "Jiangmen", "Daliang", "Nanhai", "Heshan"]
COMPANIES = ["Midea Group", "Kuka Robot (Guangdong) Co., Ltd.", "Honda Auto Parts Manufacturing Co., Ltd.",
             "Lianshan Precision Machinery", "Bluewater Cold Chain Logistics"]
POLICIES = ["high-quality development", "industrial transfer", "technological transformation",
            "innovation consortium", "one-window service"]
FILLER = ("the provincial party committee said that officials will work hard to promote the "
          "development of manufacturing enterprises and improve the level of industrial parks in").split()


def make_article(target_chars: int, target_spans: int, seed: int = 7) -> tuple[str, list[tuple[int, int, int]]]:
    """Text of about ``target_chars`` code points and (start, end, label_id) spans, some nested."""
    rng = random.Random(seed)
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    pos = 0
    density = target_spans / max(1, target_chars)
    sentence_len = 0
    while pos < target_chars:
        if rng.random() < density * 12:
            kind = rng.randrange(3)
            name = rng.choice((PLACES, COMPANIES, POLICIES)[kind])
            piece = name
            spans.append((pos, pos + len(name), kind + 1))
            if kind == 1 and "(Guangdong)" in name:  # a Location nested in a Company
                inner = pos + name.index("Guangdong")
                spans.append((inner, inner + len("Guangdong"), 1))
        else:
            piece = rng.choice(FILLER)
        parts.append(piece)
        pos += len(piece)
        sentence_len += 1
        if sentence_len > 18 and rng.random() < 0.2:
            sep = ".\n\n" if rng.random() < 0.25 else ". "
            sentence_len = 0
        else:
            sep = " "
        parts.append(sep)
        pos += len(sep)
    text = "".join(parts)
    return text, spans[:target_spans]


def build_long_article_corpus(path: Path, chars: int = 1_000_000, spans: int = 20_000) -> tuple[int, str]:
    """A corpus with one ~1 MB article carrying ``spans`` annotations; returns (article id, text)."""
    text, triples = make_article(chars, spans)
    with open_corpus(path) as corpus:
        article = corpus.articles.add("Long article", text)
        corpus.annotations.add_many(
            [Annotation(None, article.id, lab, s, e, text[s:e], "bench") for s, e, lab in triples]
        )
    return article.id, text


def build_many_articles_corpus(path: Path, n: int = 100_000) -> None:
    """A corpus of ``n`` short articles, inserted in bulk."""
    with open_corpus(path) as corpus:
        _bulk_articles(corpus, n)


def _bulk_articles(corpus: Corpus, n: int) -> None:
    rng = random.Random(3)
    rows = []
    for i in range(n):
        words = " ".join(rng.choice(FILLER) for _ in range(60))
        title = f"{rng.choice(PLACES)} report {i}"
        rows.append((title, f"{title}\n\n{words}.", f"bench-{i}", "new", "2026-01-01", "2026-01-01"))
    conn: sqlite3.Connection = corpus.db.conn
    with conn:
        conn.executemany(
            "INSERT INTO articles (title, text, content_hash, status, created, updated) VALUES (?, ?, ?, ?, ?, ?)", rows
        )
