import json

import pytest

from annotator.core.model import Annotation, Status
from annotator.store import open_corpus

TEXT = (
    "Greater Bay Area\n\nFoshan opens a lab\n\n"
    "Foshan (佛山) and Midea Group agreed on high-quality development. "
    "The FOSHAN plan follows the village-level industrial park renovation.\n\nSource: south cn\n"
)


@pytest.fixture
def filled(db):
    with open_corpus(db) as corpus:
        a = corpus.articles.add("Foshan opens a lab", TEXT, meta={"section": "Greater Bay Area"})
        b = corpus.articles.add("Jiangmen port", "Jiangmen port reopened; Foshan traders welcomed it.")
        tags = {label.tag: label.id for label in corpus.labels.list()}

        def span(article, text, tag, needle, who, note=None, nth=0):
            start = -1
            for _ in range(nth + 1):
                start = text.index(needle, start + 1)
            return Annotation(None, article.id, tags[tag], start, start + len(needle), needle, who, note)

        corpus.annotations.add_many(
            [
                span(a, TEXT, "LOCATION", "Foshan", "alice", nth=1),
                span(a, TEXT, "COMPANY", "Midea Group", "bob", note="check the legal name"),
                span(a, TEXT, "POLICY_TERM", "high-quality development", "alice"),
                span(b, b.text, "LOCATION", "Jiangmen", "bob"),
            ]
        )
        corpus.layers.set_status(b.id, Status.DONE, "bob")
    return db


def test_stats_table(cli, filled):
    result = cli("--db", filled, "--annotator", "bob", "stats")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"Corpus: {filled}"
    progress = lines.index("Progress")
    lines, table = lines[: progress - 1], lines[progress + 1 :]
    body = [" ".join(line.split()) for line in lines[2:]]
    assert body == [
        "Articles (status for bob) 2",
        "New 0",
        "In progress 1",
        "Done 1",
        "",
        "Annotations 4",
        "Location (LOCATION) 2",
        "Company (COMPANY) 1",
        "Policy term (POLICY_TERM) 1",
        "",
        "Annotators 2",
        "alice 2",
        "bob 2",
    ]
    # numbers are right-aligned in one column
    assert len({len(line) for line in lines[2:] if line.strip()}) == 1
    assert [line.split() for line in table] == [
        ["Analyst", "Assigned", "New", "In", "progress", "Done", "Annotations"],
        ["alice", "–", "–", "1", "0", "2"],
        ["bob", "–", "–", "1", "1", "2"],
    ]


def test_stats_json(cli, filled):
    stats = json.loads(cli("--db", filled, "--annotator", "bob", "stats", "--json").stdout)
    assert stats["articles_by_status"] == {"new": 0, "in_progress": 1, "done": 1}
    assert stats["annotations_by_annotator"] == {"alice": 2, "bob": 2}
    # each analyst's own status: alice has one article in progress, none done; someone else none at all
    alice = json.loads(cli("--db", filled, "--annotator", "alice", "stats", "--json").stdout)
    assert alice["articles_by_status"] == {"new": 1, "in_progress": 1, "done": 0}
    wu = json.loads(cli("--db", filled, "--annotator", "wu", "stats", "--json").stdout)
    assert wu["articles_by_status"] == {"new": 2, "in_progress": 0, "done": 0}
    progress = {p["annotator"]: (p["in_progress"], p["done"]) for p in stats["progress"]}
    assert progress == {"alice": (1, 0), "bob": (1, 1)}


def test_export_to_file_and_stdout(cli, filled, tmp_path):
    out = tmp_path / "export.jsonl"
    result = cli("--db", filled, "export", "--out", out)
    assert result.exit_code == 0 and result.stderr == f"Exported 2 articles with 4 spans to {out}.\n"
    from_file = out.read_text(encoding="utf-8")
    result = cli("--db", filled, "export", "--format", "jsonl", "--out", "-")
    assert result.exit_code == 0 and result.stdout == from_file
    records = [json.loads(line) for line in from_file.splitlines()]
    assert [r["id"] for r in records] == [1, 2]
    for r in records:
        for s in r["spans"]:
            assert r["text"][s["start"] : s["end"]] == s["text"]
    assert records[0]["spans"][1] == {
        "start": TEXT.index("Midea"), "end": TEXT.index("Midea") + 11, "label": "COMPANY",
        "text": "Midea Group", "annotator": "bob", "note": "check the legal name",
    }


