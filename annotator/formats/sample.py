"""The default corpus: where it lives, and the sample article it starts with."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_dir

import annotator
from annotator.formats.decoding import read_text
from annotator.formats.txt import record_from_text
from annotator.store import Corpus, open_corpus


def _resources() -> Path:
    """resources/ beside the package (a checkout, an editable install, a bundled app), else where a wheel put it."""
    here = Path(annotator.__file__).resolve().parent.parent / "resources"
    installed = Path(sys.prefix) / "share" / "annotator" / "resources"
    return here if here.is_dir() or not installed.is_dir() else installed


RESOURCES = _resources()
SAMPLE_ARTICLE = RESOURCES / "sample_article.txt"


def default_corpus_path() -> Path:
    """The corpus file used when none is named: in the user's data folder."""
    return Path(user_data_dir("Annotator", appauthor=False)) / "corpus.db"


def log_folder() -> Path:
    """Where the rotating log (annotator.log) is kept: in the user's data folder."""
    return Path(user_data_dir("Annotator", appauthor=False)) / "logs"


def add_sample_article(corpus: Corpus) -> int | None:
    """Import the bundled sample article; return its id (None when it is not shipped)."""
    if not SAMPLE_ARTICLE.is_file():
        return None
    record = record_from_text(read_text(SAMPLE_ARTICLE))
    article = corpus.articles.add(record.title, record.text, source=record.source, meta=record.meta)
    return article.id


def open_default_corpus(path: Path | str | None = None, user: str | None = None) -> Corpus:
    """Open the default corpus (or ``path``), creating it with the sample article the first time.

    The sample is added only when the file is created, never again: an analyst who
    deletes it does not see it come back.
    """
    path = Path(path) if path is not None else default_corpus_path()
    new = not path.exists() or (path.is_file() and path.stat().st_size == 0)
    if new:
        path.parent.mkdir(parents=True, exist_ok=True)
    corpus = open_corpus(path, user=user)
    if new:
        add_sample_article(corpus)
    return corpus
