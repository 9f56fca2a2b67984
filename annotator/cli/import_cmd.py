"""annotator import PATH...: files and folders into the corpus."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click

from annotator.cli.common import Settings, echo, error_message, open_for_import, parse_size
from annotator.formats import (
    DEFAULT_MAX_BYTES,
    IMPORTERS,
    ImportBatch,
    ImportResult,
    Outcome,
)
from annotator.formats.base import format_size
from annotator.store import CorpusError


def _size(ctx: click.Context, param: click.Parameter, value: str) -> int:
    try:
        return parse_size(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "format_",
    type=click.Choice(["auto", *IMPORTERS]),
    default="auto",
    show_default=True,
    help="Read every file as this format; auto goes by the extension and the content.",
)
@click.option(
    "--offsets",
    type=click.Choice(["utf16", "codepoints"]),
    default=None,
    help="How doccano and Label Studio files count offsets "
    "[default: utf16 for doccano, codepoints for Label Studio].",
)
@click.option(
    "--text-field",
    default=None,
    metavar="NAME",
    help="The data field of Label Studio tasks that holds the article text [default: the field the regions name].",
)
@click.option(
    "--max-size",
    default=format_size(DEFAULT_MAX_BYTES).replace(" ", ""),
    show_default=True,
    callback=_size,
    help="Refuse an article (a file, or a record of JSONL, JSON, CSV or CoNLL, which are read "
    "record by record whatever their size) larger than this (kB, MB, GB; KiB, MiB, GiB).",
)
@click.option(
    "--as",
    "credit",
    metavar="NAME",
    help="Credit the spans of files that name no annotator to NAME [default: the file, as import:batch3.jsonl].",
)
@click.pass_obj
def import_command(
    settings: Settings,
    paths: tuple[Path, ...],
    format_: str,
    offsets: str | None,
    text_field: str | None,
    max_size: int,
    credit: str | None,
) -> None:
    """Import articles from files and folders (folders recursively), with their spans.

    Known types: .txt .text (plain or news-shaped text), .html .htm, .json, .jsonl
    .ndjson and .csv (records with a "text" field). Labelled data: Annotator's own
    JSONL export, doccano JSONL or JSON, Label Studio JSON and JSON-MIN exports,
    Prodigy JSONL, Hugging Face token classification JSONL, brat (a .txt with an
    .ann beside it, or a .zip of them), CoNLL / IOB (.conll .iob .bio) and spaCy
    DocBin (.spacy); labels they name that the
    corpus lacks are created. Spans keep the annotator the file names (Annotator's "annotator", Label
    Studio's user...); spans of a file that names none are credited to --as NAME or to
    the file (import:FILE), never to you. The same text is never imported twice: a record whose
    text is in the corpus adds its new spans to that article. Each rejected or duplicate input,
    and each span left out, is reported on stderr; the exit status is 1 when anything
    was rejected.
    """
    with open_for_import(settings) as corpus:
        batch = ImportBatch(
            corpus,
            paths,
            format=format_,
            max_bytes=max_size,
            offsets=offsets,
            annotator=credit,
            text_field=text_field,
        )
        stopped: BaseException | None = None
        try:
            if sys.stderr.isatty() and batch.total_files > 1:
                _run_with_progress_bar(batch)
            else:
                for result in batch:
                    for line in _problems(result):
                        echo(line, err=True)
        except KeyboardInterrupt:  # Ctrl-C: what was stored stays, and the summary says so
            batch.report.cancelled = True
        except (CorpusError, sqlite3.Error, OSError) as exc:  # busy, disk full: say what went in first
            stopped = exc
    report = batch.report
    if stopped is not None:
        echo(f"Import stopped: {error_message(stopped)}", err=True)
        echo(f"{report.summary()} Those articles are stored; importing the same files again adds the rest "
             "(what is already in is skipped as a duplicate).", err=True)
        sys.exit(1)
    echo(report.summary(), err=True)
    if report.cancelled:
        sys.exit(130)
    if not report.ok:
        sys.exit(1)


def _problems(result: ImportResult) -> list[str]:
    """What to tell about one result: why it was rejected, skipped as a duplicate or added to an
    existing article, and its span warnings."""
    lines = [str(result)] if result.outcome in (Outcome.REJECTED, Outcome.DUPLICATE, Outcome.SPANS_ADDED) else []
    return lines + [str(warning) for warning in result.warnings]


def _run_with_progress_bar(batch: ImportBatch) -> None:
    """Import under a progress bar on stderr; the problems are listed once it is gone."""
    held: list[str] = []
    try:
        with click.progressbar(length=batch.total_files, label="Importing", file=sys.stderr) as bar:
            done = 0
            for result in batch:
                held.extend(_problems(result))
                bar.update(batch.files_done - done)
                done = batch.files_done
            bar.update(batch.files_done - done)
    finally:
        for line in held:
            echo(line, err=True)
