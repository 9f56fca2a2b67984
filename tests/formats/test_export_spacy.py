"""spaCy DocBin export, read back with DocBin().from_disk(...).get_docs(vocab)."""

import io
import sys

import pytest

from annotator.formats import export_corpus
from annotator.formats.dataset import ExportOptions
from tests.formats import token_corpus

spacy = pytest.importorskip("spacy", reason="spaCy is in the test extra: pip install -e '.[test]'")
from spacy.tokens import DocBin  # noqa: E402 - after importorskip, which skips this module without it


@pytest.fixture
def wants(corpus):
    return token_corpus.fill(corpus)


def read(path):
    return list(DocBin().from_disk(path).get_docs(spacy.blank("en").vocab))


@pytest.mark.parametrize("mode", ["rules", "spacy"])
def test_docs_keep_text_spans_entities_and_user_data(corpus, wants, tmp_path, mode):
    report = export_corpus(corpus, tmp_path / "c.spacy", "spacy", ExportOptions(extra={"tokenizer": mode}))
    docs = read(tmp_path / "c.spacy")
    assert len(docs) == report.articles == 4
    for article_id, doc in enumerate(docs, start=1):
        article = corpus.articles.get(article_id)
        assert doc.text == article.text  # offsets are the corpus's own
        assert doc.user_data["article_id"] == article_id and doc.user_data["title"] == article.title
        assert doc.user_data["meta"] == article.meta
        spans = sorted((s.start_char, s.end_char, s.label_) for s in doc.spans["sc"])
        assert spans == token_corpus.placed(wants, article_id)  # every span, nested and overlapping ones too
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        assert ents == token_corpus.in_iob(wants, article_id)
        assert all(not t.is_space for s in doc.sents for t in s[:1])  # sentences start on a word
    assert [s.text for s in docs[1].sents] == [
        "佛山市政府与美的集团签约。",
        "粤港澳大湾区建设加快！",
        "𠮷野家（Yoshinoya）在顺德区开店。",
    ]
    assert [t.text for t in docs[2] if t.text.startswith("👨")] == ["👨\u200d👩\u200d👧"]
    warnings = "\n".join(report.warnings)
    assert "'Guangdong': left out of doc.ents (it is in doc.spans['sc']): overlaps COMPANY 0-32" in warnings
    assert "'Midea Group': left out of doc.ents" in warnings
    assert "kept exact by splitting the token 'Berliners'" in warnings


def test_missing_spacy_says_how_to_install_it(corpus, wants, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)
    with pytest.raises(ImportError, match=r'pip install "annotator\[spacy\]"') as caught:
        export_corpus(corpus, tmp_path / "c.spacy", "spacy")
    assert caught.value.name == "spacy"  # what the CLI and the window name in their message
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_binary_to_a_stream(corpus, wants):
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8")
    export_corpus(corpus, stream, "spacy")
    docs = list(DocBin().from_bytes(raw.getvalue()).get_docs(spacy.blank("en").vocab))
    assert [d.user_data["article_id"] for d in docs] == [1, 2, 3, 4]
