import csv
import io

import pytest

from annotator.formats import export_corpus
from annotator.formats.export_csv import HEADER, neutralise


def _rows(path) -> list[dict]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames) == HEADER
        return list(reader)


def _plain(cell: str) -> str:
    return cell[1:] if cell[:2] in {"'" + c for c in "=+-@\t\r"} else cell


def test_csv_one_row_per_annotation_in_text_order(tricky, tmp_path):
    out = tmp_path / "annotations.csv"
    report = export_corpus(tricky.corpus, out, "csv")
    rows = _rows(out)
    assert len(rows) == report.spans == 24
    for key, article_id in tricky.ids.items():
        mine = [r for r in rows if int(r["article_id"]) == article_id]
        spans = [(int(r["start"]), int(r["end"]), r["label"]) for r in mine]
        assert spans == tricky.spans(key)  # already sorted, as exported
        text = tricky.text(key)
        for r in mine:
            s, e = int(r["start"]), int(r["end"])
            assert _plain(r["text"]) == text[s:e]
            assert text[:s].endswith(_plain(r["left_context"])) and text[e:].startswith(_plain(r["right_context"]))
            assert 38 <= len(_plain(r["left_context"])) <= 42 or s <= 42
    by_text = {_plain(r["text"]): r for r in rows}
    assert by_text["Guangzhou"]["annotator"] == "carol"
    assert by_text["🇨🇳 Foshan"]["note"] == "multi\nline\tnote"  # the csv module quotes it whole
    assert by_text["佛山市顺德区"]["title"] == "CON"


def test_csv_contexts_never_cut_a_character(tricky, tmp_path):
    out = tmp_path / "annotations.csv"
    export_corpus(tricky.corpus, out, "csv")
    (row,) = [r for r in _rows(out) if r["text"] == "firetrucks"]
    assert row["left_context"] == "👨🏻\u200d🚒 firemen drive "
    (row,) = [r for r in _rows(out) if r["text"] == "Foshan Shunde District"]
    assert row["left_context"].startswith(" Foshan; Zu\u0308rich")  # 40 back lands inside nothing
    (row,) = [r for r in _rows(out) if r["text"] == "Zu\u0308rich"]
    assert row["right_context"].endswith("Foshan Shunde Di")
    for r in _rows(out):
        for cell in (r["left_context"], r["right_context"]):
            assert not cell.startswith(("\u200d", "\u0301", "\u0308", "🏻"))
            assert not cell.endswith("\u200d")


def test_csv_neutralises_formula_cells(tricky, tmp_path):
    out = tmp_path / "annotations.csv"
    export_corpus(tricky.corpus, out, "csv")
    rows = [r for r in _rows(out) if int(r["article_id"]) == tricky.ids["crlf"]]
    texts = [r["text"] for r in rows]
    assert texts == [
        "Midea Group", "'=SUM(A1)", "'+1 growth", "'-5% drop", "'@handle", "'\tTab", "Midea Group", "Guangzhou",
    ]
    notes = {r["text"]: r["note"] for r in rows}
    assert notes["'=SUM(A1)"] == "'+1" and notes["'-5% drop"] == "'-" and notes["'@handle"] == "'@x"
    assert notes["Guangzhou"] == "'=HYPERLINK(\"http://x\")"
    for r in rows:  # no cell a spreadsheet would evaluate
        assert not any(str(v).startswith(("=", "+", "-", "@", "\t", "\r")) for v in r.values())


@pytest.mark.parametrize(
    "value, expected",
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM", "'@SUM"), ("\tx", "'\tx"), ("\rx", "'\rx"),
     ("a=b", "a=b"), ("", ""), (12, 12), ("'=x", "'=x")],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_csv_to_a_stream_and_no_rows_for_an_empty_corpus(corpus):
    buf = io.StringIO()
    export_corpus(corpus, buf, "csv")
    assert buf.getvalue() == ",".join(HEADER) + "\n"


def test_csv_has_who_reviewed_and_when(tricky, tmp_path):
    (first,) = [a for a in tricky.corpus.annotations.for_article(tricky.ids["cjk"]) if a.text == "美的集团"]
    tricky.corpus.review.mark_reviewed([first.id], "dana")
    out = tmp_path / "annotations.csv"
    export_corpus(tricky.corpus, out, "csv")
    reviewed = [r for r in _rows(out) if r["reviewed_by"]]
    assert [(r["text"], r["reviewed_by"]) for r in reviewed] == [("美的集团", "dana")]
    assert reviewed[0]["reviewed_at"].endswith("+00:00")
