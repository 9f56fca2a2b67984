import csv
import dataclasses
import io
import json

import pytest

from annotator.core.model import Annotation, Status
from annotator.formats import EXPORTERS
from annotator.store import open_corpus
from tests.formats.corpora import fill


@pytest.fixture
def tricky_db(db, tmp_path):
    with open_corpus(db) as corpus:
        fill(corpus, tmp_path / "sources")
    return db


@pytest.fixture
def many_db(db):
    """Twenty articles, each with one LOCATION span; even ones done."""
    with open_corpus(db) as corpus:
        label = corpus.labels.list()[0]
        for i in range(20):
            a = corpus.articles.add(f"Article {i}", f"Story {i} from Foshan.")
            corpus.annotations.add(
                Annotation(None, a.id, label.id, a.text.index("Foshan"), a.text.index("Foshan") + 6, "Foshan", "mei")
            )
            corpus.articles.set_status(a.id, Status.DONE if i % 2 == 0 else Status.IN_PROGRESS)
    return db


def _jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_help_lists_every_format(cli):
    out = " ".join(cli("export", "--help").stdout.split())
    for name, exp in EXPORTERS.items():
        assert f"{name}: {' '.join(exp.description.split())}" in out


def test_filters_by_status_label_and_annotator(cli, tricky_db, tmp_path):
    out = tmp_path / "x.jsonl"
    result = cli(
        "--db", tricky_db, "export", "--out", out, "--status", "done", "--label", "company,Policy term", "--annotator",
        "alice",
    )
    assert result.exit_code == 0, result.stderr
    records = _jsonl(out)
    assert [r["status"] for r in records] == ["done", "done"]
    spans = [s for r in records for s in r["spans"]]
    assert (
        spans
        and {s["label"] for s in spans} == {"COMPANY", "POLICY_TERM"}
        and {s["annotator"] for s in spans} == {"alice"}
    )
    assert result.stderr == f"Exported 2 articles with {len(spans)} spans to {out}.\n"
    result = cli(
        "--db", tricky_db, "export", "--out", out, "--status", "new", "--status", "in-progress", "--annotator",
        "bob,carol",
    )
    records = _jsonl(out)
    assert [r["status"] for r in records] == ["in_progress", "new"]
    assert {s["annotator"] for r in records for s in r["spans"]} == {"bob"}


def test_split_files_proportions_and_seed(cli, many_db, tmp_path):
    out = tmp_path / "ner.jsonl"
    result = cli("--db", many_db, "export", "--format", "doccano", "--out", out, "--split", "80/10/10", "--seed", "7")
    assert result.exit_code == 0, result.stderr
    parts = {p: [r["id"] for r in _jsonl(tmp_path / f"ner.{p}.jsonl")] for p in ("train", "dev", "test")}
    assert [len(v) for v in parts.values()] == [16, 2, 2]
    assert sorted(sum(parts.values(), [])) == list(range(1, 21))
    assert not out.exists()
    again = tmp_path / "again"
    again.mkdir()
    cli(
        "--db", many_db, "export", "--format", "doccano", "--out",
        again / "ner.jsonl",
        "--split",
        "80/10/10",
        "--seed",
        "7",
    )
    for p in parts:
        assert (again / f"ner.{p}.jsonl").read_bytes() == (tmp_path / f"ner.{p}.jsonl").read_bytes()
    other = tmp_path / "other"
    other.mkdir()
    cli(
        "--db", many_db, "export", "--format", "doccano", "--out",
        other / "ner.jsonl",
        "--split",
        "80/10/10",
        "--seed",
        "8",
    )
    assert [r["id"] for r in _jsonl(other / "ner.test.jsonl")] != parts["test"]


