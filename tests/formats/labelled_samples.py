"""Texts and spans for the labelled-import tests: astral characters, CJK, nested and overlapping spans."""

from __future__ import annotations

FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # ZWJ sequence, 4 astral code points
FIREFIGHTER = "\U0001f468\U0001f3fb\u200d\U0001f692"  # skin tone + ZWJ
FLAG_HK = "\U0001f1ed\U0001f1f0"  # regional indicators
EXT_B = "\U00020bb7\U0002000b"  # CJK Extension B: 𠮷𠀋

# One article, LF text: every kind of character before and inside spans.
TEXT = (
    f"{FIREFIGHTER} firemen of 佛山市 met {FAMILY} families.\n"
    f"{EXT_B}野家 opened in {FLAG_HK} Hong Kong, part of the Greater Bay Area.\n"
    "粤港澳大湾区 policy: 横琴粤澳深度合作区."
)


def find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Code point offsets of the nth occurrence of ``needle``."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return at, at + len(needle)


def utf16(text: str, cp: int) -> int:
    """UTF-16 code units before code point ``cp`` (what doccano counts)."""
    return len(text[:cp].encode("utf-16-le")) // 2


# (needle, label): nested (佛山市 in a longer span), overlapping (Hong Kong / Kong, part), astral covered text
SPANS = [
    ("佛山市", "LOCATION"),
    ("firemen of 佛山市", "GROUP"),
    (FAMILY, "EMOJI"),
    (f"{EXT_B}野家", "COMPANY"),
    (f"{FLAG_HK} Hong Kong", "LOCATION"),
    ("Kong, part", "OVERLAP"),
    ("Greater Bay Area", "POLICY_TERM"),
    ("粤港澳大湾区", "LOCATION"),
    ("横琴粤澳深度合作区", "POLICY_TERM"),
]


def expected_spans(text: str = TEXT) -> list[tuple[int, int, str, str]]:
    out = []
    for needle, label in SPANS:
        s, e = find(text, needle)
        out.append((s, e, label, needle))
    return sorted(out)


def stored_spans(corpus, article_id: int) -> list[tuple[int, int, str, str]]:
    tags = {lab.id: lab.tag for lab in corpus.labels.list()}
    return sorted((a.start, a.end, tags[a.label_id], a.text) for a in corpus.annotations.for_article(article_id))
