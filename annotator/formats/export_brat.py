"""brat standoff: a folder (or a .zip) with ``article-000001.txt`` and ``.ann`` per article.

    T1<TAB>LOCATION 0 6<TAB>Foshan
    T2<TAB>POLICY_TERM 40 52;53 60<TAB>Greater Bay Area     (a span across a line break)
    #1<TAB>AnnotatorNotes T1<TAB>the city, not the district

Offsets are code points of the UTF-8 ``.txt`` (written exactly as stored: LF, no BOM),
which is what brat counts. File names come from article ids, never from titles.
A ``.ann`` line cannot hold a line break, so a span across one becomes a
discontinuous span of its lines (as brat itself makes them), and line breaks or
tabs in a note become spaces; both are reported. ``annotation.conf`` declares the
labels, ``visual.conf`` their names and colours. Within a split each part
(``train/``, ``dev/``, ``test/``) is a complete brat collection with its own conf files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from annotator.core.model import Label
from annotator.formats.dataset import ExportContext, ExportDoc, ExportSpan
from annotator.formats.label_names import export_names

_LINE_BREAKS = re.compile(r"[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def article_stem(article_id: int) -> str:
    """The file name (without extension) of an article: ``article-000123``."""
    return f"article-{int(article_id):06d}"


def fragments(text: str, span: ExportSpan) -> list[tuple[int, int]]:
    """The pieces of a span between line breaks (brat lines hold no line break)."""
    pieces, start = [], span.start
    for i in range(span.start, span.end + 1):
        if i == span.end or text[i] == "\n":
            if i > start:
                pieces.append((start, i))
            start = i + 1
    return pieces


def ann_lines(doc: ExportDoc, ctx: ExportContext, names: dict[str, str] | None = None) -> list[str]:
    names = names if names is not None else export_names(ctx.labels, spaces=False)
    lines: list[str] = []
    notes = 0
    for n, span in enumerate(doc.spans, 1):
        pieces = fragments(doc.text, span)
        if not pieces:
            ctx.report.warn(doc, "covers only line breaks; left out", span)
            continue
        if len(pieces) > 1:
            ctx.report.warn(doc, f"crosses a line break; written as {len(pieces)} discontinuous pieces", span)
        where = ";".join(f"{s} {e}" for s, e in pieces)
        covered = " ".join(doc.text[s:e] for s, e in pieces)
        lines.append(f"T{n}\t{names.get(span.label, span.label)} {where}\t{covered}")
        if span.note:
            note = _LINE_BREAKS.sub(" ", span.note).strip()
            if note != span.note:
                ctx.report.warn(doc, "note has line breaks or tabs; written on one line", span)
            notes += 1
            lines.append(f"#{notes}\tAnnotatorNotes T{n}\t{note}")
    return lines


def annotation_conf(labels: list[Label]) -> str:
    names = export_names(labels, spaces=False)
    entities = "\n".join(names[label.tag] for label in labels)
    return f"[entities]\n{entities}\n\n[relations]\n\n[events]\n\n[attributes]\n"


def visual_conf(labels: list[Label]) -> str:
    types = export_names(labels, spaces=False)
    names = "\n".join(f"{types[label.tag]} | {_LINE_BREAKS.sub(' ', label.name)}" for label in labels)
    drawing = "\n".join(f"{types[label.tag]}\tbgColor:{label.colour}" for label in labels)
    return f"[labels]\n{names}\n\n[drawing]\n{drawing}\n"


def write_brat(docs: Iterable[ExportDoc], sink: Any, ctx: ExportContext) -> None:
    """One .txt and .ann per article, plus annotation.conf and visual.conf."""
    with sink.text("annotation.conf") as fh:
        fh.write(annotation_conf(ctx.labels))
    with sink.text("visual.conf") as fh:
        fh.write(visual_conf(ctx.labels))
    names = export_names(ctx.labels, spaces=False)
    for doc in docs:
        stem = article_stem(doc.id)
        with sink.text(f"{stem}.txt") as fh:
            fh.write(doc.text)
        lines = ann_lines(doc, ctx, names)
        with sink.text(f"{stem}.ann") as fh:
            fh.write("".join(line + "\n" for line in lines))
