"""Snapshots of a corpus file, taken with SQLite's online backup API and kept in a bounded folder.

A snapshot is consistent even while the corpus is being written (the backup API reads one
committed state of the database; a plain file copy of a live WAL database is not safe).
Snapshots live in the user's data folder, one subfolder per corpus, so they survive a corpus
folder that is deleted, unmounted or read-only:

    <user data>/Annotator/backups/<corpus name>-<hash of its full path>/<name>-<UTC time>.db

Each is a complete, standalone corpus file: it can be opened with ``annotator --db`` as it is.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from platformdirs import user_data_dir

from annotator.store.errors import CorpusError, NewerSchemaError, NotACorpusError

log = logging.getLogger(__name__)

KEEP = 10  # snapshots kept per corpus; the oldest go first
_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?\.db$")
_APPLICATION_ID = 0x414E4E4F  # the same mark store.corpus writes ("ANNO")


@dataclass(frozen=True, slots=True)
class Backup:
    """One snapshot: where it is, when it was taken (UTC), and what it holds."""

    path: Path
    created: datetime
    articles: int | None  # None when the file cannot be read as a corpus
    annotations: int | None

    @property
    def readable(self) -> bool:
        return self.articles is not None


def backup_root() -> Path:
    return Path(user_data_dir("Annotator", appauthor=False)) / "backups"


def backup_folder(corpus_path: Path | str, root: Path | None = None) -> Path:
    """The folder holding the snapshots of one corpus file (not created here)."""
    path = Path(corpus_path).resolve()
    digest = hashlib.sha1(str(path).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    stem = re.sub(r"[^\w.-]+", "_", path.stem)[:40] or "corpus"
    return (root or backup_root()) / f"{stem}-{digest}"


@contextmanager
def _connect_readonly(path: Path) -> Iterator[sqlite3.Connection]:
    from annotator.store.corpus import connect_read_only  # a read-only folder or drive works too

    conn = connect_read_only(path)
    try:
        yield conn
    finally:
        conn.close()


_SIDE_FILES = ("-journal", "-wal", "-shm")


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@contextmanager
def _turn(folder: Path) -> Iterator[None]:
    """Hold the backup folder's lock: backups of one corpus (from any program) take turns.

    The lock is a file of its own beside the backup folder, never a corpus file."""
    try:
        import fcntl
    except ImportError:  # no flock: each backup still stages under a name of its own
        yield
        return
    fd = os.open(folder.parent / f".{folder.name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # waits for the backup under way to finish
        yield
    finally:
        os.close(fd)  # releases the lock


@contextmanager
def _connect_source(path: Path) -> Iterator[sqlite3.Connection]:
    """A corpus file to copy from, opened so that it is left as it was: never created, nothing
    written (query_only), and, as a read-write connection, the last one to close removes the
    -wal and -shm files that opening a WAL database makes (a read-only one would leave them)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=10)
    try:
        conn.execute("PRAGMA query_only = 1")
        conn.execute("PRAGMA application_id").fetchone()  # opens the WAL, which needs a writable folder
    except sqlite3.OperationalError:  # a read-only folder or drive: read it as a read-only corpus is read
        conn.close()
        from annotator.store.corpus import connect_read_only

        conn = connect_read_only(path)
    try:
        yield conn
    finally:
        conn.close()


def _snapshot(source: sqlite3.Connection, folder: Path, stem: str) -> Path:
    """Copy ``source`` into a new snapshot file in ``folder`` with the backup API, atomically;
    return it. Staged under a name no other backup uses, and never over another snapshot."""
    fd, staged = tempfile.mkstemp(prefix=f".{stem}-", suffix=".db.tmp", dir=folder)
    os.close(fd)
    tmp = Path(staged)
    try:
        with closing(sqlite3.connect(str(tmp))) as dest:
            source.backup(dest)  # one step: one consistent, committed state of the source
            dest.execute("PRAGMA journal_mode = DELETE")  # a standalone file, no -wal beside it
            dest.commit()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        while True:
            target = _new_name(folder, stem, datetime.now(timezone.utc))
            try:
                os.link(tmp, target)  # fails if another backup took the name meanwhile
            except FileExistsError:
                continue
            except OSError:  # a file system without hard links
                if target.exists():
                    raise
                os.replace(tmp, target)
            return target
    finally:
        _remove_with_side_files(tmp)  # a full disk can leave a -journal beside the staged file


def _new_name(folder: Path, stem: str, when: datetime) -> Path:
    """``stem-<time>.db``; a second one within the same second gets ``-2``, then ``-3``... (always rising)."""
    base = f"{stem}-{when.strftime(_STAMP)}"
    taken = [
        int(m["n"] or 1)
        for p in folder.glob(f"{base}*.db")
        if (m := _NAME.match(p.name)) and m["stamp"] == when.strftime(_STAMP)
    ]
    return folder / (f"{base}-{max(taken) + 1}.db" if taken else f"{base}.db")


def _check_source(conn: sqlite3.Connection, path: Path) -> None:
    """Only an Annotator corpus is backed up: another file given by mistake is refused, not copied."""
    if conn.execute("PRAGMA application_id").fetchone()[0] != _APPLICATION_ID:
        raise NotACorpusError(f"{path} is not an Annotator corpus; nothing was backed up.")


