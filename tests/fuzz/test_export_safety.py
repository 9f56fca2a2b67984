"""Exports take titles, label names and notes as data: never a path, never a formula, always escaped."""

from __future__ import annotations

import csv
import json
import os
import zipfile

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from annotator.core.model import Annotation, Label
from annotator.formats import export_corpus
from annotator.formats.export_csv import _FORMULA_STARTS
from annotator.formats.registry import EXPORTERS
from annotator.store import open_corpus
from tests.fuzz.conftest import FUZZ

HOSTILE_TITLES = [
    "../../../../etc/passwd",
    "/absolute/path/title",
    "C:\\Windows\\System32\\evil",
    "CON", "NUL", "aux.txt", "COM1", "LPT9.ann",
    "..", ".", "", " ", "a/b/c", "title\x00with nul", "新闻/../逃逸",
    "=cmd|' /C calc'!A0", "trailing dot.", "name\nwith\nlines",
]
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


@pytest.fixture
def hostile_corpus():
    corpus = open_corpus(None)
    label = corpus.labels.add(Label(None, "../../Evil label name", "EVIL", "#aa0000"))
    for i, title in enumerate(HOSTILE_TITLES):
        text = f"=SUM(A1) Foshan {i} @mention -1 +2 \"quoted\" </script> \\u2028 \u2028 end.\n"
        article = corpus.articles.add(title.replace("\x00", ""), text)
        corpus.annotations.add(
            Annotation(None, article.id, label.id, 0, 8, "=SUM(A1)", "=annotator", '=HYPERLINK("x")\n@note')
        )
        corpus.annotations.add(Annotation(None, article.id, 1, 9, 15, "Foshan", "mei", "../../note"))
    yield corpus
    corpus.close()


def _written(root):
    return [os.path.join(d, f) for d, _dirs, files in os.walk(root) for f in files]


@pytest.mark.parametrize("fmt", [name for name in EXPORTERS if name != "spacy"])
def test_hostile_titles_and_labels_never_become_paths(tmp_path, hostile_corpus, fmt):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    exp = EXPORTERS[fmt]
    target = out_dir / ("dataset" if exp.folder else f"dataset{exp.extension}")
    export_corpus(hostile_corpus, target, fmt)
    files = _written(tmp_path)
    assert files, "the export wrote something"
    for path in files:
        real = os.path.realpath(path)
        assert real.startswith(os.path.realpath(out_dir) + os.sep)  # nothing outside the target
        name = os.path.basename(path)
        assert name.split(".")[0].lower() not in RESERVED
        for title in HOSTILE_TITLES:
            if len(title) > 4:
                assert title not in path
        assert "Evil" not in path and "passwd" not in path
    assert not any(p.name.endswith(".tmp") for p in out_dir.rglob("*"))  # the staging is gone


def test_brat_zip_entries_are_plain_relative_names(tmp_path, hostile_corpus):
    target = tmp_path / "brat.zip"
    export_corpus(hostile_corpus, target, "brat")
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
    assert names
    for name in names:
        assert not name.startswith(("/", "\\")) and ".." not in name.split("/") and ":" not in name
        assert name.split("/")[-1].split(".")[0].lower() not in RESERVED


def test_json_formats_escape_hostile_text(tmp_path, hostile_corpus):
    for fmt in ("jsonl", "doccano", "prodigy", "hf"):
        target = tmp_path / f"{fmt}.jsonl"
        export_corpus(hostile_corpus, target, fmt)
        records = [json.loads(line) for line in target.read_text(encoding="utf-8").split("\n") if line]
        assert records
    native = [json.loads(line) for line in (tmp_path / "jsonl.jsonl").read_text(encoding="utf-8").split("\n") if line]
    assert [r["title"] for r in native] == [
        t.replace("\x00", "").strip() or r["title"] for t, r in zip(HOSTILE_TITLES, native, strict=True)
    ]
    assert all(r["spans"][0]["note"] == "=HYPERLINK(\"x\")\n@note" for r in native)
    for fmt, ext in (("labelstudio", ".json"), ("w3c", ".jsonld")):
        target = tmp_path / f"{fmt}{ext}"
        export_corpus(hostile_corpus, target, fmt)
        json.loads(target.read_text(encoding="utf-8"))


def _cells(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def test_csv_cells_never_start_a_formula(tmp_path, hostile_corpus):
    target = tmp_path / "out.csv"
    export_corpus(hostile_corpus, target, "csv")
    header, *rows = _cells(target)
    assert len(rows) == 2 * len(HOSTILE_TITLES)
    for row in rows:
        for cell in row:
            assert not cell.startswith(_FORMULA_STARTS), row
    assert any(cell == "'=SUM(A1)" for row in rows for cell in row)  # kept, but inert


@FUZZ
@given(title=st.text(min_size=1, max_size=30).filter(lambda t: t.strip() and "\x00" not in t),
       note=st.text(max_size=30), prefix=st.sampled_from(["=", "+", "-", "@", "\t", "\r", "", " ="]))
@example(title="0", note="", prefix="\r")  # a bare CR in a cell once went out unquoted and split the row
def test_csv_is_formula_safe_for_any_text(tmp_path_factory, title, note, prefix):
    with open_corpus(None) as corpus:
        text = f"{prefix}Foshan and more text.\n"
        if not text.strip():
            return
        article = corpus.articles.add(prefix + title, text)
        start = len(prefix)
        corpus.annotations.add(
            Annotation(None, article.id, 1, start, start + 6, "Foshan", prefix + "mei", prefix + note)
        )
        target = tmp_path_factory.mktemp("csv") / "out.csv"
        export_corpus(corpus, target, "csv")
    header, *rows = _cells(target)
    assert len(rows) == 1
    for cell in rows[0]:
        assert not cell.startswith(_FORMULA_STARTS)
