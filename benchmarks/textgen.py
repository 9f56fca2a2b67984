"""Deterministic news-shaped text with labelled entity mentions.

Articles are English provincial news with Chinese names and sentences mixed in, and now and
then a character outside the Basic Multilingual Plane (emoji, CJK Extension B), so offsets in
code points and in UTF-16 differ. Every article comes with its candidate spans: the entity
mentions it contains, as (start, end, label_id) in code points.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass

# label id -> mentions; ids 1-3 are the default labels, 4-6 are added by the corpus builder.
ENTITIES: dict[int, tuple[str, ...]] = {
    1: ("Foshan", "Shunde District", "Guangzhou", "Zhaoqing", "Jiangmen", "Nanhai", "Daliang",
        "Greater Bay Area", "Hengqin", "Qianhai", "佛山市", "顺德区", "粤港澳大湾区", "广州南站", "𠮷田村"),
    2: ("Midea Group", "Kuka Robot (Guangdong) Co., Ltd.", "Bluewater Cold Chain Logistics",
        "Guangdong Lianshan Precision Machinery", "Honda Auto Parts Manufacturing Co., Ltd.",
        "美的集团", "格兰仕", "𠮷野家 (Yoshinoya)", "Haitian Flavouring & Food"),
    3: ("high-quality development", "industrial transfer", "technological transformation",
        "innovation consortium", "one-window service", "dual carbon goals", "高质量发展", "制造业当家"),
    4: ("Huang Kunming", "Wang Weizhong", "Chen Jing", "Li Ming", "王伟中", "陈静", "Zhou Ying"),
    5: ("February 2", "last Tuesday", "the first quarter", "2026年3月", "the end of the year", "this spring"),
    6: ("3.5 billion yuan", "12亿元", "HK$800 million", "US$45 million", "600 million yuan"),
}
EXTRA_LABELS = (  # (name, tag, colour, hotkey) for ids 4-6
    ("Person", "PERSON", "#8e44ad", "4"),
    ("Date", "DATE", "#7f8c8d", "5"),
    ("Money", "MONEY", "#c0392b", "6"),
)
_NESTED = {"Kuka Robot (Guangdong) Co., Ltd.": ("Guangdong", 1)}

TEMPLATES = (
    "{4} visited {2} in {1} on {5}, where officials discussed {3}.",
    "{2} will invest {6} in a new plant in {1} to support {3}.",
    "On {5}, {4} said that {1} would speed up {3} and help {2} expand.",
    "The {1} government signed an agreement with {2} worth {6}.",
    "Officials in {1} praised {2} for its work on {3} in {5}.",
    "{5}，{4}在{1}调研{2}，强调要推进{3}。",
    "{2}在{1}投资{6}建设新基地，助力{3}。",
    "According to {4}, {3} in {1} attracted {6} of investment by {5}.",
    "Residents of {1} shared photos of the new {2} showroom 📷 online 👍.",
)
FILLER = (
    "The meeting stressed that enterprises should seize the opportunity and strengthen cooperation.",
    "Local departments will continue to improve the business environment and serve companies better.",
    "Experts at the forum said manufacturing remains the foundation of the regional economy.",
    "More than a hundred delegates attended the event, which lasted two days.",
    "会议指出，要坚持稳中求进工作总基调，推动经济持续回升向好。",
    "The plan also covers housing, transport and public services for new residents.",
    "Traffic on the riverside road was busy throughout the weekend 🚗.",
    "Analysts expect exports of household appliances to keep growing next year.",
)
SECTIONS = ("Greater Bay Area", "Economy", "Foshan News", "Industry", "大湾区")
EDITORS = ("Hou Wenzhe", "WeiZe", "Lin Xiaoyan", "何文哲", "Zhang Rui")


@dataclass(frozen=True, slots=True)
class GenArticle:
    title: str
    text: str
    spans: tuple[tuple[int, int, int], ...]  # candidate mentions (start, end, label_id)


def _fill(template: str, rng: random.Random) -> tuple[str, list[tuple[int, int, int]]]:
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    pos = 0
    rest = template
    while "{" in rest:
        before, _, after = rest.partition("{")
        label_s, _, rest = after.partition("}")
        label = int(label_s)
        parts.append(before)
        pos += len(before)
        mention = rng.choice(ENTITIES[label])
        spans.append((pos, pos + len(mention), label))
        if mention in _NESTED:
            inner, inner_label = _NESTED[mention]
            at = pos + mention.index(inner)
            spans.append((at, at + len(inner), inner_label))
        parts.append(mention)
        pos += len(mention)
    parts.append(rest)
    return "".join(parts), spans


def sentence_pool(seed: int, size: int = 3000) -> list[tuple[str, tuple[tuple[int, int, int], ...]]]:
    """``size`` sentences with their mentions; about a third carry no entity."""
    rng = random.Random(seed)
    pool = []
    for _ in range(size):
        if rng.random() < 0.33:
            pool.append((rng.choice(FILLER), ()))
        else:
            text, spans = _fill(rng.choice(TEMPLATES), rng)
            pool.append((text, tuple(spans)))
    return pool


class ArticleGenerator:
    """Articles of realistic (log-normal) length; the same seed gives the same articles."""

    def __init__(self, seed: int, median_chars: int = 1300, sigma: float = 0.55) -> None:
        self.rng = random.Random(seed)
        self.pool = sentence_pool(seed)
        self.mu = math.log(median_chars)
        self.sigma = sigma
        self._seen: set[int] = set()

    def length(self) -> int:
        return int(min(40_000, max(200, self.rng.lognormvariate(self.mu, self.sigma))))

    def article(self, chars: int | None = None) -> GenArticle:
        """The next article, about ``chars`` code points long (a drawn length by default)."""
        rng = self.rng
        target = chars or self.length()
        while True:
            headline, _ = _fill(rng.choice(TEMPLATES), rng)
            headline = headline.rstrip(".。")
            head = f"{rng.choice(SECTIONS)}\n\n{headline}\n\n"
            parts = [head]
            spans: list[tuple[int, int, int]] = []
            pos = len(head)
            sentences_in_paragraph = 0
            pool, n = self.pool, len(self.pool)
            while pos < target:
                text, rel = pool[int(rng.random() * n)]
                spans.extend((pos + s, pos + e, lab) for s, e, lab in rel)
                sentences_in_paragraph += 1
                sep = "\n\n" if sentences_in_paragraph >= 3 and rng.random() < 0.4 else " "
                if sep == "\n\n":
                    sentences_in_paragraph = 0
                parts.append(text)
                parts.append(sep)
                pos += len(text) + len(sep)
            parts.append(f"\nEdit:{rng.choice(EDITORS)} Responsible editor:{rng.choice(EDITORS)}\nSource:south cn\n")
            text = "".join(parts)
            key = hash(text)
            if key not in self._seen:  # a corpus never holds the same text twice
                self._seen.add(key)
                return GenArticle(headline, text, tuple(spans))


def articles(seed: int, n: int, long_at: tuple[int, ...] = (), long_chars: int = 1_000_000) -> Iterator[GenArticle]:
    """``n`` articles; those at the indexes ``long_at`` are about ``long_chars`` code points long."""
    gen = ArticleGenerator(seed)
    for i in range(n):
        yield gen.article(long_chars if i in long_at else None)


def choose_spans(
    candidates: tuple[tuple[int, int, int], ...], quota: int, rng: random.Random, annotators: int
) -> list[tuple[int, int, int, int]]:
    """``quota`` annotations (start, end, label_id, annotator index) among the candidate mentions; a
    mention may be labelled by up to ``annotators`` people, as in a doubly-annotated corpus."""
    m = len(candidates)
    quota = min(quota, m * annotators)
    picked = sorted(rng.sample(range(m * annotators), quota))
    return [(*candidates[k % m], k // m) for k in picked]


def quotas(weights: list[int], total: int) -> list[int]:
    """Split ``total`` in proportion to ``weights`` (largest remainder): the parts sum to ``total``."""
    whole = sum(weights)
    if not whole:
        return [0] * len(weights)
    raw = [total * w / whole for w in weights]
    parts = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts
