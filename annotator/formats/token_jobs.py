"""Running a token export article by article on every core (``formats.parallel``), in order.

A token format gives a module-level ``render(doc, tokenizer_choice) -> Rendered``: the text it
writes for one article, with the warnings and counts that go into the export report. The same
function runs in this process or in a worker; ``write_rendered`` writes the results in article
order and fills the report as a single process would.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from operator import itemgetter
from typing import IO, Any

from annotator.formats.dataset import ExportContext, ExportDoc, ExportReport, ExportSpan
from annotator.formats.parallel import in_worker, ordered_map
from annotator.formats.sinks import writes_utf8_lf
from annotator.formats.token_docs import TokenDoc, tokenize_alone, tokenize_window, window_plan
from annotator.formats.tokens import Tokenizer, report_note, report_tokens, tokenizer, tokenizer_for


@dataclass(slots=True)
class Rendered:
    """One article as a token format writes it. ``text`` may be an iterator of pieces, made one
    window of a long article at a time (``formats.token_docs``): ``warnings``, ``duplicates`` and
    ``language`` are complete once it has been read to the end."""

    text: Any  # str, bytes, or an iterator of them (or of a format's own pieces, which its writer takes)
    warnings: list[str]
    duplicates: int = 0  # spans with the same place and label as a kept one, written once
    language: str = ""  # the spaCy rules used, for the report ("" with the rule-based tokenizer)

    def finished(self) -> Rendered:
        """All of it at once (to send from a worker process): text as UTF-8 bytes (bytes cost nothing
        to unpickle, and the writing process writes them to the file as they are); a format's own
        pieces as they are."""
        if not isinstance(self.text, (str, bytes)):
            pieces = list(map(_to_send, self.text))
            if pieces and not isinstance(pieces[0], (str, bytes)):
                self.text = pieces  # a format's own pieces go back as they are
                return self
            self.text = b"".join(p.encode("utf-8") if isinstance(p, str) else p for p in pieces)
        if isinstance(self.text, str):
            self.text = self.text.encode("utf-8")
        return self


WindowRender = Callable[[TokenDoc, ExportReport], tuple[Any, int]]  # a window's piece and its duplicate spans


def rendered_windows(
    doc: ExportDoc, choice: str | None, report: ExportReport, render_window: WindowRender
) -> Iterator[tuple[Any, int, str]]:
    """``render_window(tdoc, report)`` of each window of ``doc`` (``token_docs.tokenize_segments``), in
    order, as ``(piece, duplicates, language)``; warnings go into ``report`` in the windows' order.

    A long article's windows are tokenized and rendered on every core (``formats.parallel``), each
    worker given only its window's text and spans (``token_docs.tokenize_alone``): a single article
    of tens of megabytes is no longer held to one core. ``render_window`` must be a module-level
    function and must not depend on where the window starts (CoNLL lines, Hugging Face rows).
    In a worker process (an export of many articles), the windows are done there, one after another."""
    tok = shared_tokenizer(choice)
    language, windows = window_plan(doc, report, tok)
    if len(windows) < 2 or in_worker():
        for wanted, lo, hi in windows:
            tdoc = tokenize_window(doc, report, tok, language, wanted, lo, hi)
            piece, duplicates = render_window(tdoc, report)
            yield piece, duplicates, language
        return
    text = doc.text
    jobs = (_Window(doc.id, text[lo:hi], lo, wanted, language) for wanted, lo, hi in windows)
    results = ordered_map(_render_alone, jobs, choice, render_window, total=len(windows), initializer=_window_worker)
    for piece, warnings, duplicates in results:
        report.warnings.extend(warnings)
        yield piece, duplicates, language


@dataclass(frozen=True, slots=True)
class _Window:
    """A window of a long article, as a worker gets it: its text, where it starts, its spans, the language."""

    doc_id: int
    text: str
    base: int
    wanted: list
    language: str

    def __reduce__(self) -> tuple:
        # A window may hold tens of thousands of spans: sent as plain tuples, which pickle in C.
        spans = list(map(tuple, map(itemgetter(0), self.wanted)))
        edges = (list(map(itemgetter(1), self.wanted)), list(map(itemgetter(2), self.wanted)))
        return _window, (self.doc_id, self.text, self.base, spans, *edges, self.language)


def _window(doc_id: int, text: str, base: int, spans: list[tuple], starts: list[int], ends: list[int], language: str):
    made = map(partial(tuple.__new__, ExportSpan), spans)
    return _Window(doc_id, text, base, list(zip(made, starts, ends, strict=True)), language)


def _render_alone(window: _Window, choice: str | None, render_window: WindowRender) -> tuple[Any, list[str], int]:
    report = local_report()
    tok = shared_tokenizer(choice)
    tdoc = tokenize_alone(window.doc_id, window.text, window.base, window.wanted, report, tok, window.language)
    piece, duplicates = render_window(tdoc, report)
    if isinstance(piece, str):
        piece = piece.encode("utf-8")  # written as it comes back
    return piece, report.warnings, duplicates


def _window_worker(choice: str | None, _render_window: WindowRender) -> None:
    shared_tokenizer(choice)


def _to_send(piece: Any) -> Any:
    """A format's own piece as it goes back from a worker (its ``to_send()``, made as the piece comes:
    spaCy's export compresses a long window's token rows, so a long article's never pile up whole)."""
    to_send = getattr(piece, "to_send", None)
    return to_send() if to_send is not None else piece


