"""spaCy v3 DocBin (``.spacy``): one Doc per article, built with spaCy itself.

    from spacy.tokens import DocBin
    docs = list(DocBin().from_disk("corpus.spacy").get_docs(nlp.vocab))
    docs[0].ents, docs[0].spans["sc"], docs[0].user_data["article_id"]

A Doc's text is the article's text exactly (line breaks and double spaces are
whitespace tokens, as spaCy makes them), so character offsets are the corpus's
own. Tokens come from ``formats.tokens``; a span edge inside a token splits it,
so every span is placed with ``doc.char_span(..., alignment_mode="strict")``.
All spans go to ``doc.spans["sc"]`` (for span categorisation, nested and
overlapping ones included); ``doc.ents`` cannot overlap, so it takes the longest
span first, then the earliest, and each one left out is reported
(``formats.iob``). Sentence starts are set (``doc.sents`` works). ``user_data``
holds ``article_id``, ``title``, ``source``, ``url``, ``published``, ``status``
and ``meta``. spaCy is an optional extra: ``pip install "annotator[spacy]"``.

Memory follows a window of text, not the article or the corpus: a long article
is tokenized ``WINDOW_CHARS`` at a time (``formats.token_docs``), each window
becomes a small spaCy Doc (with its entities, spans and sentence starts), and its
token rows (``doc.to_array``) go to a temporary file; ``formats.docbin_writer``
then writes the file ``DocBin(store_user_data=True).to_bytes()`` would write for
the whole articles' Docs (a test compares the bytes), with the span group's token
and character offsets counted in the whole article. A window's Doc runs from its
first token to the next window's first token; windows are cut after a line break
outside every span, so no entity, span or sentence is cut. A worker process sends
a long article's windows back as they are made, their rows compressed. An article
with no line break is one window.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from annotator.formats import token_docs
from annotator.formats.dataset import ExportContext, ExportDoc, ExportReport
from annotator.formats.docbin_writer import DocBinWriter, span_entry
from annotator.formats.iob import choose_non_overlapping
from annotator.formats.token_docs import TokenDoc, spacy_layout, tokenize_segments
from annotator.formats.token_jobs import Rendered, local_report, shared_tokenizer, write_rendered
from annotator.formats.tokens import spacy_module

SPAN_KEY = "sc"
PACK_BYTES = 1 << 20  # a worker compresses a window's token rows from this size (about 10,000 tokens)
WINDOW_CHARS = 250_000  # a long article's window: a spaCy Doc and its arrays are ~150 bytes a character
# DocBin.add keeps these strings of every token: text, tag_, lemma_, norm_, morph, dep_, ent_type_, ent_kb_id_, ent_id_
_STRING_ATTRS = ("ORTH", "TAG", "LEMMA", "NORM", "MORPH", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID")


@dataclass(slots=True)
class DocRows:
    """A window of an article's Doc as DocBin stores it: token rows, space flags, their strings, and its spans."""

    rows: bytes
    spaces: bytes
    count: int
    strings: list[str]
    spans: bytes  # docbin_writer.span_entry of each span, offsets in the whole Doc
    span_count: int
    labels: list[str]  # the strings DocBin.add keeps for those spans
    packed: bool = False  # rows compressed (zlib), to go back from a worker process

    def to_send(self) -> DocRows:
        """The same, a long window's rows compressed (a tenth of their size: most of a token's 13
        columns are zeros), so that a long article's windows never pile up whole in a worker. A
        short article's are sent as they are: compressing them costs more than sending them."""
        if self.packed or len(self.rows) < PACK_BYTES:
            return self
        rows = zlib.compress(self.rows, 1)
        return DocRows(rows, self.spaces, self.count, self.strings, self.spans, self.span_count, self.labels, True)

    def token_rows(self) -> bytes:
        return zlib.decompress(self.rows) if self.packed else self.rows


@dataclass(slots=True)
class DocEnd:
    """The end of an article's Doc: its ``srsly.msgpack_dumps(doc.user_data)``, cats and flags."""

    user_data: bytes
    cats: dict[str, Any] = field(default_factory=dict)
    unknown_spaces: bool = False


def write_spacy(docs: Iterable[ExportDoc], sink: Any, ctx: ExportContext) -> None:
    spacy_module()  # ImportError with the install hint when spaCy is missing
    scratch = getattr(sink, "scratch", None)
    if scratch is None:
        import tempfile

        scratch = tempfile.TemporaryFile
    writer = _Writer(docbin_attrs(), scratch, SPAN_KEY)
    try:
        write_rendered(
            render_spacy, docs, writer, ctx, "{n} duplicate span(s) (same place and label) are one entity in doc.ents."
        )
        writer.finish(sink.binary())
    finally:
        writer.close()


class _Writer(DocBinWriter):
    """Takes the pieces ``render_spacy`` makes, in order."""

    def write(self, piece: DocRows | DocEnd) -> None:
        if isinstance(piece, DocRows):
            self.add_rows(piece.token_rows(), piece.spaces, piece.count, piece.strings)
            self.add_spans(piece.spans, piece.span_count, piece.labels)
        else:
            self.end_doc(piece.user_data, piece.cats, piece.unknown_spaces)


