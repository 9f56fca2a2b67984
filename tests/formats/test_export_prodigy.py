"""Prodigy JSONL export: spaCy rebuilds each Doc from the tokens and finds every span on them."""

import json
import sys

import pytest

from annotator.formats import export_corpus
from annotator.formats.dataset import ExportOptions
from tests.formats import token_corpus

spacy = pytest.importorskip("spacy", reason="spaCy is in the test extra: pip install -e '.[test]'")
from spacy.tokens import Doc  # noqa: E402 - after importorskip, which skips this module without it

VOCAB = spacy.blank("xx").vocab


@pytest.fixture
def wants(corpus):
    return token_corpus.fill(corpus)


def records(path):
    raw = path.read_bytes().decode("utf-8")
    assert raw.endswith("\n") and "\r\n" not in raw
    return [json.loads(line) for line in raw.splitlines()]


@pytest.mark.parametrize("mode", ["rules", "spacy"])
def test_spacy_rebuilds_the_text_and_every_span(corpus, wants, tmp_path, mode):
    report = export_corpus(corpus, tmp_path / "c.jsonl", "prodigy", ExportOptions(extra={"tokenizer": mode}))
    rows = records(tmp_path / "c.jsonl")
    assert len(rows) == report.articles == 4
    for article_id, row in enumerate(rows, start=1):
        article = corpus.articles.get(article_id)
        assert row["text"] == article.text and row["answer"] == "accept"
        assert row["meta"]["article_id"] == article_id and row["meta"]["title"] == article.title
        tokens = row["tokens"]
        assert [t["id"] for t in tokens] == list(range(len(tokens)))
        for t in tokens:
            assert article.text[t["start"] : t["end"]] == t["text"]
        doc = Doc(VOCAB, words=[t["text"] for t in tokens], spaces=[t["ws"] for t in tokens])
        assert doc.text == article.text
        got = []
        for s in row["spans"]:
            span = doc[s["token_start"] : s["token_end"] + 1]  # token_end is inclusive
            assert (span.start_char, span.end_char) == (s["start"], s["end"])
            assert doc.char_span(s["start"], s["end"], alignment_mode="strict") == span
            got.append((s["start"], s["end"], s["label"]))
        assert sorted(got) == token_corpus.placed(wants, article_id)  # nested and overlapping spans too
    assert rows[1]["meta"]["source"] == "south cn" and rows[1]["meta"]["meta"] == {"language": "zh"}
    first = rows[0]
    berlin = next(s for s in first["spans"] if first["text"][s["start"] : s["end"]] == "Berlin")
    assert first["tokens"][berlin["token_start"]]["text"] == "Berlin"
    assert first["tokens"][berlin["token_start"] + 1]["text"] == "ers"
    assert first["spans"][0]["annotator"] == "alice"
    newline = [t for t in first["tokens"] if t["text"] == "\n\n"]
    assert len(newline) == 1 and newline[0]["ws"] is False  # spaCy's whitespace token


def test_without_spacy_the_rules_tokenize(corpus, wants, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)
    report = export_corpus(corpus, tmp_path / "c.jsonl", "prodigy")
    assert "rule-based" in report.notes[0]
    rows = records(tmp_path / "c.jsonl")
    assert [t["text"] for t in rows[1]["tokens"][:3]] == ["佛", "山", "市"]
