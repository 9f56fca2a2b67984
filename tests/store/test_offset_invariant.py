import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import Annotation
from annotator.store import (
    CorpusError,
    DuplicateArticleError,
    InvalidAnnotationError,
    open_corpus,
)

# any code point but surrogates and NUL (which the store refuses, see below); astral ones included
characters = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r\ufeff")
ASTRAL = st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF, blacklist_categories=("Cs",))


@st.composite
def text_and_span(draw):
    text = draw(st.lists(st.one_of(characters, ASTRAL), min_size=1, max_size=60).map("".join))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, start, end


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text_and_span())
def test_sqlite_substr_and_python_slicing_agree(case):
    text, start, end = case
    conn = sqlite3.connect(":memory:")
    assert conn.execute("SELECT length(?), substr(?, ?, ?)", [text, text, start + 1, end - start]).fetchone() == (
        len(text),
        text[start:end],
    )


@settings(max_examples=100, deadline=None)
@given(text_and_span())
def test_store_accepts_exactly_the_covered_text(case):
    text, start, end = case
    if not text.strip():
        return
    with open_corpus(None) as corpus:
        article = corpus.articles.add("t", text)
        assert article.text == text
        label = corpus.labels.list()[0].id
        stored = corpus.annotations.add(Annotation(None, article.id, label, start, end, text[start:end], "me"))
        assert stored.text == text[start:end] and (stored.start, stored.end) == (start, end)
        wrong = text[start:end] + "x"
        with pytest.raises(InvalidAnnotationError):
            corpus.annotations.add(Annotation(None, article.id, label, start, end, wrong, "me"))
        with pytest.raises(InvalidAnnotationError):
            corpus.annotations.add(Annotation(None, article.id, label, start, len(text) + 1, text[start:], "me"))
        assert corpus.annotations.count(article.id) == 1


def test_refused_update_changes_nothing(corpus):
    article = corpus.articles.add("t", "Foshan and 🏭 Shunde")
    label = corpus.labels.list()[0].id
    a = corpus.annotations.add(Annotation(None, article.id, label, 13, 19, "Shunde", "me"))
    with pytest.raises(InvalidAnnotationError):
        corpus.annotations.update(a.with_changes(start=12))
    assert corpus.annotations.get(a.id).start == 13


def test_article_text_is_normalised_and_deduplicated(corpus):
    a = corpus.articles.add("", "\ufeffLine one\r\nLine two\rLine three")
    assert a.text == "Line one\nLine two\nLine three" and a.title == "Line one"
    with pytest.raises(DuplicateArticleError) as info:
        corpus.articles.add("other title", "Line one\nLine two\nLine three")
    assert info.value.existing_id == a.id


def test_text_with_nul_is_refused(corpus):
    with pytest.raises(CorpusError, match="NUL"):
        corpus.articles.add("t", "before\x00after")
    assert corpus.articles.count() == 0
