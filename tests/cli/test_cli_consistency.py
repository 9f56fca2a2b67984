import json

import pytest

from annotator.core.model import Annotation
from annotator.store import open_corpus

ONE = "Foshan is near Guangzhou. FOSHAN grows.\nMidea Group of Foshan. 佛山市位于广东省。"
TWO = "In Foshan, Midea Group opened. 佛山 and Guangzhou."


@pytest.fixture
def corpus_db(db):
    with open_corpus(db) as corpus:
        a = corpus.articles.add("One", ONE)
        b = corpus.articles.add("Two", TWO)

        def span(article, needle, label, who="mei"):
            s = article.text.index(needle)
            return Annotation(None, article.id, label, s, s + len(needle), needle, who)

        corpus.annotations.add_many(
            [span(a, "Foshan", 1), span(a, "FOSHAN", 2, "li"), span(b, "Foshan", 1), span(b, "Midea Group", 2),
             span(a, "佛山", 1)]
        )
    return db


def test_conflicts_table_and_json(cli, corpus_db):
    result = cli("--db", corpus_db, "review", "--conflicts")
    assert result.exit_code == 0
    assert [" ".join(line.split()) for line in result.stdout.splitlines()] == [
        "Text Annotations Labels",
        "Foshan 3 LOCATION 2, COMPANY 1",
    ]
    assert result.stderr == "1 text labelled in more than one way.\n"
    data = json.loads(cli("--db", corpus_db, "review", "--conflicts", "--json").stdout)
    assert data == [
        {
            "text": "Foshan",
            "key": "foshan",
            "total": 3,
            "variants": ["FOSHAN", "Foshan"],
            "labels": [
                {"label": "Location", "tag": "LOCATION", "count": 2},
                {"label": "Company", "tag": "COMPANY", "count": 1},
            ],
        }
    ]
    assert cli("--db", corpus_db, "review", "--conflicts", "--label", "policy_term").stdout == ""


def test_missed_table_and_json(cli, corpus_db):
    result = cli("--db", corpus_db, "review", "--missed")
    rows = [line.split(None, 3) for line in result.stdout.splitlines()]
    assert rows[0] == ["Article", "Offsets", "Label", "Context"]
    first = ONE.index("Midea")
    assert [r[:3] for r in rows[1:]] == [
        ["1", f"{first}-{first + 11}", "COMPANY"],
        ["1", f"{ONE.rindex('Foshan')}-{ONE.rindex('Foshan') + 6}", "LOCATION"],
        ["2", f"{TWO.index('佛山')}-{TWO.index('佛山') + 2}", "LOCATION"],
    ]
    assert rows[1][3] == "…near Guangzhou. FOSHAN grows. [Midea Group] of Foshan. 佛山市位于广东省。"
    assert result.stderr == "3 missed mentions.\n"
    data = json.loads(cli("--db", corpus_db, "review", "--missed", "--json", "--article", "2").stdout)
    assert data == [{"article_id": 2, "title": "Two", "start": 31, "end": 33, "text": "佛山", "label": "Location",
                     "tag": "LOCATION", "before": "In Foshan, Midea Group opened. ", "after": " and Guangzhou."}]


def test_review_list_json_and_option_errors(cli, corpus_db):
    data = json.loads(cli("--db", corpus_db, "review", "--json", "--annotator", "li").stdout)
    assert len(data) == 1 and data[0]["updated"]
    assert {k: v for k, v in data[0].items() if k not in ("id", "updated", "before", "after")} == {
        "article_id": 1, "title": "One", "start": 26, "end": 32, "tag": "COMPANY", "label": "Company",
        "text": "FOSHAN", "annotator": "li", "note": None, "reviewed_by": None, "reviewed_at": None}
    for args, message in [
        (["--conflicts", "--missed"], "Choose one of --conflicts and --missed."),
        (["--missed", "--annotator", "li"], "--annotator applies only to the list of annotations."),
        (["--conflicts", "--article", "1"], "--article does not apply to --conflicts"),
    ]:
        result = cli("--db", corpus_db, "review", *args)
        assert result.exit_code == 2 and message in result.stderr
    result = cli("--db", corpus_db, "review", "--missed", "--label", "PERSON")
    assert result.exit_code == 1 and "No label with tag 'PERSON'" in result.stderr


@pytest.mark.parametrize("query", ['"', "(", "*", "()", '""'])
def test_search_without_a_word_is_a_usage_error(cli, corpus_db, query):
    result = cli("--db", corpus_db, "search", query)
    assert result.exit_code == 2 and "give a word to search for" in result.stderr


@pytest.mark.parametrize("query, note", [
    ("AND", "AND needs a word on each side; searched for AND instead.\n"),
    ("NEAR(", "A '(' is not closed; searched for NEAR instead.\n"),
    ("Foshan OR", "OR needs a word on each side; searched for Foshan instead.\n"),
])
def test_search_with_broken_syntax_says_how_it_read_it(cli, corpus_db, query, note):
    result = cli("--db", corpus_db, "search", query)
    assert result.exit_code == 0 and result.stderr.startswith(note)


def test_search_phrase_prefix_and_chinese(cli, corpus_db):
    result = cli("--db", corpus_db, "search", '"Midea Group"')
    assert [line.split()[0] for line in result.stdout.splitlines()[1:]] == ["1", "2"]
    result = cli("--db", corpus_db, "search", "Guang*")
    assert result.stderr == "2 matches.\n"
    result = cli("--db", corpus_db, "search", "佛山", "--label", "location")
    assert len(result.stdout.splitlines()) == 2 and "[佛山]市位于" in result.stdout
