import pytest

from annotator.core.model import Annotation
from annotator.store import NotFoundError
from annotator.store import consistency as C

LOC, COM, POL = 1, 2, 3
ONE = "Foshan is near Guangzhou. FOSHAN grows.\nMidea Group of Foshan. 佛山市位于广东省。"
TWO = "In Foshan, Midea  Group opened. Foshanese food. 佛山 and Guangzhou. Foshan"


def span(article, needle, label, nth=0, who="mei"):
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(needle, start + 1)
    return Annotation(None, article.id, label, start, start + len(needle), needle, who)


@pytest.fixture
def two(corpus):
    a = corpus.articles.add("One", ONE)
    b = corpus.articles.add("Two", TWO)
    corpus.annotations.add_many(
        [
            span(a, "Foshan", LOC),
            span(a, "FOSHAN", COM),
            span(b, "Foshan", LOC, nth=2),
            span(b, "Midea  Group", COM),
            span(a, "佛山", LOC),
            span(b, "Guangzhou", LOC),
        ]
    )
    return corpus, a, b


def test_text_key_folds_case_and_whitespace():
    assert C.text_key("Midea \n Group") == C.text_key("MIDEA GROUP") == "midea group"


def test_conflicts_list_each_label_with_its_count(two):
    corpus, a, b = two
    groups = C.conflicts(corpus)
    assert [(g.key, g.total, [(c.label_id, c.count) for c in g.labels]) for g in groups] == [
        ("foshan", 3, [(LOC, 2), (COM, 1)])
    ]
    assert groups[0].majority == LOC and groups[0].text == "Foshan"
    assert set(groups[0].variants) == {"Foshan", "FOSHAN"}


def test_make_consistent_relabels_every_spelling_and_undoes(two):
    corpus, a, b = two
    done = C.make_consistent(corpus, "foshan", COM)
    assert sorted(after.label_id for _, after in done.changed) == [COM, COM] and done.removed == ()
    labels = {x.text: x.label_id for x in corpus.annotations.for_article(a.id)}
    assert labels["Foshan"] == labels["FOSHAN"] == COM
    assert C.conflicts(corpus) == []
    C.undo_consistent(corpus, done)
    assert [(c.label_id, c.count) for c in C.conflicts(corpus)[0].labels] == [(LOC, 2), (COM, 1)]
    C.redo_consistent(corpus, done)
    assert C.conflicts(corpus) == []
    with pytest.raises(NotFoundError):
        C.make_consistent(corpus, "foshan", 99)


def test_make_consistent_drops_a_span_that_would_carry_a_label_twice(two):
    corpus, a, b = two
    twin = corpus.annotations.add(span(a, "Foshan", COM))  # the same span labelled twice
    done = C.make_consistent(corpus, "foshan", LOC)
    assert [x.id for x in done.removed] == [twin.id]
    assert [x.label_id for x in corpus.annotations.for_article(a.id) if x.text.lower() == "foshan"] == [LOC, LOC]
    C.undo_consistent(corpus, done)
    assert twin in corpus.annotations.for_article(a.id)


def test_missed_mentions_are_whole_words_not_covered(two):
    corpus, a, b = two
    found = [(m.article_id, m.text, m.label_id) for m in C.missed_mentions(corpus)]
    assert found == [
        (a.id, "Guangzhou", LOC),
        (a.id, "Midea Group", COM),  # "Midea  Group" was labelled: any spacing, any case
        (a.id, "Foshan", LOC),  # the most used label for the text
        (b.id, "Foshan", LOC),  # "Foshanese" is not a whole word
        (b.id, "佛山", LOC),  # no spaces in Chinese: an ideograph is a word edge
    ]
    m = C.missed_mentions(corpus)[0]
    assert ONE[m.start : m.end] == m.text and m.before == "Foshan is near " and m.after.startswith(". FOSHAN")


def test_inside_a_longer_span_counts_as_covered(corpus):
    a = corpus.articles.add("A", "Foshan Midea opened. Foshan is big.")
    corpus.annotations.add_many([span(a, "Foshan Midea", COM), span(a, "Foshan", LOC, nth=1)])
    assert C.missed_mentions(corpus) == []


def test_rejected_mentions_stay_away_until_unrejected(two):
    corpus, a, b = two
    first = C.missed_mentions(corpus)
    C.reject(corpus, first[:2])
    C.reject(corpus, first[:1])  # twice is harmless
    assert C.missed_mentions(corpus) == first[2:]
    C.unreject(corpus, first[:2])
    assert C.missed_mentions(corpus) == first


def test_accepting_a_mention_covers_it(two):
    corpus, a, b = two
    first = C.missed_mentions(corpus)
    corpus.annotations.add_many([m.annotation("mei") for m in first])
    assert C.missed_mentions(corpus) == []


def test_progress_can_stop_and_limit_cuts(two):
    corpus, a, b = two
    assert len(C.missed_mentions(corpus, limit=2)) == 2
    calls = []
    assert C.missed_mentions(corpus, progress=lambda done, total: calls.append((done, total)) or False) == []
    assert calls == [(0, 2)]


def test_nothing_labelled_nothing_missed(corpus):
    corpus.articles.add("A", "Foshan.")
    assert C.missed_mentions(corpus) == [] and C.conflicts(corpus) == []


def test_frequent_texts_per_label(two):
    corpus, a, b = two
    assert C.frequent_texts(corpus) == {
        LOC: [("Foshan", 2), ("Guangzhou", 1), ("佛山", 1)],
        COM: [("FOSHAN", 1), ("Midea  Group", 1)],
    }
    assert C.frequent_texts(corpus, per_label=1)[LOC] == [("Foshan", 2)]
