"""The tricky corpus (corpora.py) exported for another tool and imported back keeps its spans."""

from annotator.formats import ImportBatch, export_corpus
from annotator.store import open_corpus


def _spans_by_text(corpus):
    tags = {lab.id: lab.tag for lab in corpus.labels.list()}
    return {
        article.text: sorted((a.start, a.end, tags[a.label_id], a.text) for a in corpus.annotations.for_article(article.id))
        for article in corpus.articles.iter_all()
    }


def test_brat_covered_text_with_a_tab_comes_back(tricky, tmp_path):
    # The crlf article has a span '\tTab': its .ann line holds a tab inside the covered text.
    export_corpus(tricky.corpus, tmp_path / "brat", "brat")
    expected = _spans_by_text(tricky.corpus)
    with open_corpus(None) as target:
        report = ImportBatch(target, [tmp_path / "brat"]).run()
        left_out = [str(w) for w in report.warnings if "left out" in str(w)]
        assert not left_out
        got = _spans_by_text(target)
    crlf = tricky.text("crlf")
    assert got[crlf] == expected[crlf]
    assert any(span[3] == "\tTab" for span in got[crlf])
