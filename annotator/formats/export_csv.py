"""CSV: one row per annotation, for reading in a spreadsheet.

    article_id,title,label,start,end,text,left_context,right_context,annotator,note,reviewed_by,reviewed_at

UTF-8 without BOM, LF line ends, a header row, quoted by Python's csv module where
needed. Offsets are code points. Contexts are about 40 characters and never cut
a character in two. A text cell that a spreadsheet would run as a formula
(starting with =, +, -, @, a tab or a carriage return) gets a leading ``'``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from annotator.formats.dataset import ExportContext, ExportDoc, span_context

HEADER = (
    "article_id",
    "title",
    "label",
    "start",
    "end",
    "text",
    "left_context",
    "right_context",
    "annotator",
    "note",
    "reviewed_by",
    "reviewed_at",
)
CONTEXT = 40
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A cell a spreadsheet would not run as a formula: ``=SUM(A1)`` -> ``'=SUM(A1)``."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def rows(doc: ExportDoc) -> Iterable[list[Any]]:
    for span in doc.spans:
        left, right = span_context(doc.text, span.start, span.end, CONTEXT)
        row = [doc.id, doc.title, span.label, span.start, span.end, span.text, left, right,
               span.annotator, span.note or "", span.reviewed_by or "", span.reviewed_at or ""]
        yield [neutralise(cell) for cell in row]


class _LineWriter:
    """Rows ending in LF, with every cell that holds a CR or an LF quoted.

    ``csv.writer`` quotes a cell only for the characters of its own line terminator: with
    ``"\n"`` a bare CR inside a cell (a note, an old Mac text) would go out unquoted and split
    the row in every reader. Rows are written with ``"\r\n"`` and that ending swapped for LF.
    """

    def __init__(self, out: Any) -> None:
        self.out = out
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\r\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self.writer.writerow(row)
        self.out.write(self.buffer.getvalue()[:-2] + "\n")
        self.buffer.seek(0)
        self.buffer.truncate()

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def write_csv(docs: Iterable[ExportDoc], sink: Any, ctx: ExportContext) -> None:
    """A header, then one row per annotation in article and text order."""
    writer = _LineWriter(sink.text())
    writer.writerow(HEADER)
    for doc in docs:
        writer.writerows(rows(doc))
