"""What every command shares: settings, opening the corpus, user errors, sizes, tables."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from annotator.core.text import display_width
from annotator.store import Corpus, CorpusError, open_corpus
from annotator.store.corpus import writable


@dataclass(frozen=True, slots=True)
class Settings:
    db: Path | None  # None: the default corpus
    annotator: str | None  # None: the operating-system user


def _message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror}{where}."
    if isinstance(exc, sqlite3.DatabaseError) and "malformed" in str(exc):
        return (
            f"The corpus is damaged (SQLite: {exc}). Restore it from a backup (annotator restore), "
            "or use another copy; it was not changed."
        )
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return "The corpus is busy: another program (the app, or another command) is writing to it. Try again in a moment."
    return str(exc)


class AnnotatorGroup(click.Group):
    """Turns corpus and file-system errors into ``Error: message`` and exit 1, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise  # click itself handles a closed pipe (as in `annotator export --out - | head`)
        except (CorpusError, OSError, sqlite3.Error) as exc:
            raise click.ClickException(_message(exc)) from exc


def corpus_path(settings: Settings) -> Path:
    if settings.db is not None:
        return settings.db
    from annotator.formats.sample import default_corpus_path

    return default_corpus_path()


def open_existing(settings: Settings) -> Corpus:
    """The corpus to read from; a path that does not exist is an error, never a new empty corpus."""
    path = corpus_path(settings)
    if not path.exists():
        raise click.ClickException(
            f"No corpus at {path}. Create it by importing articles: annotator --db {path} import FILE..."
            if settings.db is not None
            else f"No corpus at {path} yet. Create it by importing articles: annotator import FILE..."
        )
    # In a read-only folder or drive the corpus is opened for reading only: the commands that
    # use this function read, and one that would write says why it cannot.
    return open_corpus(path, create=False, read_only=not writable(path))


def open_for_import(settings: Settings) -> Corpus:
    """The corpus to import into, created when missing (the default one with its sample article)."""
    if settings.db is None:
        from annotator.formats.sample import open_default_corpus

        return open_default_corpus()
    return open_corpus(settings.db)


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:([kmg])(i?)b?|b)?\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """'20MB' -> 20_000_000, '512KiB' -> 524_288, '1000' -> 1000 (bytes)."""
    m = _SIZE.match(text)
    if not m:
        raise ValueError(f"{text!r} is not a size; write it like 20MB, 500kB or 1048576.")
    number, prefix, binary = m.groups()
    power = "kmg".index(prefix.lower()) + 1 if prefix else 0
    size = int(float(number) * (1024 if binary else 1000) ** power)
    if size <= 0:
        raise ValueError("The size must be more than 0 bytes.")
    return size


def format_table(
    headers: Sequence[str] | None, rows: Sequence[Sequence[object]], right: Sequence[int] = ()
) -> str:
    """Rows as aligned columns (wide CJK characters count as two), the header first if given."""
    cells = ([[str(c) for c in headers]] if headers else []) + [[str(c) for c in row] for row in rows]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(cells[0]))]
    lines = []
    for row in cells:
        parts = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - display_width(cell))
            parts.append(pad + cell if i in right else cell + pad)
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)
