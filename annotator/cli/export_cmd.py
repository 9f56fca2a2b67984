"""annotator export: the corpus, or the part of it chosen by filters, in a dataset format."""

from __future__ import annotations

import io
import signal
import sys
import threading
from collections.abc import Iterable
from pathlib import Path

import click

from annotator.cli.common import SEED, Settings, corpus_path, echo, open_existing
from annotator.core.model import Status
from annotator.formats import EXPORTERS, export_corpus, exporter
from annotator.formats.dataset import ExportOptions, ExportReport, parse_split
from annotator.formats.export import missing_library_message
from annotator.formats.sinks import SinkError
from annotator.store import Corpus
from annotator.store.health import is_corpus_file

SHOWN_WARNINGS = 20


def _format_help() -> str:
    return "Dataset format. " + "; ".join(f"{exp.name}: {exp.description}" for exp in EXPORTERS.values()) + "."


def _values(values: Iterable[str], option: str = "") -> list[str]:
    """Repeated options and comma lists alike: ('done,in_progress', 'new') -> ['done', 'in_progress', 'new'].

    An option given with nothing in it (``--label ',,,'``) is refused: taken as no filter, it would
    export everything."""
    values = list(values)
    found = [v.strip() for value in values for v in value.split(",") if v.strip()]
    if values and not found:
        raise click.BadParameter(
            f"{values[0]!r} names nothing; leave the option out to take everything.", param_hint=option
        )
    return found


def _statuses(values: Iterable[str]) -> set[str]:
    known = {s.value: s.value for s in Status} | {s.display.lower(): s.value for s in Status}
    known |= {k.replace("_", "-"): v for k, v in known.items()} | {k.replace(" ", "_"): v for k, v in known.items()}
    chosen = set()
    for value in _values(values, "--status"):
        if value.lower() not in known:
            raise click.BadParameter(
                f"{value!r} is not a status; use {', '.join(s.value for s in Status)}.", param_hint="--status"
            )
        chosen.add(known[value.lower()])
    return chosen


def _labels(corpus: Corpus, values: Iterable[str]) -> set[str]:
    labels = corpus.labels.list()
    by_key = {lab.tag.lower(): lab.tag for lab in labels} | {lab.name.lower(): lab.tag for lab in labels}
    chosen = set()
    for value in _values(values, "--label"):
        if value.lower() not in by_key:
            known = ", ".join(lab.tag for lab in labels)
            raise click.BadParameter(
                f"no label {value!r} in this corpus; its labels are {known}.", param_hint="--label"
            )
        chosen.add(by_key[value.lower()])
    return chosen


def _annotators(corpus: Corpus, values: Iterable[str]) -> set[str]:
    known = corpus.annotations.annotators()
    chosen = set(_values(values, "--annotator"))
    unknown = sorted(chosen - set(known))
    if unknown:
        listed = ", ".join(known) or "none yet"
        raise click.BadParameter(
            f"no annotations by {', '.join(map(repr, unknown))} in this corpus; annotators: {listed}.",
            param_hint="--annotator",
        )
    return chosen


def _print_warnings(report: ExportReport) -> None:
    for warning in report.warnings[:SHOWN_WARNINGS]:
        echo(f"warning: {warning}", err=True)
    more = len(report.warnings) - SHOWN_WARNINGS
    if more > 0:
        click.echo(f"warning: … and {more:,} more.", err=True)


