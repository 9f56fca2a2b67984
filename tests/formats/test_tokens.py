"""The tokenizer and sentence splitter behind the spaCy, Prodigy, CoNLL and Hugging Face exports."""

import re
import sys

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from annotator.core.model import Article
from annotator.core.text import grapheme_start
from annotator.formats.dataset import ExportDoc, ExportReport, ExportSpan
from annotator.formats.token_docs import spacy_layout, tokenize_doc
from annotator.formats.tokens import Tokenizer, tokenizer

spacy = pytest.importorskip("spacy", reason="spaCy is in the test extra: pip install -e '.[test]'")

MODES = ["rules", "spacy"]
NLP_EN = spacy.blank("en")


def words(text, mode, language=""):
    tok = tokenizer(mode)
    starts, ends = tok.tokens(text, language or (tok.language(text) if tok.spacy else ""))
    return [text[s:e] for s, e in zip(starts, ends, strict=True)]


def sentences(text, mode):
    doc = ExportDoc(Article(1, "t", text), ())
    tdoc = tokenize_doc(doc, ExportReport(), tokenizer(mode))
    return [" ".join(tdoc.words(i, j)) for i, j in tdoc.sentences]


@pytest.mark.parametrize("mode", MODES)
def test_cjk_is_one_character_a_token_and_latin_words_stay_whole(mode):
    assert words("佛山市政府（Foshan）宣布：美的集团投资12亿元。", mode) == [
        "佛", "山", "市", "政", "府", "（", "Foshan", "）", "宣", "布", "：",
        "美", "的", "集", "团", "投", "资", "12", "亿", "元", "。",
    ]  # fmt: skip
    assert words("𠮷野家 and かな\u3099", mode) == ["𠮷", "野", "家", "and", "か", "な\u3099"]


@pytest.mark.parametrize("mode", MODES)
def test_emoji_sequences_flags_and_marks_stay_one_token(mode):
    text = "👨\u200d👩\u200d👧 🇩🇪🇫🇷 ❤\ufe0f Cafe\u0301 ok👍🏽. 1\ufe0f\u20e3"
    assert words(text, mode) == [
        "👨\u200d👩\u200d👧", "🇩🇪", "🇫🇷", "❤\ufe0f", "Cafe\u0301", "ok", "👍🏽", ".", "1\ufe0f\u20e3",
    ]  # fmt: skip


def test_rule_based_words_numbers_and_abbreviations():
    assert words("The U.S. plan: 3.5% of 1,000,000 yuan isn't high-quality... (really)", "rules") == [
        "The", "U.S.", "plan", ":", "3.5", "%", "of", "1,000,000", "yuan", "isn't",
        "high", "-", "quality", "...", "(", "really", ")",
    ]  # fmt: skip


def test_spacy_rules_are_spacy_s_own():
    text = "Mr. Smith's U.S. plan (Feb. 2) isn't high-quality, e.g. in 3.5% of cases!"
    assert words(text, "spacy", "en") == [t.text for t in NLP_EN.tokenizer(text)]


@pytest.mark.parametrize("mode", MODES)
def test_whitespace_of_every_kind_separates_tokens(mode):
    assert words("a\tb\nc\u00a0d\u2003e\u3000f  g\u2028h", mode) == list("abcdefgh")


@pytest.mark.parametrize("mode", MODES)
def test_sentences_end_at_final_punctuation_and_line_breaks(mode):
    text = 'Mr. Li went to Foshan. "It grows!" he said. Then e.g. this\nA title\n\n佛山很好。顺德也好！Yes? ok.'
    assert sentences(text, mode) == [
        "Mr. Li went to Foshan ." if mode == "spacy" else "Mr . Li went to Foshan .",
        '" It grows ! " he said .',
        "Then e.g. this",
        "A title",
        "佛 山 很 好 。",
        "顺 德 也 好 ！",
        "Yes ? ok .",
    ]


def test_a_sentence_never_ends_inside_a_span():
    text = "New\nYork is big. Really."
    span = ExportSpan(1, 0, 16, "LOCATION", text[:16], "a")
    tdoc = tokenize_doc(ExportDoc(Article(1, "t", text), (span,)), ExportReport(), tokenizer("rules"))
    assert [" ".join(tdoc.words(i, j)) for i, j in tdoc.sentences] == ["New York is big .", "Really ."]


def test_span_edges_inside_a_token_split_it_and_are_reported():
    text = "Berliners love Foshan's food."
    spans = (
        ExportSpan(1, 0, 6, "LOCATION", "Berlin", "a"),
        ExportSpan(2, 15, 21, "LOCATION", "Foshan", "a"),
    )
    report = ExportReport()
    tdoc = tokenize_doc(ExportDoc(Article(7, "t", text), spans), report, tokenizer("rules"))
    assert tdoc.words() == ["Berlin", "ers", "love", "Foshan", "'s", "food", "."]
    assert [(p.token_start, p.token_end) for p in tdoc.spans] == [(0, 1), (3, 4)]
    assert report.warnings == [
        "article 7, LOCATION 0-6 'Berlin': kept exact by splitting the token 'Berliners' at the span edge",
        "article 7, LOCATION 15-21 'Foshan': kept exact by splitting the token \"Foshan's\" at the span edge",
    ]


