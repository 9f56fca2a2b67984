"""The streamed spaCy export writes, byte for byte, what spaCy's own DocBin of whole-article Docs writes."""

from __future__ import annotations

import dataclasses
import io
import tempfile
import zlib

import pytest

from annotator.core.model import Annotation
from annotator.formats import export_corpus, export_spacy, token_docs
from annotator.formats.dataset import ExportContext, ExportDoc, ExportOptions, ExportReport, ExportSpan, iter_docs
from annotator.formats.docbin_writer import DocBinWriter, array_header, bin_header
from annotator.formats.export_spacy import docbin_attrs, write_spacy
from annotator.formats.iob import choose_non_overlapping
from annotator.formats.sinks import StreamSink
from annotator.formats.token_docs import spacy_layout, tokenize_doc, window_cuts
from annotator.formats.tokens import tokenizer
from tests.formats import token_corpus

spacy = pytest.importorskip("spacy", reason="spaCy is in the test extra: pip install -e '.[test]'")
srsly = pytest.importorskip("srsly")
from spacy.tokens import Doc, DocBin  # noqa: E402 - after importorskip

WINDOW = 100  # characters: the long article is written in many windows
GAPS = ["\n", "\n\n", " \n", "\n \n", "  \n\n\n  ", "\n\t\n"]  # what lies between its paragraphs


def whole_docbin(docs, mode):
    """The DocBin spaCy itself writes: one whole-article Doc each, added to ``DocBin(store_user_data=True)``."""
    report = ExportReport()
    tok = tokenizer(mode)
    vocab = spacy.blank("xx").vocab
    docbin = DocBin(store_user_data=True)
    for edoc in docs:
        tdoc = tokenize_doc(edoc, report, tok)
        layout = spacy_layout(tdoc)
        sent_starts = [False] * len(layout.words)
        for i, _ in tdoc.sentences:
            sent_starts[layout.index[i]] = True
        if sent_starts:
            sent_starts[0] = True
        doc = Doc(vocab, words=layout.words, spaces=layout.spaces, sent_starts=sent_starts)
        placed = {p: doc.char_span(p.start, p.end, label=p.span.label, alignment_mode="strict") for p in tdoc.spans}
        kept, _ = choose_non_overlapping(tdoc, report, "doc.ents (it is in doc.spans['sc'])")
        doc.ents = [placed[p] for p in kept]
        doc.spans["sc"] = list(placed.values())
        article = edoc.article
        doc.user_data.update(
            {
                "article_id": article.id,
                "title": article.title,
                "source": article.source,
                "url": article.url,
                "published": article.published,
                "status": str(article.status),
                "meta": article.meta,
            }
        )
        docbin.add(doc)
    return docbin.to_bytes(), report


@pytest.fixture
def articles(corpus):
    """The token corpus (English with nested and overlapping spans, Chinese, emoji, CRLF), an article
    that starts with whitespace, and a long one of many paragraphs with every kind of gap between them."""
    wants = token_corpus.fill(corpus)
    labels = {lab.tag: lab.id for lab in corpus.labels.list()}
    texts = {i: corpus.articles.get(i).text for i in corpus.articles.ids()}
    pieces, spans, offset = [], [], 0
    for round_ in range(10):
        for article_id, text in texts.items():
            spans += [(offset + w.start, offset + w.end, w.label) for w in wants if w.article == article_id]
            gap = GAPS[(round_ + article_id) % len(GAPS)]
            pieces += [text, gap]
            offset += len(text) + len(gap)
    text = "".join(pieces)
    long = corpus.articles.add("Long", text, url="https://example.org/long", meta={"section": "Long read"})
    across = text.index("matters!\n")  # a span over a paragraph break: no window ends inside it
    spans.append((across, across + len("matters!\n") + 4, "POLICY_TERM"))
    lead = corpus.articles.add("Lead", "  \n\n Foshan hosts Midea Group.  \nShunde too.\n\n", meta={"n": [1, 2.5]})
    corpus.annotations.add_many(
        [Annotation(None, long.id, labels[label], s, e, text[s:e], "alice") for s, e, label in spans]
        + [Annotation(None, lead.id, labels["LOCATION"], 5, 11, "Foshan", "bob")]
    )
    return long


