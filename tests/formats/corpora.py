"""A small corpus that every exporter must get right, and what its spans are.

Astral characters (an emoji ZWJ sequence with a skin tone, a family emoji, CJK
Extension B, a flag), combining marks, Chinese text, nested and overlapping spans, a
span across a line break, notes with line breaks and tabs, cells a spreadsheet would
run as formulas, an article imported from a CRLF file, hostile titles, and an article
without spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.core.model import Annotation, Status
from annotator.formats import iter_import
from annotator.store import Corpus

ASTRAL = (
    "👨🏻\u200d🚒 firemen drive firetrucks past 𠮷野家 in 🇨🇳 Foshan; "
    "Zu\u0308rich and Ame\u0301lie 👩\u200d👩\u200d👧 met.\n"
    "Foshan Shunde District is in 佛山市"
)
CJK = "广东省佛山市顺德区是美的集团的总部所在地。\n粤港澳大湾区建设是国家战略。"
CRLF_BYTES = (
    "Midea Group, Foshan\r\n\r\nThe =SUM(A1) formula, +1 growth, -5% drop, @handle and \tTab.\r\n"
    "Midea Group opened a plant in Guangzhou.\r\n"
).encode("utf-8")

# (article key, label, needle, occurrence, annotator, note)
SPANS = [
    ("astral", "POLICY_TERM", "👨🏻\u200d🚒 firemen", 0, "alice", None),
    ("astral", "COMPANY", "firetrucks", 0, "alice", None),
    ("astral", "COMPANY", "𠮷野家", 0, "bob", "Yoshinoya, with the rare 𠮷"),
    ("astral", "LOCATION", "🇨🇳 Foshan", 0, "alice", "multi\nline\tnote"),
    ("astral", "LOCATION", "Zu\u0308rich", 0, "alice", None),
    ("astral", "COMPANY", "Ame\u0301lie 👩\u200d👩\u200d👧", 0, "bob", None),
    ("astral", "LOCATION", "Foshan Shunde District", 0, "alice", None),  # holds the next two
    ("astral", "LOCATION", "Foshan", 1, "bob", None),
    ("astral", "LOCATION", "Shunde District", 0, "alice", None),
    ("astral", "POLICY_TERM", "District is in 佛山市", 0, "bob", None),  # overlaps the first, ends the text
    ("cjk", "LOCATION", "佛山市顺德区", 0, "alice", None),
    ("cjk", "LOCATION", "佛山市", 0, "alice", None),
    ("cjk", "LOCATION", "顺德区", 0, "bob", None),
    ("cjk", "COMPANY", "美的集团", 0, "alice", "美的"),
    ("cjk", "POLICY_TERM", "所在地。\n粤港澳大湾区", 0, "bob", None),  # across a line break
    ("cjk", "POLICY_TERM", "粤港澳大湾区建设", 0, "alice", None),
    ("crlf", "COMPANY", "Midea Group", 0, "alice", None),
    ("crlf", "COMPANY", "Midea Group", 1, "carol", None),
    ("crlf", "LOCATION", "Guangzhou", 0, "carol", "=HYPERLINK(\"http://x\")"),
    ("crlf", "POLICY_TERM", "=SUM(A1)", 0, "alice", "+1"),
    ("crlf", "POLICY_TERM", "+1 growth", 0, "alice", None),
    ("crlf", "POLICY_TERM", "-5% drop", 0, "alice", "-"),
    ("crlf", "POLICY_TERM", "@handle", 0, "alice", "@x"),
    ("crlf", "POLICY_TERM", "\tTab", 0, "alice", None),
]


@dataclass
class Tricky:
    corpus: Corpus
    ids: dict[str, int]  # article key -> id

    def spans(self, key: str, *, labels: set[str] | None = None) -> list[tuple[int, int, str]]:
        """(start, end, tag) of an article's spans, sorted."""
        article_id = self.ids[key]
        tags = {lab.id: lab.tag for lab in self.corpus.labels.list()}
        got = [(a.start, a.end, tags[a.label_id]) for a in self.corpus.annotations.for_article(article_id)]
        return sorted(s for s in got if labels is None or s[2] in labels)

    def text(self, key: str) -> str:
        return self.corpus.articles.get(self.ids[key]).text

    def all_spans(self) -> dict[int, list[tuple[int, int, str]]]:
        return {article_id: self.spans(key) for key, article_id in self.ids.items()}


def _nth(text: str, needle: str, n: int) -> int:
    pos = -1
    for _ in range(n + 1):
        pos = text.index(needle, pos + 1)
    return pos


def fill(corpus: Corpus, tmp_path: Path) -> Tricky:
    ids = {
        "astral": corpus.articles.add("../../etc/passwd", ASTRAL, url=None, meta={"section": "Test"}).id,
        "cjk": corpus.articles.add("CON", CJK, source="南方日报").id,
    }
    tmp_path.mkdir(parents=True, exist_ok=True)
    src = tmp_path / "crlf-source.txt"
    src.write_bytes(CRLF_BYTES)
    results = list(iter_import(corpus, [src]))
    assert results[0].article_id is not None, results
    ids["crlf"] = results[0].article_id
    ids["empty"] = corpus.articles.add("Nothing labelled", "No spans in this one.", url="https://example.com/a?b=1").id
    texts = {key: corpus.articles.get(i).text for key, i in ids.items()}
    assert "\r" not in texts["crlf"]
    labels = {lab.tag: lab.id for lab in corpus.labels.list()}
    for key, tag, needle, n, who, note in SPANS:
        start = _nth(texts[key], needle, n)
        corpus.annotations.add(Annotation(None, ids[key], labels[tag], start, start + len(needle), needle, who, note))
    corpus.articles.set_status(ids["astral"], Status.DONE)
    corpus.articles.set_status(ids["crlf"], Status.DONE)
    corpus.articles.set_status(ids["cjk"], Status.IN_PROGRESS)
    return Tricky(corpus, ids)
