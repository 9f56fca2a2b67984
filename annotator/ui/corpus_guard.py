"""Watching over the open corpus: automatic backups, and changes made by other programs.

- A backup (SQLite's backup API, in a background thread (``ui/tasks.py``) so the window never waits) when the app
  opens a corpus, then every ``BACKUP_INTERVAL_MS`` while edits have been made since the last one.
- The session's polling for other programs' commits (``CorpusSession.start_watching``) runs
  while the guard does; the window refreshes or warns on what the session announces.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.store import CorpusError
from annotator.store.backup import KEEP, create_backup
from annotator.ui.session import CorpusSession
from annotator.ui.tasks import Task

BACKUP_INTERVAL_MS = 10 * 60 * 1000


class CorpusGuard(QObject):
    backup_made = Signal(str)  # path of the new backup
    backup_failed = Signal(str)  # a message

    def __init__(self, session: CorpusSession, parent: QObject | None = None, *, keep: int = KEEP) -> None:
        super().__init__(parent)
        self.session = session
        self.keep = keep
        self._stopped = False
        self._pending: Task | None = None
        self._edits_at_backup = 0
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_INTERVAL_MS)
        self.backup_timer.timeout.connect(self.backup_if_edited)

    def start(self, *, backup_now: bool = True) -> None:
        """Begin watching; with ``backup_now``, take the backup for this opening at once."""
        if self.session.corpus.path is None:
            return
        self.session.start_watching()
        self.backup_timer.start()
        if backup_now:
            self.backup()

    def pause(self) -> None:
        """Stop the timers and wait for a backup under way to finish; ``start`` goes on."""
        self.session.stop_watching()
        self.backup_timer.stop()
        self.wait()

    def stop(self) -> None:
        """For good (the window closes): timers off, and any backup under way finished first."""
        self.pause()
        self._stopped = True

    # --- backups -------------------------------------------------------------------------
    def backup_if_edited(self) -> Task | None:
        if self.session.edits == self._edits_at_backup:
            return None
        return self.backup()

    def backup(self) -> Task | None:
        """Start a backup in a background thread (one at a time); returns its task."""
        path = self.session.corpus.path
        if path is None or self.session.gone_message is not None or self._stopped:
            return None
        if self._pending is not None and not self._pending.done:
            return self._pending
        self._edits_at_backup = self.session.edits
        task = Task.in_thread(_backup, Path(path), self.keep)
        task.succeeded.connect(lambda made: self.backup_made.emit(str(made)))
        task.failed.connect(lambda exc: self.backup_failed.emit(str(exc)))
        self._pending = task.start()
        return task

    def wait(self) -> Path | None:
        """Block until the backup under way (if any) is done; its file, or None."""
        pending = self._pending
        if pending is None:
            return None
        pending.wait(timeout=600)
        if pending.error is not None and not isinstance(pending.error, CorpusError):
            raise pending.error
        return pending.result if pending.error is None else None


def _backup(progress, path: Path, keep: int) -> Path:
    return create_backup(path, keep=keep)
