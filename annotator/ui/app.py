"""The QApplication and the corpus a window shows: start-up, switching corpus, recent files."""

from __future__ import annotations

import logging
import os
import signal
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator import __version__
from annotator.core.identity import default_annotator
from annotator.formats.sample import default_corpus_path, open_default_corpus
from annotator.store import CorpusError, open_corpus
from annotator.store.backup import check_backup, restore_backup
from annotator.store.corpus import folder_writable
from annotator.store.team import SHARED_FOR
from annotator.ui import i18n, smoke
from annotator.ui import settings as keys
from annotator.ui.i18n import tr
from annotator.ui.icons import app_icon
from annotator.ui.main_window import MainWindow
from annotator.ui.schema_update import schema_update_dialog
from annotator.ui.session import CorpusSession, explain

log = logging.getLogger(__name__)

MAX_RECENT = 10


class AppController(QObject):
    """Owns the open corpus and its window; opens another corpus on request."""

    def __init__(self, settings: QSettings, annotator: str | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.annotator = annotator or keys.ANNOTATOR.read(settings) or default_annotator()
        self.window: MainWindow | None = None
        self.session: CorpusSession | None = None

    def open(self, path: Path | str | None, article_id: int | None = None) -> MainWindow:
        """Open a corpus in a new window (replacing the current one). Raises CorpusError."""
        if path is None:
            last = keys.LAST_CORPUS.read(self.settings)
            path = Path(last) if last and Path(last).is_file() else None
        if path is not None and self.session is not None and _same_file(path, self.session.corpus.path):
            self.close()  # the same file again (Recent corpora, a reopen): its old connection goes first
        read_only = False
        with schema_update_dialog(self.window):  # an older corpus brought up to date shows its progress
            if path is None or Path(path) == default_corpus_path():
                corpus = open_default_corpus(path, user=self.annotator)
            elif Path(path).is_file() and not folder_writable(Path(path)):
                # to read; edits are refused with a sentence
                corpus = open_corpus(path, create=False, read_only=True, user=self.annotator)
                read_only = True
            else:
                corpus = open_corpus(path, user=self.annotator)
        shared_for = corpus.team.setting(SHARED_FOR)  # a file shared for an analyst: the work in it is theirs
        session = CorpusSession(corpus, shared_for or self.annotator)
        window = MainWindow(session, self.settings)
        if shared_for and shared_for != self.annotator:
            window.status.showMessage(
                tr("This corpus file was shared for {shared_for}: you work in it as {shared_for}.").format(
                    shared_for=shared_for
                ),
                15000,
            )
        window.corpus_requested.connect(self.switch)
        window.restore_requested.connect(self.restore)
        old_window, old_session = self.window, self.session
        self.window, self.session = window, session
        self._remember(corpus.path)
        window.set_recent(self.recent())
        window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
            old_session.corpus.close()
        self._open_first_article(window, article_id)
        window.guard.start()  # a backup of the corpus as opened, then every few minutes of editing
        if read_only:
            folder = Path(corpus.path).parent
            window.show_read_only(
                tr(
                    "The folder {folder} is read-only (or on a read-only drive), so this corpus is shown for reading: "
                    "edits are not saved. To edit it, copy it to a writable folder and open the copy."
                ).format(folder=folder)
            )
        return window

    def _open_first_article(self, window: MainWindow, article_id: int | None) -> None:
        corpus = window.session.corpus
        if article_id is not None and not corpus.articles.exists(article_id):
            window.status.showMessage(
                tr("There is no article {article_id} in this corpus.").format(article_id=article_id), 8000
            )
            article_id = None
        if article_id is None:
            last = window.last_article()
            article_id = last if last is not None and corpus.articles.exists(last) else window.articles.article_id(0)
        window.open_article(article_id)

    def close(self) -> None:
        """Close the window (which stops its backups, search indexer and counting threads), then
        the corpus: cleanly, so SQLite checkpoints the WAL into the file, when this process still
        holds the file as it opened it; without touching it when the file is gone or was taken
        over (Corpus.close pins it), so an outdated WAL never overwrites another program's writes."""
        window, session = self.window, self.session
        self.window = self.session = None
        if window is not None:
            if window.isVisible():
                window.close()
            window.deleteLater()
        if session is not None:
            session.corpus.close()

    def switch(self, path: str) -> None:
        try:
            self.open(path)
        except CorpusError as exc:
            QMessageBox.warning(self.window, tr("Cannot open corpus"), explain(exc))
            if self.window is None:  # the corpus it replaced was closed first (the same file)
                QApplication.instance().quit()

    def restore(self, backup: str) -> MainWindow | None:
        """Replace the open corpus with a backup (the current state is backed up first), then reopen it."""
        window = self.window
        if window is None or window.session.corpus.path is None:
            return None
        path = Path(window.session.corpus.path)
        try:
            check_backup(backup)
        except CorpusError as exc:
            QMessageBox.warning(
                window, tr("Restore failed"), tr("{exc} The corpus was left as it was.").format(exc=exc)
            )
            return None
        self.close()  # no connection of this process stays open on the file while it is replaced
        try:
            before = restore_backup(backup, path)
        except CorpusError as exc:
            failed = str(exc)
        else:
            failed = None
        try:
            reopened = self.open(path)
        except CorpusError as exc:
            QMessageBox.critical(None, tr("Cannot reopen corpus"), str(exc))
            QApplication.instance().quit()
            return None
        if failed is not None:
            QMessageBox.warning(
                reopened, tr("Restore failed"), tr("{failed} The corpus was left as it was.").format(failed=failed)
            )
            return None
        taken = datetime.fromtimestamp(Path(backup).stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        reopened.status.showMessage(
            tr("Restored the backup of {taken}. What the corpus held before is kept as the backup {name}.").format(
                taken=taken, name=before.name
            ),
            15000,
        )
        return reopened

    # --- recent corpora -------------------------------------------------------------------
    def recent(self) -> list[str]:
        return [p for p in keys.RECENT_CORPORA.read(self.settings) if Path(p).is_file()]

    def _remember(self, path: Path | None) -> None:
        if path is None:
            return
        path = str(Path(path).resolve())
        paths = [path] + [p for p in self.recent() if p != path]
        keys.RECENT_CORPORA.write(self.settings, paths[:MAX_RECENT])
        keys.LAST_CORPUS.write(self.settings, path)


def _same_file(a: Path | str, b: Path | str | None) -> bool:
    """Do two paths name one file (by device and inode: ``stat`` only, nothing is opened)?"""
    if b is None:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError as exc:
        log.debug("%s and %s could not be compared: %s", a, b, exc)
        return False


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Annotator")
    app.setOrganizationName("Annotator")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.annotator.Annotator")  # Wayland app id: finds the .desktop entry and icon
    i18n.install(app, i18n.effective_language(QSettings()))
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    return app


def _choose_platform() -> None:
    """On a Linux machine with no display, run offscreen rather than abort, and say so."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        print(
            "annotator: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window runs "
            "offscreen and cannot be seen. Start it from a desktop session, or under a virtual display "
            "(xvfb-run annotator). The command line works without a display: annotator --help. "
            "Press Ctrl+C to stop.",
            file=sys.stderr,
        )


def run_gui(db_path: Path | None = None, article_id: int | None = None, annotator: str | None = None) -> int:
    """Start the desktop app; returns the process exit status."""
    _choose_platform()
    app = make_app()
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in the terminal quits (nothing is ever unsaved)
    controller = AppController(QSettings(), annotator)
    try:
        controller.open(db_path, article_id)
    except CorpusError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        if QApplication.platformName() != "offscreen":  # nobody could close a box no one sees
            QMessageBox.critical(None, tr("Cannot open corpus"), explain(exc))
        return 1
    if smoke.wanted():
        smoke.report_and_quit(controller.window)
    status = app.exec()
    leave(controller, status)
    return status  # not reached


def leave(controller: AppController, status: int) -> None:
    """End the process as soon as the window has closed.

    Everything is saved by then (each edit is committed before the window shows it, and the window's
    workers stopped when it closed); the corpus is closed here, explicitly, and the process exits
    without tearing down thousands of Qt and Python objects one by one, which took most of the
    time a quit took (a few tenths of a second, more on a loaded machine)."""
    controller.close()  # the corpus too: its WAL checkpointed into the file (unless it was taken over)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
