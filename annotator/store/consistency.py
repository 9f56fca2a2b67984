"""Consistency across the corpus: texts labelled differently, and mentions left unlabelled.

Two annotations have the same *text* when their covered texts are equal once case-folded and
with every run of whitespace made one space (``text_key``): "Foshan", "FOSHAN" and "Foshan"
across a line break are one text.

**Conflicts** are texts carrying more than one label somewhere in the corpus. Making one
consistent relabels every annotation of that text to the chosen label, in one transaction;
where a span would then carry the same label twice, the extra one is removed.

**Missed mentions** are occurrences of a labelled text (two characters or longer) that no
annotation covers. An occurrence counts when it is a whole word: it neither starts nor ends
inside a word (``core.text.is_word_char``). Chinese and Japanese are written without spaces,
and an ideograph is never part of a neighbouring word, so 佛山 is found inside 佛山市; an
occurrence overlapping any annotation (佛山 inside a labelled 佛山市, or "Foshan" inside a
labelled "Foshan Midea") is covered, because the analyst already chose a span there.
The suggested label is the one the text carries most often. Rejected mentions are kept in
``rejected_mentions`` and never listed again.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.core.model import Annotation
from annotator.core.text import grapheme_end, grapheme_start, is_word_char
from annotator.store._util import now
from annotator.store.annotations import ANNOTATION_SELECT

if TYPE_CHECKING:
    from annotator.store.corpus import Corpus

MIN_MENTION = 2  # a labelled text shorter than this is too short to look for elsewhere
CONTEXT = 40


def text_key(text: str) -> str:
    """What makes two covered texts the same: case-folded, whitespace runs as one space."""
    return " ".join(text.split()).casefold()


# --- conflicts -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LabelCount:
    label_id: int
    count: int


@dataclass(frozen=True, slots=True)
class ConflictGroup:
    key: str
    text: str  # the spelling used most often
    labels: tuple[LabelCount, ...]  # most used first
    variants: tuple[str, ...]  # every covered text with this key

    @property
    def total(self) -> int:
        return sum(c.count for c in self.labels)

    @property
    def majority(self) -> int | None:
        """The label most of its annotations carry; None on a tie (nothing to propose)."""
        if len(self.labels) > 1 and self.labels[0].count == self.labels[1].count:
            return None
        return self.labels[0].label_id


@dataclass(frozen=True, slots=True)
class _KeyUsage:
    labels: Counter  # label_id -> count
    spellings: Counter  # covered text -> count


def _usage(db) -> dict[str, _KeyUsage]:
    out: dict[str, _KeyUsage] = {}
    for text, label_id, count in db.execute("SELECT text, label_id, count(*) FROM annotations GROUP BY text, label_id"):
        key = text_key(text)
        usage = out.get(key)
        if usage is None:
            usage = out[key] = _KeyUsage(Counter(), Counter())
        usage.labels[label_id] += count
        usage.spellings[text] += count
    return out


def _label_order(db) -> dict[int, int]:
    return {ident: i for i, (ident,) in enumerate(db.execute("SELECT id FROM labels ORDER BY position, id"))}


def _ranked(labels: Counter, order: dict[int, int]) -> tuple[LabelCount, ...]:
    """Most used first; a tie goes to the label listed first in the label set."""
    ranked = sorted(labels.items(), key=lambda kv: (-kv[1], order.get(kv[0], 1 << 30)))
    return tuple(LabelCount(label_id, n) for label_id, n in ranked)


def conflicts(corpus: Corpus) -> list[ConflictGroup]:
    """Texts labelled with more than one label, the most annotated first."""
    order = _label_order(corpus.db)
    groups = [
        ConflictGroup(key, u.spellings.most_common(1)[0][0], _ranked(u.labels, order), tuple(sorted(u.spellings)))
        for key, u in _usage(corpus.db).items()
        if len(u.labels) > 1
    ]
    groups.sort(key=lambda g: (-g.total, g.key))
    return groups


def _with_texts(corpus: Corpus, texts: Sequence[str]) -> list[Annotation]:
    out: list[Annotation] = []
    for i in range(0, len(texts), 500):
        chunk = list(texts[i : i + 500])
        out += map(Annotation._make, corpus.db.execute(
            f"{ANNOTATION_SELECT} WHERE a.text IN ({','.join('?' * len(chunk))}) ORDER BY a.id", chunk
        ))
    return out


def annotations_of(corpus: Corpus, key: str) -> list[Annotation]:
    """Every annotation whose covered text has this key."""
    texts = [t for (t,) in corpus.db.execute("SELECT DISTINCT text FROM annotations") if text_key(t) == key]
    return _with_texts(corpus, texts)


@dataclass(frozen=True, slots=True)
class Relabelled:
    """What making a text consistent changed: enough to show it and to undo it."""

    changed: tuple[tuple[Annotation, Annotation], ...]  # (before, after)
    removed: tuple[Annotation, ...]  # spans that would have carried the same label twice


def make_consistent(corpus: Corpus, key: str, label_id: int) -> Relabelled:
    """Give every annotation of the text ``key`` the label ``label_id``. One transaction, committed."""
    corpus.labels.get(label_id)  # NotFoundError for a label that is gone
    everything = annotations_of(corpus, key)
    keep = {(a.article_id, a.start, a.end) for a in everything if a.label_id == label_id}
    changed, removed = [], []
    for a in everything:
        if a.label_id == label_id:
            continue
        spot = (a.article_id, a.start, a.end)
        if spot in keep:
            removed.append(a)
        else:
            keep.add(spot)
            changed.append(a)
    stamp = now()
    with corpus.db.atomic():
        corpus.db.conn.executemany(
            "UPDATE annotations SET label_id = ?, updated = ? WHERE id = ?", [(label_id, stamp, a.id) for a in changed]
        )
        corpus.db.conn.executemany("DELETE FROM annotations WHERE id = ?", [(a.id,) for a in removed])
    return Relabelled(tuple((a, a._replace(label_id=label_id, updated=stamp)) for a in changed), tuple(removed))


def undo_consistent(corpus: Corpus, done: Relabelled) -> None:
    """Put back the labels and the removed spans exactly as they were. One transaction, committed."""
    with corpus.db.atomic():
        corpus.db.conn.executemany(
            "UPDATE annotations SET label_id = ?, updated = ? WHERE id = ?",
            [(before.label_id, before.updated, before.id) for before, _ in done.changed],
        )
        if done.removed:
            corpus.annotations.add_many(done.removed)


def redo_consistent(corpus: Corpus, done: Relabelled) -> None:
    """Apply the same change again after an undo (same ids, same labels)."""
    with corpus.db.atomic():
        corpus.db.conn.executemany(
            "UPDATE annotations SET label_id = ?, updated = ? WHERE id = ?",
            [(after.label_id, after.updated, after.id) for _, after in done.changed],
        )
        corpus.annotations.delete_many(a.id for a in done.removed)


# --- missed mentions -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MissedMention:
    article_id: int
    title: str
    start: int
    end: int
    text: str  # as written in this article
    key: str
    label_id: int  # the label this text carries most often
    before: str
    after: str

    def annotation(self, annotator: str) -> Annotation:
        return Annotation(None, self.article_id, self.label_id, self.start, self.end, self.text, annotator)


def _trie_pattern(keys: Iterable[str]) -> re.Pattern | None:
    """One regex for many texts, shared prefixes factored out, longer texts preferred."""
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            atom = r"\s+" if ch == " " else re.escape(ch)
            branches.append(atom + build(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    if not trie:
        return None
    return re.compile(build(trie), re.IGNORECASE)


def _whole(text: str, s: int, e: int) -> bool:
    if s > 0 and is_word_char(text[s - 1]) and is_word_char(text[s]):
        return False
    if e < len(text) and is_word_char(text[e - 1]) and is_word_char(text[e]):
        return False
    return grapheme_start(text, s) == s and grapheme_end(text, e) == e


def missed_mentions(
    corpus: Corpus,
    *,
    limit: int | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> list[MissedMention]:
    """Unlabelled whole-word occurrences of labelled texts, in article and text order.

    ``progress(done, total)`` is called every few hundred articles; returning False stops early.
    """
    db = corpus.db
    order = _label_order(db)
    suggested = {
        key: _ranked(u.labels, order)[0].label_id
        for key, u in _usage(db).items()
        if len(key) >= MIN_MENTION
    }
    pattern = _trie_pattern(suggested)
    found: list[MissedMention] = []
    if pattern is None:
        return found
    total = corpus.articles.count()
    for done, (article_id, title, text) in enumerate(db.execute("SELECT id, title, text FROM articles ORDER BY id")):
        if progress is not None and done % 200 == 0 and progress(done, total) is False:
            break
        hits = [(m.start(), m.end()) for m in pattern.finditer(text) if _whole(text, m.start(), m.end())]
        if not hits:
            continue
        spans = sorted(db.execute('SELECT start, "end" FROM annotations WHERE article_id = ?', [article_id]).fetchall())
        starts = [s for s, _ in spans]
        longest = max((e - s for s, e in spans), default=0)
        rejected = {
            (s, e, k)
            for s, e, k in db.execute(
                'SELECT start, "end", key FROM rejected_mentions WHERE article_id = ?', [article_id]
            )
        }
        for s, e in hits:
            # any annotation overlapping [s, e) starts before e and ends after s
            i = bisect_left(starts, s - longest)
            if any(a_s < e and s < a_e for a_s, a_e in spans[i : bisect_left(starts, e)]):
                continue
            key = text_key(text[s:e])
            if key not in suggested or (s, e, key) in rejected:
                continue
            b = max(0, s - CONTEXT)
            found.append(
                MissedMention(article_id, title, s, e, text[s:e], key, suggested[key], text[b:s], text[e : e + CONTEXT])
            )
            if limit is not None and len(found) >= limit:
                return found
    return found


def reject(corpus: Corpus, mentions: Sequence[MissedMention]) -> None:
    """Remember that these are not mentions, so that they are not listed again. Committed."""
    stamp = now()
    with corpus.db.atomic():
        corpus.db.conn.executemany(
            'INSERT OR IGNORE INTO rejected_mentions (article_id, start, "end", key, created) VALUES (?, ?, ?, ?, ?)',
            [(m.article_id, m.start, m.end, m.key, stamp) for m in mentions],
        )


def unreject(corpus: Corpus, mentions: Sequence[MissedMention]) -> None:
    """Forget rejections (undo of reject). Committed."""
    with corpus.db.atomic():
        corpus.db.conn.executemany(
            'DELETE FROM rejected_mentions WHERE article_id = ? AND start = ? AND "end" = ? AND key = ?',
            [(m.article_id, m.start, m.end, m.key) for m in mentions],
        )



# --- the texts each label is given most ------------------------------------------------------


def frequent_texts(
    corpus: Corpus, per_label: int = 5, annotator: str | None = None
) -> dict[int, list[tuple[str, int]]]:
    """For each label id, its most annotated texts (the same text in any case and spacing, shown
    in its most used spelling) with their counts, most first; of one annotator's annotations only
    when ``annotator`` is given (blind mode)."""
    counts: dict[int, dict[str, Counter]] = {}
    sql, params = "SELECT text, label_id, count(*) FROM annotations", []
    if annotator is not None:
        sql += " WHERE annotator_id = (SELECT id FROM annotators WHERE name = ?)"
        params.append(annotator)
    for text, label_id, n in corpus.db.execute(sql + " GROUP BY label_id, text", params):
        counts.setdefault(label_id, {}).setdefault(text_key(text), Counter())[text] += n
    out = {}
    for label_id, by_key in counts.items():
        ranked = sorted(by_key.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:per_label]
        out[label_id] = [(spellings.most_common(1)[0][0], sum(spellings.values())) for _, spellings in ranked]
    return out
