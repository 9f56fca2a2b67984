import sqlite3

import pytest

from annotator.store import open_corpus
from annotator.store.search import catch_up, index_is_current, search, shape_is_current, unindexed_count

TEXT = (
    "Kuka Robot (Guangdong) Co., Ltd. opened a plant in Foshan.\n"
    "The report on port development. Foshan's port\nis busy.\n"
    "佛山市位于广东省，广州以西。Guangzhou and Guangdong 😀 Foshan"
)


@pytest.fixture
def filled(corpus):
    corpus.articles.add("Foshan visit", TEXT)
    corpus.articles.add("Jiangmen", "Jiangmen port reopened; Foshan traders welcomed it.")
    corpus.articles.add("Elsewhere", "Nothing about the city here, only a reporter.")
    return corpus


def found(corpus, query, **kw):
    page = search(corpus.db, query, **kw)
    return [(r.article_id, [h.text for h in r.hits]) for r in page.results]


def test_whole_words_case_insensitive_with_code_point_offsets(filled):
    page = search(filled.db, "FOSHAN")
    assert [r.article_id for r in page.results] == [1, 2] and page.message is None
    first = page.results[0]
    assert first.in_title and len(first.hits) == 3 and not first.more_hits
    for hit in first.hits:
        assert TEXT[hit.start : hit.end] == hit.text == "Foshan"
    # the last hit comes after an astral emoji: offsets are code points, not UTF-16 units
    assert first.hits[-1].start == TEXT.rindex("Foshan")
    assert first.hits[0].before.endswith("a plant in ") and first.hits[0].after.startswith(".\nThe")
    # "port" is a word of its own, never the end of "report" or "reporter"
    assert found(filled, "port") == [(1, ["port", "port"]), (2, ["port"])]


def test_phrases_span_line_breaks_and_prefixes_cover_the_word(filled):
    assert found(filled, '"port is busy"') == [(1, ["port\nis busy"])]
    assert found(filled, '"port development"') == [(1, ["port development"])]
    assert found(filled, "Guang*") == [(1, ["Guangdong", "Guangzhou", "Guangdong"])]
    assert found(filled, "report*") == [(1, ["report"]), (3, ["reporter"])]


def test_chinese_substrings_short_and_long(filled):
    assert found(filled, "佛山") == [(1, ["佛山"])]  # two characters: shorter than a trigram
    assert found(filled, "广东省") == [(1, ["广东省"])]
    assert found(filled, "广东 佛山") == [(1, ["佛山", "广东"])]


def test_operators(filled):
    assert [a for a, _ in found(filled, "Foshan OR city")] == [1, 2, 3]
    assert [a for a, _ in found(filled, "Foshan NOT Jiangmen")] == [1]
    assert [a for a, _ in found(filled, "(Jiangmen OR Kuka) AND port")] == [1, 2]
    assert [a for a, _ in found(filled, "Foshan AND traders")] == [2]


@pytest.mark.parametrize(
    "query, message",
    [
        ('"', "Type a word to search for."),
        ("(", "Type a word to search for."),
        ("*", "Type a word to search for."),
        ("", "Type a word to search for."),
        ("   ", "Type a word to search for."),
        ("AND", "AND needs a word on each side; searched for AND instead."),
        ("Foshan OR", "OR needs a word on each side; searched for Foshan instead."),
        ("NEAR(", "A '(' is not closed; searched for NEAR instead."),
        ('Foshan "port', "A quote is not closed; searched for Foshan port instead."),
        ("Foshan)", "A ')' has no matching '('; searched for Foshan instead."),
        ("port NOT", "NOT needs a word on each side; searched for port instead."),
        ("a OR", "OR needs a word on each side; searched for a instead."),
    ],
)
def test_hostile_input_gives_a_message_never_an_error(filled, query, message):
    page = search(filled.db, query)
    assert page.message == message


def test_hostile_input_still_finds_the_words(filled):
    assert [a for a, _ in found(filled, "Foshan OR")] == [1, 2]
    assert found(filled, "AND") == [(1, ["and"])]
    assert found(filled, 'Foshan "port') == [
        (1, ["Foshan", "port", "Foshan", "port", "Foshan"]),
        (2, ["port", "Foshan"]),
    ]
    assert found(filled, "'; DROP TABLE articles; --") == []
    assert filled.articles.count() == 3


def test_pages(filled):
    page = search(filled.db, "Foshan", limit=1)
    assert [r.article_id for r in page.results] == [1] and page.more
    assert [r.article_id for r in search(filled.db, "Foshan", limit=1, offset=1).results] == [2]
    page = search(filled.db, "Foshan", limit=5, after=page.resume_after)
    assert [r.article_id for r in page.results] == [2] and not page.more
    page = search(filled.db, "Foshan", max_hits=1)
    assert len(page.results[0].hits) == 1 and page.results[0].more_hits


def test_index_keeps_up_with_imports_and_deletions(filled):
    assert found(filled, "Heshan") == []
    article = filled.articles.add("New", "Heshan opens a logistics hub.")
    assert found(filled, "Heshan") == [(article.id, ["Heshan"])]
    filled.articles.delete(article.id)
    assert found(filled, "Heshan") == []
    assert index_is_current(filled.db)


def _as_if_before_m005(path):
    """Make the file look as if written before migration m005 (which keeps the index in shape)."""
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_fulltext_shape'")
    conn.commit()
    conn.close()


