"""A long article's token exports, made a window at a time, are byte for byte the whole article's."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


@pytest.mark.parametrize("fmt", ["conll", "hf"])
def test_windows_on_every_core_write_what_one_process_writes(corpus, long_article, tmp_path, monkeypatch, fmt):
    """A long article's windows tokenized and rendered in worker processes, each given only its own
    text: the same bytes as the whole article in one process, and the same warnings in the same order
    as its windows done one after another (offsets in them counted in the whole article)."""
    from annotator.formats import parallel

    monkeypatch.setenv("ANNOTATOR_WORKERS", "1")
    whole, _ = _export(corpus, tmp_path / f"whole.{fmt}", fmt, "rules")
    monkeypatch.setattr(token_docs, "SEGMENT_CHARS", WINDOW)
    alone, alone_report = _export(corpus, tmp_path / f"alone.{fmt}", fmt, "rules")
    monkeypatch.setenv("ANNOTATOR_WORKERS", "2")
    monkeypatch.setattr(parallel, "BATCH_DOCS", 2)
    monkeypatch.setattr(parallel, "INLINE_SECONDS", 0.0)
    monkeypatch.setattr(parallel, "POOL_WORTH_SECONDS", 0.0)
    pools = []

    class Pool(parallel.ProcessPoolExecutor):
        def submit(self, *args, **kwargs):
            pools.append(self)
            return super().submit(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Pool)
    pooled, pooled_report = _export(corpus, tmp_path / f"pooled.{fmt}", fmt, "rules")
    assert len(pools) > 10  # the windows went to workers
    assert pooled == alone == whole
    assert pooled_report.warnings == alone_report.warnings
    assert any("left out of the IOB tags: overlaps" in w for w in pooled_report.warnings)
    assert pooled_report.notes == alone_report.notes


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


def _cuts_by_the_book(text, wanted, size):
    """``window_cuts`` as first written: spans merged into blocks, each cut looked up among them."""
    from bisect import bisect_left

    if len(text) <= size:
        return []
    merged = []
    for _, s, e in sorted(wanted, key=lambda w: w[1]):
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    lows = [m[0] for m in merged]
    cuts, at = [], size
    while at < len(text):
        pos = text.find("\n", at)
        if pos == -1 or pos + 1 >= len(text):
            break
        k = bisect_left(lows, pos + 1) - 1
        if k >= 0 and merged[k][1] > pos + 1:
            at = merged[k][1]
            continue
        cuts.append(pos + 1)
        at = pos + 1 + size
    return cuts


@given(
    st.text(alphabet="ab \n", min_size=1, max_size=300),
    st.lists(st.tuples(st.integers(0, 299), st.integers(1, 40)), max_size=40),
    st.integers(1, 60),
)
def test_window_cuts_are_the_rule(text, raw, size):
    wanted = []
    for s, length in raw:
        e = min(len(text), s + length)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            wanted.append((None, s, e))
    assert window_cuts(text, wanted, size) == _cuts_by_the_book(text, wanted, size)
