"""Bringing other corpus files' work into this one: the way a team's work comes back together.

    report = merge_corpus(corpus, ["li.db", "mei.db"], rename="li")

- Articles are matched by their stored text (the content hash), never by id or title; an article
  this corpus lacks is added.
- Labels are matched by tag; a tag this corpus lacks is added; the same tag with another name or
  colour keeps this corpus's definition, and the report says so.
- Each analyst's layer of an article (annotations with notes and review marks, status, time of
  last change) comes across whole. A layer on both sides is replaced only by a newer one; another
  analyst's layer is never touched. Merging the same file twice changes nothing.
- Each article's layers go in as one transaction; the caller takes a backup first.
- A file that is not a corpus, is damaged, was written by a newer Annotator, or is this corpus
  itself is refused with a sentence, and neither file is touched.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.store.annotations import ANNOTATION_JOIN
from annotator.store.corpus import Corpus, _check_existing, _prepare
from annotator.store.errors import CorpusError, NotACorpusError
from annotator.store.groups import GROUP_ARTICLES, GROUP_SECONDS, CommitGroup
from annotator.store.locking import CorpusDatabase
from annotator.store.migrations import migrations
from annotator.store.team import SHARED_FOR

ADDED, REPLACED, KEPT, SAME = "added", "replaced", "kept", "same"
MERGE_CHECKPOINT_PAGES = 20_000


@dataclass(frozen=True, slots=True)
class LayerEvent:
    """What happened to one analyst's layer of one article."""

    source: str  # the file's name
    article_id: int  # in this corpus
    title: str
    annotator: str
    outcome: str  # ADDED, REPLACED (newer there), KEPT (newer here), SAME (the same last change)
    spans: int  # the incoming layer's annotations


@dataclass
class MergeReport:
    files: list[str] = field(default_factory=list)  # merged
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    articles_added: list[tuple[int, str]] = field(default_factory=list)  # (id here, title)
    layers: list[LayerEvent] = field(default_factory=list)
    labels_added: list[str] = field(default_factory=list)  # tags
    label_clashes: list[str] = field(default_factory=list)  # sentences
    renamed: dict[str, str] = field(default_factory=dict)
    backup: str | None = None
    cancelled: bool = False

    def count(self, outcome: str) -> int:
        return sum(1 for e in self.layers if e.outcome == outcome)

    @property
    def ok(self) -> bool:
        return not self.refused and not self.cancelled

    @property
    def changed(self) -> bool:
        return bool(self.articles_added or self.labels_added or self.count(ADDED) or self.count(REPLACED))

    def summary(self) -> str:
        n = len(self.files)
        if not n and self.refused:
            return f"Nothing merged: {_n(len(self.refused), 'file')} refused."
        text = (
            f"Merged {n} file{'s' if n != 1 else ''}: {_n(len(self.articles_added), 'article')} added, "
            f"{_n(self.count(ADDED), 'layer')} added, {self.count(REPLACED):,} replaced by newer ones, "
            f"{self.count(KEPT):,} kept (newer here), {self.count(SAME):,} already here; "
            f"{_n(len(self.labels_added), 'label')} added"
        )
        if self.label_clashes:
            text += f", {_n(len(self.label_clashes), 'label clash', 'label clashes')}"
        text += "."
        if self.refused:
            text += f" {_n(len(self.refused), 'file')} refused."
        if self.cancelled:
            text += " Cancelled: the articles merged so far stay merged."
        return text

    def lines(self) -> list[str]:
        """The report, one line per fact, before its summary line: what a user reads after a merge."""
        out = [f"Backup taken first: {self.backup}"] if self.backup else []
        out += [f"{old} in the merged files is {new} here." for old, new in self.renamed.items()]
        out += [f'Article added: {ident} "{title}"' for ident, title in self.articles_added]
        for outcome, heading in (
            (ADDED, "Layer added"),
            (REPLACED, "Layer replaced (newer there)"),
            (KEPT, "Layer kept (newer here)"),
        ):
            out += [f"{heading}: {line}" for line in merged_names(self.layers, outcome)]
        out += [f"Label added: {tag}" for tag in self.labels_added]
        out += [f"Label clash: {clash}" for clash in self.label_clashes]
        return out


def _n(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (plural or word + 's')}"


