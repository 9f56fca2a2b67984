"""Read-only queries behind `search` and `review`, over the corpus database."""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.store import Corpus


@dataclass(frozen=True, slots=True)
class Match:
    article_id: int
    start: int
    end: int
    tags: tuple[str, ...]  # labels of the annotations that cover the match
    before: str  # context, cut at ``context`` characters
    text: str
    after: str
    more_before: bool  # the article goes on beyond the context shown
    more_after: bool


@dataclass(frozen=True, slots=True)
class ReviewRow:
    article_id: int
    title: str
    start: int
    end: int
    tag: str
    text: str
    annotator: str
    note: str | None


def _like(query: str) -> str:
    return "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search(corpus: Corpus, query: str, *, tag: str | None = None, limit: int = 50, context: int = 30) -> tuple[list[Match], bool]:
    """Occurrences of ``query`` in article texts, with the labels that cover each one.

    Matching ignores case for ASCII letters only, as SQL LIKE does. With ``tag``, only
    occurrences inside an annotation with that label count. Returns the matches (at
    most ``limit``) and whether there were more.
    """
    pattern = re.compile(re.escape(query), re.IGNORECASE | re.ASCII)
    params: list = [_like(query)]
    sql = "SELECT id, text FROM articles WHERE text LIKE ? ESCAPE '\\'"
    if tag is not None:
        sql += """ AND id IN (SELECT a.article_id FROM annotations a JOIN labels l ON l.id = a.label_id
                   WHERE l.tag = ? AND a.text LIKE ? ESCAPE '\\')"""
        params += [tag, _like(query)]
    tags = {label.id: label.tag for label in corpus.labels.list()}
    matches: list[Match] = []
    for article_id, text in corpus.db.execute(sql + " ORDER BY id", params):
        spans = [(a.start, a.end, tags[a.label_id]) for a in corpus.annotations.for_article(article_id)]
        for m in pattern.finditer(text):
            s, e = m.span()
            covering = tuple(dict.fromkeys(t for a_s, a_e, t in spans if a_s <= s and e <= a_e))
            if tag is not None and tag not in covering:
                continue
            if len(matches) == limit:
                return matches, True
            b = max(0, s - context)
            matches.append(
                Match(article_id, s, e, covering, text[b:s], text[s:e], text[e : e + context], b > 0, e + context < len(text))
            )
    return matches, False


def review(
    corpus: Corpus,
    *,
    annotator: str | None = None,
    tag: str | None = None,
    article_id: int | None = None,
) -> list[ReviewRow]:
    """Annotations for review, by article and position, optionally filtered."""
    clauses, params = [], []
    for column, value in (("n.name", annotator), ("l.tag", tag), ("a.article_id", article_id)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = corpus.db.execute(
        f"""SELECT a.article_id, ar.title, a.start, a."end", l.tag, a.text, n.name, a.note
            FROM annotations a
            JOIN articles ar ON ar.id = a.article_id
            JOIN labels l ON l.id = a.label_id
            JOIN annotators n ON n.id = a.annotator_id{where}
            ORDER BY a.article_id, a.start, a."end", a.id""",
        params,
    )
    return [ReviewRow(*row) for row in rows]
