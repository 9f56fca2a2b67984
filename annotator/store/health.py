"""Is the corpus file still there, did another program change it, and what a failed write means.

Used by the desktop app to turn SQLite's terse errors into sentences, to stop writing into a
file that was deleted or replaced under it, and to notice edits made by another process.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from annotator.store.errors import CorpusError


class CorpusWriteError(CorpusError):
    """A write the corpus file did not take (busy, full, read-only, gone). Nothing of it was saved."""


class CorpusGoneError(CorpusWriteError):
    """The corpus file was deleted, moved or replaced, or its drive went away, while open."""


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
        except OSError:
            return False
        return (st.st_dev, st.st_ino) == (self.device, self.inode)


def data_version(conn: sqlite3.Connection) -> int:
    """SQLite's counter that moves when another connection commits to the file (not our own commits)."""
    return conn.execute("PRAGMA data_version").fetchone()[0]


def write_error(exc: sqlite3.Error, path: Path | str | None) -> CorpusWriteError:
    """A failed write as a message for the user, saying that nothing of it was saved."""
    name = str(path) if path else "The corpus"
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorname", "") or ""
    if "locked" in text or "busy" in text or code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        why = "another program (the app in another window, or an annotator command) is writing to it. Try again in a moment"
    elif "full" in text or code.startswith("SQLITE_FULL"):
        why = "the disk is full. Free some space, then try again"
    elif "readonly" in text or "read-only" in text or code.startswith("SQLITE_READONLY"):
        why = "the file or its folder is read-only. Make it writable, or open a copy with File › Open corpus"
    elif "disk i/o" in text or code.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")):
        why = "the disk could not be written (was its drive removed?)"
    else:
        why = f"SQLite said: {exc}"
    if not why.startswith("SQLite said"):
        why += f" (SQLite: {exc})"
    return CorpusWriteError(f"The edit was not saved: {name} could not be written; {why}. Everything saved before is intact.")


def gone_message(path: Path | str, rescue: Path | None) -> str:
    saved = (
        f"Everything saved until now was copied to the backup {rescue}; File › Restore from backup can bring it back."
        if rescue is not None
        else "The last automatic backup is listed under File › Restore from backup."
    )
    return f"The corpus file {path} is gone (deleted, moved or its drive removed), so nothing more can be saved to it. {saved}"


__all__ = ["CorpusGoneError", "CorpusWriteError", "FileIdentity", "data_version", "gone_message", "write_error"]
