import io
import json

import pytest

from annotator.core.model import Annotation, Status
from annotator.formats import export_corpus, native_jsonl

TEXT = "Foshan (佛山) 🏭 hosts Midea Group.\nThe policy of high-quality development applies."


@pytest.fixture
def filled(corpus):
    a = corpus.articles.add("Foshan", TEXT, source="south cn", meta={"section": "Greater Bay Area"})
    corpus.articles.add("Empty one", "No spans here.")
    labels = {label.tag: label.id for label in corpus.labels.list()}

    def span(tag, needle, who, note=None):
        start = TEXT.index(needle)
        return Annotation(None, a.id, labels[tag], start, start + len(needle), needle, who, note)

    corpus.annotations.add_many(
        [
            span("POLICY_TERM", "high-quality development", "bob"),
            span("COMPANY", "Midea Group", "alice", note="parent company"),
            span("LOCATION", "Foshan", "alice"),
        ]
    )
    corpus.articles.set_status(a.id, Status.DONE)
    return corpus


def _lines(text: str) -> list[dict]:
    assert text.endswith("\n") and "\r" not in text
    return [json.loads(line) for line in text.splitlines()]


def test_round_trip_offsets_slice_the_text(filled, tmp_path):
    out = tmp_path / "corpus.jsonl"
    assert export_corpus(filled, out).articles == 2
    raw = out.read_bytes().decode("utf-8")
    assert "佛山" in raw and "🏭" in raw  # written as UTF-8, not \u escapes
    first, second = _lines(raw)
    assert list(first) == ["id", "title", "text", "source", "meta", "status", "statuses", "spans"]
    assert first["title"] == "Foshan" and first["status"] == "done" and first["text"] == TEXT
    assert first["meta"] == {"section": "Greater Bay Area"}
    assert [s["start"] for s in first["spans"]] == sorted(s["start"] for s in first["spans"])
    assert [s["label"] for s in first["spans"]] == ["LOCATION", "COMPANY", "POLICY_TERM"]
    for s in first["spans"]:
        assert first["text"][s["start"] : s["end"]] == s["text"]
    assert first["spans"][1] == {
        "start": TEXT.index("Midea"),
        "end": TEXT.index("Midea") + len("Midea Group"),
        "label": "COMPANY",
        "text": "Midea Group",
        "annotator": "alice",
        "note": "parent company",
    }
    assert "note" not in first["spans"][0]
    assert second["spans"] == [] and second["status"] == "new" and "source" not in second


def test_stream_export(filled):
    buf = io.StringIO()
    assert export_corpus(filled, buf, "jsonl").articles == 2
    assert len(_lines(buf.getvalue())) == 2


def test_failed_export_leaves_the_old_file_and_no_temporary(filled, tmp_path, monkeypatch):
    out = tmp_path / "corpus.jsonl"
    out.write_text("previous export\n")
    calls = []

    def failing(doc):
        calls.append(doc)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return row_line(doc)

    row_line = native_jsonl.row_line  # what an export's own stream of articles is written with
    monkeypatch.setattr(native_jsonl, "row_line", failing)
    with pytest.raises(OSError, match="No space"):
        export_corpus(filled, out)
    assert calls  # the export had started writing
    assert out.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["corpus.jsonl"]


def test_export_over_an_existing_file_keeps_its_mode(filled, tmp_path):
    out = tmp_path / "corpus.jsonl"
    out.write_text("old")
    out.chmod(0o640)
    export_corpus(filled, out)
    assert out.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "fresh.jsonl"
    export_corpus(filled, fresh)
    assert fresh.stat().st_mode & 0o777 == 0o644


def test_unknown_export_format(filled, tmp_path):
    with pytest.raises(ValueError, match="Unknown export format 'no-such-format'"):
        export_corpus(filled, tmp_path / "x", "no-such-format")


def test_jsonl_exports_escape_the_unicode_line_separators(corpus, tmp_path):
    text = "First line\u2028same paragraph\u2029next paragraph."
    article = corpus.articles.add("Separators", text)
    label = corpus.labels.list()[0].id
    corpus.annotations.add(Annotation(None, article.id, label, 0, 5, "First", "ann"))
    for fmt in ("jsonl", "doccano"):
        out = tmp_path / f"{fmt}.jsonl"
        export_corpus(corpus, out, fmt)
        raw = out.read_text(encoding="utf-8")
        assert "\u2028" not in raw and "\u2029" not in raw and "\\u2028" in raw
        (record,) = [json.loads(line) for line in raw.splitlines()]
        assert record["text"] == text
