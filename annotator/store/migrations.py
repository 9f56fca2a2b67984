"""The schema of a corpus file. It changes only through these migrations, applied on open.

Nothing else creates, drops or alters a table, an index or a trigger: opening a corpus whose
schema is current writes nothing. A change of schema (the full-text index included) is a new
migration at the end of this file, never an edit of one that corpora have already applied.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar

from sqlite_utils import Database, Migrations

from annotator.core.model import DEFAULT_LABELS
from annotator.store import review_counts
from annotator.store.layers import create_layer_triggers, migrating_user
from annotator.store.search import create_index, shape_is_current

MIGRATION_SET = "annotator"
migrations = Migrations(MIGRATION_SET)
KNOWN: list[str] = []  # every migration's name, in order

# Who hears of a long migration's progress: ``fn(done, total)`` (see ``migration_progress``).
_progress: ContextVar[Callable[[int, int], object] | None] = ContextVar("annotator_migration_progress", default=None)


def migration_progress(fn: Callable[[int, int], object] | None):
    """Have ``fn(done, total)`` called as a long migration goes on; returns a token for ``reset``."""
    return _progress.set(fn)


def reset_migration_progress(token) -> None:
    _progress.reset(token)


def migration(fn):
    """Register ``fn`` as the next migration (and record its name in KNOWN)."""
    KNOWN.append(fn.__name__)
    return migrations()(fn)


@migration
def m001_initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            source TEXT,
            url TEXT,
            published TEXT,
            meta TEXT NOT NULL DEFAULT '{}',
            content_hash TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL DEFAULT 'new'
                CHECK (status IN ('new', 'in_progress', 'done')),
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX idx_articles_status ON articles(status)")
    db.execute(
        """
        CREATE TABLE labels (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            tag TEXT NOT NULL UNIQUE,
            colour TEXT NOT NULL,
            hotkey TEXT UNIQUE,
            position INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute(
        """
        CREATE TABLE annotators (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            label_id INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            text TEXT NOT NULL CHECK (length(text) = "end" - start),
            annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            note TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )
        """
    )
    db.execute('CREATE INDEX idx_annotations_article ON annotations(article_id, start, "end")')
    db.execute("CREATE INDEX idx_annotations_label ON annotations(label_id)")
    db.execute(
        """
        CREATE TRIGGER articles_text_is_immutable BEFORE UPDATE OF text ON articles
        WHEN NEW.text IS NOT OLD.text
        BEGIN
            SELECT RAISE(ABORT, 'article text never changes after import');
        END
        """
    )
    for label in DEFAULT_LABELS:
        db.execute(
            "INSERT INTO labels (name, tag, colour, hotkey, position) VALUES (?, ?, ?, ?, ?)",
            [label.name, label.tag, label.colour, label.hotkey, label.position],
        )


@migration
def m002_reviewed(db: Database) -> None:
    """Who reviewed an annotation and when; indexes behind the review table's filters and sorts."""
    db.execute("ALTER TABLE annotations ADD COLUMN reviewed_by INTEGER REFERENCES annotators(id)")
    db.execute("ALTER TABLE annotations ADD COLUMN reviewed_at TEXT")
    db.execute("CREATE INDEX idx_annotations_annotator ON annotations(annotator_id)")
    db.execute("CREATE INDEX idx_annotations_updated ON annotations(updated)")
    db.execute("CREATE INDEX idx_annotations_reviewed ON annotations(reviewed_at)")
    db.execute("CREATE INDEX idx_annotations_text ON annotations(text)")
    db.execute("CREATE INDEX idx_articles_title ON articles(title)")


@migration
def m003_fulltext(db: Database) -> None:
    """Full-text search over article titles and texts, and the missed mentions an analyst rejected.

    The FTS5 index uses the trigram tokenizer so that Chinese text, written without spaces,
    is searchable by any substring (see ``store/search.py``). It starts empty and catches up
    with the articles before each search and while the app is idle.
    """
    create_index(db)
    db.execute(
        """
        CREATE TABLE rejected_mentions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            key TEXT NOT NULL,
            created TEXT NOT NULL,
            UNIQUE (article_id, start, "end", key)
        )
        """
    )


@migration
def m004_review_indexes(db: Database) -> None:
    """Label and annotator indexes that also hold annotator and article: review filters that
    combine label, annotator and article status are answered from the index alone."""
    db.execute("DROP INDEX idx_annotations_label")
    db.execute("CREATE INDEX idx_annotations_label ON annotations(label_id, annotator_id, article_id)")
    db.execute("DROP INDEX idx_annotations_annotator")
    db.execute("CREATE INDEX idx_annotations_annotator ON annotations(annotator_id, article_id)")


@migration
def m005_team(db: Database) -> None:
    """Each analyst's own layer of an article: status and time of last change; assignments; corpus settings.

    The article-wide status becomes each analyst's: it is given to every annotator with
    annotations on the article, or to the user opening the file where there are none, so no
    status is lost. The layer's last change is the latest of its annotations' and the article's.
    """
    db.execute(
        """
        CREATE TABLE layers (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'done')),
            changed TEXT NOT NULL,
            PRIMARY KEY (article_id, annotator_id)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX idx_layers_annotator ON layers(annotator_id, status, article_id)")
    db.execute(
        """
        CREATE TABLE assignments (
            annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            created TEXT NOT NULL,
            PRIMARY KEY (annotator_id, article_id)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX idx_assignments_article ON assignments(article_id)")
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
    db.execute(
        """INSERT INTO layers (article_id, annotator_id, status, changed)
           SELECT a.article_id, a.annotator_id, art.status, max(max(a.updated), art.updated)
           FROM annotations a JOIN articles art ON art.id = a.article_id
           GROUP BY a.article_id, a.annotator_id"""
    )
    orphans = db.execute(
        """SELECT count(*) FROM articles WHERE status != 'new'
           AND NOT EXISTS (SELECT 1 FROM annotations WHERE article_id = articles.id)"""
    ).fetchone()[0]
    if orphans:
        user = migrating_user()
        row = db.execute("SELECT id FROM annotators WHERE name = ?", [user]).fetchone()
        user_id = row[0] if row else db.execute(
            "INSERT INTO annotators (name, created) VALUES (?, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'))", [user]
        ).lastrowid
        db.execute(
            """INSERT INTO layers (article_id, annotator_id, status, changed)
               SELECT id, ?, status, updated FROM articles WHERE status != 'new'
               AND NOT EXISTS (SELECT 1 FROM annotations WHERE article_id = articles.id)""",
            [user_id],
        )
    db.execute("DROP INDEX idx_articles_status")
    db.execute("ALTER TABLE articles DROP COLUMN status")
    create_layer_triggers(db)



@migration
def m005_fulltext_shape(db: Database) -> None:
    """The full-text index and its triggers in their current shape (detail='none', no insert
    trigger). A corpus whose index an earlier version made in another shape gets it replaced,
    empty; it catches up with the articles as always. (Until this step, opening a corpus did this.)"""
    if not shape_is_current(db):
        create_index(db)


@migration
def m005_gold_decisions(db: Database) -> None:
    """Adjudication: the extents over which a gold layer has decided (a version taken, or none)."""
    db.execute(
        """
        CREATE TABLE gold_decisions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            created TEXT NOT NULL,
            UNIQUE (article_id, annotator_id, start, "end")
        )
        """
    )



@migration
def m006_review_counts(db: Database) -> None:
    """The count of annotations for each label, annotator, status, review and day, kept by triggers:
    the review table counts any filter on those at once, whatever the corpus's size (see
    ``store/review_counts.py``). Counting a large corpus's annotations takes a while; it reports
    its progress (``migration_progress``)."""
    review_counts.create(db, progress=_progress.get())
