"""--max-size limits one article: JSONL, JSON lists and CSV of any size come in record by record."""

import json

from annotator.formats import ImportBatch, Outcome, export_corpus
from annotator.formats.streaming import json_values, text_lines
from annotator.store import open_corpus


def test_a_jsonl_larger_than_the_limit_comes_in_and_only_the_long_line_is_refused(corpus, tmp_path):
    path = tmp_path / "many.jsonl"
    lines = [json.dumps({"text": f"Article {n} about Foshan."}) for n in range(40)]
    lines[7] = json.dumps({"text": "Foshan " * 100})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 400
    results = list(ImportBatch(corpus, [path], max_bytes=400))
    rejected = [r for r in results if r.outcome is Outcome.REJECTED]
    assert [(r.where, r.reason) for r in rejected] == [
        ("line 8", f"This line is too large ({len(lines[7]) + 1} bytes; the limit is 400 bytes per line).")
    ]
    assert sum(r.outcome is Outcome.IMPORTED for r in results) == 39


def test_ones_own_export_larger_than_the_limit_imports_back(tmp_path):
    with open_corpus(None) as corpus:
        for n in range(30):
            corpus.articles.add(f"t{n}", f"Article number {n} on the Greater Bay Area.")
        export_corpus(corpus, tmp_path / "all.jsonl", "jsonl")
    size = (tmp_path / "all.jsonl").stat().st_size
    with open_corpus(None) as fresh:
        report = ImportBatch(fresh, [tmp_path / "all.jsonl"], max_bytes=size // 10).run()
        assert report.imported == 30 and report.ok


def test_a_csv_larger_than_the_limit_comes_in_row_by_row(corpus, tmp_path):
    path = tmp_path / "rows.csv"
    rows = ["text,title"] + [f'"Row {n}, about Zhuhai.",t{n}' for n in range(50)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = ImportBatch(corpus, [path], max_bytes=200).run()
    assert report.imported == 50 and report.ok


def test_a_json_list_is_read_element_by_element(corpus, tmp_path):
    path = tmp_path / "list.json"
    records = [{"text": f"Record {n} about Jiangmen.", "id": n} for n in range(25)]
    path.write_text(json.dumps(records, indent=2), encoding="utf-8")
    report = ImportBatch(corpus, [path], max_bytes=300).run()
    assert report.imported == 25 and report.ok


def test_json_values_across_chunk_edges_and_a_broken_element(tmp_path, monkeypatch):
    import annotator.formats.streaming as streaming

    monkeypatch.setattr(streaming, "_CHUNK", 7)  # every element crosses several chunk edges
    path = tmp_path / "list.json"
    path.write_text(
        '[{"text": "佛山 one"}, {"text": "two", "x": [1, 2, {"y": "]"}]},\n {"text": "three"}, {"bad": ]',
        encoding="utf-8",
    )
    values = list(json_values(path, 1000))
    assert [v for _, v in values[:3]] == [
        {"text": "佛山 one"},
        {"text": "two", "x": [1, 2, {"y": "]"}]},
        {"text": "three"},
    ]
    where, bad = values[3]
    assert where == "record 4" and bad.reason.startswith("Not valid JSON (line 2, column ")
    assert bad.reason.endswith("The rest of the file is not read.")


def test_text_lines_decodes_a_legacy_encoding_line_by_line(tmp_path):
    path = tmp_path / "gbk.jsonl"
    path.write_bytes(
        ("\n".join(json.dumps({"text": f"佛山市第{n}篇"}, ensure_ascii=False) for n in range(50)) + "\n").encode(
            "gb18030"
        )
    )
    lines = [line for _, line in text_lines(path, 10_000)]
    assert lines[3] == json.dumps({"text": "佛山市第3篇"}, ensure_ascii=False)


def test_progress_moves_within_a_file_read_record_by_record(corpus, tmp_path, monkeypatch):
    import annotator.formats.batch as batch_module

    monkeypatch.setattr(batch_module, "GROUP_ARTICLES", 10)  # results come out a committed group at a time
    big = tmp_path / "many.jsonl"
    lines = (json.dumps({"text": f"Article {n} about Foshan.", "label": [[0, 7, "DOC"]]}) + "\n" for n in range(200))
    big.write_text("".join(lines), encoding="utf-8")  # doccano: the first line tells the kind
    small = tmp_path / "one.txt"
    small.write_text("Zhuhai news.", encoding="utf-8")
    batch = ImportBatch(corpus, [big, small])
    seen = [batch.progress for _ in batch]
    first_file = seen[:200]
    assert 0 < first_file[0] < first_file[100] < first_file[-1] <= 0.5  # within the first of two files
    assert seen == sorted(seen) and batch.progress == 1.0
