"""Selections become spans: trimmed, snapped to words, never cutting a character; edges move by word or character."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.offsets import OffsetMap
from annotator.core.text import (
    _splits_cluster,
    find_occurrences,
    grapheme_end,
    grapheme_start,
    move_edge,
    shape_selection,
    word_at,
)

PIECES = [
    "a", "Z", "1", "_", "é", "e\u0301", " ", "\xa0", "\n", ",", "国", "𠀋", "👩", "👩🏽", "👨🏻‍🚒", "🇨🇳", "'", "-",
]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join)


def test_trims_and_snaps():
    t = "Kuka Robot (Guangdong) Co., Ltd. is in Foshan"
    assert shape_selection(t, 4, 9) == (5, 10)  # " Robo" -> "Robot"
    assert shape_selection(t, 0, 3, snap=False) == (0, 3)
    assert shape_selection(t, 4, 5) == (5, 5)  # only a space: nothing
    assert word_at(t, 14) == (12, 21)


def test_cjk_characters_are_words_of_their_own():
    t = "佛山市顺德区"
    assert shape_selection(t, 0, 2) == (0, 2)


def test_snapping_keeps_an_emoji_with_its_skin_tone():
    t = "👍🏽done"
    assert shape_selection(t, 2, 4) == (2, 6)
    assert shape_selection("👩🏽_\n", 2, 4) == (2, 3)
    assert shape_selection("👩🏽x", 1, 3) == (0, 3)


def test_flags_and_combining_marks_are_never_split():
    t = "🇨🇳🇯🇵 Cafe\u0301"
    assert grapheme_start(t, 1) == 0 and grapheme_end(t, 1) == 2
    assert grapheme_start(t, 3) == 2 and grapheme_end(t, 3) == 4
    e = t.index("\u0301")
    assert grapheme_end(t, e) == e + 1 and shape_selection(t, e - 4, e, snap=False) == (e - 4, e + 1)


def test_move_edges_by_word_and_by_character():
    t = "Midea Group and Foshan officials"
    assert move_edge(t, 0, 5, "end", 1) == (0, 11)
    assert move_edge(t, 0, 11, "end", -1) == (0, 5)
    assert move_edge(t, 6, 11, "start", -1) == (0, 11)
    assert move_edge(t, 0, 11, "start", 1) == (6, 11)
    assert move_edge(t, 0, 5, "end", 1, by_word=False) == (0, 7)  # the space is stepped over
    assert move_edge(t, 0, 1, "end", -1, by_word=False) is None


def test_occurrences_are_whole_words_only():
    t = "Foshan, Foshanese, Foshan. NanFoshan Foshan"
    assert [t[s:e] for s, e in find_occurrences(t, "Foshan")] == ["Foshan"] * 3


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 60), st.integers(0, 60), st.booleans())
def test_a_shaped_span_has_no_edge_space_and_cuts_no_character(text, a, b, snap):
    s, e = shape_selection(text, min(a, len(text)), min(b, len(text)), snap=snap)
    assert 0 <= s <= e <= len(text)
    if s < e:
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert not _splits_cluster(text, s) and not _splits_cluster(text, e)


@settings(max_examples=300, deadline=None)
@given(
    texts,
    st.integers(0, 60),
    st.integers(0, 60),
    st.sampled_from(["start", "end"]),
    st.sampled_from([-1, 1]),
    st.booleans(),
)
def test_a_moved_edge_keeps_the_span_well_formed(text, a, b, edge, direction, by_word):
    s, e = shape_selection(text, min(a, len(text)), min(b, len(text)))
    if s >= e:
        return
    moved = move_edge(text, s, e, edge, direction, by_word=by_word)
    if moved is not None:
        ms, me = moved
        assert 0 <= ms < me <= len(text)
        assert not text[ms].isspace() and not text[me - 1].isspace()
        assert not _splits_cluster(text, ms) and not _splits_cluster(text, me)
        grows = (edge == "start") == (direction < 0)
        assert (ms <= s and me >= e) if grows else (ms >= s and me <= e)


def test_a_qt_position_inside_a_surrogate_pair_rounds_outwards():
    text = "a😀b"  # UTF-16: a, high, low, b
    m = OffsetMap(text)
    assert m.to_codepoint(2) == 1  # inside the emoji: its start
    assert m.span_to_codepoint(0, 2) == (0, 2)  # an end inside the emoji takes all of it
    assert m.span_to_codepoint(2, 4) == (1, 3)


# --- token snapping ----------------------------------------------------------------------------

NEWS = "The CPC National Congress, Jihua Laboratory, and Kuka Robot (Guangdong) Co., Ltd. went to Foshan."


def _shaped(text, a, b, **kw):
    s, e = shape_selection(text, a, b, **kw)
    return text[s:e]


def test_trailing_punctuation_is_shed_but_an_abbreviations_period_stays():
    t = NEWS
    assert _shaped(t, t.index("CPC"), t.index("Congress,") + 9) == "CPC National Congress"
    assert _shaped(t, t.index("Jihua"), t.index("Laboratory,") + 11) == "Jihua Laboratory"
    start = t.index("Kuka")
    for end in (t.index("Ltd") + 3, t.index("Ltd") + 4, t.index("Ltd") + 5):
        assert _shaped(t, start, end) == "Kuka Robot (Guangdong) Co., Ltd."
    assert _shaped(t, t.index("(G"), t.index(")") + 1) == "Guangdong"  # brackets around the whole span go
    assert _shaped(t, t.index("Robot"), t.index(")") + 1) == "Robot (Guangdong)"  # a matched bracket stays
    assert _shaped(t, t.index("Foshan"), len(t)) == "Foshan"
    assert _shaped(t, t.index(","), t.index(",") + 1) == ","  # punctuation chosen on purpose is kept
    assert _shaped(t, t.index("Congress,"), t.index("Congress,") + 9, snap=False) == "Congress,"


def test_a_drag_that_overshoots_by_a_character_snaps_back():
    t = NEWS
    assert _shaped(t, t.index("Jihua"), t.index("Laboratory") + len("Laboratory, a")) == "Jihua Laboratory"
    assert _shaped(t, t.index("went") - 1, t.index("Foshan") + 1) == "went to"
    assert _shaped(t, t.index("ational"), t.index("Congress")) == "National"


def test_alt_arrows_move_an_edge_by_one_token():
    t = NEWS
    s = t.index("Co.")
    ltd = t.index("Ltd")
    assert t.__getitem__(slice(*move_edge(t, s, ltd + 3, "end", 1))) == "Co., Ltd."  # not "Ltd. went"
    assert t.__getitem__(slice(*move_edge(t, s, s + 3, "end", 1))) == "Co., Ltd."  # the comma is stepped over
    assert t.__getitem__(slice(*move_edge(t, s, ltd + 4, "end", -1))) == "Co."
    g = t.index("(Guangdong")
    assert t.__getitem__(slice(*move_edge(t, g, g + 10, "end", 1))) == "(Guangdong)"  # the bracket closes
    # a stray bracket is stepped over
    assert t.__getitem__(slice(*move_edge(t, g + 1, g + 10, "end", 1))) == "Guangdong) Co."
    assert move_edge(t, s, s + 3, "end", -1) is None


def test_chinese_snaps_to_the_words_of_a_segmenter():
    from annotator.formats.chinese import segment

    t = "佛山市南海区桂城街道与美的集团签署了合作协议。"
    assert _shaped(t, 4, 5, segment=segment) == "南海区"
    assert _shaped(t, 1, 5, segment=segment) == "佛山市南海区"
    assert _shaped(t, 11, 23, segment=segment) == "美的集团签署了合作协议"  # the full stop is shed
    assert word_at(t, 12, segment) == (11, 13)
    assert t.__getitem__(slice(*move_edge(t, 3, 6, "end", 1, segment=segment))) == "南海区桂城"
    assert _shaped(t, 4, 5) == "海"  # without a segmenter each character is a word
