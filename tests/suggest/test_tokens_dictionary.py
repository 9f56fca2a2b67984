"""Tokens and the dictionary of labelled texts: exact code points, whole words, CJK-aware."""

from annotator.suggest.dictionary import Dictionary
from annotator.suggest.tokens import sentences, spans_of, token_tags, tokenize


def test_tokens_are_exact_code_points_on_emoji_and_cjk():
    text = "👨‍👩‍👧 Foshan's 𠮷野家 (Yoshinoya) earned 3.5 billion 元 in 佛山市。Next"
    starts, ends = tokenize(text)
    tokens = [text[s:e] for s, e in zip(starts, ends, strict=True)]
    assert "Foshan" in tokens and "'s" in tokens and "3.5" in tokens and "Yoshinoya" in tokens
    assert ["佛", "山", "市", "。"] == tokens[tokens.index("佛") : tokens.index("佛") + 4]
    assert "𠮷" in tokens  # outside the BMP: one code point, one token
    assert all(t.strip() == t and t for t in tokens)
    covered = "".join(text[s:e] for s, e in zip(starts, ends, strict=True))
    assert covered == "".join(text.split())  # every non-space character is in exactly one token


def test_sentences_end_at_final_punctuation_and_line_breaks():
    text = "Foshan grew. Zhuhai did too.\nNew line 好。下一句"
    starts, ends = tokenize(text)
    firsts = [text[starts[a]] for a, _ in sentences(text, starts, ends)]
    assert firsts == ["F", "Z", "N", "下"]


def test_bio_tags_round_trip_and_longest_span_wins_an_overlap():
    text = "Bank of Foshan opened in Foshan."
    starts, ends = tokenize(text)
    tags = token_tags(starts, ends, [(0, 14, "ORG"), (8, 14, "LOC"), (25, 31, "LOC")])
    assert tags[:4] == ["B-ORG", "I-ORG", "I-ORG", "O"]
    assert [(s, e, t) for s, e, t, *_ in spans_of(tags, starts, ends)] == [(0, 14, "ORG"), (25, 31, "LOC")]


def test_dictionary_finds_whole_words_case_and_space_insensitive_longest_first():
    d = Dictionary.from_counts(
        [("Foshan", "LOC", 3), ("Foshan", "ORG", 1), ("Bank of Foshan", "ORG", 2), ("佛山", "LOC", 1)]
    )
    text = "FOSHAN and Foshanese; bank of\nFoshan; 佛山市 and 佛山"
    found = [(text[s.start : s.end], s.tag, s.confidence) for s in d.suggest(text)]
    assert found == [
        ("FOSHAN", "LOC", 0.75),
        ("bank of\nFoshan", "ORG", 1.0),
        ("佛山", "LOC", 1.0),
        ("佛山", "LOC", 1.0),
    ]


def test_dictionary_ignores_one_character_texts_and_forgets_removed_labels():
    d = Dictionary.from_counts([("A", "ORG", 5), ("Midea", "ORG", 1)])
    assert len(d) == 1
    d.remove("Midea", "ORG")
    assert d.suggest("Midea is here") == []
