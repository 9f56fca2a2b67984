"""A corpus file for one analyst to take away: the articles given to them, with the label set,
the assignments and the blind-mode setting; they work on it offline and it is merged back."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from annotator.store.corpus import Corpus, open_corpus
from annotator.store.errors import CorpusError
from annotator.store.team import SHARED_FOR


@dataclass(frozen=True, slots=True)
class ShareReport:
    path: str
    annotator: str
    articles: int
    annotations: int
    assigned: bool  # False: nothing was assigned to them, so every article went
    blind: bool

    def summary(self) -> str:
        which = "assigned to them" if self.assigned else "in the corpus (none is assigned to them)"
        blind = " Blind mode is on: they see only their own layer." if self.blind else ""
        return (
            f"Wrote {self.path} for {self.annotator}: {self.articles:,} article{'s' if self.articles != 1 else ''} "
            f"{which}, {self.annotations:,} annotation{'s' if self.annotations != 1 else ''}.{blind}"
        )


def share_corpus(corpus: Corpus, annotator: str, out: Path | str) -> ShareReport:
    """Write ``out``, a corpus file with exactly the articles assigned to ``annotator`` (every
    article when none is), their layers, the labels, the assignments and the settings. ``out`` must
    not exist yet; it appears whole or not at all."""
    annotator = annotator.strip()
    if not annotator:
        raise CorpusError("Name the analyst to share for.")
    out = Path(out)
    if out.exists():
        raise CorpusError(f"{out} already exists; choose another name or remove it first.")
    if not out.parent.is_dir():
        raise CorpusError(f"Cannot write {out}: folder {out.parent} does not exist.")
    if corpus.path is not None and out.resolve() == Path(corpus.path).resolve():
        raise CorpusError("The shared file cannot be the corpus itself.")
    mine = corpus.team.assigned(annotator)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(str(tmp))) as dest:
            corpus.db.conn.backup(dest)  # one consistent, committed state of the corpus
            dest.execute("PRAGMA journal_mode = DELETE")
        with open_corpus(tmp, create=False, user=annotator) as copy:
            with copy.db.atomic():
                if mine:
                    copy.db.execute("CREATE TEMP TABLE keep (id INTEGER PRIMARY KEY)")
                    copy.db.conn.executemany("INSERT INTO temp.keep (id) VALUES (?)", [(i,) for i in mine])
                    copy.db.execute("DELETE FROM articles WHERE id NOT IN (SELECT id FROM temp.keep)")
                    copy.db.execute("DROP TABLE temp.keep")
                copy.db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [SHARED_FOR, annotator],
                )
            copy.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            copy.db.execute("PRAGMA journal_mode = DELETE")  # one standalone file to send
            copy.db.execute("VACUUM")
            articles = copy.db.execute("SELECT count(*) FROM articles").fetchone()[0]
            annotations = copy.annotations.count()
            blind = copy.team.blind
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return ShareReport(str(out), annotator, articles, annotations, bool(mine), blind)
