"""The read-only annotation listing behind `annotator review` (full-text search lives in the store)."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.store import Corpus


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
    reviewed_by: str | None
    reviewed_at: str | None  # UTC, ISO 8601


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
        f"""SELECT a.article_id, ar.title, a.start, a."end", l.tag, a.text, n.name, a.note, r.name, a.reviewed_at
            FROM annotations a
            JOIN articles ar ON ar.id = a.article_id
            JOIN labels l ON l.id = a.label_id
            JOIN annotators n ON n.id = a.annotator_id
            LEFT JOIN annotators r ON r.id = a.reviewed_by{where}
            ORDER BY a.article_id, a.start, a."end", a.id""",
        params,
    )
    return [ReviewRow(*row) for row in rows]
