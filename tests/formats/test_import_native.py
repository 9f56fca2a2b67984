import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import Annotation, Label, Status
from annotator.formats import ImportBatch, Outcome, export_corpus, iter_import
from annotator.formats.import_jsonl import read_native_jsonl
from annotator.store import open_corpus

from .labelled_samples import TEXT, expected_spans, find, stored_spans


def build_corpus(corpus):
    """A corpus with what an export must carry: astral and CJK text, a CRLF source, nested and
    overlapping spans, two annotators, notes, a review, a label of its own, every status."""
    gpe = corpus.labels.add(Label(None, "Place (GPE)", "GPE", "#123456"))
    tags = {lab.tag: lab.id for lab in corpus.labels.list()}
    first = corpus.articles.add(
        "Firemen of 佛山", TEXT, source="south cn", url="https://example.org/1", published="2024-05-01",
        meta={"section": "大湾区", "editors": ["Hou", "Wei"], "n": 1.5},
    )
    anns = []
    for n, (s, e, label, covered) in enumerate(expected_spans()):
        anns.append(
            Annotation(None, first.id, tags.get(label, gpe.id), s, e, covered, "mei" if n % 2 else "li",
                       note="checked 🇭🇰" if n == 2 else None, reviewed_by="lead" if n == 3 else None)
        )
    corpus.annotations.add_many(anns)
    corpus.articles.set_status(first.id, Status.DONE)
    second = corpus.articles.add("", "Zhaoqing\r\nHigh-tech Zone\r\nnews", meta={})
    s, e = find("Zhaoqing\nHigh-tech Zone\nnews", "High-tech Zone")
    corpus.annotations.add(Annotation(None, second.id, tags["LOCATION"], s, e, "High-tech Zone", "mei"))
    corpus.articles.set_status(second.id, Status.NEW)  # labelled, then set back to new
    corpus.articles.add("Untouched", "An article nobody labelled yet.")
    return corpus


def test_round_trip_is_byte_identical(tmp_path):
    first_export, second_export = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    with open_corpus(tmp_path / "a.db") as corpus:
        build_corpus(corpus)
        export_corpus(corpus, first_export, "jsonl")
    with open_corpus(tmp_path / "b.db") as fresh:
        report = ImportBatch(fresh, [first_export], annotator="someone-else").run()
        assert report.ok and report.imported == 3 and report.spans == 10 and not report.warnings
        assert report.labels_created == ["GPE"]
        export_corpus(fresh, second_export, "jsonl")
        annotators = fresh.annotations.annotators()
    assert second_export.read_bytes() == first_export.read_bytes()
    assert "someone-else" not in annotators and {"mei", "li", "lead"} <= set(annotators)
    records = [json.loads(line) for line in first_export.read_text(encoding="utf-8").splitlines()]
    assert [r["status"] for r in records] == ["done", "new", "new"]
    assert any(span.get("reviewed_by") == "lead" for span in records[0]["spans"])


def test_imported_articles_keep_title_meta_columns_and_spans(corpus, tmp_path):
    line = {
        "id": 42, "title": "  Two  spaces kept ", "text": TEXT, "source": "src", "url": None,
        "meta": {"b": 1, "a": [1, 2]}, "status": "in_progress",
        "spans": [{"start": s, "end": e, "label": label, "text": covered, "annotator": "mei"}
                  for s, e, label, covered in expected_spans()],
    }
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    (result,) = iter_import(corpus, [path])
    assert result.outcome is Outcome.IMPORTED and result.spans == len(expected_spans())
    article = corpus.articles.get(result.article_id)
    assert article.title == "Two  spaces kept" and article.source == "src" and article.url is None
    assert list(article.meta.items()) == [("b", 1), ("a", [1, 2])]  # no source_id: ids are the corpus's own
    # a single status goes to the analysts whose spans the record holds, not to whoever imports it
    assert article.statuses == {"mei": Status.IN_PROGRESS} and article.status is Status.NEW
    assert stored_spans(corpus, article.id) == expected_spans()