@pytest.mark.parametrize("mode", ["rules", "spacy"])
def test_streamed_export_is_spacys_docbin_byte_for_byte(corpus, articles, tmp_path, monkeypatch, mode):
    monkeypatch.setenv("ANNOTATOR_WORKERS", "1")
    monkeypatch.setattr(token_docs, "SEGMENT_CHARS", WINDOW)
    docs = list(iter_docs(corpus, corpus.articles.ids(), ExportOptions()))
    long = next(d for d in docs if d.id == articles.id)
    assert len(window_cuts(long.text, [(s, s.start, s.end) for s in long.spans], WINDOW)) > 15
    expected, expected_report = whole_docbin(docs, mode)
    report = export_corpus(corpus, tmp_path / "c.spacy", "spacy", ExportOptions(extra={"tokenizer": mode}))
    written = (tmp_path / "c.spacy").read_bytes()
    assert zlib.decompress(written) == zlib.decompress(expected)
    assert sorted(report.warnings) == sorted(expected_report.warnings) and report.warnings
    assert [p.name for p in tmp_path.iterdir()] == ["c.spacy"]  # the temporary files are gone
    back = list(DocBin().from_bytes(written).get_docs(spacy.blank("en").vocab))
    doc = back[[d.id for d in docs].index(long.id)]
    assert doc.text == long.text
    assert len(doc.spans["sc"]) == len(long.spans) and len(doc.ents) > 100
    assert all(long.text[s.start_char : s.end_char] == s.text for s in doc.spans["sc"])


def _edge_docs(corpus):
    """Docs the store cannot hold but the writer must: an empty text, whitespace only, no spans."""
    (doc,) = iter_docs(corpus, [corpus.articles.ids()[0]], ExportOptions())
    article = doc.article
    lead = dataclasses.replace(article, id=103, text="  Foshan.", meta={})
    return [
        ExportDoc(dataclasses.replace(article, id=101, text=""), ()),
        ExportDoc(dataclasses.replace(article, id=102, text=" \n\n  \t"), ()),
        doc,
        ExportDoc(lead, (ExportSpan(1, 2, 8, "LOC", "Foshan", "a"),)),
        ExportDoc(dataclasses.replace(article, id=104, text="Zhaoqing\n\n"), ()),
    ]


def test_empty_and_blank_articles(corpus):
    token_corpus.fill(corpus)
    docs = _edge_docs(corpus)
    expected, _ = whole_docbin(docs, "rules")
    raw = io.BytesIO()
    ctx = ExportContext(ExportOptions(extra={"tokenizer": "rules"}), ExportReport(), [])
    stream = io.TextIOWrapper(raw, encoding="utf-8")
    write_spacy(docs, StreamSink(stream), ctx)
    stream.flush()
    assert zlib.decompress(raw.getvalue()) == zlib.decompress(expected)
    back = list(DocBin().from_bytes(raw.getvalue()).get_docs(spacy.blank("en").vocab))
    assert [d.text for d in back] == [d.text for d in docs]
    assert [(s.text, s.label_) for s in back[3].spans["sc"]] == [("Foshan", "LOC")]


def test_no_docs_and_msgpack_headers():
    out = io.BytesIO()
    DocBinWriter(docbin_attrs(), tempfile.TemporaryFile).finish(out)
    assert zlib.decompress(out.getvalue()) == zlib.decompress(DocBin(store_user_data=True).to_bytes())
    for n in (0, 1, 15, 16, 255, 256, 65535, 65536, 70000):
        packed = srsly.msgpack_dumps(b"x" * n)
        assert packed == bin_header(n) + b"x" * n
        assert srsly.msgpack_dumps([None] * n) == array_header(n) + b"\xc0" * n


def test_pieces_sent_back_by_a_worker_write_the_same_bytes(corpus, articles, tmp_path, monkeypatch):
    """A worker sends a long article's windows back as they come, token rows compressed."""
    monkeypatch.setenv("ANNOTATOR_WORKERS", "1")
    monkeypatch.setattr(token_docs, "SEGMENT_CHARS", WINDOW)
    options = ExportOptions(extra={"tokenizer": "rules"})
    export_corpus(corpus, tmp_path / "here.spacy", "spacy", options)
    render = export_spacy.render_spacy
    sent = []

    def as_from_a_worker(doc, choice):
        result = render(doc, choice).finished()
        sent.append(result.text)
        return result

    monkeypatch.setattr(export_spacy, "render_spacy", as_from_a_worker)
    monkeypatch.setattr(export_spacy, "PACK_BYTES", 100)
    export_corpus(corpus, tmp_path / "sent.spacy", "spacy", options)
    assert (tmp_path / "sent.spacy").read_bytes() == (tmp_path / "here.spacy").read_bytes()
    pieces = max(sent, key=len)
    assert len(pieces) > 15 and all(p.packed for p in pieces[:-1])
    monkeypatch.undo()
    short = export_spacy.DocRows(b"\0" * 104, b"\1", 1, [], b"", 0, [])
    assert short.to_send() is short  # a short article's rows go as they are
