"""CoNLL / IOB import: CoNLL-2003 files, IOB1 without -DOCSTART-, BIOES with comments, Annotator's own export."""

from pathlib import Path

import pytest

from annotator.core.model import Label
from annotator.formats import ImportBatch, Outcome, export_corpus
from annotator.formats.dataset import ExportOptions
from annotator.formats.import_conll import read_conll_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def spans_of(corpus, article_id):
    tags = {lab.id: lab.tag for lab in corpus.labels.list()}
    return [(a.start, a.end, tags[a.label_id], a.text) for a in corpus.annotations.for_article(article_id)]


def test_conll2003_one_article_per_docstart_text_spelled_as_the_file(corpus):
    batch = ImportBatch(corpus, [FIXTURES / "conll2003_iob2.conll"])
    first, second = batch
    assert first.outcome is Outcome.IMPORTED and second.outcome is Outcome.IMPORTED
    assert (
        corpus.articles.get(first.article_id).text
        == "EU rejects German call to boycott British lamb .\nPeter Blackburn"
    )
    assert spans_of(corpus, first.article_id) == [
        (0, 2, "ORG", "EU"),
        (11, 17, "MISC", "German"),
        (34, 41, "MISC", "British"),
        (49, 64, "PER", "Peter Blackburn"),
    ]
    assert corpus.articles.get(second.article_id).text == "BRUSSELS 1996-08-22"
    assert spans_of(corpus, second.article_id) == [(0, 8, "LOC", "BRUSSELS")]
    assert {"ORG", "MISC", "PER", "LOC"} <= {lab.tag for lab in corpus.labels.list()}
    assert first.where == "document 1 (line 1)" and second.where == "document 2 (line 16)"
    assert batch.report.ok and not batch.report.warnings


def test_iob1_without_docstart_is_one_article_and_b_separates_neighbours(corpus):
    (result,) = ImportBatch(corpus, [FIXTURES / "iob1_no_docstart.iob"])
    assert result.outcome is Outcome.IMPORTED
    assert spans_of(corpus, result.article_id) == [
        (0, 2, "ORG", "EU"),
        (11, 17, "MISC", "German"),
        (23, 38, "PER", "Peter Blackburn"),
        (39, 44, "LOC", "Spain"),
        (45, 50, "LOC", "Italy"),
    ]


def test_bioes_comments_skipped_and_malformed_lines_reported_by_number(corpus):
    (result,) = ImportBatch(corpus, [FIXTURES / "bioes_comments.bio"])
    assert result.outcome is Outcome.IMPORTED
    assert corpus.articles.get(result.article_id).text == "the united states and paris marvel studios inc broken weird"
    assert spans_of(corpus, result.article_id) == [
        (4, 17, "LOC", "united states"),
        (22, 27, "LOC", "paris"),
        (28, 46, "CORP", "marvel studios inc"),
    ]
    assert [(w.span, w.reason.split(" ")[0]) for w in result.warnings] == [("line 10", "Only"), ("line 11", "Tag")]
    assert "'LOC'" in result.warnings[1].reason


def test_the_spans_are_the_entities_seqeval_finds():
    seqeval = pytest.importorskip("seqeval.metrics.sequence_labeling")
    path = FIXTURES / "conll2003_iob2.conll"
    docs = list(read_conll_path(path))
    lines = [line.split() for line in path.read_text(encoding="utf-8").splitlines()]
    tags = [cols[-1] for cols in lines if cols and cols[0] != "-DOCSTART-"]
    tokens = [cols[0] for cols in lines if cols and cols[0] != "-DOCSTART-"]
    expected = [(kind, " ".join(tokens[s : e + 1])) for kind, s, e in seqeval.get_entities(tags)]
    assert [(s.label, s.text) for doc in docs for s in doc.spans] == expected


def test_annotators_own_conll_export_imports_back_to_the_same_spans(corpus, tmp_path):
    text = "Foshan hosts Midea Group .\nThe Greater Bay Area plan names Foshan and Zhuhai ."
    article = corpus.articles.add("t", text)
    labels = {
        t: corpus.labels.add(Label(None, t.title(), t, c, None))
        for t, c in (("CITY", "#112233"), ("FIRM", "#445566"), ("PLAN", "#778899"))
    }
    at = {w: text.index(w) for w in ("Midea Group", "Greater Bay Area plan", "Zhuhai")}
    want = [
        (0, 6, "CITY"),
        (at["Midea Group"], at["Midea Group"] + 11, "FIRM"),
        (at["Greater Bay Area plan"], at["Greater Bay Area plan"] + 21, "PLAN"),
        (text.rindex("Foshan"), text.rindex("Foshan") + 6, "CITY"),
        (at["Zhuhai"], at["Zhuhai"] + 6, "CITY"),
    ]
    from annotator.core.model import Annotation

    corpus.annotations.add_many(
        [Annotation(None, article.id, labels[t].id, s, e, text[s:e], "mei") for s, e, t in want]
    )
    out = tmp_path / "corpus.conll"
    export_corpus(corpus, out, "conll", ExportOptions(extra={"tokenizer": "rules"}))
    from annotator.store import open_corpus

    with open_corpus(tmp_path / "back.db") as back:
        (result,) = ImportBatch(back, [out])
        assert result.outcome is Outcome.IMPORTED
        assert back.articles.get(result.article_id).text == text
        assert [(s, e, t) for s, e, t, _ in spans_of(back, result.article_id)] == want


def test_an_article_over_the_limit_is_rejected_with_its_line_and_the_next_one_comes_in(corpus, tmp_path):
    path = tmp_path / "big.conll"
    lines = (
        ["-DOCSTART- -X- O O", ""]
        + [f"word{n} O" for n in range(200)]
        + ["", "-DOCSTART- -X- O O", "", "Foshan B-LOC", ""]
    )
    path.write_text("\n".join(lines), encoding="utf-8")
    batch = ImportBatch(corpus, [path], max_bytes=500)
    rejected, imported = batch
    assert rejected.outcome is Outcome.REJECTED and rejected.where == "document 1 (line 1)"
    assert "too large" in rejected.reason and "per article" in rejected.reason
    assert imported.outcome is Outcome.IMPORTED and spans_of(corpus, imported.article_id) == [(0, 6, "LOC", "Foshan")]


def test_a_file_of_blank_lines_is_refused_with_a_sentence(corpus, tmp_path):
    path = tmp_path / "blank.conll"
    path.write_text("\n\n  \n", encoding="utf-8")
    (result,) = ImportBatch(corpus, [path])
    assert result.outcome is Outcome.REJECTED and result.reason == "No tokens: every line is blank."
