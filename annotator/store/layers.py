"""Each analyst's layer of an article: their annotations (with notes and review marks), their status
of the article, and when any of it last changed.

A layer row exists once an analyst has touched the article (a span, a status); an analyst without
one has the article as new. The triggers below keep ``changed`` true whoever writes the
annotations (the app, an import, a merge, another program), and move a new layer to in progress
when its first span is added, so no write path has to remember to.

The store is always used as one analyst, ``Corpus.user``: statuses asked without a name are theirs.
Nothing here assumes one file per analyst; a shared server can offer the same calls.

Training reads the layers of one annotator (or every annotator) on the chosen articles;
pre-annotation replaces the layer of a model's analyst name on each article it runs over, one
article per transaction (the functions after the repository).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from annotator.core.identity import default_annotator
from annotator.core.model import Annotation, Status
from annotator.store._util import now
from annotator.store.errors import NotFoundError

if TYPE_CHECKING:
    from annotator.store.corpus import Corpus

NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')"  # the same text as _util.now() writes

# A new annotation starts its layer, or moves it from new to in progress. Since the review counts
# (``review_counts.py``), the insert trigger that runs this counts the annotation first.
LAYER_ON_INSERT = f"""INSERT INTO layers (article_id, annotator_id, status, changed)
        VALUES (NEW.article_id, NEW.annotator_id, 'in_progress', {NOW_SQL})
        ON CONFLICT (article_id, annotator_id) DO UPDATE SET changed = excluded.changed,
            status = CASE status WHEN 'new' THEN 'in_progress' ELSE status END"""

_TRIGGERS = (
    f"""CREATE TRIGGER layers_ai AFTER INSERT ON annotations BEGIN
        {LAYER_ON_INSERT};
    END""",
    f"""CREATE TRIGGER layers_au AFTER UPDATE ON annotations BEGIN
        UPDATE layers SET changed = {NOW_SQL} WHERE article_id = NEW.article_id AND annotator_id = NEW.annotator_id;
    END""",
    f"""CREATE TRIGGER layers_ad AFTER DELETE ON annotations BEGIN
        UPDATE layers SET changed = {NOW_SQL} WHERE article_id = OLD.article_id AND annotator_id = OLD.annotator_id;
    END""",
)

_user: ContextVar[str | None] = ContextVar("annotator_migrating_user", default=None)


def create_layer_triggers(db: Database) -> None:
    for sql in _TRIGGERS:
        db.execute(sql)


def migrating_user() -> str:
    """Who opens the corpus while it is migrated (the statuses of unlabelled articles become theirs)."""
    return _user.get() or default_annotator()


def set_migrating_user(name: str | None):
    return _user.set(name)


def reset_migrating_user(token) -> None:
    _user.reset(token)


def status_clause(column: str, statuses: Iterable[str], user: str) -> tuple[str, list[Any]]:
    """SQL and its params keeping the rows whose article (``column``, an article id) has one of
    ``statuses`` for the analyst ``user``. An analyst without a layer of an article has it as new."""
    wanted = sorted({str(Status(s)) for s in statuses})
    mine = "SELECT article_id FROM layers WHERE annotator_id = (SELECT id FROM annotators WHERE name = ?)"
    if str(Status.NEW) in wanted:
        others = sorted({str(s) for s in Status} - set(wanted))
        if not others:
            return "1", []
        return f"{column} NOT IN ({mine} AND status IN ({','.join('?' * len(others))}))", [user, *others]
    return f"{column} IN ({mine} AND status IN ({','.join('?' * len(wanted))}))", [user, *wanted]


@dataclass(frozen=True, slots=True)
class Layer:
    """One analyst's layer of one article."""

    article_id: int
    annotator: str
    status: Status
    changed: str
    annotations: int


@dataclass(frozen=True, slots=True)
class Progress:
    """One analyst's progress: articles assigned to them, and their statuses (over every article they
    touched or were given)."""

    annotator: str
    assigned: int
    new: int  # assigned and not yet touched, or touched and set back to new
    in_progress: int
    done: int
    annotations: int