@click.command("export")
@click.option(
    "--format", "format_", type=click.Choice(list(EXPORTERS)), default="jsonl", show_default=True, help=_format_help()
)
@click.option(
    "--out",
    required=True,
    type=click.Path(allow_dash=True, path_type=str),
    help="File to write, or a folder (or .zip) for folder formats; '-' for standard output. "
    "Nothing is replaced until the whole export is complete.",
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    metavar="STATUS",
    help="Only articles with this status: new, in_progress, done (repeat, or separate with commas).",
)
@click.option(
    "--label",
    "labels",
    multiple=True,
    metavar="TAG",
    help="Only spans with this label, by tag or name (repeat, or separate with commas).",
)
@click.option(
    "--annotator",
    "annotators",
    multiple=True,
    metavar="NAME",
    help="Only spans by this annotator (repeat, or separate with commas).",
)
@click.option(
    "--split", "split", metavar="TRAIN/DEV[/TEST]", help="Split the articles into train/dev/test parts, e.g. 80/10/10."
)
@click.option(
    "--seed", type=SEED, default=0, show_default=True, help="Seed of the split: the same seed gives the same parts."
)
@click.option(
    "--offsets",
    type=click.Choice(["utf16", "codepoints"]),
    help="Offset unit, for formats that have a choice (doccano: utf16 by default).",
)
@click.pass_obj
def export_command(
    settings: Settings,
    format_: str,
    out: str,
    statuses: tuple[str, ...],
    labels: tuple[str, ...],
    annotators: tuple[str, ...],
    split: str | None,
    seed: int,
    offsets: str | None,
) -> None:
    """Export the articles with their annotations as a dataset.

    \b
    Examples:
      annotator export --format doccano --out spans.jsonl --status done
      annotator export --format brat --out brat.zip --label LOCATION,COMPANY
      annotator export --format labelstudio --out tasks.json --split 80/10/10 --seed 7
    """
    exp = exporter(format_)
    if not out.strip():
        raise click.BadParameter("give a file or folder to write, or '-' for standard output.", param_hint="--out")
    if offsets is not None and offsets not in exp.offsets:
        choices = f"it counts in {', '.join(exp.offsets)}" if exp.offsets else "it has no choice of offsets"
        raise click.BadParameter(f"the {format_} format cannot count in {offsets} ({choices}).", param_hint="--offsets")
    try:
        parts = parse_split(split) if split else ()
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--split") from None
    if out == "-" and exp.folder:
        raise click.BadParameter(
            f"the {format_} format writes a folder or a .zip, not standard output.", param_hint="--out"
        )
    if out == "-" and parts:
        raise click.BadParameter("a split writes one file per part; give a file name, not '-'.", param_hint="--out")
    if out != "-" and not exp.folder and Path(out).is_dir():
        raise click.BadParameter(f"{out} is a folder; the {format_} format writes a file.", param_hint="--out")
    wanted_statuses = _statuses(statuses)
    if out != "-" and is_corpus_file(out, corpus_path(settings)):
        raise click.BadParameter(f"{out} is the corpus itself (or one of its SQLite files).", param_hint="--out")
    with open_existing(settings) as corpus:
        options = ExportOptions(
            statuses=wanted_statuses,
            labels=_labels(corpus, labels),
            annotators=_annotators(corpus, annotators),
            split=parts,
            seed=seed,
            offsets=offsets,
        )
        try:
            report = _run(corpus, out, format_, options)
        except ImportError as exc:
            raise click.ClickException(missing_library_message(format_, exc)) from exc
        except SinkError as exc:
            raise click.ClickException(str(exc)) from exc
    _print_warnings(report)
    for note in report.notes:
        echo(note, err=True)
    echo(report.summary(), err=True)


def _terminated(signum, frame) -> None:
    raise SystemExit(128 + signum)  # unwinds through the export, which removes its staged files


def _run(corpus: Corpus, out: str, format_: str, options: ExportOptions) -> ExportReport:
    if threading.current_thread() is not threading.main_thread():
        return _export(corpus, out, format_, options)
    previous = signal.signal(signal.SIGTERM, _terminated)  # `kill` leaves no staged files behind
    try:
        return _export(corpus, out, format_, options)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _export(corpus: Corpus, out: str, format_: str, options: ExportOptions) -> ExportReport:
    if out != "-":
        return export_corpus(corpus, out, format_, options)
    stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
    try:
        report = export_corpus(corpus, stream, format_, options)
        stream.flush()
    finally:
        stream.detach()
    return report