def test_offsets_option(cli, tricky_db, tmp_path):
    u16, cp = tmp_path / "u16.jsonl", tmp_path / "cp.jsonl"
    assert cli("--db", tricky_db, "export", "--format", "doccano", "--out", u16).exit_code == 0
    assert (
        cli("--db", tricky_db, "export", "--format", "doccano", "--out", cp, "--offsets", "codepoints").exit_code == 0
    )
    assert _jsonl(u16)[0]["label"][0] == [0, 15, "POLICY_TERM"] and _jsonl(cp)[0]["label"][0] == [0, 12, "POLICY_TERM"]
    result = cli("--db", tricky_db, "export", "--format", "csv", "--out", tmp_path / "x.csv", "--offsets", "utf16")
    assert (
        result.exit_code == 2 and "the csv format cannot count in utf16 (it has no choice of offsets)" in result.stderr
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["--format", "brat", "--out", "-"], "the brat format writes a folder or a .zip, not standard output"),
        (["--out", "-", "--split", "50/50"], "a split writes one file per part"),
        (["--out", "x.jsonl", "--split", "80/30"], "The split must add up to 100 %, not 110 %."),
        (["--out", "x.jsonl", "--split", "0/100"], "A split needs at least a train and a dev part."),
        (["--out", "x.jsonl", "--split", "100/0/0"], "A split needs at least a train and a dev part."),
        (["--out", "x.jsonl", "--split", "eighty"], "A split looks like 80/10/10"),
        (["--out", "x.jsonl", "--status", "finished"], "'finished' is not a status; use new, in_progress, done"),
        (
            ["--out", "x.jsonl", "--label", "PERSON"],
            "no label 'PERSON' in this corpus; its labels are LOCATION, COMPANY, POLICY_TERM",
        ),
        (
            ["--out", "x.jsonl", "--annotator", "zoe"],
            "no annotations by 'zoe' in this corpus; annotators: alice, bob, carol",
        ),
        (["--format", "nope", "--out", "x"], "'nope' is not one of"),
    ],
)
def test_usage_errors_are_one_clear_line(cli, tricky_db, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = cli("--db", tricky_db, "export", *args)
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())
    assert not (tmp_path / "x.jsonl").exists() and not list(tmp_path.glob(".x*"))


def test_a_folder_for_a_file_format(cli, tricky_db, tmp_path):
    result = cli("--db", tricky_db, "export", "--format", "csv", "--out", tmp_path)
    assert result.exit_code == 2 and "is a folder; the csv format writes a file" in result.stderr


def test_warnings_first_twenty_then_a_count(cli, db, tmp_path):
    text = "\n".join(f"line {i}" for i in range(26))
    with open_corpus(db) as corpus:
        a = corpus.articles.add("Lines", text)
        label = corpus.labels.list()[0]
        for i in range(25):  # each span crosses a line break
            start = text.index(f"line {i}\n")
            corpus.annotations.add(
                Annotation(
                    None,
                    a.id,
                    label.id,
                    start,
                    start + len(f"line {i}\nline"),
                    text[start : start + len(f"line {i}\nline")],
                    "mei",
                )
            )
    result = cli("--db", db, "export", "--format", "brat", "--out", tmp_path / "brat.zip")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert len([x for x in lines if x.startswith("warning: article 1, LOCATION")]) == 20
    assert "warning: … and 5 more." in lines
    assert lines[-1].endswith(
        "with 25 spans to " + str(tmp_path / "brat.zip") + ". 25 warnings: spans adjusted or left out."
    )


def test_missing_optional_library_is_named_with_its_extra(cli, tricky_db, tmp_path, monkeypatch):
    def needs_spacy(docs, sink, ctx):
        raise ModuleNotFoundError("No module named 'spacy'", name="spacy")

    monkeypatch.setitem(EXPORTERS, "csv", dataclasses.replace(EXPORTERS["csv"], write=needs_spacy))
    result = cli("--db", tricky_db, "export", "--format", "csv", "--out", tmp_path / "x.csv")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: The csv format needs spacy, which is not installed. "
        "Install it with: pip install 'annotator[spacy]'\n"
    )
    assert not (tmp_path / "x.csv").exists()


def test_stdout_matches_the_file(cli, tricky_db, tmp_path):
    out = tmp_path / "x.csv"
    cli("--db", tricky_db, "export", "--format", "csv", "--out", out)
    result = cli("--db", tricky_db, "export", "--format", "csv", "--out", "-")
    assert result.exit_code == 0 and result.stdout_bytes == out.read_bytes()
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 24