class LayerRepository:
    def __init__(self, db: Database, annotator_id, user) -> None:
        self.db = db
        self._annotator_id = annotator_id  # name -> id, creating the annotator (AnnotationRepository's)
        self._user = user  # () -> the current analyst's name

    # --- reading -----------------------------------------------------------------
    def status(self, article_id: int, annotator: str | None = None) -> Status:
        row = self.db.execute(
            """SELECT status FROM layers WHERE article_id = ?
               AND annotator_id = (SELECT id FROM annotators WHERE name = ?)""",
            [article_id, annotator or self._user()],
        ).fetchone()
        return Status(row[0]) if row else Status.NEW

    def statuses(self, article_id: int) -> dict[str, Status]:
        """Every analyst's status of the article who has a layer of it, by name."""
        return {
            name: Status(status)
            for name, status in self.db.execute(
                """SELECT n.name, l.status FROM layers l JOIN annotators n ON n.id = l.annotator_id
                   WHERE l.article_id = ? ORDER BY n.name""",
                [article_id],
            )
        }

    def statuses_of(self, article_ids: Sequence[int], annotator: str | None = None) -> dict[int, Status]:
        """One analyst's status of each article (new where they have no layer)."""
        out = {ident: Status.NEW for ident in article_ids}
        name = annotator or self._user()
        for start in range(0, len(article_ids), 500):
            chunk = list(article_ids[start : start + 500])
            for ident, status in self.db.execute(
                f"""SELECT article_id, status FROM layers
                    WHERE annotator_id = (SELECT id FROM annotators WHERE name = ?)
                    AND article_id IN ({",".join("?" * len(chunk))})""",
                [name, *chunk],
            ):
                out[ident] = Status(status)
        return out

    def of_article(self, article_id: int) -> list[Layer]:
        return [
            Layer(article_id, name, Status(status), changed, count)
            for name, status, changed, count in self.db.execute(
                """SELECT n.name, l.status, l.changed,
                   (SELECT count(*) FROM annotations a
                    WHERE a.article_id = l.article_id AND a.annotator_id = l.annotator_id)
                   FROM layers l JOIN annotators n ON n.id = l.annotator_id WHERE l.article_id = ? ORDER BY n.name""",
                [article_id],
            )
        ]

    def article_ids(self, statuses: Iterable[str], annotator: str | None = None) -> list[int]:
        """Ids of the articles that have one of ``statuses`` for the analyst, in id order."""
        clause, params = status_clause("id", statuses, annotator or self._user())
        return [r[0] for r in self.db.execute(f"SELECT id FROM articles WHERE {clause} ORDER BY id", params)]

    def counts(self, annotator: str | None = None) -> dict[str, int]:
        """Articles by the analyst's status: {"new": n, "in_progress": n, "done": n}."""
        found = dict(
            self.db.execute(
                """SELECT status, count(*) FROM layers WHERE annotator_id = (SELECT id FROM annotators WHERE name = ?)
                   GROUP BY status""",
                [annotator or self._user()],
            ).fetchall()
        )
        total = self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        touched = found.get("in_progress", 0) + found.get("done", 0)
        return {"new": total - touched, "in_progress": found.get("in_progress", 0), "done": found.get("done", 0)}

    def progress(self) -> list[Progress]:
        """Each analyst's progress who has an assignment or a layer, by name. With assignments, the
        statuses count the analyst's assigned articles; without, every article they touched."""
        rows = self.db.execute(
            """WITH who AS (SELECT annotator_id AS id FROM assignments UNION SELECT annotator_id FROM layers),
               given AS (SELECT annotator_id AS id, count(*) AS n FROM assignments GROUP BY annotator_id),
               spans AS (SELECT annotator_id AS id, count(*) AS n FROM annotations GROUP BY annotator_id)
               SELECT n.name, coalesce(g.n, 0), coalesce(s.n, 0),
                 (SELECT count(*) FROM layers l WHERE l.annotator_id = n.id AND l.status = 'in_progress'
                    AND (g.n IS NULL OR EXISTS (SELECT 1 FROM assignments a
                      WHERE a.annotator_id = n.id AND a.article_id = l.article_id))),
                 (SELECT count(*) FROM layers l WHERE l.annotator_id = n.id AND l.status = 'done'
                    AND (g.n IS NULL OR EXISTS (SELECT 1 FROM assignments a
                      WHERE a.annotator_id = n.id AND a.article_id = l.article_id)))
               FROM who JOIN annotators n ON n.id = who.id LEFT JOIN given g ON g.id = n.id
               LEFT JOIN spans s ON s.id = n.id ORDER BY n.name"""
        ).fetchall()
        out = []
        for name, assigned, spans, in_progress, done in rows:
            new = max(0, assigned - in_progress - done) if assigned else 0
            out.append(Progress(name, assigned, new, in_progress, done, spans))
        return out

    # --- writing -----------------------------------------------------------------
    def set_status(self, article_id: int, status: Status, annotator: str | None = None) -> None:
        """Set an analyst's status of an article (the current analyst's by default). Committed."""
        status = Status(status)
        with self.db.atomic():
            if self.db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is None:
                raise NotFoundError(f"No article with id {article_id}.")
            self.db.execute(
                """INSERT INTO layers (article_id, annotator_id, status, changed) VALUES (?, ?, ?, ?)
                   ON CONFLICT (article_id, annotator_id) DO UPDATE SET status = excluded.status,
                   changed = excluded.changed""",
                [article_id, self._annotator_id(annotator or self._user()), str(status), now()],
            )