def test_blank_and_whitespace_edged_spans_are_reported():
    text = "Go to  Foshan now"
    spans = (
        ExportSpan(1, 5, 13, "LOCATION", " Foshan", "a"),
        ExportSpan(2, 5, 7, "LOCATION", "  ", "a"),
    )
    report = ExportReport()
    tdoc = tokenize_doc(ExportDoc(Article(3, "t", text), spans), report, tokenizer("rules"))
    assert [(p.start, p.end) for p in tdoc.spans] == [(7, 13)]
    assert len(report.warnings) == 2
    assert "trimmed whitespace at its edges" in report.warnings[0] and "now 7-13 'Foshan'" in report.warnings[0]
    assert "left out: the span covers only whitespace" in report.warnings[1]


def test_without_spacy_the_rule_based_tokenizer_is_used(monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)  # `import spacy` now fails
    tok = tokenizer()
    assert tok.spacy is None and tok.name == "rule-based"
    assert "rule-based" in tok.describe()
    with pytest.raises(ImportError, match=r'pip install "annotator\[spacy\]"'):
        tokenizer("spacy")


def test_the_language_follows_meta_then_script():
    tok = tokenizer("spacy")
    assert tok.language("Foshan is in Guangdong.") == "en"
    assert tok.language("佛山市政府与美的集团签约。Foshan") == "zh"
    # its words tell
    assert tok.language("Die Straße in München ist schön, sagt Müller über Köln und Düsseldorf.") == "de"
    assert tok.language("Москва и Санкт-Петербург — крупнейшие города России, сказал он.") == "xx"
    assert tok.language("anything", {"language": "de-DE"}) == "de"
    assert tok.language("anything", {"lang": "ja"}) == "zh"  # CJK characters one by one, Latin by the xx rules


# --- invariants -----------------------------------------------------------------------

ALPHABET = st.sampled_from(
    list("abcXYZ019 .,;:!?'\"()-\n\t")
    + ["\u00a0", "\u3000", "佛", "山", "𠮷", "。", "！", "\u0301", "\u200d", "👨", "👍", "🏽", "\ufe0f", "\u20e3"]
    + ["🇩", "🇪", "é", "ß", "Ж", "\u2028"]
)
TEXTS = st.lists(ALPHABET, max_size=60).map("".join)


@pytest.mark.parametrize("mode", MODES)
@given(text=TEXTS)
def test_tokens_cover_the_text_minus_whitespace(mode, text):
    tok = tokenizer(mode)
    starts, ends, texts = tok.tokens_and_words(text, "en" if tok.spacy else "")
    assert texts == [text[s:e] for s, e in zip(starts, ends, strict=True)]
    covered = []
    prev_end = 0
    for s, e in zip(starts, ends, strict=True):
        assert prev_end <= s < e <= len(text)
        token = text[s:e]
        assert not any(ch.isspace() for ch in token)
        assert text[prev_end:s].isspace() or s == prev_end
        # Never inside an emoji sequence, a flag or a letter with its marks (a mark after a space
        # belongs to the space for grapheme rules, but a token holds no whitespace).
        assert grapheme_start(text, s) == s or text[s - 1].isspace()
        assert e == len(text) or grapheme_start(text, e) == e or text[e].isspace()
        covered.extend(range(s, e))
        prev_end = e
    assert text[prev_end:].isspace() or prev_end == len(text)
    assert covered == [i for i, ch in enumerate(text) if not ch.isspace()]


@given(text=st.lists(st.sampled_from(list("abcXYZ019 .,;:!?'\"()-$%&/\n")), max_size=80).map("".join))
def test_chunk_by_chunk_spacy_tokens_equal_spacy_on_the_whole_text(text):
    expected = [(t.idx, t.idx + len(t)) for t in NLP_EN.tokenizer(text) if not t.is_space]
    # spaCy's own special cases can depend on what comes before a chunk (": (;a" gives "(", ";" but
    # "x (;a" gives "(;"): there no chunk-wise tokenizer can agree, spaCy's chunk-wise one included.
    by_chunk = [
        (m.start() + t.idx, m.start() + t.idx + len(t))
        for m in re.finditer(r"\S+", text)
        for t in NLP_EN.tokenizer(m.group())
    ]
    assume(by_chunk == expected)
    starts, ends = Tokenizer(spacy=spacy).tokens(text, "en")
    assert list(zip(starts, ends, strict=True)) == expected


