"""The export pipeline every format runs through: filters, splits, staging and commit, streams."""

import io
import json
import zipfile

import pytest

from annotator.core.model import Annotation, Status
from annotator.formats import EXPORTERS, export_corpus
from annotator.formats.dataset import ExportCancelled, ExportOptions, parse_split, select_article_ids, split_ids
from annotator.formats.registry import Exporter
from annotator.formats.sinks import MARKER, SinkError


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def _export(corpus, **options) -> list[dict]:
    buf = io.StringIO()
    export_corpus(corpus, buf, "jsonl", ExportOptions(**options))
    return _jsonl(buf.getvalue())


@pytest.fixture
def many(corpus):
    label = corpus.labels.list()[0]
    for i in range(50):
        a = corpus.articles.add(f"Article {i}", f"Story number {i} from Foshan.")
        start = a.text.index("Foshan")
        corpus.annotations.add(Annotation(None, a.id, label.id, start, start + 6, "Foshan", "mei"))
    return corpus


# --- filters ------------------------------------------------------------------------


def test_filters_by_status(tricky):
    assert [r["id"] for r in _export(tricky.corpus, statuses={"done"})] == [tricky.ids["astral"], tricky.ids["crlf"]]
    assert [r["id"] for r in _export(tricky.corpus, statuses={"new", "in_progress"})] == [
        tricky.ids["cjk"],
        tricky.ids["empty"],
    ]
    assert len(_export(tricky.corpus)) == 4


def test_filters_by_label_keep_every_article(tricky):
    records = _export(tricky.corpus, labels={"COMPANY"})
    assert len(records) == 4  # a label filter chooses spans, not articles
    for r in records:
        key = {v: k for k, v in tricky.ids.items()}[r["id"]]
        assert [(s["start"], s["end"], s["label"]) for s in r["spans"]] == tricky.spans(key, labels={"COMPANY"})


def test_filters_by_annotator_and_combined(tricky):
    records = _export(tricky.corpus, annotators={"bob"}, labels={"LOCATION"}, statuses={"done"})
    spans = [(r["id"], s["text"]) for r in records for s in r["spans"]]
    assert spans == [(tricky.ids["astral"], "Foshan")]
    assert {s["annotator"] for r in _export(tricky.corpus, annotators={"carol", "bob"}) for s in r["spans"]} == {
        "bob",
        "carol",
    }


# --- splits -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, split",
    [("80/10/10", (80, 10, 10)), ("70,30", (70, 30)), (" 60:20:20 ", (60, 20, 20)), ("80/20/0", (80, 20))],
)
def test_parse_split(text, split):
    assert parse_split(text) == split


@pytest.mark.parametrize("text", ["80/30", "100", "50/25/15/10", "a/b", "-10/110", "0/100", "100/0/0", "80/0/20"])
def test_parse_split_refuses(text):
    with pytest.raises(ValueError):
        parse_split(text)


def test_split_proportions_cover_every_article_once(many):
    ids = select_article_ids(many, ExportOptions())
    parts = split_ids(ids, ExportOptions(split=(80, 10, 10), seed=1))
    assert [len(p) for p in parts.values()] == [40, 5, 5]
    assert sorted(sum(parts.values(), [])) == ids
    assert all(p == sorted(p) for p in parts.values())


def test_split_is_reproducible_and_depends_on_the_seed(many):
    ids = select_article_ids(many, ExportOptions())
    a = split_ids(ids, ExportOptions(split=(80, 10, 10), seed=42))
    assert a == split_ids(list(reversed(ids)), ExportOptions(split=(80, 10, 10), seed=42))
    assert a != split_ids(ids, ExportOptions(split=(80, 10, 10), seed=43))


def test_split_files_of_a_file_format(many, tmp_path):
    report = export_corpus(many, tmp_path / "ner.jsonl", "jsonl", ExportOptions(split=(80, 10, 10), seed=5))
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["ner.dev.jsonl", "ner.test.jsonl", "ner.train.jsonl"]
    assert report.articles == 50 and len(report.files) == 3
    counts = [len(_jsonl((tmp_path / f"ner.{p}.jsonl").read_text())) for p in ("train", "dev", "test")]
    assert counts == [40, 5, 5]


# --- atomicity ------------------------------------------------------------------------


def _failing_after(n: int, folder: bool):
    """A writer that fails with a full disk at its ``n``-th article."""

    def write(docs, sink, ctx):
        out = sink.text("part.txt") if folder else sink.text()
        for i, doc in enumerate(docs):
            if i == n:
                raise OSError(28, "No space left on device")
            out.write(f"{doc.id}\n")

    return write


@pytest.fixture
def broken(monkeypatch):
    def install(folder: bool):
        exp = Exporter("broken", "Fails half-way", ".txt", _failing_after(3, folder), folder=folder)
        monkeypatch.setitem(EXPORTERS, "broken", exp)

    return install


def test_failing_file_writer_leaves_nothing(many, tmp_path, broken):
    broken(folder=False)
    with pytest.raises(OSError, match="No space"):
        export_corpus(many, tmp_path / "out.txt", "broken")
    assert list(tmp_path.iterdir()) == []


