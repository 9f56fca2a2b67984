"""Queries built to exhaust the parser: deep parentheses and long chains of operators."""

from __future__ import annotations

import pytest

from annotator.store import open_corpus
from annotator.store.search import MAX_DEPTH, read_query, search


@pytest.fixture
def corpus():
    with open_corpus() as corpus:
        corpus.articles.add("Foshan", "Midea is in Foshan. Gree is in Zhuhai.\n")
        corpus.articles.add("Zhuhai", "Gree is in Zhuhai.\n")
        yield corpus


@pytest.mark.parametrize(
    "query",
    [
        "(" * 400 + "Foshan" + ")" * 400,
        "(" * 5000 + "Foshan",
        "Foshan " + " ".join(["NOT Shenzhen"] * 1000),
        "Foshan " + " ".join(["OR Gree"] * 5000),
        "Foshan " + "AND (" * 300 + "Gree" + ")" * 300,
    ],
)
def test_deep_or_long_queries_answer_never_raise(corpus, query):
    page = search(corpus.db, query)
    assert page.message is None or "instead" in page.message
    assert page.results  # Foshan is found, whether as the query or as its plain words


def test_nesting_within_the_bound_is_a_query_beyond_it_plain_words(corpus):
    inside = "(" * MAX_DEPTH + "Foshan NOT Zhuhai" + ")" * MAX_DEPTH
    assert read_query(inside)[1] is None
    assert search(corpus.db, inside).results == []  # Foshan's article names Zhuhai too
    beyond = "(" * (MAX_DEPTH + 1) + "Foshan" + ")" * (MAX_DEPTH + 1)
    tree, message = read_query(beyond)
    assert "nested" in message and "searched for Foshan instead" in message


def test_a_long_chain_of_not_excludes_every_word(corpus):
    page = search(corpus.db, "Gree " + " ".join(["NOT Nowhere"] * 999) + " NOT Midea")
    assert [r.title for r in page.results] == ["Zhuhai"]


def test_the_window_search_box_takes_a_deep_query(qtbot, corpus):
    from annotator.ui.search.model import SearchResultsModel

    model = SearchResultsModel(corpus)
    model.set_query("(" * 400 + "Foshan" + ")" * 400)
    assert model.message and "instead" in model.message
    assert model.rowCount() > 0


def test_catching_up_sets_the_index_to_merge_sixteen_segments_at_once(tmp_path):
    from annotator.store.search import AUTOMERGE, _automerge, catch_up

    with open_corpus(tmp_path / "c.db") as corpus:
        for i in range(30):
            corpus.articles.add(f"Report {i}", f"Foshan report number {i} about Midea and Shunde.")
        assert _automerge(corpus.db) != AUTOMERGE
        assert catch_up(corpus.db) == 30
        assert _automerge(corpus.db) == AUTOMERGE
        assert len(search(corpus.db, "Shunde").results) == 30
    with open_corpus(tmp_path / "c.db") as corpus:  # kept in the file
        assert _automerge(corpus.db) == AUTOMERGE
        corpus.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")


def test_an_index_with_nothing_to_catch_up_is_not_written(tmp_path):
    from annotator.store.search import AUTOMERGE, _automerge, catch_up

    with open_corpus(tmp_path / "c.db") as corpus:
        assert catch_up(corpus.db) == 0
        assert _automerge(corpus.db) != AUTOMERGE  # a corpus only read (searched) stays as it was
        changes = corpus.db.conn.total_changes
        assert catch_up(corpus.db) == 0
        assert corpus.db.conn.total_changes == changes
