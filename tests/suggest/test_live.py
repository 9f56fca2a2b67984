"""The open article's suggestions: a piece at a time, kept current by edits without looking at the whole text again."""

from annotator.suggest.dictionary import Dictionary
from annotator.suggest.live import ArticleSuggestions, LiveSuggestions
from annotator.suggest.model import Suggestion

TAGS = {"LOC", "ORG"}
TEXT = ("Foshan grew. Midea Group hired in Foshan.\n" * 3 + "佛山市 and 佛山 again; FOSHAN too.\n") * 40


def _live(*rows):
    live = LiveSuggestions()
    live.dictionary = Dictionary.from_counts(rows)
    return live


def _fresh(live, taken=(), rejected=()):
    doc = ArticleSuggestions(live, TEXT, taken, rejected, TAGS)
    while not doc.complete:
        doc.step()
    return doc.items


def test_pieces_add_up_to_the_whole_text():
    live = _live(("Foshan", "LOC", 2), ("Midea Group", "ORG", 1), ("佛山", "LOC", 1))
    doc = ArticleSuggestions(live, TEXT, [], set(), TAGS)
    steps = 0
    while not doc.complete:
        doc.step(500)
        steps += 1
    assert steps > 5
    assert doc.items == live.suggest(TEXT, tags=TAGS)
    assert [TEXT[s.start : s.end] for s in doc.items[:3]] == ["Foshan", "Midea Group", "Foshan"]


def test_labelling_and_unlabelling_keep_the_suggestions_as_a_fresh_look_would():
    live = _live(("Foshan", "LOC", 2))
    taken = []
    doc = ArticleSuggestions(live, TEXT, lambda s, e: [t for t in sorted(taken) if t[0] < e and s < t[1]], set(), TAGS)
    while not doc.complete:
        doc.step()
    m = TEXT.index("Midea Group")
    live.dictionary.add("Midea Group", "ORG")
    taken.append((m, m + 11))
    doc.labelled(m, m + len("Midea Group"))
    assert list(doc.pending) == ["midea group"] and not doc.rescan_pending()
    assert doc.items == _fresh(live, [(m, m + 11)])
    f = TEXT.index("Foshan")
    taken.append((f, f + 6))
    doc.labelled(f, f + 6)
    doc.rescan_pending()
    assert doc.items == _fresh(live, [(m, m + 11), (f, f + 6)])
    live.dictionary.remove("Midea Group", "ORG")
    taken.remove((m, m + 11))
    doc.unlabelled(m, m + 11)
    doc.rescan_pending()
    assert doc.items == _fresh(live, [(f, f + 6)])


def test_a_text_labelled_more_often_with_another_label_changes_its_suggestions():
    live = _live(("Foshan", "LOC", 1))
    doc = ArticleSuggestions(live, TEXT, [], set(), TAGS)
    while not doc.complete:
        doc.step()
    live.dictionary.add("Foshan", "ORG", 2)
    doc.rescan("foshan")
    assert {s.tag for s in doc.items if TEXT[s.start : s.end].casefold() == "foshan"} == {"ORG"}
    assert doc.items == _fresh(live)


def test_rejected_places_are_left_out_until_unrejected():
    live = _live(("Foshan", "LOC", 1))
    doc = ArticleSuggestions(live, TEXT, [], {(0, 6, "foshan")}, TAGS)
    while not doc.complete:
        doc.step()
    assert doc.items[0].start != 0
    doc.unreject(0, 6, "foshan")
    assert doc.items[0] == Suggestion(0, 6, "LOC", "dictionary", 1.0)