def test_bad_spans_are_warnings_and_the_article_is_imported(corpus, tmp_path):
    s, e = find(TEXT, "佛山市")
    spans = [
        {"start": s, "end": e, "label": "LOCATION", "text": "佛山市", "annotator": "mei"},
        {"start": s, "end": e, "label": "LOCATION", "text": "Foshan", "annotator": "mei"},  # wrong text
        {"start": 5, "end": 5000, "label": "LOCATION", "text": "x"},  # outside
        {"start": e, "end": s, "label": "LOCATION"},  # reversed
        {"start": s, "end": e, "text": "佛山市"},  # no label
        "not a span",
        {"start": s, "end": e, "label": "Brand new", "text": "佛山市", "note": "n", "reviewed_by": 7},
    ]
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": TEXT, "status": "reviewed?", "spans": spans}, ensure_ascii=False) + "\n")
    batch = ImportBatch(corpus, [path], annotator="importer")
    (result,) = batch
    assert result.outcome is Outcome.IMPORTED and result.spans == 2
    messages = [str(w) for w in result.warnings]
    assert messages == [
        f"{path}, line 1, span 2: Offsets {s}-{e} cover '佛山市', but the file says 'Foshan'.",
        f"{path}, line 1, span 3: Offsets 5-5000 fall outside the text ({len(TEXT)} characters).",
        f"{path}, line 1, span 4: Offsets {e}-{s} are not a span (0 <= start < end).",
        f"{path}, line 1, span 5: The span has no \"label\".",
        f"{path}, line 1, span 6: A span must be an object, not a JSON string.",
        f"{path}, line 1: Unknown status 'reviewed?' (known: new, in_progress, done); the article keeps its own.",
    ]
    anns = corpus.annotations.for_article(result.article_id)
    assert [(a.annotator, a.note) for a in anns] == [("mei", None), ("importer", "n")]
    new = [lab for lab in corpus.labels.list() if lab.tag == "BRAND_NEW" and lab.name == "Brand new"]
    assert len(new) == 1 and new[0].hotkey is None
    assert batch.report.summary() == (
        "Imported 1 article with 2 spans; 5 span warnings; 1 other warning; 1 new label (BRAND_NEW)."
    )  # the unknown status is about the article, not a span


def test_lines_without_spans_are_ordinary_records():
    data = b'{"text": "plain", "id": 3, "lang": "en"}\n{"text": "native", "spans": []}\n'
    plain, native = read_native_jsonl(data)
    assert plain.meta == {"lang": "en", "source_id": 3} and not plain.spans
    assert native.meta == {} and native.spans == () and native.status is None


def test_a_failure_while_storing_spans_leaves_no_article_and_no_label(corpus, tmp_path, monkeypatch):
    from annotator.store import CorpusError

    path = tmp_path / "x.jsonl"
    span = {"start": 0, "end": 3, "label": "NEW_TAG", "text": TEXT[:3]}
    path.write_text(json.dumps({"text": TEXT, "spans": [span]}) + "\n" + json.dumps({"text": "next one"}) + "\n")
    labels_before = corpus.labels.list()

    def refuse(annotations):
        raise CorpusError("disk full")

    monkeypatch.setattr(corpus.annotations, "add_many", refuse)
    results = list(iter_import(corpus, [path]))
    assert [(r.outcome, r.reason) for r in results] == [(Outcome.REJECTED, "disk full"), (Outcome.IMPORTED, "")]
    assert corpus.articles.count() == 1 and corpus.labels.list() == labels_before
    monkeypatch.undo()
    again, _ = iter_import(corpus, [path])  # the label is created afresh once the article goes in
    assert again.outcome is Outcome.IMPORTED and again.spans == 1
    assert [lab.tag for lab in corpus.labels.list()][-1] == "NEW_TAG"


_TEXTS = st.lists(
    st.sampled_from(list("ab 佛山\n") + ["\U0001f469\u200d\U0001f467", "\U0001f1ed\U0001f1f0", "\U00020bb7"]),
    min_size=1,
    max_size=30,
).map("".join).filter(lambda t: t.strip())


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            _TEXTS,
            st.lists(
                st.tuples(
                    st.integers(0, 60), st.integers(1, 20), st.sampled_from(["LOCATION", "location", "X", "Y-2"])
                ),
                max_size=6,
            ),
        ),
        min_size=1,
        max_size=4,
        unique_by=lambda t: t[0],
    )
)
def test_round_trip_property(tmp_path_factory, articles):
    folder = tmp_path_factory.mktemp("rt")
    with open_corpus(None) as corpus:
        for n, (text, raw_spans) in enumerate(articles):
            article = corpus.articles.add(f"t{n}", text)
            tags = {lab.tag: lab.id for lab in corpus.labels.list()}
            clamped = {(min(s, len(text) - 1), min(s + n, len(text)), t) for s, n, t in raw_spans}
            for start, end, tag in sorted(clamped):  # identical spans (same place, label, annotator) are stored once
                if tag not in tags:
                    tags[tag] = corpus.labels.add(Label(None, tag, tag, "#445566")).id
                corpus.annotations.add(Annotation(None, article.id, tags[tag], start, end, text[start:end], "a"))
        export_corpus(corpus, folder / "one.jsonl", "jsonl")
    with open_corpus(None) as fresh:
        report = ImportBatch(fresh, [folder / "one.jsonl"]).run()
        assert report.ok and not report.warnings
        export_corpus(fresh, folder / "two.jsonl", "jsonl")
    assert (folder / "two.jsonl").read_bytes() == (folder / "one.jsonl").read_bytes()
