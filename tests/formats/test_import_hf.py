"""Hugging Face token classification import: HF's conll2003 rows with integer tags, and Annotator's own export."""

from pathlib import Path

import pytest

from annotator.core.model import Annotation
from annotator.formats import ImportBatch, Outcome, export_corpus
from annotator.formats.dataset import ExportOptions
from annotator.store import open_corpus

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def spans_of(corpus, article_id):
    tags = {lab.id: lab.tag for lab in corpus.labels.list()}
    return [(a.start, a.end, tags[a.label_id], a.text) for a in corpus.annotations.for_article(article_id)]


def test_conll2003_rows_with_integer_tags_named_by_the_label_list_beside(corpus):
    first, second = ImportBatch(corpus, [FIXTURES / "hf_conll2003" / "train.jsonl"])
    assert corpus.articles.get(first.article_id).text == "EU rejects German call to boycott British lamb ."
    assert spans_of(corpus, first.article_id) == [
        (0, 2, "ORG", "EU"),
        (11, 17, "MISC", "German"),
        (34, 41, "MISC", "British"),
    ]
    assert spans_of(corpus, second.article_id) == [(0, 15, "PER", "Peter Blackburn")]


def test_integer_tags_without_a_label_list_are_refused_by_row(corpus, tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text((FIXTURES / "hf_conll2003" / "train.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    results = list(ImportBatch(corpus, [path]))
    assert [r.outcome for r in results] == [Outcome.REJECTED, Outcome.REJECTED]
    assert results[0].reason.startswith("Integer tags, but no label list") and results[0].where == "line 1"


def test_annotators_own_hf_export_comes_back_one_article_per_article(corpus, tmp_path):
    pytest.importorskip("spacy")
    text = "Foshan hosts Midea Group.\nZhuhai joined the plan."
    article = corpus.articles.add("t", text)
    corpus.articles.add("u", "Jiangmen is quiet.")
    location = next(lab for lab in corpus.labels.list() if lab.tag == "LOCATION")
    company = next(lab for lab in corpus.labels.list() if lab.tag == "COMPANY")
    corpus.annotations.add_many(
        [
            Annotation(None, article.id, location.id, 0, 6, "Foshan", "mei"),
            Annotation(None, article.id, company.id, 13, 24, "Midea Group", "mei"),
            Annotation(None, article.id, location.id, 26, 32, "Zhuhai", "mei"),
        ]
    )
    export_corpus(corpus, tmp_path / "corpus.jsonl", "hf", ExportOptions(extra={"tokenizer": "rules"}))
    with open_corpus(None) as back:
        first, second = ImportBatch(back, [tmp_path / "corpus.jsonl"])
        assert back.articles.get(first.article_id).text == "Foshan hosts Midea Group .\nZhuhai joined the plan ."
        assert [s[2:] for s in spans_of(back, first.article_id)] == [
            ("LOCATION", "Foshan"),
            ("COMPANY", "Midea Group"),
            ("LOCATION", "Zhuhai"),
        ]
        assert back.articles.get(second.article_id).text == "Jiangmen is quiet ."


def test_a_folder_of_a_split_hf_export_imports_without_its_label_list(corpus, tmp_path):
    pytest.importorskip("spacy")
    for n in range(4):
        corpus.articles.add(f"t{n}", f"Foshan report {n}.")
    (tmp_path / "out").mkdir()
    export_corpus(
        corpus, tmp_path / "out" / "corpus.jsonl", "hf", ExportOptions(split=(50, 50), extra={"tokenizer": "rules"})
    )
    assert (tmp_path / "out" / "corpus.labels.json").is_file()
    with open_corpus(None) as back:
        report = ImportBatch(back, [tmp_path / "out"]).run()
        assert report.imported == 4 and report.ok and not report.skipped