_TOKENIZERS: dict[str | None, Tokenizer] = {}


def shared_tokenizer(choice: str | None) -> Tokenizer:
    """One tokenizer per process and choice (its chunk cache is what keeps tokenizing fast)."""
    if choice not in _TOKENIZERS:
        _TOKENIZERS[choice] = tokenizer(choice)
    return _TOKENIZERS[choice]


def local_report() -> ExportReport:
    """A report for one article's warnings (sent back from a worker with the result)."""
    return ExportReport()


def _writer(out: Any) -> Callable[[str | bytes], Any]:
    """How to write a piece, text or UTF-8 bytes, to ``out``. A sink's text file (UTF-8, line breaks
    as they are) gets bytes straight into its binary buffer (what was written as text flushed first),
    text encoded; another text stream gets text; anything else (spaCy's DocBins) gets the pieces as they are."""
    if not isinstance(out, io.TextIOBase):
        return out.write
    if not writes_utf8_lf(out):
        return lambda piece: out.write(piece.decode("utf-8") if isinstance(piece, bytes) else piece)
    out.flush()
    buffer = out.buffer
    return lambda piece: buffer.write(piece.encode("utf-8") if isinstance(piece, str) else piece)


def write_rendered(
    render: Callable[[ExportDoc, str | None], Rendered],
    docs: Iterable[ExportDoc],
    out: IO[str] | Any,
    ctx: ExportContext,
    duplicates_note: str = "",
) -> None:
    """Render every doc (on every core for long exports) and write the texts in order.
    ``out`` is a stream, or anything with ``write`` (spaCy's export takes its own pieces)."""
    choice = ctx.options.extra.get("tokenizer")
    tok = tokenizer_for(ctx)  # the export's one (every part of a split); fails early for a bad choice
    duplicates = 0
    languages = tok.languages
    write = _writer(out)
    for result in ordered_map(render, docs, choice, total=ctx.articles, initializer=shared_tokenizer):
        if isinstance(result.text, (str, bytes)):
            write(result.text)
        else:
            for piece in result.text:
                write(piece)
        if result.warnings:
            ctx.report.warnings.extend(result.warnings)
        duplicates += result.duplicates
        if result.language and tok.spacy is not None:
            languages[result.language] = languages.get(result.language, 0) + 1
    report_tokens(ctx.report, tok)
    if duplicates and duplicates_note:
        report_note(ctx.report, duplicates_note.format(n=duplicates))