def render_spacy(edoc: ExportDoc, choice: str | None) -> Rendered:
    """One article's Doc as DocBin pieces: a ``DocRows`` per window of text, then its ``DocEnd``."""
    report = local_report()
    result = Rendered("", report.warnings)
    result.text = _spacy_pieces(edoc, choice, report, result)
    return result


def _spacy_pieces(edoc: ExportDoc, choice: str | None, report: ExportReport, result: Rendered) -> Iterator[Any]:
    """Each window's Doc covers the text from its first token to the next window's first token (the
    whitespace between goes with the window before, as in the whole article's Doc)."""
    import srsly

    text = edoc.text
    base = 0  # words of the article's Doc before this window's
    lo = 0  # where this window's words start in the text
    held: TokenDoc | None = None  # a window waits until the next one's first token is known
    size = min(WINDOW_CHARS, token_docs.SEGMENT_CHARS)
    for tdoc in tokenize_segments(edoc, report, shared_tokenizer(choice), size):
        result.language = tdoc.language
        if not tdoc.starts:  # only whitespace: its words go with a window that has tokens
            continue
        if held is not None:
            piece = _window(held, lo, tdoc.starts[0], base, report, result)
            base += piece.count
            lo = tdoc.starts[0]
            yield piece
        held = tdoc
    if held is None:  # no token in the whole article: its whitespace (if any) is the Doc
        held = TokenDoc(edoc, [], [], [], [])
    piece = _window(held, lo, len(text), base, report, result)
    if piece.count:
        yield piece
    yield DocEnd(srsly.msgpack_dumps(_user_data(edoc)))


def _window(tdoc: TokenDoc, lo: int, hi: int, base: int, report: ExportReport, result: Rendered) -> DocRows:
    """``text[lo:hi]`` as a spaCy Doc (``tdoc``'s tokens and the whitespace around them), made into DocBin rows;
    ``base`` is how many words of the article's Doc come before."""
    import numpy
    from spacy.attrs import SPACY
    from spacy.tokens import Doc

    spacy = spacy_module()
    layout = spacy_layout(tdoc, lo, hi)
    sent_starts = [False] * len(layout.words)
    for i, _ in tdoc.sentences:
        sent_starts[layout.index[i]] = True
    if sent_starts and base == 0:
        sent_starts[0] = True
    vocab = _vocab(spacy)
    doc = Doc(vocab, words=layout.words, spaces=layout.spaces, sent_starts=sent_starts)
    del layout, sent_starts
    placed = {}
    entries = []
    labels = set()
    for p in tdoc.spans:
        span = doc.char_span(p.start - lo, p.end - lo, label=p.span.label, alignment_mode="strict")
        if span is None:  # cannot happen: tokenize_segments put every edge on a token edge
            report.warn(tdoc.doc, "left out: spaCy cannot place it on token edges", p.span)
            continue
        placed[p] = span
        start, end = span.start + base, span.end + base  # in the article's Doc: after the earlier windows' words
        entries.append(
            span_entry(span.id, span.kb_id, span.label, start, end, span.start_char + lo, span.end_char + lo)
        )
        labels.add(span.label_)  # and kb_id_ and id_, as DocBin.add does when the store has them
        if span.kb_id in vocab.strings:
            labels.add(span.kb_id_)
        if span.id in vocab.strings:
            labels.add(span.id_)
    kept, duplicates = choose_non_overlapping(tdoc, report, "doc.ents (it is in doc.spans['sc'])")
    result.duplicates += duplicates
    doc.ents = [placed[p] for p in kept if p in placed]
    attrs = docbin_attrs()
    rows = doc.to_array(attrs)
    spaces = numpy.asarray(doc.to_array(SPACY), dtype=bool)
    strings = vocab.strings
    columns = [attrs.index(_attr_id(name)) for name in _STRING_ATTRS]
    hashes = numpy.unique(rows[:, columns]) if len(rows) else []
    return DocRows(
        rows.tobytes("C"),
        spaces.tobytes("C"),
        len(doc),
        [strings[int(h)] for h in hashes],
        b"".join(entries),
        len(entries),
        sorted(labels),
    )


_VOCABS: list[Any] = []
_ATTRS: list[list[int]] = []


def _vocab(spacy: Any) -> Any:
    if not _VOCABS:
        _VOCABS.append(spacy.blank("xx").vocab)
    return _VOCABS[0]


def docbin_attrs() -> list[int]:
    """The token attributes ``DocBin()`` stores, in its order (ORTH first)."""
    if not _ATTRS:
        from spacy.tokens import DocBin

        _ATTRS.append(list(DocBin(store_user_data=True).attrs))
    return _ATTRS[0]


def _attr_id(name: str) -> int:
    from spacy.attrs import IDS

    return IDS[name]


def _user_data(edoc: ExportDoc) -> dict[str, Any]:
    article = edoc.article
    return {
        "article_id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "status": str(article.status),
        "meta": article.meta,
    }
