"""spaCy DocBin import: a user's DocBin with ents and span groups, and Annotator's own spaCy export."""

from pathlib import Path

import pytest

from annotator.core.model import Annotation, Status
from annotator.formats import ImportBatch, Outcome, export_corpus
from annotator.formats.dataset import ExportOptions
from annotator.store import open_corpus

pytest.importorskip("spacy", reason="spaCy is in the test extra: pip install -e '.[test]'")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def spans_of(corpus, article_id):
    tags = {lab.id: lab.tag for lab in corpus.labels.list()}
    return [(a.start, a.end, tags[a.label_id], a.text) for a in corpus.annotations.for_article(article_id)]


def test_ents_and_every_span_group_nested_spans_kept(corpus):
    first, second = ImportBatch(corpus, [FIXTURES / "spacy_ents_and_spans.spacy"])
    assert first.outcome is Outcome.IMPORTED and first.where == "doc 1"
    assert corpus.articles.get(first.article_id).text == "Midea Group moved to Foshan Shunde District in 2024."
    assert spans_of(corpus, first.article_id) == [
        (0, 11, "ORG", "Midea Group"),
        (21, 43, "GPE", "Foshan Shunde District"),
        (21, 27, "CITY", "Foshan"),
        (47, 51, "DATE", "2024"),
    ]
    assert spans_of(corpus, second.article_id) == [(0, 6, "GPE", "Zhuhai"), (15, 20, "GPE", "Macau")]


def test_annotators_own_spacy_export_comes_back_with_its_user_data(corpus, tmp_path):
    article = corpus.articles.add(
        "Foshan news", "Foshan and Zhuhai.\nMidea Group.", source="gov.cn", meta={"section": "Economy"}
    )
    location = next(lab for lab in corpus.labels.list() if lab.tag == "LOCATION")
    company = next(lab for lab in corpus.labels.list() if lab.tag == "COMPANY")
    corpus.annotations.add_many(
        [
            Annotation(None, article.id, location.id, 0, 6, "Foshan", "mei"),
            Annotation(None, article.id, location.id, 0, 17, "Foshan and Zhuhai", "mei"),  # overlapping
            Annotation(None, article.id, company.id, 19, 30, "Midea Group", "mei"),
        ]
    )
    corpus.articles.set_status(article.id, Status.DONE)
    out = tmp_path / "corpus.spacy"
    export_corpus(corpus, out, "spacy", ExportOptions(extra={"tokenizer": "rules"}))
    with open_corpus(None) as back:
        (result,) = ImportBatch(back, [out])
        got = back.articles.get(result.article_id)
        assert (got.title, got.text, got.source, got.meta) == (
            "Foshan news",
            "Foshan and Zhuhai.\nMidea Group.",
            "gov.cn",
            {"section": "Economy"},
        )
        # the exported status comes back as the status of the analysts whose spans the article holds
        names = {a.annotator for a in back.annotations.for_article(result.article_id)}
        assert names and {back.layers.status(result.article_id, n) for n in names} == {Status.DONE}
        assert spans_of(back, result.article_id) == [
            (0, 17, "LOCATION", "Foshan and Zhuhai"),
            (0, 6, "LOCATION", "Foshan"),
            (19, 30, "COMPANY", "Midea Group"),
        ]


def test_a_file_that_is_not_a_docbin_is_refused_with_a_sentence(corpus, tmp_path):
    path = tmp_path / "broken.spacy"
    path.write_bytes(b"not msgpack at all")
    (result,) = ImportBatch(corpus, [path])
    assert result.outcome is Outcome.REJECTED and result.reason.startswith("Not a spaCy DocBin")


def test_a_doc_over_the_limit_is_rejected_the_others_imported(corpus):
    results = list(ImportBatch(corpus, [FIXTURES / "spacy_ents_and_spans.spacy"], max_bytes=40))
    assert [(r.outcome, r.where) for r in results] == [(Outcome.REJECTED, "doc 1"), (Outcome.IMPORTED, "doc 2")]
    assert "per article" in results[0].reason