def test_where_spacy_depends_on_the_context_the_chunk_is_tokenized_as_spacy_tokenizes_it_alone():
    assert Tokenizer(spacy=spacy).tokens(": (;a", "en") == ([0, 2, 4], [1, 4, 5])  # ":", "(;", "a"
    assert [t.text for t in NLP_EN.tokenizer("(;a")] == ["(;", "a"]


@pytest.mark.parametrize("mode", MODES)
@given(text=TEXTS.filter(str.strip), data=st.data())
def test_span_edges_become_token_edges(mode, text, data):
    n = len(text)
    raw = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=5))
    spans = tuple(
        ExportSpan(i, min(a, b), max(a, b), "X", text[min(a, b) : max(a, b)], "a") for i, (a, b) in enumerate(raw)
    )
    report = ExportReport()
    tdoc = tokenize_doc(ExportDoc(Article(1, "t", text), spans), report, tokenizer(mode))
    for p in tdoc.spans:
        trimmed = text[p.span.start : p.span.end].strip()
        assert text[p.start : p.end] == trimmed  # exact, less only whitespace at its edges
        assert tdoc.starts[p.token_start] == p.start and tdoc.ends[p.token_end - 1] == p.end
    assert len(tdoc.spans) + sum("left out" in w for w in report.warnings) == len(spans)
    assert [i for i, _ in tdoc.sentences] == sorted({i for i, _ in tdoc.sentences})
    layout = spacy_layout(tdoc)
    assert "".join(w + " " * s for w, s in zip(layout.words, layout.spaces, strict=True)) == text


def test_sentence_final_marks_are_spacy_sentencizer_s():
    from spacy.pipeline import Sentencizer

    from annotator.formats.tokens import _FINAL_PUNCT

    assert frozenset(Sentencizer.default_punct_chars) | {"…"} == _FINAL_PUNCT


@pytest.mark.parametrize(
    "lang, text, token",
    [
        (
            "es",
            "La Sra. García y el Dr. López llegaron al puerto de Cantón con la delegación de la provincia.",
            "Sra.",
        ),
        ("pt", "A Sra. Silva disse que o investimento da empresa na fábrica foi maior do que o previsto.", "Sra."),
        (
            "nl",
            "De gemeente ligt bijv. in de provincie Guangdong en is een van de grootste steden van het land.",
            "bijv.",
        ),
    ],
)
def test_spanish_portuguese_and_dutch_get_their_own_rules_not_englishs(lang, text, token):
    pytest.importorskip("spacy")
    from annotator.formats.language import latin_language
    from annotator.formats.tokens import tokenizer

    assert latin_language(text) == lang
    tok = tokenizer("spacy")
    assert tok.language(text) == lang
    starts, ends = tok.tokens(text, tok.language(text))
    assert token in [text[s:e] for s, e in zip(starts, ends, strict=True)]
    assert tok.language("Foshan hosts Midea Group and is one of the largest cities in the province.") == "en"


def test_token_offsets_are_the_tokens_without_their_texts():
    """Agreement counts on ``token_offsets``: the same tokens as the exports' ``tokens``."""
    from annotator.formats.tokens import tokenizer

    text = "Foshan (佛山) and Midea Group's U.S. plan: 3.5 km... 👍🏽 👨‍👩‍👧 done.\n\nKuka Robot (Guangdong) Co., Ltd."
    for prefer in ("rules", None):
        tok = tokenizer(prefer)
        assert tok.token_offsets(text) == tok.tokens(text)


def _latin_language_by_the_book(sample: str) -> str:
    """``latin_language`` as the rule states it: every run of letters, lowered, counted."""
    import re
    from collections import Counter

    from annotator.formats.language import _WORD_SETS

    words = re.findall(r"[^\W\d_]+", sample)
    if len(words) < 8:
        return ""
    counts = Counter(map(str.lower, words))
    scores = {lang: sum(counts[w] for w in vocab if w in counts) for lang, vocab in _WORD_SETS.items()}
    best = max(scores, key=lambda lang: (scores[lang], lang == "en"))
    return "" if scores[best] * 10 < len(words) else best


_PIECES = st.sampled_from(
    "the la de der het und que el le il di et en of a o Él ΣΟΦΙΑ İl DER Die ½ 3 x2 _ l'  , . ; -".split(" ")
    + ["\n", "\t", "佛山", "é", "ß"]
    + [" ", "  ", "\u00a0", "'", "²", "ǅ", "\u0130stanbul", "ΟΔΟΣ's"]
)


@given(st.lists(_PIECES, max_size=60).map(" ".join), st.lists(_PIECES, max_size=40).map("".join))
def test_latin_language_is_the_rule_on_any_text(spaced, glued):
    from annotator.formats.language import latin_language

    for sample in (spaced, glued, spaced + glued):
        assert latin_language(sample) == _latin_language_by_the_book(sample)
