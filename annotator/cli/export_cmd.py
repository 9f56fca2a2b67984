"""annotator export: the whole corpus in a dataset format."""

from __future__ import annotations

import io
import sys

import click

from annotator.cli.common import Settings, open_existing
from annotator.formats import EXPORTERS, export_corpus


@click.command("export")
@click.option(
    "--format",
    "format_",
    type=click.Choice(list(EXPORTERS)),
    default="jsonl",
    show_default=True,
    help="jsonl: one article a line with its spans (offsets are code points).",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="File to write ('-' for standard output). It is replaced only once complete.",
)
@click.pass_obj
def export_command(settings: Settings, format_: str, out: str) -> None:
    """Export every article with its annotations."""
    with open_existing(settings) as corpus:
        if out == "-":
            stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
            try:
                export_corpus(corpus, stream, format_)
                stream.flush()
            finally:
                stream.detach()
            return
        report = export_corpus(corpus, out, format_)
    click.echo(report.summary(), err=True)