# --- layers for training and pre-annotation ------------------------------------------
@dataclass(frozen=True, slots=True)
class LayerDoc:
    """An article's text with the spans of the chosen layer, as (start, end, tag), in text order."""

    article_id: int
    text: str
    spans: tuple[tuple[int, int, str], ...]


def _layer_status_clause(statuses: Sequence[str]) -> tuple[str, list]:
    """Keep annotations (``a``) whose layer has one of ``statuses``; no layer row means new."""
    wanted = sorted({str(Status(s)) for s in statuses})
    if str(Status.NEW) in wanted:
        others = sorted({str(s) for s in Status} - set(wanted))
        if not others:
            return "1", []
        marks = ",".join("?" * len(others))
        return (
            "(a.article_id, a.annotator_id) NOT IN "
            f"(SELECT article_id, annotator_id FROM layers WHERE status IN ({marks}))",
            others,
        )
    marks = ",".join("?" * len(wanted))
    return (
        f"(a.article_id, a.annotator_id) IN (SELECT article_id, annotator_id FROM layers WHERE status IN ({marks}))",
        wanted,
    )


def _where(annotator: str | None, tags: Sequence[str] | None) -> tuple[str, list]:
    clauses, params = [], []
    if annotator is not None:
        clauses.append("n.name = ?")
        params.append(annotator)
    if tags:
        clauses.append(f"l.tag IN ({','.join('?' * len(tags))})")
        params += list(tags)
    return "".join(f" AND {c}" for c in clauses), params


def layer_article_ids(
    corpus: Corpus,
    annotator: str | None = None,
    statuses: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
) -> list[int]:
    """Articles (in the given statuses) on which the layer holds at least one span, by id."""
    where, params = _where(annotator, tags)
    status_sql = ""
    if statuses:  # the status of each span's layer: its annotator's status of the article
        clause, more = _layer_status_clause(statuses)
        status_sql = f" AND {clause}"
        params += more
    sql = f"""SELECT DISTINCT a.article_id FROM annotations a
        JOIN annotators n ON n.id = a.annotator_id JOIN labels l ON l.id = a.label_id
        JOIN articles ar ON ar.id = a.article_id
        WHERE 1 {where}{status_sql} ORDER BY a.article_id"""
    return [r[0] for r in corpus.db.execute(sql, params)]


def layer_docs(
    corpus: Corpus, article_ids: Sequence[int], annotator: str | None = None, tags: Sequence[str] | None = None
) -> Iterator[LayerDoc]:
    """Each article's text and the layer's spans, one article at a time (memory stays flat)."""
    where, params = _where(annotator, tags)
    sql = f"""SELECT a.start, a."end", l.tag FROM annotations a
        JOIN annotators n ON n.id = a.annotator_id JOIN labels l ON l.id = a.label_id
        WHERE a.article_id = ? {where} ORDER BY a.start, a."end" DESC"""
    for article_id in article_ids:
        row = corpus.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            continue
        spans = tuple((s, e, t) for s, e, t in corpus.db.execute(sql, [article_id, *params]))
        yield LayerDoc(article_id, row[0], spans)


def article_texts(corpus: Corpus, limit_chars: int) -> Iterator[str]:
    """Article texts, newest first, until about ``limit_chars`` characters were given."""
    given = 0
    for (text,) in corpus.db.execute("SELECT text FROM articles ORDER BY id DESC"):
        yield text
        given += len(text)
        if given >= limit_chars:
            return


def labelled_texts(corpus: Corpus, annotator: str | None = None) -> list[tuple[str, str, int]]:
    """(covered text, tag, count) of the annotations of one annotator, or of everyone."""
    where, params = _where(annotator, None)
    sql = f"""SELECT a.text, l.tag, count(*) FROM annotations a
        JOIN annotators n ON n.id = a.annotator_id JOIN labels l ON l.id = a.label_id
        WHERE 1 {where} GROUP BY a.text, l.tag"""
    return [tuple(r) for r in corpus.db.execute(sql, params)]


