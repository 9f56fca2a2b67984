"""Which importer reads which file, and which exporter writes which format.

An importer turns the bytes of one file into records; an exporter writes a whole
corpus. New formats plug in here, and the CLI and the GUI list them from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.marks import QT_TR_NOOP
from annotator.formats.base import BadRecord, Record
from annotator.formats.csv_records import read_csv, read_csv_path
from annotator.formats.dataset import ExportContext, ExportDoc
from annotator.formats.export_brat import write_brat
from annotator.formats.export_conll import write_conll
from annotator.formats.export_csv import write_csv
from annotator.formats.export_doccano import write_doccano
from annotator.formats.export_hf import write_hf
from annotator.formats.export_labelstudio import write_labelstudio
from annotator.formats.export_prodigy import write_prodigy
from annotator.formats.export_spacy import write_spacy
from annotator.formats.export_w3c import write_w3c
from annotator.formats.html import read_html
from annotator.formats.import_brat import read_brat_path
from annotator.formats.import_conll import read_conll_path
from annotator.formats.import_jsonl import detect_jsonl, read_doccano, read_native_jsonl
from annotator.formats.import_labelstudio import detect_json, read_labelstudio
from annotator.formats.import_spacy import read_spacy_path
from annotator.formats.json_records import read_json
from annotator.formats.json_sources import read_auto_path, reader
from annotator.formats.native_jsonl import write_native_jsonl
from annotator.formats.txt import read_txt


@dataclass(frozen=True, slots=True)
class Importer:
    """A format to import. ``read(data, **options)`` turns a file's bytes into records."""

    name: str
    description: str
    extensions: tuple[str, ...]  # lower case, with the dot
    read: Callable[..., Iterable[Record | BadRecord]] | None
    options: tuple[str, ...] = ()  # keyword options ``read`` takes, e.g. ("offsets",)
    detect: Callable[[bytes], str] | None = None  # auto mode: the importer the content calls for
    # Reads the file itself (pairs, archives, record by record): ``read_path(path, max_bytes, **options)``.
    read_path: Callable[..., Iterable[Record | BadRecord]] | None = None
    # In auto mode, reads the file and decides by its content which kind it is (same signature).
    auto_path: Callable[..., Iterable[Record | BadRecord]] | None = None


@dataclass(frozen=True, slots=True)
class Exporter:
    """A dataset format. ``write(docs, sink, ctx)`` streams docs into ``sink`` (see formats/sinks.py)."""

    name: str
    description: str
    extension: str  # of the main file, or "" for a folder format
    write: Callable[[Iterable[ExportDoc], Any, ExportContext], None]
    folder: bool = False  # writes a folder (or a .zip when the path ends in .zip)
    offsets: tuple[str, ...] = ()  # the offset units it can count in, default first
    keeps: str = ""  # one line for the README and the export dialog: what survives
    loses: str = ""  # and what does not
    timestamps: bool = False  # writes when each span was made and changed (read only for these formats)


_JSON_OPTIONS = ("offsets", "text_field")

IMPORTERS: dict[str, Importer] = {
    imp.name: imp
    for imp in (
        Importer("txt", "Plain text", (".txt", ".text"), read_txt),
        Importer("html", "HTML page", (".html", ".htm"), read_html),
        Importer(
            "json",
            "JSON records (Label Studio, doccano and Prodigy files recognised)",
            (".json",),
            read_json,
            _JSON_OPTIONS,
            detect=detect_json,
            read_path=reader("json"),
            auto_path=read_auto_path,
        ),
        Importer(
            "jsonl",
            "JSON Lines records, with spans in Annotator's own export (doccano and Prodigy recognised)",
            (".jsonl", ".ndjson"),
            read_native_jsonl,
            _JSON_OPTIONS,
            detect=detect_jsonl,
            read_path=reader("jsonl"),
            auto_path=read_auto_path,
        ),
        Importer("csv", "CSV with a text column", (".csv",), read_csv, read_path=read_csv_path),
        Importer(
            "doccano",
            "doccano sequence labelling (JSONL or JSON)",
            (),
            read_doccano,
            ("offsets",),
            read_path=reader("doccano"),
        ),
        Importer(
            "labelstudio",
            "Label Studio JSON or JSON-MIN export",
            (),
            read_labelstudio,
            _JSON_OPTIONS,
            read_path=reader("labelstudio"),
        ),
        Importer("prodigy", "Prodigy JSONL (accepted answers)", (), None, read_path=reader("prodigy")),
        Importer(
            "hf",
            "Hugging Face token classification JSONL (tokens and ner_tags)",
            (),
            None,
            read_path=reader("hf"),
        ),
        Importer(
            "brat",
            "brat standoff: .txt with .ann, or a .zip of them",
            (".ann", ".zip"),
            None,
            read_path=read_brat_path,
        ),
        Importer(
            "conll",
            "CoNLL / IOB: a token and its tag a line (IOB1, IOB2, BIOES)",
            (".conll", ".iob", ".bio"),
            None,
            read_path=read_conll_path,
        ),
        Importer(
            "spacy",
            "spaCy v3 DocBin: entities and every span group",
            (".spacy",),
            None,
            read_path=read_spacy_path,
        ),
    )
}

