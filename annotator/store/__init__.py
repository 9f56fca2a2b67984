"""The corpus file: SQLite through sqlite-utils, with migrations applied on open."""

from annotator.store._sqlite import load_sqlite_utils

load_sqlite_utils()  # before any module here imports it

# These imports come after load_sqlite_utils() on purpose: they import sqlite-utils.
from annotator.store.corpus import Corpus, open_corpus  # noqa: E402
from annotator.store.errors import (  # noqa: E402
    CorpusError,
    DamagedCorpusError,
    DuplicateArticleError,
    InvalidAnnotationError,
    NewerSchemaError,
    NotACorpusError,
    NotFoundError,
)

__all__ = [
    "Corpus",
    "open_corpus",
    "CorpusError",
    "DamagedCorpusError",
    "DuplicateArticleError",
    "InvalidAnnotationError",
    "NewerSchemaError",
    "NotACorpusError",
    "NotFoundError",
]