def article_statuses(corpus: Corpus) -> dict[int, str]:
    """Every article's id and its status for the corpus's analyst, in id order."""
    ids = [r[0] for r in corpus.db.execute("SELECT id FROM articles ORDER BY id")]
    return {i: str(s) for i, s in corpus.layers.statuses_of(ids).items()}


def finished_count(corpus: Corpus) -> int:
    """How many layers are marked done (an article done by two analysts counts twice): the window
    retrains when this grows."""
    return corpus.db.execute("SELECT count(*) FROM layers WHERE status = 'done'").fetchone()[0]


def replace_layer(
    corpus: Corpus, article_id: int, annotator: str, annotations: Sequence[Annotation]
) -> tuple[int, list[Annotation]]:
    """Remove ``annotator``'s annotations on one article and store ``annotations`` in their place.

    One transaction: the old layer and the new one are never both half there. Returns how many
    were removed and the stored annotations (with ids). The article's status is left as it was.
    """
    repo = corpus.annotations
    repo._article_text(article_id)  # raises for an article that is gone
    for a in annotations:
        if a.article_id != article_id or a.annotator != annotator:
            raise ValueError("replace_layer: every annotation must be of this article and annotator.")
        repo.check(a, verified=True)
    stamp = now()
    try:
        stored = _write_layer(corpus, article_id, annotator, annotations, stamp)
    except BaseException:  # the rollback may have taken a new annotator row with it
        repo._annotator_ids.clear()
        raise
    return stored


def _write_layer(corpus: Corpus, article_id: int, annotator: str, annotations: Sequence[Annotation], stamp: str):
    repo = corpus.annotations
    with corpus.db.atomic():
        ident = repo.annotator_id(annotator)
        removed = corpus.db.execute(
            "DELETE FROM annotations WHERE article_id = ? AND annotator_id = ?", [article_id, ident]
        ).rowcount
        stored = []
        for a in annotations:
            cur = corpus.db.execute(
                """INSERT INTO annotations
                   (article_id, label_id, start, "end", text, annotator_id, note, created, updated)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [article_id, a.label_id, a.start, a.end, a.text, ident, a.note, stamp, stamp],
            )
            stored.append(a._replace(id=cur.lastrowid, created=stamp, updated=stamp))
    return removed, stored


def rejected_places(corpus: Corpus, article_id: int) -> set[tuple[int, int, str]]:
    """(start, end, text key) of the suggestions and missed mentions rejected in an article."""
    return {
        (s, e, k)
        for s, e, k in corpus.db.execute(
            'SELECT start, "end", key FROM rejected_mentions WHERE article_id = ?', [article_id]
        )
    }


def unfinished_articles(corpus: Corpus, limit: int) -> list[tuple[int, str]]:
    """(id, text) of up to ``limit`` articles the corpus's analyst has not marked done, in id order."""
    clause, params = status_clause("id", [Status.NEW, Status.IN_PROGRESS], corpus.user)
    return [
        tuple(r)
        for r in corpus.db.execute(
            f"SELECT id, text FROM articles WHERE {clause} ORDER BY id LIMIT ?", [*params, limit]
        )
    ]


def spans_overlapping(corpus: Corpus, article_id: int, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of every annotation of an article that overlaps [start, end), in text order."""
    return [
        (s, e)
        for s, e in corpus.db.execute(
            'SELECT start, "end" FROM annotations WHERE article_id = ? AND start < ? AND "end" > ? '
            'ORDER BY start, "end"',
            [article_id, end, start],
        )
    ]


def labelled_texts_in_file(path, annotator: str | None = None) -> list[tuple[str, str, int]]:
    """``labelled_texts`` through a read-only connection of its own: for a worker thread, while the
    window's connection goes on serving the window (a corpus of a million spans takes seconds)."""
    import sqlite3
    from pathlib import Path
    from urllib.parse import quote

    conn = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True, timeout=10)
    try:
        where, params = _where(annotator, None)
        sql = f"""SELECT a.text, l.tag, count(*) FROM annotations a
            JOIN annotators n ON n.id = a.annotator_id JOIN labels l ON l.id = a.label_id
            WHERE 1 {where} GROUP BY a.text, l.tag"""
        return [tuple(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def article_status(corpus: Corpus, article_id: int) -> str | None:
    """The corpus's analyst's status of an article; None when there is no such article."""
    if corpus.db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is None:
        return None
    return str(corpus.layers.status(article_id))