EXPORTERS: dict[str, Exporter] = {
    exp.name: exp
    for exp in (
        Exporter(
            "jsonl",
            QT_TR_NOOP("Annotator JSON Lines"),
            ".jsonl",
            write_native_jsonl,
            keeps=QT_TR_NOOP("text, metadata, status, label tags, annotators, notes, review state"),
            loses=QT_TR_NOOP("label names, colours and hotkeys; when spans were created and changed"),
        ),
        Exporter(
            "doccano",
            QT_TR_NOOP("doccano sequence labelling JSONL"),
            ".jsonl",
            write_doccano,
            offsets=("utf16", "codepoints"),
            keeps=QT_TR_NOOP("text, labels (nested and overlapping), title, status and metadata; notes as metadata"),
            loses=QT_TR_NOOP("annotators, review state, label names and colours"),
        ),
        Exporter(
            "brat",
            QT_TR_NOOP("brat standoff (folder or .zip)"),
            "",
            write_brat,
            folder=True,
            keeps=QT_TR_NOOP("text, labels (nested and overlapping), notes; label colours in visual.conf"),
            loses=QT_TR_NOOP("titles and metadata, annotators, review state; line breaks in notes become spaces"),
        ),
        Exporter(
            "labelstudio",
            QT_TR_NOOP("Label Studio JSON tasks and labelling config"),
            ".json",
            write_labelstudio,
            keeps=QT_TR_NOOP("text, labels (nested and overlapping), notes, title, status and metadata; label colours and hotkeys in the config"),  # noqa: E501 - one literal, as lupdate collects it
            loses=QT_TR_NOOP("annotators and review state"),
            timestamps=True,
        ),
        Exporter(
            "csv",
            QT_TR_NOOP("CSV, one row per annotation"),
            ".csv",
            write_csv,
            keeps=QT_TR_NOOP("labels, offsets, covered text with 40 characters of context, annotators, notes, review state"),  # noqa: E501 - one literal, as lupdate collects it
            loses=QT_TR_NOOP("the full text, articles without annotations, metadata"),
        ),
        Exporter(
            "w3c",
            QT_TR_NOOP("W3C Web Annotation JSON-LD"),
            ".jsonld",
            write_w3c,
            keeps=QT_TR_NOOP("labels, quote and position selectors, notes, annotators, creation and change times"),
            loses=QT_TR_NOOP("the article text (only its URL or id), titles, metadata, review state"),
            timestamps=True,
        ),
        Exporter(
            "spacy",
            QT_TR_NOOP("spaCy v3 DocBin (.spacy)"),
            ".spacy",
            write_spacy,
            keeps=QT_TR_NOOP("text, every span in doc.spans['sc'], non-overlapping ones as doc.ents, sentences; article id, title, metadata in user_data"),  # noqa: E501 - one literal, as lupdate collects it
            loses=QT_TR_NOOP("annotators, notes, review state; overlapping spans only in doc.spans, not doc.ents"),
        ),
        Exporter(
            "prodigy",
            QT_TR_NOOP("Prodigy / spaCy JSONL with tokens"),
            ".jsonl",
            write_prodigy,
            keeps=QT_TR_NOOP("text, tokens, every span (nested and overlapping) with annotator and note; article id, title, metadata in meta"),  # noqa: E501 - one literal, as lupdate collects it
            loses=QT_TR_NOOP("review state; span edges inside a word split that word's token"),
        ),
        Exporter(
            "conll",
            QT_TR_NOOP("CoNLL-2003 (IOB2 tags)"),
            ".conll",
            write_conll,
            keeps=QT_TR_NOOP("tokens, sentences, one label per token (IOB2)"),
            loses=QT_TR_NOOP("nested and overlapping spans (the longest is kept), whitespace and line breaks, titles, metadata, annotators, notes"),  # noqa: E501 - one literal, as lupdate collects it
        ),
        Exporter(
            "hf",
            QT_TR_NOOP("Hugging Face token classification JSONL and label list"),
            ".jsonl",
            write_hf,
            keeps=QT_TR_NOOP("tokens and IOB2 tags per sentence, ids naming article and sentence, the tag list"),
            loses=QT_TR_NOOP("nested and overlapping spans (the longest is kept), whitespace, titles, metadata, annotators, notes"),  # noqa: E501 - one literal, as lupdate collects it
        ),
    )
}


def importer(name: str) -> Importer:
    try:
        return IMPORTERS[name]
    except KeyError:
        raise ValueError(f"Unknown import format {name!r}; known: {', '.join(IMPORTERS)}.") from None


def importer_for_path(path: Path | str) -> Importer | None:
    """The importer for a file's extension (any case), or None."""
    suffix = (path if isinstance(path, Path) else Path(path)).suffix.lower()
    for imp in IMPORTERS.values():
        if suffix in imp.extensions:
            return imp
    return None


def import_extensions() -> list[str]:
    """Every extension an import in auto mode recognises, e.g. for a file dialog filter."""
    return [ext for imp in IMPORTERS.values() for ext in imp.extensions]


def span_extensions() -> set[str]:
    """Extensions of the files an import may take spans from (plain text, HTML and CSV bring none)."""
    return {ext for imp in IMPORTERS.values() if imp.name not in ("txt", "html", "csv") for ext in imp.extensions}


def exporter(name: str) -> Exporter:
    try:
        return EXPORTERS[name]
    except KeyError:
        raise ValueError(f"Unknown export format {name!r}; known: {', '.join(EXPORTERS)}.") from None
