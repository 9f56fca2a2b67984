"""A seeded synthetic corpus of labelled news, for measuring taggers trained from scratch.

Four entity types as in CoNLL-2003 news (LOC, ORG, PER, MISC). The names are made up from
syllables, thousands of each type with Zipf-like frequencies, so a held-out article holds both
names seen in training and names never seen: a tagger must generalise from shape, context and
the word clusters learnt on unlabelled text, not just remember. Organisations often carry a
place name inside them ("Bank of Lianjiang" is one ORG), persons appear with and without
titles, sentences start with capitalised words that are no entity, and some sentences hold no
entity at all. Every article comes with its exact spans (code points).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

TAGS = ("LOC", "ORG", "PER", "MISC")
MISSED = 0.02  # share of mentions the gold layer leaves unlabelled
_ONSETS = (
    "b",
    "ch",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "q",
    "r",
    "s",
    "sh",
    "t",
    "w",
    "x",
    "y",
    "z",
    "zh",
)
_RIMES = (
    "a",
    "ai",
    "an",
    "ang",
    "ao",
    "e",
    "ei",
    "en",
    "eng",
    "i",
    "ian",
    "iang",
    "in",
    "ing",
    "iu",
    "o",
    "ong",
    "ou",
    "u",
    "uan",
    "un",
    "uo",
)
SURNAMES = (
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Huang",
    "Zhao",
    "Wu",
    "Zhou",
    "Xu",
    "Sun",
    "Ma",
    "Zhu",
    "Hu",
    "Guo",
    "He",
    "Lin",
    "Luo",
    "Gao",
    "Zheng",
    "Liang",
    "Xie",
    "Song",
    "Tang",
    "Han",
    "Feng",
    "Deng",
    "Cao",
    "Peng",
    "Smith",
    "Brown",
    "Müller",
    "Garcia",
    "Tanaka",
    "Kim",
    "Nguyen",
    "Rossi",
    "Dubois",
    "Novak",
)
_PLACE_SUFFIX = ("", "", "", " County", " District", " City", " Province", " New Area", " Port")
_INDUSTRY = (
    "Steel",
    "Robotics",
    "Ceramics",
    "Logistics",
    "Pharmaceutical",
    "Electric",
    "Textile",
    "Food",
    "Auto Parts",
    "Semiconductor",
    "Furniture",
    "Chemical",
    "Energy",
    "Shipping",
    "Appliance",
    "Software",
    "Glass",
    "Paper",
)
_ORG_SUFFIX = ("Group", "Co., Ltd.", "Holdings", "Corporation", "Technology", "Industries", "Bank", "Co.")
_MISC = (
    "Belt and Road Initiative",
    "Made in China 2025",
    "Canton Fair",
    "Dragon Boat Festival",
    "Mid-Autumn Festival",
    "Cantonese",
    "Hakka",
    "Chinese",
    "European",
    "American",
    "Japanese",
    "Spring Festival",
    "Greater Bay Area Cup",
    "Lingnan",
    "Teochew",
    "RCEP",
    "Five-Year Plan",
    "Olympic",
    "Asian Games",
)
_FILLER = (
    "The meeting stressed that enterprises should seize the opportunity and strengthen cooperation.",
    "Local departments will continue to improve the business environment and serve companies better.",
    "Experts said manufacturing remains the foundation of the regional economy.",
    "Officials did not give a timetable for the next phase of the project.",
    "More than half of the new jobs were created in small and medium-sized firms.",
    "The report was published on Monday after months of consultation.",
    "Prices rose slightly in the second quarter, according to the statistics bureau.",
    "Residents welcomed the plan, but some worried about traffic during construction.",
    "Analysts expect exports to recover later this year.",
    "The project is expected to be completed within three years.",
)
_TEMPLATES = (
    "{PER} visited {ORG} in {LOC} on Tuesday.",
    "{ORG} will invest 3.5 billion yuan in a new plant in {LOC}.",
    "On Monday, {PER} said that {LOC} would speed up industrial upgrading.",
    "The {LOC} government signed an agreement with {ORG}.",
    "Officials in {LOC} praised {ORG} for its work on the {MISC}.",
    "According to {PER}, investment in {LOC} rose by 12 percent.",
    "{PER}, chairman of {ORG}, told reporters in {LOC} that orders had doubled.",
    "Mayor {PER} opened the {MISC} exhibition in {LOC}.",
    "{ORG} and {ORG} agreed to build a research centre in {LOC}.",
    "Shares of {ORG} fell 4 percent after the company cut its forecast.",
    "{LOC} and {LOC} will share a new high-speed rail line.",
    "Delegates from {LOC} attended the {MISC} forum.",
    "Mr. {PER} joined {ORG} in 2019 after ten years at {ORG}.",
    "A spokesman for {ORG} declined to comment.",
    "The {MISC} community in {LOC} celebrated the {MISC}.",
    "Police in {LOC} said {PER} was not injured.",
    "Exports from {LOC} to {LOC} grew faster than expected.",
    "{PER} and {PER} met in {LOC} to discuss the {MISC}.",
    "The plan was drafted by {ORG} with help from {PER}.",
    "Visitors to {LOC} can now pay with {ORG} cards.",
    "Last year {ORG} moved its headquarters from {LOC} to {LOC}.",
    "{PER} said the {MISC} would bring more {MISC} tourists to {LOC}.",
    "Workers at the {ORG} plant near {LOC} went on strike.",
    "In {LOC}, {ORG} launched a new service for farmers.",
    "Speaking in {LOC}, {PER} called for closer ties with {LOC}.",
    # contexts every type shares: only the name itself tells the type
    "{ANY} said on Thursday that the decision was final.",
    "Talks between {ANY} and {ANY} ended without an agreement.",
    "{ANY}'s share of the market grew again in March.",
    "Critics of {ANY} say the plan goes too far.",
    "Minister {PER} thanked {ANY} for the support.",
    "The Committee asked {ANY} to report by Friday.",
    "Ms. {SURNAME} said {ANY} had not been told.",
    "President {PER} of {ORG} spoke after Mr. {SURNAME}.",
    "New rules from {ORG} affect firms in {LOC} and {ANY}.",
)
_NOT_ENTITIES = (
    "On Monday the Party Committee met to review the Budget.",
    "The Minister of Finance did not attend the Meeting.",
    "January and February were slower than the rest of the year.",
    "The Chairman said the Board would meet again in April.",
)


def _syllable(rng: random.Random) -> str:
    return rng.choice(_ONSETS) + rng.choice(_RIMES)


def _name(rng: random.Random, parts: int) -> str:
    return "".join(_syllable(rng) for _ in range(parts)).capitalize()


@dataclass(frozen=True)
class LabelledArticle:
    title: str
    text: str
    spans: tuple[tuple[int, int, str], ...]  # (start, end, tag), code points


class NewsGenerator:
    """Entity pools and templates from one seed; ``article(i)`` is the same for the same seed and i."""

    def __init__(self, seed: int = 0, pool: int = 2500) -> None:
        rng = random.Random(seed)
        self.seed = seed
        places = sorted({_name(rng, rng.choice((2, 2, 3))) for _ in range(pool)})
        rng.shuffle(places)
        self.places = places
        self.pools = {
            "LOC": [p + rng.choice(_PLACE_SUFFIX) for p in places],
            "ORG": [self._org(rng) for _ in range(pool)],
            "PER": [f"{rng.choice(SURNAMES)} {_name(rng, rng.choice((1, 2)))}" for _ in range(pool * 2)],
            "MISC": list(_MISC)
            + [f"{_name(rng, 2)} {rng.choice(('Festival', 'Cup', 'Expo', 'Initiative'))}" for _ in range(pool // 5)],
        }
        # Zipf-like weights: the first names of each pool are frequent, the long tail rare
        self.weights = {tag: [1.0 / (rank + 1) ** 0.9 for rank in range(len(p))] for tag, p in self.pools.items()}

    def _org(self, rng: random.Random) -> str:
        kind = rng.random()
        if kind < 0.2:
            return f"Bank of {_name(rng, 2)}"
        if kind < 0.35:
            return f"{_name(rng, 2)} {rng.choice(_INDUSTRY)} Association"
        name = _name(rng, rng.choice((2, 2, 3)))
        if rng.random() < 0.5:
            return f"{name} {rng.choice(_INDUSTRY)} {rng.choice(_ORG_SUFFIX)}"
        return f"{name} {rng.choice(_ORG_SUFFIX)}"

    def _pick(self, rng: random.Random, tag: str) -> tuple[str, str]:
        if tag == "ANY":
            tag = rng.choice(TAGS[:3])
        if tag == "SURNAME":
            return rng.choice(SURNAMES), "PER"
        if tag == "ORG" and rng.random() < 0.25:  # a company called by its short name, often a place name
            place = rng.choices(self.places, weights=self.weights["LOC"])[0]
            return place, "ORG"
        return rng.choices(self.pools[tag], weights=self.weights[tag])[0], tag

    def article(self, i: int) -> LabelledArticle:
        rng = random.Random(self.seed * 1_000_003 + i)
        parts: list[str] = []
        spans: list[tuple[int, int, str]] = []
        pos = 0
        title = None
        for k in range(rng.randint(10, 16)):
            roll = rng.random()
            if roll < 0.15:
                sentence, found = rng.choice(_FILLER), []
            elif roll < 0.22:
                sentence, found = rng.choice(_NOT_ENTITIES), []
            else:
                sentence, found = self._fill(rng, rng.choice(_TEMPLATES))
            if title is None:
                title = sentence[:60]
            # an analyst misses a mention now and then, as in any labelled corpus
            spans += [(pos + s, pos + e, t) for s, e, t in found if rng.random() >= MISSED]
            parts.append(sentence)
            pos += len(sentence)
            sep = "\n\n" if k % 4 == 3 else " "
            parts.append(sep)
            pos += len(sep)
        return LabelledArticle(title or f"Article {i}", "".join(parts).rstrip(), tuple(spans))

    def _fill(self, rng: random.Random, template: str) -> tuple[str, list[tuple[int, int, str]]]:
        out, found = [], []
        pos = 0
        rest = template
        while "{" in rest:
            before, _, after = rest.partition("{")
            tag, _, rest = after.partition("}")
            out.append(before)
            pos += len(before)
            name, tag = self._pick(rng, tag)
            out.append(name)
            found.append((pos, pos + len(name), tag))
            pos += len(name)
        out.append(rest)
        return "".join(out), found

    def articles(self, start: int, n: int) -> Iterator[LabelledArticle]:
        for i in range(start, start + n):
            yield self.article(i)


def build_corpus(path, labelled: int, unlabelled: int, *, seed: int = 0, annotator: str = "gold", test: int = 0):
    """A corpus file: ``labelled`` articles marked done with their spans as ``annotator``'s layer,
    then ``test`` articles with their spans left in progress (never trained on by default), then
    ``unlabelled`` articles with no spans. Labels are the four tags."""
    from annotator.core.model import Annotation, Label
    from annotator.store import open_corpus

    gen = NewsGenerator(seed)
    corpus = open_corpus(path, user=annotator)  # the statuses set below are the layer's analyst's
    colours = {"LOC": "#2e86de", "ORG": "#e67e22", "PER": "#8e44ad", "MISC": "#27ae60"}
    ids = {}
    existing = {lab.tag: lab for lab in corpus.labels.list()}
    for pos, tag in enumerate(TAGS):
        lab = existing.get(tag) or corpus.labels.add(Label(None, tag.title(), tag, colours[tag], None, 10 + pos))
        ids[tag] = lab.id
    from annotator.core.model import Status
    from annotator.store import DuplicateArticleError

    for i, art in enumerate(gen.articles(0, labelled + test + unlabelled)):
        try:
            stored = corpus.articles.add(f"{i:05d} {art.title}", art.text)
        except DuplicateArticleError:
            continue
        if i < labelled + test:
            corpus.annotations.add_many(
                [Annotation(None, stored.id, ids[t], s, e, art.text[s:e], annotator) for s, e, t in art.spans]
            )
        if i < labelled:
            corpus.articles.set_status(stored.id, Status.DONE)
    return corpus