def test_export_errors(cli, filled, tmp_path):
    result = cli("--db", filled, "export", "--out", tmp_path / "missing" / "x.jsonl")
    assert result.exit_code == 1
    assert result.stderr == f"Error: No such file or directory ({tmp_path / 'missing' / 'x.jsonl'}).\n"
    result = cli("--db", filled, "export", "--out", tmp_path)
    assert result.exit_code == 2  # click refuses a folder for --out
    assert cli("--db", filled, "export", "--format", "no-such-format", "--out", "-").exit_code == 2
    assert cli("--db", filled, "export").exit_code == 2


def _rows(stdout: str) -> list[list[str]]:
    return [line.split(None, 3) for line in stdout.splitlines()[1:]]


def test_search_finds_text_with_its_labels(cli, filled):
    result = cli("--db", filled, "search", "foshan")
    assert result.exit_code == 0
    rows = _rows(result.stdout)
    second = TEXT.index("Foshan", TEXT.index("Foshan") + 1)
    third = TEXT.index("FOSHAN")
    assert [r[:3] for r in rows] == [
        ["1", f"{TEXT.index('Foshan')}-{TEXT.index('Foshan') + 6}", "-"],
        ["1", f"{second}-{second + 6}", "LOCATION"],
        ["1", f"{third}-{third + 6}", "-"],
        ["2", "24-30", "-"],
    ]
    assert rows[1][3].startswith("…") and "[Foshan] (佛山) and Midea" in rows[1][3]
    assert result.stderr == "4 matches.\n"


def test_search_by_label_and_limit(cli, filled):
    result = cli("--db", filled, "search", "Foshan", "--label", "location")
    assert [r[2] for r in _rows(result.stdout)] == ["LOCATION"]
    result = cli("--db", filled, "search", "Foshan", "--limit", "2")
    assert len(_rows(result.stdout)) == 2
    assert result.stderr == "2 matches. More not shown; raise --limit to see them.\n"
    result = cli("--db", filled, "search", "100%_sure")
    assert result.stdout == "" and result.stderr == "0 matches.\n"
    result = cli("--db", filled, "search", "x", "--label", "PERSON")
    assert result.exit_code == 1
    assert result.stderr == "Error: No label with tag 'PERSON'. Tags: LOCATION, COMPANY, POLICY_TERM.\n"
    assert cli("--db", filled, "search", "  ").exit_code == 2


def test_review_lists_and_filters_annotations(cli, filled):
    result = cli("--db", filled, "review")
    lines = result.stdout.splitlines()
    assert [h.strip() for h in lines[0].split("  ") if h.strip()] == [
        "Text", "Label", "In context", "Article", "Annotator", "Last change", "Reviewed"]
    assert len(lines) == 5 and result.stderr == "4 annotations.\n"
    assert lines[2].startswith("Midea Group") and "Company" in lines[2] and "bob" in lines[2]
    assert "1 Foshan opens a lab" in lines[1]
    data = json.loads(cli("--db", filled, "review", "--annotator", "bob", "--json").stdout)
    assert [(r["article_id"], r["text"], r["note"]) for r in data] == [
        (1, "Midea Group", "check the legal name"), (2, "Jiangmen", None)]
    result = cli("--db", filled, "review", "--label", "LOCATION", "--article", "2")
    assert len(result.stdout.splitlines()) == 2 and "Jiangmen" in result.stdout
    result = cli("--db", filled, "review", "--annotator", "nobody")
    assert result.stdout == "" and result.stderr == "0 annotations.\n"
    result = cli("--db", filled, "review", "--article", "99")
    assert result.exit_code == 1 and result.stderr == "Error: No article with id 99.\n"


def test_token_exports_say_which_tokenizer_they_used(cli, filled, tmp_path):
    result = cli("--db", filled, "export", "--format", "conll", "--out", tmp_path / "x.conll")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[-1].startswith("Exported 2 articles")
    assert any(line.startswith("Tokens: ") and "sentences" in line for line in lines[:-1])
    jsonl = cli("--db", filled, "export", "--format", "jsonl", "--out", tmp_path / "x.jsonl")
    assert not any(line.startswith("Tokens: ") for line in jsonl.stderr.splitlines())