def test_failing_split_leaves_no_part(many, tmp_path, broken):
    broken(folder=False)
    with pytest.raises(OSError):
        # train (5) passes, dev fails
        export_corpus(many, tmp_path / "out.txt", "broken", ExportOptions(split=(10, 90)))
    assert list(tmp_path.iterdir()) == []


def test_failing_folder_export_keeps_the_previous_export(many, tmp_path, broken):
    out = tmp_path / "brat"
    export_corpus(many, out, "brat")
    before = sorted(p.name for p in out.iterdir())
    broken(folder=True)
    with pytest.raises(OSError):
        export_corpus(many, out, "broken")
    assert sorted(p.name for p in out.iterdir()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brat"]


def test_folder_export_replaces_an_earlier_export_whole(many, tmp_path):
    out = tmp_path / "brat"
    export_corpus(many, out, "brat")
    assert len(list(out.glob("*.txt"))) == 50 and (out / MARKER).exists()
    many.articles.set_status(7, Status.DONE)
    export_corpus(many, out, "brat", ExportOptions(statuses={"done"}))
    assert [p.name for p in out.glob("*.txt")] == ["article-000007.txt"]  # nothing left from the export before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brat"]


def test_folder_export_never_replaces_a_folder_of_other_files(many, tmp_path):
    out = tmp_path / "Documents"
    out.mkdir()
    (out / "thesis.docx").write_text("precious")
    with pytest.raises(SinkError, match="already holds other files"):
        export_corpus(many, out, "brat")
    assert [p.name for p in out.iterdir()] == ["thesis.docx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Documents"]
    empty = tmp_path / "empty"
    empty.mkdir()
    export_corpus(many, empty, "brat")
    assert (empty / "annotation.conf").exists()


def test_cancel_writes_nothing(many, tmp_path):
    (tmp_path / "old.jsonl").write_text("previous\n")
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return done < 10

    with pytest.raises(ExportCancelled):
        export_corpus(many, tmp_path / "old.jsonl", "jsonl", progress=progress)
    assert seen[-1] == (10, 50)
    assert (tmp_path / "old.jsonl").read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["old.jsonl"]
    with pytest.raises(ExportCancelled):
        export_corpus(many, tmp_path / "new.zip", "brat", progress=lambda d, t: False)
    assert [p.name for p in tmp_path.iterdir()] == ["old.jsonl"]


def test_zip_holds_the_folder_files(many, tmp_path):
    out = tmp_path / "brat.zip"
    export_corpus(many, out, "brat", ExportOptions(split=(50, 50)))
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None
        names = zf.namelist()
        assert len([n for n in names if n.endswith(".ann")]) == 50
        assert {n.split("/")[0] for n in names} == {"train", "dev"}
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in zf.infolist())
    assert [p.name for p in tmp_path.iterdir()] == ["brat.zip"]


# --- streams and names ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "csv", "w3c", "labelstudio"])
def test_stream_and_file_hold_the_same(tricky, tmp_path, fmt):
    out = tmp_path / f"x{EXPORTERS[fmt].extension}"
    export_corpus(tricky.corpus, out, fmt)
    buf = io.StringIO()
    export_corpus(tricky.corpus, buf, fmt)
    assert buf.getvalue().encode("utf-8") == out.read_bytes()


def test_titles_never_become_paths(tricky, tmp_path):
    tricky.corpus.articles.add("CON", "A second article called CON.")
    tricky.corpus.articles.add("..\\..\\Windows", "A title with backslashes.")
    out = tmp_path / "exports" / "brat"
    out.parent.mkdir()
    export_corpus(tricky.corpus, out, "brat")
    names = sorted(p.name for p in out.iterdir())
    assert names[:2] == [MARKER, "annotation.conf"]
    assert all(n.startswith("article-") for n in names[2:-1]) and names[-1] == "visual.conf"
    assert [p.name for p in (tmp_path / "exports").iterdir()] == ["brat"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports", "sources"]


def test_a_sink_refuses_names_outside_the_export(tmp_path):
    from annotator.formats.sinks import FolderSink

    sink = FolderSink(tmp_path / "out")
    for name in ("../escape.txt", "/etc/passwd", "a/../../b"):
        with pytest.raises(SinkError, match="outside the export"):
            sink.text(name)
    sink.discard()
    assert list(tmp_path.iterdir()) == []


def test_status_values_are_the_stores(corpus):
    assert {s.value for s in Status} == {"new", "in_progress", "done"}


def test_files_reach_the_disk_before_they_are_moved_into_place(many, tmp_path, monkeypatch):
    import os
    import sys

    from annotator.formats import sinks

    calls = []
    real_fsync = os.fsync
    monkeypatch.setattr(sinks.os, "fsync", lambda fd: calls.append("fsync") or real_fsync(fd))
    monkeypatch.setattr(sinks.os, "sync", lambda: calls.append("sync"))
    export_corpus(many, tmp_path / "one.jsonl", "jsonl")
    assert calls == ["fsync"]  # the file itself
    calls.clear()
    export_corpus(many, tmp_path / "brat", "brat")  # 102 files
    assert calls == (["sync"] if sys.platform.startswith("linux") else ["fsync"] * 102)
    calls.clear()
    export_corpus(many, tmp_path / "brat.zip", "brat")
    assert calls == ["fsync"]  # only the archive that is moved into place