def create_backup(
    source: sqlite3.Connection | Path | str,
    corpus_path: Path | str | None = None,
    *,
    folder: Path | None = None,
    keep: int = KEEP,
    protect: Path | None = None,
) -> Path:
    """Snapshot a corpus into its backup folder, prune to ``keep`` snapshots; return the new file.

    ``source`` is an open connection (the app's own, which also works when the file has
    meanwhile disappeared from disk) or the path of a corpus file. ``corpus_path`` names the
    corpus when ``source`` is a connection. ``protect`` is a snapshot pruning must keep (the
    one a restore is about to read). Backups of the same corpus, from any program, take
    turns. Raises CorpusError with a readable message.
    """
    if corpus_path is None:
        if isinstance(source, sqlite3.Connection):
            raise ValueError("corpus_path is needed when source is a connection")
        corpus_path = source
    corpus_path = Path(corpus_path)
    folder = folder or backup_folder(corpus_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with _turn(folder):
            stem = folder.name.rsplit("-", 1)[0]
            if isinstance(source, sqlite3.Connection):
                target = _snapshot(source, folder, stem)
            else:
                with _connect_source(Path(source)) as conn:
                    _check_source(conn, Path(source))
                    target = _snapshot(conn, folder, stem)
            prune(folder, keep, protect=protect)
    except (OSError, sqlite3.Error) as exc:
        raise CorpusError(f"Could not back up {corpus_path} to {folder}: {_reason(exc)}.") from exc
    return target


def _reason(exc: BaseException) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def prune(folder: Path, keep: int = KEEP, *, protect: Path | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` snapshots in ``folder`` (never ``protect``), and staged
    files that a stopped backup left. Call it holding the folder's turn (``_turn``)."""
    removed = []
    for stale in folder.glob(".*.db.tmp*"):
        stale.unlink(missing_ok=True)
    kept = protect.resolve() if protect is not None else None
    for backup in list_backups(folder=folder, counts=False)[keep:]:
        if backup.path.resolve() == kept:
            continue
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def _counts(path: Path) -> tuple[int | None, int | None]:
    try:
        with _connect_readonly(path) as conn:
            if conn.execute("PRAGMA application_id").fetchone()[0] != _APPLICATION_ID:
                return None, None
            articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            annotations = conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
            return articles, annotations
    except sqlite3.Error as exc:
        log.info("The backup %s could not be counted: %s", path, exc)
        return None, None


def list_backups(
    corpus_path: Path | str | None = None, *, folder: Path | None = None, counts: bool = True
) -> list[Backup]:
    """The snapshots of a corpus, newest first (with article and annotation counts when asked)."""
    if folder is None:
        if corpus_path is None:
            raise ValueError("give corpus_path or folder")
        folder = backup_folder(corpus_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        m = _NAME.match(path.name)
        if not m or not path.is_file():
            continue
        created = datetime.strptime(m["stamp"], _STAMP).replace(tzinfo=timezone.utc)
        found.append((created, int(m["n"] or 1), path))
    found.sort(reverse=True)
    out = []
    for created, _n, path in found:
        articles, annotations = _counts(path) if counts else (None, None)
        out.append(Backup(path, created, articles, annotations))
    return out


def check_backup(path: Path | str) -> Backup:
    """Make sure ``path`` is a whole, readable corpus this version can open; raise CorpusError if not."""
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"The backup {path} does not exist.")
    try:
        with _connect_readonly(path) as conn:
            if conn.execute("PRAGMA application_id").fetchone()[0] != _APPLICATION_ID:
                raise NotACorpusError(f"{path} is not an Annotator corpus.")
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                raise NotACorpusError(f"The backup {path.name} is damaged ({result}).")
            from annotator.store.migrations import KNOWN, MIGRATION_SET

            applied = {
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
                )
            }
            if applied - set(KNOWN):
                raise NewerSchemaError(f"The backup {path.name} was written by a newer version of Annotator.")
    except sqlite3.Error as exc:
        raise NotACorpusError(f"The backup {path.name} cannot be read ({exc}).") from exc
    articles, annotations = _counts(path)
    m = _NAME.match(path.name)
    created = (
        datetime.strptime(m["stamp"], _STAMP).replace(tzinfo=timezone.utc)
        if m
        else datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
    )
    return Backup(path, created, articles, annotations)


def restore_backup(
    backup: Path | str, corpus_path: Path | str, *, folder: Path | None = None, keep: int = KEEP
) -> Path:
    """Replace the content of the corpus file with a snapshot; return the snapshot of the state replaced.

    The current state is backed up first (so a restore can itself be undone by restoring that
    snapshot). The corpus is overwritten through the backup API, inside SQLite's locking: close
    the corpus in this process first; another process that has it open sees the restored
    content on its next read. Raises CorpusError, leaving the corpus as it was, when the
    snapshot is unusable or the corpus is busy.
    """
    backup, corpus_path = Path(backup), Path(corpus_path)
    check_backup(backup)
    if backup.resolve() == corpus_path.resolve():
        raise CorpusError("A corpus cannot be restored from itself.")
    # The backup of the state replaced never prunes away the snapshot being restored (the oldest one, say).
    before = (
        create_backup(corpus_path, folder=folder, keep=max(keep, 2), protect=backup) if corpus_path.exists() else None
    )
    try:
        with _connect_readonly(backup) as src, closing(sqlite3.connect(str(corpus_path), timeout=10)) as dest:
            src.backup(dest)
            if dest.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                dest.execute("PRAGMA journal_mode = WAL")
            dest.commit()
    except sqlite3.Error as exc:
        raise CorpusError(f"Could not restore {corpus_path} from {backup.name}: {exc}.") from exc
    return before if before is not None else backup


__all__ = [
    "Backup",
    "KEEP",
    "backup_folder",
    "backup_root",
    "check_backup",
    "create_backup",
    "list_backups",
    "prune",
    "restore_backup",
]
