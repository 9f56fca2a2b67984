"""The schema of a corpus file. It changes only through these migrations, applied on open."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from annotator.core.model import DEFAULT_LABELS
from annotator.store.search import create_index

MIGRATION_SET = "annotator"
migrations = Migrations(MIGRATION_SET)


@migrations()
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


@migrations()
def m002_reviewed(db: Database) -> None:
    """Who reviewed an annotation and when; indexes behind the review table's filters and sorts."""
    db.execute("ALTER TABLE annotations ADD COLUMN reviewed_by INTEGER REFERENCES annotators(id)")
    db.execute("ALTER TABLE annotations ADD COLUMN reviewed_at TEXT")
    db.execute("CREATE INDEX idx_annotations_annotator ON annotations(annotator_id)")
    db.execute("CREATE INDEX idx_annotations_updated ON annotations(updated)")
    db.execute("CREATE INDEX idx_annotations_reviewed ON annotations(reviewed_at)")
    db.execute("CREATE INDEX idx_annotations_text ON annotations(text)")
    db.execute("CREATE INDEX idx_articles_title ON articles(title)")


@migrations()
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


@migrations()
def m004_review_indexes(db: Database) -> None:
    """Label and annotator indexes that also hold annotator and article: review filters that
    combine label, annotator and article status are answered from the index alone."""
    db.execute("DROP INDEX idx_annotations_label")
    db.execute("CREATE INDEX idx_annotations_label ON annotations(label_id, annotator_id, article_id)")
    db.execute("DROP INDEX idx_annotations_annotator")
    db.execute("CREATE INDEX idx_annotations_annotator ON annotations(annotator_id, article_id)")


@migrations()
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


KNOWN = [m.name for m in migrations._migrations]