# --- the incoming file ----------------------------------------------------------------------
def check_source(path: Path | str, target: Corpus) -> None:
    """Raise CorpusError with a sentence when ``path`` cannot be merged into ``target``. Reads only."""
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path} does not exist.")
    if (
        target.path is not None
        and path.resolve() == Path(target.path).resolve()
        or (target.path is not None and os.path.samefile(path, target.path))
    ):
        raise CorpusError(f"{path} is this corpus itself; there is nothing to merge.")
    if path.is_dir():
        raise NotACorpusError(f"{path} is a folder, not a corpus file.")
    if path.stat().st_size == 0:
        raise NotACorpusError(f"{path} is empty, not an Annotator corpus.")
    # Only SQLite opens the file: it may be open in a running Annotator, whose locks a plain open() would drop.
    with _read_only(path) as conn:
        try:
            db = CorpusDatabase(conn, execute_plugins=False)
            if db.execute("PRAGMA application_id").fetchone()[0] == 0 and not db.table_names():
                raise NotACorpusError(f"{path} is not an Annotator corpus (an empty database).")
            _check_existing(db, path, create=False)
            problem = conn.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            reason = "not an SQLite database" if "not a database" in str(exc) else f"damaged: {exc}"
            raise NotACorpusError(f"{path} is not a corpus Annotator can merge ({reason}).") from exc
        if problem != "ok":
            raise NotACorpusError(f"{path} is damaged ({problem}); restore it from a backup before merging it.")
        if "articles" not in db.table_names():
            raise NotACorpusError(f"{path} is not an Annotator corpus (it has no articles).")


class _read_only:
    """A read-only connection to a corpus file that writes nothing beside it."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)

    def __enter__(self) -> sqlite3.Connection:
        return self.conn

    def __exit__(self, *exc: object) -> None:
        self.conn.close()


def _open_source(path: Path) -> sqlite3.Connection:
    """The incoming corpus, read-only; an older file is copied into memory and brought up to date
    there, so the file itself is never changed."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    if migrations.pending(CorpusDatabase(conn, execute_plugins=False)):
        memory = sqlite3.connect(":memory:")
        conn.backup(memory)
        conn.close()
        _prepare(CorpusDatabase(memory, execute_plugins=False), None)
        conn = memory
    return conn


