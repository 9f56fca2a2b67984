"""Running a token export article by article on every core (``formats.parallel``), in order.

A token format gives a module-level ``render(doc, tokenizer_choice) -> Rendered``: the text it
writes for one article, with the warnings and counts that go into the export report. The same
function runs in this process or in a worker; ``write_rendered`` writes the results in article
order and fills the report as a single process would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, Any

from annotator.formats.dataset import ExportContext, ExportDoc, ExportReport
from annotator.formats.parallel import ordered_map
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
        """All of it at once (to send from a worker process)."""
        if not isinstance(self.text, (str, bytes)):
            pieces = list(map(_to_send, self.text))
            if pieces and not isinstance(pieces[0], (str, bytes)):
                self.text = pieces  # a format's own pieces go back as they are
            else:
                self.text = pieces[0][:0].join(pieces) if pieces else ""
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
    for result in ordered_map(render, docs, choice, total=ctx.articles, initializer=shared_tokenizer):
        if isinstance(result.text, (str, bytes)):
            out.write(result.text)
        else:
            for piece in result.text:
                out.write(piece)
        if result.warnings:
            ctx.report.warnings.extend(result.warnings)
        duplicates += result.duplicates
        if result.language and tok.spacy is not None:
            languages[result.language] = languages.get(result.language, 0) + 1
    report_tokens(ctx.report, tok)
    if duplicates and duplicates_note:
        report_note(ctx.report, duplicates_note.format(n=duplicates))
