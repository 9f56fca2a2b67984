"""CoNLL-2003: one token a line, ``TOKEN POS CHUNK TAG`` with the IOB2 entity tag last.

    -DOCSTART- -X- O O

    Foshan -X- _ B-LOCATION
    hosts -X- _ O
    Midea -X- _ B-COMPANY
    Group -X- _ I-COMPANY
    . -X- _ O

Each article starts with the ``-DOCSTART- -X- O O`` line and a blank line (the
exact line ``spacy convert -c conll`` splits documents on); a blank line ends
each sentence. There are no part-of-speech or chunk tags: those columns hold
``-X-`` and ``_``. Tokens and sentences come from ``formats.tokens`` (spaCy's
tokenizer rules when spaCy is installed, else the rule-based tokenizer; the
export report says which); a token never contains whitespace. IOB gives a token
one entity: among nested or overlapping spans the longest is kept, then the
earliest (``formats.iob``), and each one left out is reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import add
from typing import Any

from annotator.formats.dataset import ExportContext, ExportDoc, ExportReport
from annotator.formats.iob import choose_non_overlapping
from annotator.formats.token_docs import TokenDoc
from annotator.formats.token_jobs import Rendered, local_report, rendered_windows, write_rendered

DOCSTART = "-DOCSTART- -X- O O"
_COLUMNS = " -X- _ "
_OUTSIDE = _COLUMNS + "O\n"


def write_conll(docs: Iterable[ExportDoc], sink: Any, ctx: ExportContext) -> None:
    write_rendered(render_conll, docs, sink.text(), ctx, "{n} duplicate span(s) (same place and label) written once.")


def render_conll(doc: ExportDoc, choice: str | None) -> Rendered:
    """One article in CoNLL: its DOCSTART line, then a token a line, a blank line after each sentence
    (written a window at a time for a long article)."""
    report = local_report()
    result = Rendered("", report.warnings)
    result.text = _conll_pieces(doc, choice, report, result)
    return result


def _conll_pieces(doc: ExportDoc, choice: str | None, report: ExportReport, result: Rendered) -> Iterator[Any]:
    yield DOCSTART + "\n\n"
    for piece, duplicates, language in rendered_windows(doc, choice, report, conll_window):
        result.duplicates += duplicates
        result.language = language
        if piece:
            yield piece


def conll_window(tdoc: TokenDoc, report: ExportReport) -> tuple[str, int]:
    """The lines of a window's tokens (a blank line after each sentence), and its duplicate spans."""
    kept, duplicates = choose_non_overlapping(tdoc, report, "the IOB tags")
    words = tdoc.words()
    if not words:
        return "", duplicates
    tails = [_OUTSIDE] * len(words)  # what follows each token on its line, the line break included
    for p in kept:
        first, inside = _tails(p.span.label)
        tails[p.token_start] = first
        if p.token_end - p.token_start > 1:
            tails[p.token_start + 1 : p.token_end] = [inside] * (p.token_end - p.token_start - 1)
    for _, j in tdoc.sentences:  # the last token of a sentence brings the blank line after it
        tails[j - 1] += "\n"
    return "".join(map(add, words, tails)), duplicates


_TAILS: dict[str, tuple[str, str]] = {}


def _tails(label: str) -> tuple[str, str]:
    """The ends of the lines of a span's first token and of the others."""
    tails = _TAILS.get(label)
    if tails is None:
        tails = _TAILS[label] = (f"{_COLUMNS}B-{label}\n", f"{_COLUMNS}I-{label}\n")
    return tails
