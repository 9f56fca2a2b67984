"""User text (filters, label names, notes) is data, never SQL, and comes back exactly as given."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from annotator.core.model import Annotation, Label
from annotator.formats import export_corpus
from annotator.store import CorpusError, open_corpus
from tests.fuzz.conftest import FUZZ

SQL_LOOKING = [
    "'; DROP TABLE articles; --",
    "\" OR 1=1 --",
    "') OR ('1'='1",
    "%",
    "_",
    "%_%",
    "\\",
    "\\%",
    "' UNION SELECT text, text, text, 1 FROM articles --",
    "*",
    "\x00",
    "; PRAGMA writable_schema=1;",
    "foshan",
    "ESCAPE '\\'",
]

TITLES = [
    "Robert'); DROP TABLE articles;--",
    "100% of Foshan",
    "a_b and a-b",
    "back\\slash title",
    "Plain Foshan news",
    "佛山 新闻 𠀀",
    "UNION SELECT in a title",
]


def _ascii_lower(s: str) -> str:
    return "".join(c.lower() if c.isascii() else c for c in s)  # SQLite LIKE folds ASCII case only


@pytest.fixture(scope="module")
def corpus():
    c = open_corpus(None)
    for i, title in enumerate(TITLES):
        c.articles.add(title, f"Article text number {i}.\n")
    yield c
    c.close()


def _expected(filter_text: str) -> list[int]:
    filter_text = filter_text.split("\x00")[0]  # SQLite reads a text parameter up to its first NUL
    return (
        [i + 1 for i, t in enumerate(TITLES) if _ascii_lower(filter_text) in _ascii_lower(t)]
        if filter_text
        else list(range(1, len(TITLES) + 1))
    )


@pytest.mark.parametrize("text", SQL_LOOKING)
def test_sql_looking_filters_match_literally(corpus, text):
    assert corpus.articles.ids(text) == _expected(text)
    assert corpus.articles.count(text) == len(_expected(text))
    assert corpus.articles.count() == len(TITLES)  # nothing dropped, nothing injected
    assert corpus.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@FUZZ
@given(text=st.text(max_size=30) | st.sampled_from(SQL_LOOKING).map(lambda s: s * 2))
@example(text="0\x00")  # LIKE would read the pattern "%0" (ends with 0) and miss "100% of Foshan"
def test_any_filter_text_is_a_literal_substring(corpus, text):
    assert corpus.articles.ids(text) == _expected(text)


_any_text = st.text(st.characters(), min_size=1, max_size=300) | st.text(min_size=2000, max_size=20_000).filter(
    lambda t: t.strip()
)


@FUZZ
@given(name=_any_text | st.just("Ctrl\x01\x07\x1b[31m red \u202e\u200b\ufeff"))
def test_label_names_are_kept_exactly_or_refused_clearly(name):
    with open_corpus(None) as corpus:
        try:
            stored = corpus.labels.add(Label(None, name, "CUSTOM", "#123456"))
        except CorpusError as exc:
            assert str(exc).strip()
            return
        assert stored.name == name.strip()
        assert corpus.labels.get(stored.id).name == name.strip()


@FUZZ
@given(note=_any_text | st.just("=HYPERLINK(\"http://x\")\r\n\x00\u2028\u2029 tab\t"))
def test_notes_are_stored_and_exported_exactly_or_refused_clearly(note):
    with open_corpus(None) as corpus:
        article = corpus.articles.add("Foshan", "Midea is in Foshan.\n")
        try:
            stored = corpus.annotations.add(Annotation(None, article.id, 1, 12, 18, "Foshan", "mei", note))
        except CorpusError as exc:
            assert str(exc).strip()
            return
        assert corpus.annotations.get(stored.id).note == note
        out = io.StringIO()
        export_corpus(corpus, out, "jsonl")
        lines = out.getvalue().split("\n")
        assert len(lines) == 2 and lines[1] == ""  # a newline inside a note never splits a JSONL record
        [span] = json.loads(lines[0])["spans"]
        assert span["note"] == note


@FUZZ
@given(
    name=st.text(st.characters(), min_size=1, max_size=40), annotator=st.text(st.characters(), min_size=1, max_size=60)
)
def test_annotator_names_are_kept_exactly(name, annotator):
    with open_corpus(None) as corpus:
        article = corpus.articles.add("Foshan", "Midea is in Foshan.\n")
        try:
            corpus.annotations.add(Annotation(None, article.id, 1, 12, 18, "Foshan", annotator))
        except CorpusError as exc:
            assert str(exc).strip()
            return
        out = io.StringIO()
        export_corpus(corpus, out, "jsonl")
        assert json.loads(out.getvalue())["spans"][0]["annotator"] == annotator


QUERY_SOUP = st.lists(st.sampled_from([
    '"', "(", ")", "AND", "OR", "NOT", "*", "NEAR", "^", ":", "-", "+", "'", ";", "--", "DROP TABLE articles",
    "Foshan", "佛山", "𠀀", "title:", "{", "}", "\\", "%", "_", " ", "NEAR(a b)", "\x00", "[", "]",
]), max_size=12).map(" ".join)


@pytest.fixture(scope="module")
def annotated():
    c = open_corpus(None)
    for i, title in enumerate(TITLES):
        article = c.articles.add(title, f"Foshan 佛山 report {i}: Midea (Shunde) 'quoted' \"double\" 100% a_b.\n")
        c.annotations.add(Annotation(None, article.id, 1, 0, 6, "Foshan", "mei"))
    yield c
    c.close()


@FUZZ
@given(query=st.text(max_size=40) | QUERY_SOUP)
@example(query='00\x00')  # a NUL once cut the FTS5 query in two: "unterminated string"
def test_corpus_search_never_raises_for_any_query(annotated, query):
    from annotator.store.search import search

    page = search(annotated.db, query)  # results or a message, never an exception
    assert page is not None
    assert annotated.articles.count() == len(TITLES)


@FUZZ
@given(text=st.text(max_size=30) | QUERY_SOUP, regex=st.booleans())
def test_review_text_filter_is_a_value_or_a_clear_error(annotated, text, regex):
    from annotator.store.review import ReviewFilter, ReviewQueryError

    try:
        n = annotated.review.count(ReviewFilter(text=text, regex=regex))
    except ReviewQueryError as exc:
        assert regex and str(exc).startswith("Invalid regular expression")
        return
    assert 0 <= n <= len(TITLES)
    assert annotated.annotations.count() == len(TITLES)
