"""What every command shares: settings, opening the corpus, user errors, sizes, tables."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import click

from annotator.core.text import display_width
from annotator.store import Corpus, CorpusError, open_corpus
from annotator.store.corpus import writable
from annotator.store.migrations import migration_progress, reset_migration_progress


@dataclass(frozen=True, slots=True)
class Settings:
    db: Path | None  # None: the default corpus
    annotator: str | None  # None: the operating-system user


def _escape(code: int) -> str:
    return {9: "\\t", 10: "\\n", 13: "\\r"}.get(code) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


# Control characters (C0, DEL, C1) and the bidirectional overrides that reorder what a terminal shows.
_UNPRINTABLE = {
    code: _escape(code)
    for code in (*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}


def printable(text: str) -> str:
    """``text`` as one line a terminal shows as it is: control characters written as escapes
    (``\\x1b``, ``\\n``), so that a file name cannot forge a line of a report or move the cursor."""
    return text.translate(_UNPRINTABLE)


def echo(text: str, err: bool = False) -> None:
    """Print one report line, control characters escaped."""
    click.echo(printable(text), err=err)


RESTORE_HINT = "`annotator backup --list` lists the backups; `annotator restore N` brings one back."


def error_message(exc: BaseException) -> str:
    if getattr(exc, "restore_advised", False):
        return f"{exc} {RESTORE_HINT}"
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror}{where}."
    if isinstance(exc, sqlite3.DatabaseError) and "malformed" in str(exc):
        return (
            f"The corpus is damaged (SQLite: {exc}). Restore it from a backup (annotator restore), "
            "or use another copy; it was not changed."
        )
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return (
            "The corpus is busy: another program (the app, or another command) is writing to it. Try again in a moment."
        )
    return str(exc)


class AnnotatorGroup(click.Group):
    """Turns corpus and file-system errors into ``Error: message`` and exit 1, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise  # click itself handles a closed pipe (as in `annotator export --out - | head`)
        except click.ClickException as exc:
            exc.message = printable(exc.message)
            raise
        except (CorpusError, OSError, sqlite3.Error) as exc:
            raise click.ClickException(printable(error_message(exc))) from exc


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
    return open_corpus(
        path, create=False, read_only=not writable(path), user=settings.annotator, progress=schema_progress()
    )


def open_for_import(settings: Settings) -> Corpus:
    """The corpus to import into, created when missing (the default one with its sample article)."""
    if settings.db is None:
        from annotator.formats.sample import open_default_corpus

        token = migration_progress(schema_progress())
        try:
            return open_default_corpus(user=settings.annotator)
        finally:
            reset_migration_progress(token)
    return open_corpus(settings.db, user=settings.annotator, progress=schema_progress())


def schema_progress() -> Callable[[int, int], None]:
    """Shows on stderr how the update of an older corpus for this version goes on, once it has
    taken more than a moment (counting the annotations of a large corpus for the review)."""
    started = time.monotonic()
    shown = False

    def show(done: int, total: int) -> None:
        nonlocal shown
        if not shown and time.monotonic() - started < 0.5 and done < total:
            return
        if shown or done < total:
            shown = True
            click.echo(f"\rUpdating the corpus for this version of Annotator: {done * 100 // max(total, 1)}%",
                       err=True, nl=done >= total)

    return show


# Numeric options are checked against the range SQLite's integers hold: a number out of range,
# or of thousands of digits, is a usage error with a sentence, never an OverflowError.
INT64_MAX = 2**63 - 1


class BoundedInt(click.ParamType):
    """A whole number in [low, high], written in ASCII digits (click's IntRange would print its
    19-digit bounds in every --help)."""

    name = "integer"

    def __init__(self, low: int, high: int, what: str = "a whole number") -> None:
        self.low, self.high, self.what = low, high, what

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            number = value
        else:
            text = str(value).strip()
            if not re.fullmatch(r"[+-]?[0-9]{1,25}", text):
                self.fail(f"{str(value)[:40]!r} is not {self.what}.", param, ctx)
            number = int(text)
        if not self.low <= number <= self.high:
            self.fail(f"{number} is out of range ({self.low} to {self.high}).", param, ctx)
        return number


ID = BoundedInt(1, INT64_MAX, "an id (a whole number from 1)")  # an article (or other row) id
SEED = BoundedInt(-INT64_MAX - 1, INT64_MAX)
COUNT = BoundedInt(1, 2**31 - 1, "a whole number from 1")
MAX_BYTES = 2**62  # a size larger than any disk: refused as a typo

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:([kmg])(i?)b?|b)?\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """'20MB' -> 20_000_000, '512KiB' -> 524_288, '1000' -> 1000 (bytes)."""
    m = _SIZE.match(text)
    if not m:
        raise ValueError(f"{text!r} is not a size; write it like 20MB, 500kB or 1048576.")
    number, prefix, binary = m.groups()
    power = "kmg".index(prefix.lower()) + 1 if prefix else 0
    whole, _, fraction = number.partition(".")
    if len(whole) > 20:
        raise ValueError(f"{text!r} is larger than any disk.")
    size = int(Decimal(number) * (1024 if binary else 1000) ** power)
    if size <= 0:
        raise ValueError("The size must be more than 0 bytes.")
    if size > MAX_BYTES:
        raise ValueError(f"{text!r} is larger than any disk.")
    return size


def format_table(
    headers: Sequence[str] | None, rows: Sequence[Sequence[object]], right: Sequence[int] = ()
) -> str:
    """Rows as aligned columns (wide CJK characters count as two), the header first if given."""
    cells = [[printable(str(c)) for c in row] for row in ([headers] if headers else []) + list(rows)]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(cells[0]))]
    lines = []
    for row in cells:
        parts = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - display_width(cell))
            parts.append(pad + cell if i in right else cell + pad)
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)