def incoming_analyst(conn: sqlite3.Connection) -> str | None:
    """Whose work a file carries: the analyst it was shared for, else the only analyst with layers."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", [SHARED_FOR]).fetchone()
    if row:
        return row[0]
    names = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT n.name FROM layers l JOIN annotators n ON n.id = l.annotator_id ORDER BY n.name LIMIT 2"
        )
    ]
    return names[0] if len(names) == 1 else None


def rename_map(conn: sqlite3.Connection, path: Path, rename: str | None) -> dict[str, str]:
    """``--as NEW`` (the file's analyst becomes NEW) or ``--as OLD=NEW``, as a name map."""
    if not rename:
        return {}
    if "=" in rename:
        old, new = (part.strip() for part in rename.split("=", 1))
    else:
        old, new = incoming_analyst(conn), rename.strip()
        if old is None:
            names = ", ".join(
                r[0]
                for r in conn.execute(
                    "SELECT DISTINCT n.name FROM layers l JOIN annotators n ON n.id = l.annotator_id ORDER BY n.name"
                )
            )
            raise CorpusError(
                f"{path} holds the work of several analysts ({names}); say which one to rename, as --as OLD=NEW."
            )
    if not old or not new:
        raise CorpusError("--as takes a name (NEW) or a renaming (OLD=NEW).")
    return {old: new}


# --- merging ---------------------------------------------------------------------------------
_ANNOTATIONS = """SELECT a.label_id, a.start, a."end", a.text, n.name, a.note, a.created, a.updated,
    r.name, a.reviewed_at
    FROM """ + ANNOTATION_JOIN + """
    WHERE a.article_id = ? ORDER BY a.id"""


def merge_corpus(
    target: Corpus,
    sources: Sequence[Path | str],
    *,
    rename: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    backup: Callable[[], str | None] | None = None,
) -> MergeReport:
    """Merge each file of ``sources`` into ``target``; a file that cannot be merged is refused (in
    the report) and left as it is. ``backup`` is called once before the first write (it returns
    where the backup went). ``progress(done, total)`` counts articles; ``cancelled()`` stops
    between two articles, keeping what was merged."""
    report = MergeReport()
    accepted: list[tuple[Path, sqlite3.Connection, dict[str, str]]] = []
    for source in sources:
        path = Path(source)
        try:
            check_source(path, target)
            conn = _open_source(path)
            try:
                accepted.append((path, conn, rename_map(conn, path, rename)))
            except CorpusError:
                conn.close()
                raise
        except CorpusError as exc:
            report.refused.append((str(path), str(exc)))
        except sqlite3.DatabaseError as exc:
            report.refused.append((str(path), f"{path} cannot be read as a corpus ({exc})."))
    try:
        if not accepted:
            return report
        if backup is not None:
            report.backup = backup()
        total = sum(conn.execute("SELECT count(*) FROM articles").fetchone()[0] for _, conn, _ in accepted)
        done = 0
        # One transaction per article, each atomic; their commits are not synced to disk one by one
        # (a WAL commit under synchronous=NORMAL), only once at the end: a killed merge still leaves
        # whole articles, and the backup taken first undoes all of it.
        # The log is also copied back into the file less often (every ~80 MB instead of ~4 MB).
        synchronous = target.db.execute("PRAGMA synchronous").fetchone()[0]
        autocheckpoint = target.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        target.db.execute("PRAGMA synchronous = NORMAL")
        target.db.execute(f"PRAGMA wal_autocheckpoint = {max(int(autocheckpoint), MERGE_CHECKPOINT_PAGES)}")
        try:
            for path, conn, names in accepted:
                report.renamed.update(names)
                done = _merge_one(target, path, conn, names, report, done, total, progress, cancelled)
                if report.cancelled:
                    break
                report.files.append(str(path))
        finally:
            target.db.execute(f"PRAGMA synchronous = {int(synchronous)}")
            target.db.execute(f"PRAGMA wal_autocheckpoint = {int(autocheckpoint)}")
            if target.path is not None:
                target.db.execute("PRAGMA wal_checkpoint(PASSIVE)")  # syncs the log of every merged article
    finally:
        for _, conn, _ in accepted:
            conn.close()
    return report


def _labels(target: Corpus, conn: sqlite3.Connection, path: Path, report: MergeReport) -> dict[int, int]:
    """Source label id -> label id here, adding the tags this corpus lacks."""
    from annotator.core.model import Label

    here = {lab.tag: lab for lab in target.labels.list()}
    names = {lab.name for lab in here.values()}
    keys = {lab.hotkey for lab in here.values() if lab.hotkey}
    out = {}
    for ident, name, tag, colour, hotkey in conn.execute(
        "SELECT id, name, tag, colour, hotkey FROM labels ORDER BY position, id"
    ):
        mine = here.get(tag)
        if mine is None:
            if name in names:
                name = f"{name} ({tag})"
            added = target.labels.add(Label(None, name, tag, colour, hotkey if hotkey not in keys else None))
            here[tag] = added
            names.add(added.name)
            keys.add(added.hotkey)
            report.labels_added.append(tag)
            mine = added
        elif (mine.name, mine.colour.lower()) != (name, colour.lower()):
            clash = f"{tag}: kept {mine.name!r} {mine.colour} here; {path.name} calls it {name!r} {colour}."
            if clash not in report.label_clashes:
                report.label_clashes.append(clash)
        out[ident] = mine.id
    return out


def _merge_one(
    target: Corpus,
    path: Path,
    conn: sqlite3.Connection,
    names: dict[str, str],
    report: MergeReport,
    done: int,
    total: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    """Merge one file, article by article; returns the articles done so far (of all files)."""
    merge = _FileMerge(target, path, conn, names, report)
    articles = conn.execute(
        "SELECT id, title, text, source, url, published, meta, content_hash, created, updated FROM articles ORDER BY id"
    )
    # Articles go in by commit groups (store/groups.py), each article in a savepoint of its own: a
    # killed or failed merge leaves whole articles, and far fewer commits rewrite the same pages.
    group, in_group = CommitGroup(target.db), 0
    try:
        for row in articles:
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            group.begin()
            merge.article(row)
            done += 1
            in_group += 1
            if in_group >= GROUP_ARTICLES or time.monotonic() - group.since >= GROUP_SECONDS:
                group.end()
                in_group = 0
            if progress is not None:
                progress(done, total)
        group.end()
    except BaseException:
        group.end(commit=True, quietly=True)  # the whole articles merged before the failure
        raise
    return done


_INSERT_ANNOTATIONS = """INSERT INTO annotations (article_id, label_id, start, "end", text, annotator_id, note,
    created, updated, reviewed_by, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
_SET_LAYER = """INSERT INTO layers (article_id, annotator_id, status, changed) VALUES (?, ?, ?, ?)
    ON CONFLICT (article_id, annotator_id) DO UPDATE SET status = excluded.status, changed = excluded.changed"""


class _FileMerge:
    """What is known while one file is merged: this corpus's articles and layers, the file's layers."""

    def __init__(
        self, target: Corpus, path: Path, conn: sqlite3.Connection, names: dict[str, str], report: MergeReport
    ) -> None:
        self.target, self.path, self.conn, self.names, self.report = target, path, conn, names, report
        self.labels = _labels(target, conn, path, report)
        db = target.db
        self.here_ids = dict(db.execute("SELECT content_hash, id FROM articles").fetchall())
        self.here_layers = dict(
            ((article_id, name), changed)
            for article_id, name, changed in db.execute(
                "SELECT l.article_id, n.name, l.changed FROM layers l JOIN annotators n ON n.id = l.annotator_id"
            )
        )
        self.incoming: dict[int, list[tuple[str, str, str]]] = {}
        for article_id, name, status, changed in conn.execute(
            """SELECT l.article_id, n.name, l.status, l.changed FROM layers l JOIN annotators n ON n.id = l.annotator_id
               ORDER BY l.article_id, n.name"""
        ):
            self.incoming.setdefault(article_id, []).append((names.get(name, name), status, changed))

    def _plan(self, source_id: int, here: int | None, title: str) -> list[tuple[str, str, str, str]]:
        """(analyst, status, last change, ADDED or REPLACED) for each incoming layer to write; the
        layers kept are reported here."""
        plan = []
        for name, status, changed in self.incoming.get(source_id, ()):
            mine = self.here_layers.get((here, name)) if here is not None else None
            if mine is None:
                plan.append((name, status, changed, ADDED))
            elif changed > mine:
                plan.append((name, status, changed, REPLACED))
            else:
                self.report.layers.append(
                    LayerEvent(self.path.name, here, title, name, KEPT if mine > changed else SAME, 0)
                )
        return plan

    def _spans(self, source_id: int) -> dict[str, list[tuple]]:
        """The file's annotations of an article by analyst (names and labels as they are here)."""
        names, labels = self.names, self.labels
        out: dict[str, list[tuple]] = {}
        for label, start, end, text, by, note, created, updated, reviewer, reviewed_at in self.conn.execute(
            _ANNOTATIONS, [source_id]
        ):
            reviewer = names.get(reviewer, reviewer) if reviewer else None
            out.setdefault(names.get(by, by), []).append(
                (labels[label], start, end, text, note, created, updated, reviewer, reviewed_at)
            )
        return out

    def article(self, row: tuple) -> None:
        source_id, title, digest = row[0], row[1], row[7]
        here = self.here_ids.get(digest)
        plan = self._plan(source_id, here, title)
        if here is not None and not plan:
            return
        spans = self._spans(source_id) if plan else {}
        db, annotator_id = self.target.db, self.target.annotations.annotator_id
        events = []
        try:
            with db.atomic():  # the article and all its incoming layers, or nothing
                if here is None:
                    here = db.execute(
                        """INSERT INTO articles
                           (title, text, source, url, published, meta, content_hash, created, updated)
                           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        list(row[1:]),
                    ).lastrowid
                    self.report.articles_added.append((here, title))
                for name, status, changed, outcome in plan:
                    who = annotator_id(name)
                    rows = [
                        (
                            here,
                            label,
                            start,
                            end,
                            text,
                            who,
                            note,
                            created,
                            updated,
                            annotator_id(reviewer) if reviewer else None,
                            reviewed_at,
                        )
                        for label, start, end, text, note, created, updated, reviewer, reviewed_at in spans.get(
                            name, ()
                        )
                    ]
                    if outcome == REPLACED:
                        db.execute("DELETE FROM annotations WHERE article_id = ? AND annotator_id = ?", [here, who])
                    db.conn.executemany(_INSERT_ANNOTATIONS, rows)
                    db.execute(_SET_LAYER, [here, who, status, changed])  # last: the inserts moved it to now
                    events.append(LayerEvent(self.path.name, here, title, name, outcome, len(rows)))
        except BaseException:
            if self.report.articles_added and self.report.articles_added[-1] == (here, title):
                self.report.articles_added.pop()  # rolled back
            self.target.annotations.forget_annotator_ids()  # the rollback may have taken new annotators with it
            raise
        self.here_ids[digest] = here
        for name, _status, changed, _outcome in plan:
            self.here_layers[(here, name)] = changed
        self.report.layers.extend(events)


def merged_names(events: Iterable[LayerEvent], outcome: str) -> list[str]:
    """``article 12 "Title" (li)`` for each event of an outcome: the lines of a report."""
    return [f'article {e.article_id} "{e.title}" ({e.annotator})' for e in events if e.outcome == outcome]
