"""The store checks spans against article text it caches; a reused article id must not fool it."""

import pytest

from annotator.core.model import Annotation
from annotator.store import InvalidAnnotationError, open_corpus


def test_a_reused_article_id_is_checked_against_its_new_text(tmp_path):
    with open_corpus(tmp_path / "c.db") as corpus:
        label = corpus.labels.list()[0].id
        old = corpus.articles.add("Old", "Foshan hosts Midea.")
        corpus.annotations.add(Annotation(None, old.id, label, 0, 6, "Foshan", "ann"))
        corpus.articles.delete(old.id)
        new = corpus.articles.add("New", "Guangzhou is larger.")
        assert new.id == old.id  # SQLite hands the id out again
        with pytest.raises(InvalidAnnotationError, match="differs"):
            corpus.annotations.add(Annotation(None, new.id, label, 0, 6, "Foshan", "ann"))
        stored = corpus.annotations.add(Annotation(None, new.id, label, 0, 9, "Guangzhou", "ann"))
        assert stored.text == "Guangzhou"


def test_an_article_replaced_by_another_connection_is_noticed(tmp_path):
    path = tmp_path / "c.db"
    with open_corpus(path) as first, open_corpus(path) as second:
        label = first.labels.list()[0].id
        art = first.articles.add("Old", "Foshan hosts Midea.")
        first.annotations.add(Annotation(None, art.id, label, 0, 6, "Foshan", "ann"))
        second.articles.delete(art.id)
        again = second.articles.add("New", "Zhaoqing signs.")
        assert again.id == art.id
        with pytest.raises(InvalidAnnotationError):
            first.annotations.add(Annotation(None, art.id, label, 0, 6, "Foshan", "ann"))
        assert first.annotations.add(Annotation(None, art.id, label, 0, 8, "Zhaoqing", "ann")).text == "Zhaoqing"


def test_an_annotator_id_cached_before_a_restore_by_another_program_is_not_reused(tmp_path, monkeypatch):
    from annotator.store.backup import create_backup, restore_backup

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = tmp_path / "c.db"
    with open_corpus(path) as corpus:
        article = corpus.articles.add("Foshan", "Foshan hosts Midea.")
    empty = create_backup(path)  # no annotator yet
    with open_corpus(path) as window:
        label = window.labels.list()[0].id
        window.annotations.add(Annotation(None, article.id, label, 0, 6, "Foshan", "zed"))  # zed: id 1, cached
        restore_backup(empty, path)  # another program restores the backup
        with open_corpus(path) as other:
            other.annotations.add(Annotation(None, article.id, label, 13, 18, "Midea", "yan"))  # yan: id 1 now
        stored = window.annotations.add(Annotation(None, article.id, label, 0, 6, "Foshan", "zed"))
        assert window.annotations.get(stored.id).annotator == "zed"
    with open_corpus(path) as check:
        assert sorted((a.text, a.annotator) for a in check.annotations.for_article(article.id)) == [
            ("Foshan", "zed"), ("Midea", "yan")
        ]


def test_the_review_context_follows_an_article_id_that_came_back_with_other_text(tmp_path):
    path = tmp_path / "c.db"
    with open_corpus(path) as window, open_corpus(path) as other:
        article = window.articles.add("Old", "Foshan hosts Midea.")
        window.annotations.add(Annotation(None, article.id, 1, 0, 6, "Foshan", "ann"))
        assert window.review.page()[0].right == " hosts Midea."  # the text is cached now
        other.articles.delete(article.id)  # another program replaces the article under the same id
        again = other.articles.add("New", "Foshan signs with Gree.")
        assert again.id == article.id
        other.annotations.add(Annotation(None, again.id, 1, 0, 6, "Foshan", "ann"))
        assert window.review.page()[0].right == " signs with Gree."
