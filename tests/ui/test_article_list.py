"""The article list is an item model over the store that loads rows lazily."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.store import open_corpus
from annotator.ui.models.article_list import CACHE_ROWS, PAGE, ArticleListModel

N = 100_000


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.db"
    with open_corpus(path) as corpus:
        corpus.db.conn.executemany(
            "INSERT INTO articles (title, text, content_hash, created, updated) VALUES (?, ?, ?, '', '')",
            ((f"Article {i} about Foshan" if i % 10 == 0 else f"Article {i}", f"text {i}", f"h{i}") for i in range(N)),
        )
        corpus.db.conn.commit()
    return path


def test_rows_load_lazily(big_corpus):
    corpus = open_corpus(big_corpus)
    queries = []
    corpus.db.conn.set_trace_callback(
        lambda sql: queries.append(sql) if "count(*)" in sql and "annotations" in sql else None
    )
    model = ArticleListModel(corpus)
    assert model.rowCount() == N
    assert queries == []  # no row was read yet
    assert model.data(model.index(50_000, 0)) == "Article 50000 about Foshan"
    assert len(queries) == 1 and len(model._cache) == PAGE
    for row in range(0, N, 997):
        model.data(model.index(row, 0))
    assert len(model._cache) <= CACHE_ROWS
    model.set_filter("Foshan")
    assert model.rowCount() == N // 10
    corpus.close()


def test_model_follows_status_and_counts(qtmodeltester, tmp_path):
    with open_corpus(tmp_path / "c.db") as corpus:
        a = corpus.articles.add("One", "Foshan text")
        corpus.articles.add("Two", "Other text")
        model = ArticleListModel(corpus)
        qtmodeltester.check(model)
        assert [model.data(model.index(0, c)) for c in range(3)] == ["One", "New", 0]
        changed = []
        model.dataChanged.connect(lambda tl, br: changed.append(tl.row()))
        corpus.articles.set_status(a.id, "done")
        model.article_changed(a.id)
        assert changed == [0] and model.data(model.index(0, 1)) == "Done"
        assert model.data(model.index(0, 2), Qt.ItemDataRole.TextAlignmentRole)

