import json
from pathlib import Path

import pytest

import annotator.formats.batch as batch_module
from annotator.formats import ImportBatch, Outcome, iter_import
from annotator.formats.batch import ImportReport, ImportResult
from annotator.store import open_corpus

ARTICLE = "Section\n\nHeadline of {n}\n\nBody of article {n} about Foshan.\n\nSource: Daily {n}\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def outcomes(results):
    return [(r.path.name, r.where, r.outcome.value) for r in results]


def test_folders_recursively_in_sorted_order_hidden_files_left_out(corpus, tmp_path):
    write(tmp_path / "b.txt", ARTICLE.format(n=2))
    write(tmp_path / "a.txt", ARTICLE.format(n=1))
    write(tmp_path / "sub" / "c.htm", "<html><body><p>Article three from a page.</p></body></html>")
    write(tmp_path / "sub" / "deeper" / "d.jsonl", json.dumps({"text": "four"}) + "\n")
    write(tmp_path / "e.ndjson", json.dumps({"text": "five"}) + "\n")
    write(tmp_path / "f.json", json.dumps([{"text": "six"}]))
    write(tmp_path / "g.csv", "text\nseven\n")
    write(tmp_path / "h.text", "eight")
    write(tmp_path / "i.HTML", "<p>nine</p>")
    write(tmp_path / ".hidden.txt", "hidden")
    write(tmp_path / ".git" / "x.txt", "hidden too")
    batch = iter_import(corpus, [tmp_path])
    assert batch.total_files == 9
    results = list(batch)
    assert outcomes(results) == [
        ("a.txt", None, "imported"),
        ("b.txt", None, "imported"),
        ("e.ndjson", "line 1", "imported"),
        ("f.json", "record 1", "imported"),
        ("g.csv", "line 2", "imported"),
        ("h.text", None, "imported"),
        ("i.HTML", None, "imported"),
        ("c.htm", None, "imported"),
        ("d.jsonl", "line 1", "imported"),
    ]
    assert batch.files_done == 9
    first = corpus.articles.get(results[0].article_id)
    assert first.title == "Headline of 1" and first.source == "Daily 1"
    assert first.meta == {"section": "Section", "source": "Daily 1"}
    assert batch.report.summary() == "Imported 9 articles."
    assert batch.report.ok


def test_duplicates_within_one_batch_and_across_runs(corpus, tmp_path):
    a = write(tmp_path / "a.txt", "Same text\r\nin both files\n")
    b = write(tmp_path / "b.txt", "\ufeffSame text\nin both files\n")
    first = list(iter_import(corpus, [a, b]))
    assert [r.outcome for r in first] == [Outcome.IMPORTED, Outcome.DUPLICATE]
    assert first[1].article_id == first[0].article_id
    assert first[1].reason == f"Same text as article {first[0].article_id}, imported from {a} in this batch."
    again = ImportBatch(corpus, [a])
    (result,) = again
    assert result.outcome is Outcome.DUPLICATE
    assert result.reason == f"Same text as article {first[0].article_id}, already in the corpus."
    assert again.report.summary() == "Imported 0 articles; 1 duplicate skipped."
    assert again.report.ok
    assert corpus.articles.count() == 1


