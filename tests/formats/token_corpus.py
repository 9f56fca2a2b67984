"""A small corpus that is hard on token-based exports, and what each export must make of it.

English with nested and overlapping spans and a span inside a word; Chinese with an
Extension B ideograph; emoji ZWJ sequences, flags, skin tones and combining marks; an
article read from a CRLF file; a span with a space at its edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import Annotation
from annotator.formats.txt import read_txt

ENGLISH = (
    "Kuka Robot (Guangdong) Co., Ltd. opened a plant in Foshan on Monday. "
    "Berliners praised Midea Group headquarters.\n\nMr. Li said high-quality development matters!"
)
CHINESE = "佛山市政府与美的集团签约。粤港澳大湾区建设加快！𠮷野家（Yoshinoya）在顺德区开店。"
EMOJI = "Team 👨\u200d👩\u200d👧 visited 🇩🇪 Berlin and Cafe\u0301 Zo\u0308e in Foshan 👍🏽.\nDone 1\ufe0f\u20e3 times."
CRLF_BYTES = b"Jiangmen news\r\n\r\nJiangmen welcomed Midea Group.\r\nZhaoqing followed.\r\n"


@dataclass(frozen=True)
class Want:
    """A span as stored, and where token exports put it."""

    article: int
    label: str
    text: str  # the stored covered text
    start: int
    end: int
    placed: tuple[int, int] | None  # offsets after whitespace at the edges is left out; None: not placed
    in_iob: bool = True  # kept in IOB tags and doc.ents


def _at(text: str, needle: str, nth: int = 0) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return pos


def fill(corpus) -> list[Want]:
    """Add the articles and spans; return what each span should become."""
    labels = {lab.tag: lab.id for lab in corpus.labels.list()}
    crlf = next(iter(read_txt(CRLF_BYTES)))
    articles = [
        corpus.articles.add("Kuka", ENGLISH, meta={"section": "Industry"}),
        corpus.articles.add("佛山", CHINESE, source="south cn", meta={"language": "zh"}),
        corpus.articles.add("Emoji", EMOJI),
        corpus.articles.add(crlf.title, crlf.text, source="crlf file"),
    ]
    wants: list[Want] = []

    def span(art, label, needle, nth=0, trim=None, in_iob=True, cut=None):
        text = art.text
        start = _at(text, needle, nth)
        end = start + len(needle)
        if cut is not None:  # a piece of the needle: (from, to) within it
            start, end = start + cut[0], start + cut[1]
        placed = (start, end) if trim is None else trim
        wants.append(Want(art.id, label, text[start:end], start, end, placed, in_iob))

    en, zh, emo, cr = articles
    kuka = "Kuka Robot (Guangdong) Co., Ltd."
    span(en, "COMPANY", kuka)
    span(en, "LOCATION", "Guangdong", in_iob=False)  # nested in the company name
    span(en, "LOCATION", "Foshan")
    span(en, "LOCATION", "Berliners", cut=(0, 6))  # "Berlin" inside "Berliners"
    span(en, "COMPANY", "Midea Group", in_iob=False)  # overlaps the longer span below
    span(en, "LOCATION", "Group headquarters")
    span(en, "POLICY_TERM", "high-quality development")
    i = _at(en.text, "Foshan")
    span(en, "LOCATION", "Foshan on", cut=(0, 7), trim=(i, i + 6), in_iob=False)  # "Foshan " -> "Foshan"
    span(zh, "LOCATION", "佛山市")
    span(zh, "COMPANY", "美的集团")
    span(zh, "LOCATION", "粤港澳大湾区")
    span(zh, "COMPANY", "𠮷野家")
    span(zh, "LOCATION", "顺德区")
    span(emo, "LOCATION", "Berlin")
    span(emo, "COMPANY", "Cafe\u0301 Zo\u0308e")
    span(emo, "LOCATION", "Foshan")
    span(emo, "POLICY_TERM", "👨\u200d👩\u200d👧")
    span(cr, "LOCATION", "Jiangmen", nth=1)
    span(cr, "COMPANY", "Midea Group")
    span(cr, "LOCATION", "Zhaoqing")
    corpus.annotations.add_many(
        [Annotation(None, w.article, labels[w.label], w.start, w.end, w.text, "alice") for w in wants]
    )
    return wants


def placed(wants: list[Want], article: int) -> list[tuple[int, int, str]]:
    return sorted((*w.placed, w.label) for w in wants if w.article == article and w.placed)


def in_iob(wants: list[Want], article: int) -> list[tuple[int, int, str]]:
    return sorted((*w.placed, w.label) for w in wants if w.article == article and w.placed and w.in_iob)
