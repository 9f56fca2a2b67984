"""A long article's token exports, made a window at a time, are byte for byte the whole article's."""

from __future__ import annotations

import pytest

from annotator.core.model import Annotation
from annotator.formats import export_corpus, export_prodigy, jsonl, token_docs
from annotator.formats.dataset import ExportDoc, ExportOptions, ExportReport, ExportSpan, iter_docs
from annotator.formats.export_prodigy import article_meta
from annotator.formats.token_docs import LayoutStream, spacy_layout, tokenize_doc, tokenize_segments, window_cuts
from annotator.formats.tokens import tokenizer
from tests.formats import token_corpus

WINDOW = 120  # characters: a paragraph or two of the test article per window


@pytest.fixture
def long_article(corpus):
    """One article of many paragraphs (English, Chinese, emoji, single and double line breaks),
    with nested, overlapping, trimmed and in-word spans, and spans across line breaks."""
    wants = token_corpus.fill(corpus)
    texts = {i: corpus.articles.get(i).text for i in corpus.articles.ids()}
    pieces, spans = [], []
    offset = 0
    for round_ in range(12):
        for article_id, text in texts.items():
            for w in wants:
                if w.article == article_id:
                    spans.append((offset + w.start, offset + w.end, w.label))
            pieces.append(text)
            offset += len(text)
            gap = "\n" if round_ % 3 else "\n\n"
            pieces.append(gap)
            offset += len(gap)
    text = "".join(pieces)
    article = corpus.articles.add("Long", text, meta={"section": "Long read"})
    across = text.index("matters!\n佛山")  # a span over a paragraph break
    spans.append((across, across + len("matters!\n佛山"), "POLICY_TERM"))
    labels = {lab.tag: lab.id for lab in corpus.labels.list()}
    corpus.annotations.add_many(
        [Annotation(None, article.id, labels[label], s, e, text[s:e], "alice") for s, e, label in spans]
    )
    for article_id in texts:
        corpus.articles.delete(article_id)
    return corpus.articles.get(article.id)


def _export(corpus, path, fmt, mode):
    report = export_corpus(corpus, path, fmt, ExportOptions(extra={"tokenizer": mode}))
    return path.read_bytes(), report


@pytest.mark.parametrize("fmt", ["conll", "hf", "prodigy"])
@pytest.mark.parametrize("mode", ["rules", "spacy"])
def test_windows_write_the_whole_article_bytes(corpus, long_article, tmp_path, monkeypatch, fmt, mode):
    if mode == "spacy":
        pytest.importorskip("spacy")
    monkeypatch.setenv("ANNOTATOR_WORKERS", "1")
    whole, whole_report = _export(corpus, tmp_path / f"whole.{fmt}", fmt, mode)
    monkeypatch.setattr(token_docs, "SEGMENT_CHARS", WINDOW)
    windowed, windowed_report = _export(corpus, tmp_path / f"windowed.{fmt}", fmt, mode)
    assert len(long_article.text) > 20 * WINDOW
    assert windowed == whole
    assert sorted(windowed_report.warnings) == sorted(whole_report.warnings) and whole_report.warnings
    assert windowed_report.notes == whole_report.notes


def test_windows_are_the_whole_articles_tokens_sentences_and_spans(corpus, long_article):
    tags = {lab.id: lab.tag for lab in corpus.labels.list()}
    stored = sorted(corpus.annotations.for_article(long_article.id), key=lambda a: (a.start, a.end, a.id))
    spans = tuple(ExportSpan(a.id, a.start, a.end, tags[a.label_id], a.text, a.annotator) for a in stored)
    doc = ExportDoc(long_article, spans)
    tok = tokenizer("rules")
    whole = tokenize_doc(doc, ExportReport(), tok)
    parts = list(tokenize_segments(doc, ExportReport(), tok, WINDOW))
    cuts = window_cuts(doc.text, [(s.span, s.start, s.end) for s in whole.spans], WINDOW)
    assert len(parts) == len(cuts) + 1 > 10
    for cut in cuts:  # right after a line break, and inside no span
        assert doc.text[cut - 1] == "\n"
        assert not any(p.start < cut < p.end for p in whole.spans)
    starts, ends, words, sentences, spans = [], [], [], [], []
    for part in parts:
        base = len(starts)
        sentences += [(i + base, j + base) for i, j in part.sentences]
        spans += [(p.span.id, p.start, p.end, p.token_start + base, p.token_end + base) for p in part.spans]
        starts += part.starts
        ends += part.ends
        words += part.words()
    assert (starts, ends, words) == (whole.starts, whole.ends, whole.words())
    assert sentences == whole.sentences
    assert spans == [(p.span.id, p.start, p.end, p.token_start, p.token_end) for p in whole.spans]
    layout = LayoutStream(doc.text)
    streamed, index = [], []
    for part in parts:
        words, spaces, part_index = layout.feed(part)
        streamed += zip(words, spaces, strict=True)
        index += part_index
    streamed += zip(*layout.finish(), strict=True)
    expected = spacy_layout(whole)
    assert streamed == list(zip(expected.words, expected.spaces, strict=True))
    assert index == expected.index


def _whole_prodigy_line(doc, mode):
    """The Prodigy task line built as one record from the whole article's tokens."""
    tdoc = tokenize_doc(doc, ExportReport(), tokenizer(mode))
    layout = spacy_layout(tdoc)
    tokens, pos = [], 0
    for i, (word, ws) in enumerate(zip(layout.words, layout.spaces, strict=True)):
        tokens.append({"text": word, "start": pos, "end": pos + len(word), "id": i, "ws": ws})
        pos += len(word) + ws
    spans = []
    for p in tdoc.spans:
        record = {"start": p.start, "end": p.end, "token_start": layout.index[p.token_start],
                  "token_end": layout.index[p.token_end - 1], "label": p.span.label, "annotator": p.span.annotator}
        if p.span.note:
            record["note"] = p.span.note
        spans.append(record)
    record = {"text": doc.text, "tokens": tokens, "spans": spans, "answer": "accept", "meta": article_meta(doc)}
    return jsonl.dumps(record) + "\n"


@pytest.mark.parametrize("mode", ["rules", "spacy"])
def test_prodigy_in_windows_and_batches_is_the_whole_record(corpus, long_article, tmp_path, monkeypatch, mode):
    """Windows of text, tokens a few at a time and spans kept as JSON until the tokens are out:
    the same line as the whole article's record serialized at once."""
    if mode == "spacy":
        pytest.importorskip("spacy")
    monkeypatch.setenv("ANNOTATOR_WORKERS", "1")
    monkeypatch.setattr(token_docs, "SEGMENT_CHARS", WINDOW)
    monkeypatch.setattr(export_prodigy, "TEXT_PIECE", 50)
    monkeypatch.setattr(export_prodigy, "TOKENS_AT_ONCE", 7)
    noted = corpus.annotations.for_article(long_article.id)[3]
    corpus.annotations.update(noted._replace(note="a \u2028 note"))
    out = tmp_path / "long.prodigy"
    export_corpus(corpus, out, "prodigy", ExportOptions(extra={"tokenizer": mode}))
    (doc,) = iter_docs(corpus, [long_article.id], ExportOptions())
    assert len(doc.text) > 20 * WINDOW and len(doc.spans) > 100
    assert out.read_text(encoding="utf-8") == _whole_prodigy_line(doc, mode)
