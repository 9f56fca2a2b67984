"""Is the corpus file still there, does this process still hold SQLite's locks on it, did another
program change it, and what a failed write means.

Used by the desktop app and the command line to turn SQLite's terse errors into sentences, to stop
writing into a file that was deleted or replaced under it, and to notice edits made by another process.

Why the locks matter: on Linux SQLite's locks are POSIX ``fcntl`` locks, owned by the process.
Opening and closing any of the corpus's files outside SQLite drops all of them, silently. The next
program that opens and closes the corpus then believes it is the last user: it checkpoints the WAL
and deletes ``-wal`` and ``-shm``, and whatever this process commits afterwards goes into a WAL
file that no longer exists on disk. ``CorpusFiles`` notices that (the ``-wal`` it holds open is no
longer the one on disk), and ``pin`` keeps the connection's close from writing its outdated WAL
over the file.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

from annotator.store.errors import CorpusError

log = logging.getLogger(__name__)

try:
    import fcntl
except ImportError:  # Windows: SQLite's locks there are not POSIX locks, and none of this applies
    fcntl = None


class CorpusWriteError(CorpusError):
    """A write the corpus file did not take (busy, full, read-only, gone). Nothing of it was saved."""


class CorpusGoneError(CorpusWriteError):
    """The corpus file was deleted, moved or replaced, or its drive went away, while open."""


class CorpusLocksLostError(CorpusGoneError):
    """Another program removed or replaced the corpus's -wal file: this process's locks were lost."""


# SQLite's lock bytes in the main file (os_unix.c): a reader holds a read lock on part of the
# SHARED range; whoever would checkpoint and delete the WAL at close needs a write lock on all of it.
_PENDING_BYTE = 0x40000000
_SHARED_FIRST = _PENDING_BYTE + 2
_SHARED_SIZE = 510
_SHM_DMS = 128  # the -shm byte every connection holds a read lock on while it has the file open
_KEPT_FOR_LOCKS: list[int] = []  # descriptors through which locks were taken again (see retake_locks)


@dataclass(frozen=True, slots=True)
class FileIdentity:
    """Which file a path named when the corpus was opened (device and inode)."""

    path: Path
    device: int
    inode: int

    @classmethod
    def of(cls, path: Path | str) -> "FileIdentity":
        st = os.stat(path)
        return cls(Path(path), st.st_dev, st.st_ino)

    def still_there(self) -> bool:
        """True while the path still names the same file (not deleted, moved away or replaced)."""
        try:
            st = os.stat(self.path)
        except OSError as exc:
            log.debug("The corpus file is not there: %s", exc)
            return False
        return (st.st_dev, st.st_ino) == (self.device, self.inode)


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


class CorpusFiles:
    """The files of one open corpus as this process's SQLite connection holds them.

    It keeps a descriptor on the ``-wal`` from opening to closing (opening a file never drops a
    lock, and SQLite takes none on the ``-wal``, so holding or closing this one is harmless).
    ``problem()`` then tells, with a few ``stat`` calls and without reading any byte, whether
    the main file is still the one opened and the ``-wal`` on disk still the one SQLite writes.
    """

    _open: dict[tuple[int, int], int] = {}  # (device, inode) of every corpus file open in this process

    @classmethod
    def open_here(cls) -> set[tuple[int, int]]:
        return {key for key, count in cls._open.items() if count > 0}

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.wal_path = self.path.with_name(self.path.name + "-wal")
        self.main = FileIdentity.of(self.path)
        self._key = (self.main.device, self.main.inode)
        CorpusFiles._open[self._key] = CorpusFiles._open.get(self._key, 0) + 1
        self._wal_fd: int | None = None
        try:
            self._wal_fd = os.open(self.wal_path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError as exc:  # not in WAL mode (a read-only open): nothing to watch
            log.debug("No -wal to watch: %s", exc)
        try:
            self._shm = os.stat(self.path.with_name(self.path.name + "-shm"))
        except OSError as exc:
            log.debug("No -shm beside the corpus: %s", exc)
            self._shm = None
        self._pin_fd: int | None = None
        self._locks_visible = self.locks_held() is True  # False where Linux's /proc cannot show them

    def problem(self) -> str | None:
        """None while all is well; else ``"gone"`` (the main file was deleted, moved or replaced)
        or ``"locks"`` (the ``-wal`` was removed or replaced: another program took over the file)."""
        if not self.main.still_there():
            return "gone"
        if self._wal_fd is None:
            return None
        try:
            held = os.fstat(self._wal_fd)
            on_disk = os.stat(self.wal_path)
        except OSError as exc:
            log.warning("The corpus's -wal is gone from under this process: %s", exc)
            return "locks"
        if held.st_nlink == 0 or not _same(held, on_disk):
            return "locks"
        return None

    def wal_is_ours(self) -> bool:
        """Is the -wal beside the path still the one this connection writes? (Then so is the -shm:
        no other program has opened what is at the path since.)"""
        if self._wal_fd is None:
            return False
        try:
            return _same(os.fstat(self._wal_fd), os.stat(self.wal_path))
        except OSError as exc:
            log.debug("The -wal could not be compared: %s", exc)
            return False

    def remove_orphans(self) -> None:
        """After the connection closed on a main file that was deleted or moved away: remove its -wal
        and -shm if they are still the ones it used (SQLite leaves them, as it cannot checkpoint into
        a file that is gone), so that a new file of the same name never replays them. ``unlink``
        opens nothing, so no lock is touched."""
        if self.main.still_there() or not self.wal_is_ours():
            return
        shm = self.path.with_name(self.path.name + "-shm")
        try:
            if self._shm is not None and _same(os.stat(shm), self._shm):
                shm.unlink()
            self.wal_path.unlink()
        except OSError:
            log.warning("The outdated -wal and -shm could not be removed", exc_info=True)

    def _locked_inodes(self) -> set[int] | None:
        """Inodes of the corpus's main file and ``-shm`` this process holds a POSIX lock on; None
        where that cannot be seen. Linux lists the locks taken through each open descriptor in
        ``/proc/self/fdinfo/N``: the descriptors on those two files are found by ``stat`` of
        ``/proc/self/fd/N`` (which opens nothing), and only theirs are read. That costs a fraction
        of a millisecond, where ``/proc/locks`` (every lock of the machine) can take several."""
        if not sys.platform.startswith("linux"):
            return None
        wanted = set()
        for path in (self.path, self.path.with_name(self.path.name + "-shm")):
            try:
                st = os.stat(path)
            except OSError:
                continue
            wanted.add((st.st_dev, st.st_ino))
        pid = str(os.getpid())
        found: set[int] = set()
        try:
            names = os.listdir("/proc/self/fd")
        except OSError as exc:
            log.debug("/proc/self/fd could not be listed: %s", exc)
            return None
        for name in names:
            try:
                st = os.stat(f"/proc/self/fd/{name}")
                if (st.st_dev, st.st_ino) not in wanted:
                    continue
                with open(f"/proc/self/fdinfo/{name}", encoding="ascii", errors="replace") as fh:  # not a corpus file
                    info = fh.read()
            except OSError:  # closed meanwhile, or not a file
                continue
            for line in info.splitlines():
                fields = line.split()  # lock:  1: POSIX  ADVISORY  READ  PID  MAJ:MIN:INODE  START  END
                if len(fields) > 6 and fields[0] == "lock:" and fields[2] == "POSIX" and fields[5] == pid:
                    found.add(st.st_ino)
        return found

    def _missing_locks(self) -> list[tuple[Path, int, int]] | None:
        """The locks SQLite holds for an idle connection in WAL mode that this process lacks: a read
        lock on the main file's shared range, and one on the -shm's "in use" byte. None where unseen."""
        if getattr(self, "_locks_visible", True) is False:
            return None
        held = self._locked_inodes()
        if held is None:
            return None
        shm = self.path.with_name(self.path.name + "-shm")
        missing = []
        for path, start, length in ((self.path, _SHARED_FIRST, _SHARED_SIZE), (shm, _SHM_DMS, 1)):
            try:
                if os.stat(path).st_ino not in held:
                    missing.append((path, start, length))
            except OSError as exc:
                log.debug("No lock to look for on %s: %s", path, exc)
                continue
        return missing

    def locks_held(self) -> bool | None:
        """Whether this process still holds its locks on the main file and the -shm (Linux:
        ``/proc/self/fdinfo``); None where that cannot be seen."""
        missing = self._missing_locks()
        return None if missing is None else not missing

    def pin(self) -> None:
        """Keep the connection's close from checkpointing an outdated WAL into the file or deleting
        another program's ``-wal``: hold a read lock of our own on SQLite's shared range, through an
        open file description of the file SQLite has open (Linux), so its close cannot get the
        exclusive lock it needs for that. Idempotent."""
        if self._pin_fd is not None or fcntl is None or not hasattr(fcntl, "F_OFD_SETLK"):
            return
        fd = self._open_connected_file()
        if fd is None:
            return
        lock = struct.pack("hhqqi4x", fcntl.F_RDLCK, os.SEEK_SET, _SHARED_FIRST, _SHARED_SIZE, 0)
        try:
            fcntl.fcntl(fd, fcntl.F_OFD_SETLK, lock)
        except OSError as exc:
            log.info("The corpus could not be pinned (another program holds it exclusively): %s", exc)
            os.close(fd)  # another program holds the file exclusively: no close of ours can get it either
            return
        self._pin_fd = fd

    def retake_locks(self) -> bool:
        """Take again the locks SQLite holds for an idle connection in WAL mode (a read lock on the
        main file's shared range, and one on the -shm's "in use" byte), after something in this
        process dropped them while the files stayed intact; True when Linux shows them held again.

        They are POSIX locks of this process, as SQLite's own are: SQLite upgrades and releases
        them as usual later on. The descriptors they are taken through stay open until the process
        ends, since closing one would drop the locks once more.
        """
        if fcntl is None or self.problem() is not None:
            return False
        for path, start, length in self._missing_locks() or ():
            try:
                fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            except OSError:
                log.warning("The lock on %s could not be taken again", path, exc_info=True)
                return False
            try:
                fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB, length, start, os.SEEK_SET)
            except OSError as exc:  # another program holds it exclusively (it is checkpointing): not now
                log.info("The lock on %s could not be taken again yet: %s", path, exc)
                os.close(fd)  # drops nothing: this process holds no lock on that file
                return False
            _KEPT_FOR_LOCKS.append(fd)
        return self.locks_held() is True

    def _open_connected_file(self) -> int | None:
        """A new descriptor on the inode SQLite has open as the main file (found in /proc/self/fd,
        so it works when the path names another file now, or none)."""
        for name in os.listdir("/proc/self/fd") if os.path.isdir("/proc/self/fd") else []:
            link = f"/proc/self/fd/{name}"
            try:
                st = os.stat(link)
            except OSError as exc:
                log.debug("%s: %s", link, exc)
                continue
            if (st.st_dev, st.st_ino) == (self.main.device, self.main.inode):
                try:
                    return os.open(link, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
                except OSError as exc:
                    log.debug("%s could not be opened again: %s", link, exc)
                    return None
        return None

    def close(self) -> None:
        """After the SQLite connection is closed: let go of the descriptors held here."""
        for fd in (self._wal_fd, self._pin_fd):
            if fd is not None:
                os.close(fd)
        if self._key is not None:
            CorpusFiles._open[self._key] -= 1
        self._wal_fd = self._pin_fd = self._key = None


def is_corpus_file(path: Path | str, corpus_path: Path | str) -> bool:
    """Does ``path`` name the corpus file or one of SQLite's files beside it (``stat`` only)?
    Writing an export there would replace the corpus under the program that has it open."""
    corpus_path = Path(corpus_path)
    for suffix in ("", "-wal", "-shm", "-journal"):
        sibling = corpus_path.with_name(corpus_path.name + suffix)
        if Path(path).absolute() == sibling.absolute() or Path(path).resolve() == sibling.resolve():
            return True
        try:
            if os.path.samefile(path, sibling):
                return True
        except OSError as exc:
            log.debug("%s and %s could not be compared: %s", path, sibling, exc)
    return False


def data_version(conn: sqlite3.Connection) -> int:
    """SQLite's counter that moves when another connection commits to the file (not our own commits)."""
    return conn.execute("PRAGMA data_version").fetchone()[0]