def test_every_rejection_reason_and_the_good_files_still_imported(corpus, tmp_path):
    folder = tmp_path / "in"
    write(folder / "01-good.txt", "A good article about Jiangmen.")
    write(folder / "02-empty.txt", b"")
    write(folder / "03-blank.txt", " \n\t\n")
    write(folder / "04-binary.txt", b"abc\x00def")
    write(folder / "05-image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(folder / "06-big.txt", "x" * 5000)
    write(folder / "07-bad.json", "[{")
    write(folder / "08-lines.jsonl", '{"text": "fine line"}\nnot json\n{"title": "no text"}\n')
    write(folder / "09-rows.csv", "text,title\nrow text,1\nshort\n")
    write(folder / "10-nul.json", json.dumps({"text": "a\u0000b"}))
    write(folder / "11-undecodable.txt", bytes(range(0x80, 0x100)) * 4 + b"\x01\x02\x03" * 50)
    write(folder / "12-unknown.docx", "some text")
    missing = tmp_path / "nothing-here.txt"
    explicit_unknown = write(tmp_path / "explicit.pdfx", "text")
    batch = ImportBatch(corpus, [folder, missing, explicit_unknown], max_bytes=4000)
    results = list(batch)
    got = {(r.path.name, r.where): (r.outcome.value, r.reason) for r in results}
    assert got[("01-good.txt", None)][0] == "imported"
    assert got[("02-empty.txt", None)] == ("rejected", "Empty file.")
    assert got[("03-blank.txt", None)] == ("rejected", "No text: the file holds only white space.")
    assert got[("04-binary.txt", None)] == ("rejected", "Binary file (contains NUL bytes), not text.")
    assert got[("05-image.txt", None)] == ("rejected", "Binary file (a PNG image), not text.")
    assert got[("06-big.txt", None)] == ("rejected", "Too large (5 kB; the limit is 4 kB).")
    assert got[("07-bad.json", None)][1].startswith("Not valid JSON (line 1, column 3")
    assert got[("08-lines.jsonl", "line 1")][0] == "imported"
    assert got[("08-lines.jsonl", "line 2")][1].startswith("Not valid JSON")
    assert got[("08-lines.jsonl", "line 3")] == ("rejected", 'No "text" field.')
    assert got[("09-rows.csv", "line 2")][0] == "imported"
    assert got[("09-rows.csv", "line 3")] == ("rejected", "1 cells, but the header has 2 columns.")
    assert got[("10-nul.json", None)] == ("rejected", "The article text contains NUL characters.")
    assert got[("11-undecodable.txt", None)][0] == "rejected"
    assert got[("12-unknown.docx", None)][0] == "skipped"
    assert got[("nothing-here.txt", None)] == ("rejected", "No such file or folder.")
    assert got[("explicit.pdfx", None)][1].startswith("Unknown file type (.pdfx); known: .txt, .text")
    assert corpus.articles.count() == 3
    report = batch.report
    assert report.imported == 3 and len(report.skipped) == 1 and not report.ok
    assert report.summary() == f"Imported 3 articles; {len(report.rejected)} rejected; 1 file of unknown type skipped."
    assert all(r.outcome is Outcome.REJECTED for r in report.rejected)
    assert str(report.rejected[0]) == f"{folder / '02-empty.txt'}: Empty file."


def test_forced_format_reads_every_file_with_it(corpus, tmp_path):
    notes = write(tmp_path / "notes.log", json.dumps({"text": "from a log file", "title": "Log"}) + "\n")
    plain = write(tmp_path / "README", "A file without an extension")
    results = list(iter_import(corpus, [notes], format="jsonl"))
    assert results[0].outcome is Outcome.IMPORTED and results[0].title == "Log"
    results = list(iter_import(corpus, [tmp_path], format="txt"))
    assert [(r.path.name, r.outcome.value) for r in results] == [("README", "imported"), ("notes.log", "imported")]
    assert corpus.articles.get(results[1].article_id).text.startswith('{"text"')
    (result,) = iter_import(corpus, [plain])
    assert result.outcome is Outcome.REJECTED and result.reason.startswith("Unknown file type (no extension)")
    with pytest.raises(ValueError, match="Unknown import format 'docx'"):
        ImportBatch(corpus, [plain], format="docx")


def test_cancel_stops_between_articles(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(batch_module, "GROUP_ARTICLES", 2)  # articles are committed (and reported) in groups
    lines = "".join(json.dumps({"text": f"record {i}"}) + "\n" for i in range(10))
    write(tmp_path / "a.jsonl", lines)
    write(tmp_path / "b.txt", "another file")
    batch = ImportBatch(corpus, [tmp_path])
    assert batch.total_files == 2
    got = [next(batch), next(batch), next(batch)]
    batch.cancel()
    rest = list(batch)  # the rest of a group already committed is still reported, nothing more is stored
    assert len(rest) == 1 and list(batch) == []
    assert [r.outcome for r in got + rest] == [Outcome.IMPORTED] * 4
    assert corpus.articles.count() == 4  # every article reported imported is stored, and only those
    assert batch.report.cancelled
    assert batch.report.summary() == "Cancelled. Imported 4 articles."


def test_articles_reported_imported_are_committed(tmp_path):
    """A second connection sees every article the batch has reported, at the moment it is reported."""
    path = tmp_path / "c.db"
    for i in range(30):
        write(tmp_path / "in" / f"{i:02}.txt", f"Article {i}\n\nBody {i}.")
    with open_corpus(path) as corpus, open_corpus(path) as other:
        reported = 0
        for result in ImportBatch(corpus, [tmp_path / "in"]):
            reported += result.outcome is Outcome.IMPORTED
            assert other.articles.count() >= reported
        assert other.articles.count() == reported == 30


def test_a_parser_failure_is_a_rejection_not_an_abort(corpus, tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    write(tmp_path / "a.json", deep)
    write(tmp_path / "b.txt", "still imported")
    results = list(iter_import(corpus, [tmp_path]))
    assert results[0].outcome is Outcome.REJECTED and "RecursionError" in results[0].reason
    assert results[1].outcome is Outcome.IMPORTED


def test_not_a_regular_file(corpus, tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (result,) = iter_import(corpus, [fifo])
    assert result.outcome is Outcome.REJECTED and result.reason == "Not a regular file."


def test_result_location_and_report_counts():
    r = ImportResult(Path("data.jsonl"), Outcome.REJECTED, "Bad.", where="line 4")
    assert str(r) == "data.jsonl, line 4: Bad."
    report = ImportReport()
    for outcome in (Outcome.IMPORTED, Outcome.DUPLICATE, Outcome.DUPLICATE, Outcome.REJECTED):
        report.add(ImportResult(Path("x"), outcome))
    assert report.summary() == "Imported 1 article; 2 duplicates skipped; 1 rejected."
