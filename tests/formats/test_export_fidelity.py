"""Exports give back what the imports read: source label names, quotes a reader can find, strict JSON."""

import json
from pathlib import Path

import pytest

from annotator.core.model import Annotation
from annotator.formats import ImportBatch, export_corpus
from annotator.store import open_corpus

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def test_doccano_to_annotator_to_doccano_keeps_a_chinese_label_set(corpus, tmp_path):
    ImportBatch(corpus, [FIXTURES / "doccano_list.json"]).run()
    out = tmp_path / "back.jsonl"
    export_corpus(corpus, out, "doccano")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [[label for _, _, label in r["label"]] for r in records] == [["地名", "地名"], ["机构", "地名"]]
    with open_corpus(None) as again:  # and in again: the same two labels, not new ones
        ImportBatch(again, [out]).run()
        assert {"地名", "机构"} <= {lab.name for lab in again.labels.list()}
        assert len([lab for lab in again.labels.list() if lab.name in ("地名", "机构")]) == 2


def test_label_studio_and_brat_exports_write_the_source_names(corpus, tmp_path):
    ImportBatch(corpus, [FIXTURES / "doccano_label_names.jsonl"]).run()
    export_corpus(corpus, tmp_path / "tasks.json", "labelstudio")
    (task,) = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    labels = sorted(r["value"]["labels"][0] for a in task["annotations"] for r in a["result"])
    assert labels == sorted(["LOC", "loc", "Stadt_Ö", "Stadt_Ä", "人名"])
    assert 'value="人名"' in (tmp_path / "tasks.config.xml").read_text(encoding="utf-8")
    export_corpus(corpus, tmp_path / "brat", "brat")
    ann = next((tmp_path / "brat").glob("*.ann")).read_text(encoding="utf-8")
    assert "\tStadt_Ä 13 20\tKärnten" in ann and "\t人名 21 23\t人名" in ann
    assert "人名" in (tmp_path / "brat" / "annotation.conf").read_text(encoding="utf-8")
    bratsubset = pytest.importorskip("bratsubset.annotation")  # brat's own parser, as bratiaa ships it
    doc = bratsubset.TextAnnotations(str(next((tmp_path / "brat").glob("*.ann")).with_suffix("")), read_only=True)
    assert not doc.failed_lines
    assert sorted(e.type for e in doc.get_entities()) == sorted(["LOC", "loc", "Stadt_Ö", "Stadt_Ä", "人名"])


def test_a_label_named_by_the_user_keeps_its_tag_in_exports(corpus, tmp_path):
    from annotator.core.model import Label

    place = corpus.labels.add(Label(None, "地点", "PLACE", "#123456", None))
    article = corpus.articles.add("t", "佛山")
    corpus.annotations.add(Annotation(None, article.id, place.id, 0, 2, "佛山", "mei"))
    export_corpus(corpus, tmp_path / "out.jsonl", "doccano")
    assert json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))["label"] == [[0, 2, "PLACE"]]


def test_w3c_quote_context_grows_until_anchorpoint_finds_the_right_occurrence(corpus, tmp_path):
    anchorpoint = pytest.importorskip("anchorpoint")
    paragraph = "The Greater Bay Area plan names Foshan as a manufacturing centre for the whole region. "
    text = "Intro one. " + paragraph * 3 + "Closing words."
    article = corpus.articles.add("t", text)
    location = next(lab for lab in corpus.labels.list() if lab.tag == "LOCATION")
    starts = [i for i in range(len(text)) if text.startswith("Foshan", i)]
    corpus.annotations.add_many([Annotation(None, article.id, location.id, s, s + 6, "Foshan", "mei") for s in starts])
    export_corpus(corpus, tmp_path / "w3c.jsonld", "w3c")
    records = json.loads((tmp_path / "w3c.jsonld").read_text(encoding="utf-8"))
    assert len(records) == 3
    for record, start in zip(records, starts, strict=True):
        quote = record["target"]["selector"][0]
        assert text.count(quote["prefix"] + quote["exact"] + quote["suffix"]) == 1
        found = anchorpoint.TextQuoteSelector(
            exact=quote["exact"], prefix=quote["prefix"], suffix=quote["suffix"]
        ).as_position(text)
        assert (found.start, found.end) == (start, start + 6)


def test_nan_and_infinity_never_reach_an_export_as_bare_json(corpus, tmp_path):
    # A corpus an older version filled: the meta column holds bare NaN / Infinity.
    article = corpus.articles.add("t", "Foshan")
    corpus.db.execute("UPDATE articles SET meta = ? WHERE id = ?", ['{"score": NaN, "high": Infinity}', article.id])
    location = next(lab for lab in corpus.labels.list() if lab.tag == "LOCATION")
    corpus.annotations.add(Annotation(None, article.id, location.id, 0, 6, "Foshan", "mei"))

    def strict(text):
        return json.loads(text, parse_constant=lambda name: pytest.fail(f"bare {name} in an export"))

    for fmt, name in (("jsonl", "a.jsonl"), ("doccano", "b.jsonl"), ("prodigy", "c.jsonl")):
        export_corpus(corpus, tmp_path / name, fmt)
        for line in (tmp_path / name).read_text(encoding="utf-8").splitlines():
            strict(line)
    export_corpus(corpus, tmp_path / "d.json", "labelstudio")
    (task,) = strict((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert task["data"]["meta"] == {"score": "NaN", "high": "Infinity"}
    export_corpus(corpus, tmp_path / "e.jsonld", "w3c")
    strict((tmp_path / "e.jsonld").read_text(encoding="utf-8"))
