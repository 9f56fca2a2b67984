"""Watching over the open corpus: automatic backups, and changes made by other programs.

- A backup (SQLite's backup API, in a background thread (``ui/tasks.py``) so the window never waits) when the app
  opens a corpus, then every ``BACKUP_INTERVAL_MS`` while edits have been made since the last one.
- Every ``CHECK_INTERVAL_MS``, and whenever the app comes back to the front, the session
  checks whether another program committed to the file (``PRAGMA data_version``) or the file
  is gone; the window refreshes or warns.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from annotator.store import CorpusError
from annotator.store.backup import KEEP, create_backup
from annotator.ui.session import CorpusSession
from annotator.ui.tasks import Task

BACKUP_INTERVAL_MS = 10 * 60 * 1000
CHECK_INTERVAL_MS = 3000


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
        self.check_timer = QTimer(self)
        self.check_timer.setInterval(CHECK_INTERVAL_MS)
        self.check_timer.timeout.connect(session.check_file)
        self._app = QApplication.instance()
        if self._app is not None:
            self._app.applicationStateChanged.connect(self._app_state_changed)

    def start(self, *, backup_now: bool = True) -> None:
        """Begin watching; with ``backup_now``, take the backup for this opening at once."""
        if self.session.corpus.path is None:
            return
        self.check_timer.start()
        self.backup_timer.start()
        if backup_now:
            self.backup()

    def pause(self) -> None:
        """Stop the timers and wait for a backup under way to finish; ``start`` goes on."""
        self.check_timer.stop()
        self.backup_timer.stop()
        self.wait()

    def stop(self) -> None:
        """For good (the window closes): timers off, and any backup under way finished first."""
        self.pause()
        if self._app is not None:
            self._app.applicationStateChanged.disconnect(self._app_state_changed)
            self._app = None
        self._stopped = True

    def _app_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.session.check_file()

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
