"""An integer longer than Python converts (4,300 digits) in an imported file costs one field,
never the file: it is kept as the digits it is written as."""

from __future__ import annotations

import json

from annotator.formats import ImportBatch, export_corpus
from annotator.store import open_corpus

HUGE = "9" * 5000


def test_a_huge_integer_in_metadata_is_kept_as_its_digits(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"text": "Midea is in Foshan.", "id": ' + HUGE + '}\n{"text": "Gree is in Zhuhai."}\n', encoding="utf-8"
    )
    with open_corpus(tmp_path / "c.db") as corpus:
        report = ImportBatch(corpus, [source]).run()
        assert report.imported == 2 and not report.rejected
        first = corpus.articles.get(1)
        assert HUGE in json.dumps(first.meta)
        export_corpus(corpus, tmp_path / "out.jsonl", "jsonl")
    assert HUGE in (tmp_path / "out.jsonl").read_text(encoding="utf-8")


def test_a_huge_offset_is_a_span_warning_not_a_lost_file(tmp_path):
    source = tmp_path / "in.json"
    source.write_text(json.dumps([
        {"text": "Midea is in Foshan.", "label": [[0, 5, "COMPANY"]]},
        {"text": "Gree is in Zhuhai.", "label": [[0, 4, "COMPANY"]]},
    ]).replace("[0, 5,", "[" + HUGE + ", 5,"), encoding="utf-8")
    with open_corpus(tmp_path / "c.db") as corpus:
        report = ImportBatch(corpus, [source], format="doccano").run()
        assert report.imported == 2 and not report.rejected
        assert report.spans == 1 and len(report.warnings) == 1
