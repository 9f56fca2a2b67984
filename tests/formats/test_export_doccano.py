import io
import json

import pytest

from annotator.core.model import Annotation
from annotator.formats import export_corpus
from annotator.formats.dataset import ExportOptions

FIREMEN = "👨🏻\u200d🚒 firemen drive firetrucks"  # the example of doccano #2290


def _records(path) -> list[dict]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n")
    return [json.loads(line) for line in raw.decode("utf-8").splitlines()]


def _utf16_slice(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


@pytest.fixture
def firemen(corpus):
    a = corpus.articles.add("Firemen", FIREMEN)
    label = corpus.labels.list()[0]
    start = FIREMEN.index("firetrucks")
    corpus.annotations.add(Annotation(None, a.id, label.id, start, start + 10, "firetrucks", "mei"))
    return corpus


def test_doccano_counts_utf16_code_units_by_default(firemen, tmp_path):
    out = tmp_path / "doccano.jsonl"
    export_corpus(firemen, out, "doccano")
    (record,) = _records(out)
    assert record["label"] == [[22, 32, "LOCATION"]]
    assert record["text"] == FIREMEN and record["id"] == 1 and record["title"] == "Firemen"


def test_doccano_code_points_on_request(firemen, tmp_path):
    out = tmp_path / "doccano.jsonl"
    export_corpus(firemen, out, "doccano", ExportOptions(offsets="codepoints"))
    (record,) = _records(out)
    assert record["label"] == [[19, 29, "LOCATION"]]


def test_doccano_rejects_an_offset_unit_it_does_not_have(firemen, tmp_path):
    with pytest.raises(ValueError, match="no offset option 'bytes'"):
        export_corpus(firemen, tmp_path / "d.jsonl", "doccano", ExportOptions(offsets="bytes"))
    assert list(tmp_path.iterdir()) == []


def test_doccano_spans_slice_the_text_as_utf16(tricky, tmp_path):
    out = tmp_path / "doccano.jsonl"
    export_corpus(tricky.corpus, out, "doccano")
    records = {r["id"]: r for r in _records(out)}
    assert set(records) == set(tricky.ids.values())
    expected = tricky.all_spans()
    for article_id, record in records.items():
        text = record["text"]
        assert text == tricky.corpus.articles.get(article_id).text
        # the same spans, counted in UTF-16 code units: decode the units before each offset
        got = sorted(
            (len(_utf16_slice(text, 0, s)), len(_utf16_slice(text, 0, e)), lab) for s, e, lab in record["label"]
        )
        assert got == expected[article_id]
    astral = records[tricky.ids["astral"]]
    assert astral["label"][0] == [0, 15, "POLICY_TERM"]  # "👨🏻‍🚒 firemen": 12 code points, 15 code units
    assert (
        astral["title"] == "../../etc/passwd" and astral["status"] == "done" and astral["meta"] == {"section": "Test"}
    )
    assert {"start": 46, "end": 57, "label": "LOCATION", "note": "multi\nline\tnote"} in astral["notes"]


def test_doccano_code_points_match_the_corpus(tricky, tmp_path):
    buf = io.StringIO()
    export_corpus(tricky.corpus, buf, "doccano", ExportOptions(offsets="codepoints"))
    for line in buf.getvalue().splitlines():
        record = json.loads(line)
        assert sorted(tuple(s) for s in record["label"]) == tricky.all_spans()[record["id"]]
