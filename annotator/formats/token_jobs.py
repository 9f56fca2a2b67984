"""Running a token export article by article on every core (``formats.parallel``), in order.

A token format gives a module-level ``render(doc, tokenizer_choice) -> Rendered``: the text it
writes for one article, with the warnings and counts that go into the export report. The same
function runs in this process or in a worker; ``write_rendered`` writes the results in article
order and fills the report as a single process would.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, Any

from annotator.formats.dataset import ExportContext, ExportDoc, ExportReport
from annotator.formats.parallel import ordered_map
from annotator.formats.sinks import writes_utf8_lf
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
            self.text = pieces[0][:0].join(pieces) if pieces else b""
        if isinstance(self.text, str):
            self.text = self.text.encode("utf-8")
        return self


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
