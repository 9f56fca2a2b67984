"""Hugging Face token classification export, loaded with `datasets` and checked with seqeval."""

import io
import json
import sys

import pytest

from annotator.formats import export_corpus
from annotator.formats.dataset import ExportOptions
from annotator.formats.sinks import SinkError
from tests.formats import token_corpus

datasets = pytest.importorskip("datasets", reason="datasets is in the test extra: pip install -e '.[test]'")
pytest.importorskip("seqeval", reason="seqeval is in the test extra: pip install -e '.[test]'")
from seqeval.metrics.sequence_labeling import get_entities  # noqa: E402 - after importorskip, which skips this module without it
from seqeval.scheme import IOB2, Entities  # noqa: E402 - after importorskip, which skips this module without it

TAGS = ["O", "B-LOCATION", "I-LOCATION", "B-COMPANY", "I-COMPANY", "B-POLICY_TERM", "I-POLICY_TERM"]


@pytest.fixture
def wants(corpus):
    return token_corpus.fill(corpus)


@pytest.fixture(autouse=True)
def _offline_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf-cache"))
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")


def load(path, features=None):
    return datasets.load_dataset(
        "json", data_files=str(path), split="train", features=features, cache_dir=str(path.parent / "hf-cache")
    )


@pytest.mark.parametrize("mode", ["rules", "spacy"])
def test_rows_are_sentences_and_load_with_datasets(corpus, wants, tmp_path, mode):
    report = export_corpus(corpus, tmp_path / "corpus.jsonl", "hf", ExportOptions(extra={"tokenizer": mode}))
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["corpus.jsonl", "corpus.labels.json"]
    assert report.files == [str(tmp_path / "corpus.jsonl"), str(tmp_path / "corpus.labels.json")]
    names = json.loads((tmp_path / "corpus.labels.json").read_text(encoding="utf-8"))
    assert names == TAGS
    ds = load(tmp_path / "corpus.jsonl")
    assert ds.column_names == ["id", "tokens", "ner_tags"]
    ids = ds["id"]
    assert ids[:3] == ["1-0", "1-1", "1-2"] and "2-2" in ids and "4-0" in ids
    for article_id in range(1, 5):
        rows = [r for r in ds if r["id"].split("-")[0] == str(article_id)]
        assert [r["id"] for r in rows] == [f"{article_id}-{n}" for n in range(len(rows))]
        tokens = [t for r in rows for t in r["tokens"]]
        tags = [t for r in rows for t in r["ner_tags"]]
        text = corpus.articles.get(article_id).text
        assert "".join(tokens) == "".join(text.split())
        got = [(label, "".join(tokens[s : e + 1])) for label, s, e in get_entities(tags)]
        want = [(label, text[s:e].replace(" ", "")) for s, e, label in token_corpus.in_iob(wants, article_id)]
        assert got == want
    seqs = ds["ner_tags"]
    strict = [sorted((e.tag, e.start, e.end - 1) for e in sent) for sent in Entities(seqs, IOB2).entities]
    assert strict == [sorted(get_entities(seq)) for seq in seqs]
    # With the label list as ClassLabel names, the string tags become class ids.
    features = datasets.Features(
        {
            "id": datasets.Value("string"),
            "tokens": datasets.Sequence(datasets.Value("string")),
            "ner_tags": datasets.Sequence(datasets.ClassLabel(names=names)),
        }
    )
    typed = load(tmp_path / "corpus.jsonl", features)
    assert [names[i] for i in typed[0]["ner_tags"]] == ds[0]["ner_tags"]


def test_split_shares_one_label_list(corpus, wants, tmp_path):
    whole = tmp_path / "whole"
    whole.mkdir()
    export_corpus(corpus, whole / "a.jsonl", "hf")
    report = export_corpus(corpus, tmp_path / "c.jsonl", "hf", ExportOptions(split=(50, 25, 25), seed=3))
    assert len(report.files) == len(set(report.files)) == 4
    files = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert files == ["c.dev.jsonl", "c.labels.json", "c.test.jsonl", "c.train.jsonl"]
    ids = [i for name in ("c.train.jsonl", "c.dev.jsonl", "c.test.jsonl") for i in load(tmp_path / name)["id"]]
    assert sorted(ids) == sorted(load(whole / "a.jsonl")["id"])


def test_label_filter_limits_the_tags(corpus, wants, tmp_path):
    export_corpus(corpus, tmp_path / "c.jsonl", "hf", ExportOptions(labels={"COMPANY"}))
    assert json.loads((tmp_path / "c.labels.json").read_text(encoding="utf-8")) == ["O", "B-COMPANY", "I-COMPANY"]
    tags = {t for r in load(tmp_path / "c.jsonl") for t in r["ner_tags"]}
    assert tags == {"O", "B-COMPANY", "I-COMPANY"}


def test_standard_output_is_refused_with_a_reason(corpus, wants):
    with pytest.raises(SinkError, match="label list"):
        export_corpus(corpus, io.StringIO(), "hf")


def test_without_spacy(corpus, wants, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)
    report = export_corpus(corpus, tmp_path / "c.jsonl", "hf")
    assert "rule-based" in report.notes[0]
    rows = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows[0]["tokens"][:4] == ["Kuka", "Robot", "(", "Guangdong"]
    assert rows[0]["ner_tags"][:4] == ["B-COMPANY", "I-COMPANY", "I-COMPANY", "I-COMPANY"]