def write_error(exc: sqlite3.Error, path: Path | str | None) -> CorpusWriteError:
    """A failed write as a message for the user, saying that nothing of it was saved."""
    name = str(path) if path else "The corpus"
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorname", "") or ""
    if "locked" in text or "busy" in text or code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        why = (
            "another program (the app in another window, or an annotator command) is writing to it. "
            "Try again in a moment"
        )
    elif "full" in text or code.startswith("SQLITE_FULL"):
        why = "the disk is full. Free some space, then try again"
    elif "readonly" in text or "read-only" in text or code.startswith("SQLITE_READONLY"):
        why = "the file or its folder is read-only. Make it writable, or open a copy of it"
    elif "malformed" in text or code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        why = (
            "the file is damaged. Restore it from a backup, "
            "or open another copy; do not go on editing this one"
        )
    elif "disk i/o" in text or code.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")):
        why = "the disk could not be written (was its drive removed?)"
    else:
        why = f"SQLite said: {exc}"
    if not why.startswith("SQLite said"):
        why += f" (SQLite: {exc})"
    error = CorpusWriteError(
        f"The edit was not saved: {name} could not be written; {why}. Everything saved before is intact."
    )
    error.restore_advised = "damaged" in why
    return error


__all__ = [
    "CorpusFiles",
    "CorpusGoneError",
    "CorpusLocksLostError",
    "CorpusWriteError",
    "FileIdentity",
    "data_version",
    "write_error",
]