def test_a_missing_index_is_created_by_migration_and_catches_up_at_the_first_search(tmp_path):
    path = tmp_path / "c.db"
    with open_corpus(path) as corpus:
        corpus.articles.add("A", "Foshan and Heshan.")
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE articles_fts")
    conn.commit()
    conn.close()
    _as_if_before_m005(path)
    with open_corpus(path) as corpus:
        assert unindexed_count(corpus.db) == 1 and not index_is_current(corpus.db)
        assert found(corpus, "Heshan") == [(1, ["Heshan"])]
        assert index_is_current(corpus.db)
    # rows written by another program are indexed by the next search
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO articles (title, text, content_hash, created, updated) "
        "VALUES ('B', 'Jiangmen port.', 'h', 'x', 'x')"
    )
    conn.commit()
    conn.close()
    with open_corpus(path) as corpus:
        assert unindexed_count(corpus.db) == 1
        assert found(corpus, "Jiangmen") == [(2, ["Jiangmen"])]
        assert shape_is_current(corpus.db) and index_is_current(corpus.db)


def test_opening_never_rebuilds_the_index_and_search_works_without_one(tmp_path):
    path = tmp_path / "c.db"
    with open_corpus(path) as corpus:
        corpus.articles.add("A", "Foshan and Heshan.")
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE articles_fts")  # another program's doing, after every migration
    conn.commit()
    conn.close()
    with open_corpus(path) as corpus:
        assert not corpus.db["articles_fts"].exists()  # the schema changes only by migration
        assert found(corpus, "Heshan") == [(1, ["Heshan"])]  # read from the articles themselves


def test_imports_do_not_index_and_catch_up_indexes_in_chunks(corpus):
    for i in range(7):
        corpus.articles.add(f"T{i}", f"Article {i} about Zhaoqing number {i}.")
    assert unindexed_count(corpus.db) == 7
    assert catch_up(corpus.db, limit=3) == 3 and unindexed_count(corpus.db) == 4
    assert catch_up(corpus.db) == 4 and catch_up(corpus.db) == 0
    assert [r.article_id for r in search(corpus.db, "Zhaoqing").results] == list(range(1, 8))


def test_catching_up_reads_on_from_the_newest_indexed_article_never_from_the_start(corpus):
    from annotator.store.search import _NEXT_ABOVE

    plan = " ".join(row[-1] for row in corpus.db.execute("EXPLAIN QUERY PLAN " + _NEXT_ABOVE, [100]))
    assert "SEARCH articles USING INTEGER PRIMARY KEY (rowid>?)" in plan, plan
    assert "SCAN articles" not in plan, plan


def test_catching_up_still_finds_articles_missing_below_the_newest_indexed_one(corpus):
    for i in range(6):
        corpus.articles.add(f"T{i}", f"Article {i} about Heshan number {i}.")
    catch_up(corpus.db)
    title, text = corpus.db.execute("SELECT title, text FROM articles WHERE id = 3").fetchone()
    corpus.db.execute(  # a file written by other means: an old article out of the index
        "INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', 3, ?, ?)", [title, text]
    )
    assert unindexed_count(corpus.db) == 1
    assert catch_up(corpus.db) == 1 and unindexed_count(corpus.db) == 0 and catch_up(corpus.db) == 0
    assert [r.article_id for r in search(corpus.db, "Heshan").results] == list(range(1, 7))
    corpus.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")


def test_deleting_an_article_never_indexed_leaves_the_index_sound(corpus):
    kept = corpus.articles.add("Kept", "Heshan rail line.")
    catch_up(corpus.db)
    fresh = corpus.articles.add("Fresh", "Heshan port, never indexed.")
    corpus.articles.delete(fresh.id)  # the delete trigger must not take it out of the index
    again = corpus.articles.add("Again", "Jiangmen logistics.")  # may reuse the id
    assert found(corpus, "Heshan") == [(kept.id, ["Heshan"])]
    assert found(corpus, "Jiangmen") == [(again.id, ["Jiangmen"])]
    corpus.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")


def test_a_read_only_corpus_searches_articles_not_yet_indexed(tmp_path):
    path = tmp_path / "c.db"
    with open_corpus(path) as corpus:
        corpus.articles.add("A", "Foshan and Heshan.")
        catch_up(corpus.db)
        corpus.articles.add("B", "Heshan again.")
    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        from sqlite_utils import Database

        page = search(Database(reader), "Heshan")
        assert [r.article_id for r in page.results] == [1, 2]
    finally:
        reader.close()


def test_a_budget_stops_early_and_resumes_where_it_stopped(filled):
    filled.articles.add("Later", "The port of Heshan.")
    # "reporter" in article 3 holds "port", so the index offers it; a budget of one candidate stops there
    page = search(filled.db, "port", budget=2)
    assert [r.article_id for r in page.results] == [1, 2] and page.resume_after == 2 and page.searched == 2
    page = search(filled.db, "port", budget=1, after=page.resume_after)
    assert page.results == [] and page.resume_after == 3 and page.searched == 1
    page = search(filled.db, "port", budget=1, after=page.resume_after)
    assert [r.article_id for r in page.results] == [4] and not page.more


def test_an_index_of_another_shape_is_replaced_by_migration(tmp_path):
    path = tmp_path / "c.db"
    with open_corpus(path) as corpus:
        corpus.articles.add("A", "Foshan and Heshan.")
        assert corpus.db["articles"].detect_fts() == "articles_fts"  # sqlite-utils sees it as its own
        corpus.db.execute("DROP TABLE articles_fts")
        corpus.db["articles"].enable_fts(["title", "text"], tokenize="trigram", replace=True)  # positions kept
        corpus.db.conn.commit()
        assert not index_is_current(corpus.db)
    _as_if_before_m005(path)
    with open_corpus(path) as corpus:
        assert unindexed_count(corpus.db) == 1  # replaced by an empty index of the right shape
        assert (
            "detail='none'"
            in corpus.db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
        )
        assert found(corpus, "Heshan") == [(1, ["Heshan"])]
        assert index_is_current(corpus.db)
