"""The open corpus as the UI sees it: writes go through here, and every change is announced.

Undo commands call these methods (or ``apply`` with an edit from ``store.edits``); widgets
only listen to the signals. Every edit returns the Changes it made, and ``announce`` emits
the signals from that value, in one place. Each edit commits to SQLite before it is
announced, so a view never shows an edit that is not saved.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from annotator.core.model import Annotation, Label, Status
from annotator.store import Corpus, CorpusError, edits
from annotator.store.backup import create_backup
from annotator.store.changes import Changes
from annotator.store.health import CorpusGoneError, CorpusLocksLostError, FileIdentity, data_version, write_error
from annotator.ui.i18n import QT_TR_NOOP, tr

RESTORE_HINT = QT_TR_NOOP("File › Restore from backup brings a backup back.")


def explain(exc: BaseException) -> str:
    """A store error as the window says it: with the way to restore where a backup is the way out."""
    text = str(exc)
    return f"{text} {RESTORE_HINT}" if getattr(exc, "restore_advised", False) else text


def gone_message(path: Path | str, rescue: Path | None) -> str:
    saved = (
        tr(
            "Everything saved until now was copied to the backup {rescue}; File › Restore from backup can bring it "
            "back."
        ).format(rescue=rescue)
        if rescue is not None
        else tr("The last automatic backup is listed under File › Restore from backup.")
    )
    return (
        tr(
            "The corpus file {path} is gone (deleted, moved or its drive removed), so nothing more can be saved to it. "
        ).format(path=path)
        + saved
    )


def locks_lost_message(path: Path | str, rescue: Path | None) -> str:
    saved = (
        tr("Everything this window holds was copied to the backup {rescue}.").format(rescue=rescue)
        if rescue is not None
        else tr("The last automatic backup is listed under File › Restore from backup.")
    )
    return tr(
        "Another program took over the corpus file {path} while it was open here (its -wal file was removed or "
        "replaced), so edits made here now would not reach the file: editing is stopped. {saved} Reopen the corpus to "
        "go on with what the file holds."
    ).format(path=path, saved=saved)

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 3000  # how often the file is looked at for other programs' commits
SIGNATURE_SETTLE_MS = 300  # after the last own edit, before the watched article's signature is taken again


class CorpusSession(QObject):
    annotations_added = Signal(list)  # list[Annotation]
    annotations_removed = Signal(list)  # list[Annotation]
    annotations_changed = Signal(list)  # list[tuple[Annotation, Annotation]] (old, new)
    labels_changed = Signal()
    article_changed = Signal(int)  # status or annotation count of this article changed
    articles_imported = Signal()
    saved = Signal()
    focus_requested = Signal(int)  # an undo/redo touched this article
    failed = Signal(str)  # an undo or redo the store refused
    changed_elsewhere = Signal()  # another program committed to the corpus file
    gone = Signal(str)  # the corpus file was deleted or replaced while open (a message)
    team_changed = Signal()  # assignments or blind mode changed

    def __init__(self, corpus: Corpus, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.corpus = corpus
        corpus.user = annotator  # the analyst whose statuses the store reads and writes
        self._labels: list[Label] = corpus.labels.list()
        self._identity = FileIdentity.of(corpus.path) if corpus.path is not None else None
        self._data_version = data_version(corpus.db.conn)
        self.gone_message: str | None = None  # set once the file is found gone or taken over
        self.lost: str | None = None  # then what happened: "gone" or "locks"
        self.locks_restored = 0  # times the locks were found dropped (files intact) and taken again
        self.edits = 0  # writes since opening, for the periodic backup
        # Polling for other programs' writes: every CHECK_INTERVAL_MS, and when the app comes back to the front.
        self.check_timer = QTimer(self, interval=CHECK_INTERVAL_MS, timeout=self.check_file)
        self._app: QApplication | None = None
        # The article the window shows, and its state as last shown. Own edits are not news: the
        # signature is taken again once typing pauses (a query over all its spans, too slow to
        # run on every key press of a long article).
        self._watched: int | None = None
        self._seen_signature: tuple | None = None
        self._signature_timer = QTimer(self, singleShot=True, interval=SIGNATURE_SETTLE_MS)
        self._signature_timer.timeout.connect(self._settled)
        self.saved.connect(self._own_edit_saved)
        # This window's own work on connections of its own (an import's process, the search indexer's
        # thread, a merge) changes the file's data_version as another program's would. While it runs,
        # and until a check has seen its commits, an own edit's signature is taken at once (not when
        # typing pauses), so a check compares exact signatures and only a real change elsewhere shows.
        self._own_background = 0
        self._own_background_ended = False
        self._foreign_change = False  # the watched article changed elsewhere before an own edit was taken in
        self._pending_own_edit = False  # while a settled own edit's check runs
        self._version_at_edit: int | None = None

    @property
    def annotator(self) -> str:
        """The analyst using the window: new annotations are theirs, and so are the statuses shown."""
        return self.corpus.user

    @annotator.setter
    def annotator(self, name: str) -> None:
        self.corpus.user = name

    # --- the file under us --------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[None]:
        """Wrap every write in this (commands that write through the store directly too): refused if
        the file is gone or another program took it over (its -wal replaced: this process's locks
        were lost); an SQLite failure becomes a one-line CorpusError saying nothing was saved."""
        self._check_before_write()
        self._note_foreign_change()
        try:
            yield
        except CorpusGoneError as exc:  # the store's own check, just before its transaction
            raise type(exc)(self._stop(self._problem() or "gone")) from exc
        except sqlite3.Error as exc:
            problem = self._problem()
            if problem is not None:
                raise CorpusGoneError(self._stop(problem)) from exc
            raise write_error(exc, self.corpus.path) from exc
        problem = self._problem()
        if problem is not None:  # taken over while this edit was written: it may not have reached the file
            raise CorpusLocksLostError(self._stop(problem))
        self.edits += 1

    def _problem(self) -> str | None:
        files = self.corpus.files
        if files is not None:
            return files.problem()
        if self._identity is not None and not self._identity.still_there():
            return "gone"
        return None

    def _check_before_write(self) -> None:
        if self.gone_message is not None:
            raise (CorpusLocksLostError if self.lost == "locks" else CorpusGoneError)(self.gone_message)
        problem = self._problem()
        if problem is not None:
            raise (CorpusLocksLostError if problem == "locks" else CorpusGoneError)(self._stop(problem))
        self._restore_locks()

    def _restore_locks(self) -> None:
        """The files are intact but this process no longer holds its locks on them (something in
        the process opened and closed one outside SQLite): take them again before another program
        can believe it is the last user and delete the WAL."""
        files = self.corpus.files
        if files is not None and files.locks_held() is False and files.retake_locks():
            self.locks_restored += 1

    def _stop(self, problem: str) -> str:
        """The file is gone or was taken over: refuse edits from now on, keep a copy of all the
        window's connection still holds, and say so (once)."""
        if self.gone_message is None:
            self.lost = problem
            if problem == "locks" and self.corpus.files is not None:
                self.corpus.files.pin()  # no close of ours may write this outdated state into the file
            rescue: Path | None = None
            try:  # the open connection still reads what it wrote: keep a copy of all it holds
                rescue = create_backup(self.corpus.db.conn, self.corpus.path)
            except CorpusError:
                log.error("No rescue copy of the lost corpus could be made", exc_info=True)
            self.gone_message = (gone_message if problem == "gone" else locks_lost_message)(self.corpus.path, rescue)
            self.gone.emit(self.gone_message)
        return self.gone_message

    def article_signature(self, article_id: int) -> tuple:
        """What changes when anyone edits this article's annotations or status (one indexed query)."""
        return self.corpus.articles.signature(article_id)

    # --- other programs' writes ---------------------------------------------------------
    def start_watching(self) -> None:
        """Begin polling the file for other programs' commits (a corpus file only)."""
        if self.corpus.path is None:
            return
        self.check_timer.start()
        app = QApplication.instance()
        if self._app is None and app is not None:
            self._app = app
            app.applicationStateChanged.connect(self._app_state_changed)

    def stop_watching(self) -> None:
        self.check_timer.stop()
        self._signature_timer.stop()
        if self._app is not None:
            self._app.applicationStateChanged.disconnect(self._app_state_changed)
            self._app = None

    def _app_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check_file()

    def watch_article(self, article_id: int | None) -> None:
        """The window now shows this article: remember its state, to tell later whether another
        program changed it."""
        self._watched = article_id
        self._foreign_change = False
        self._remember_signature()

    def _remember_signature(self) -> None:
        self._signature_timer.stop()
        watched = self._watched
        self._seen_signature = self.article_signature(watched) if watched is not None else None

    def watched_article_changed(self) -> bool:
        """After ``changed_elsewhere``: did the watched article's annotations or status change
        since it was shown (an own edit not yet in the signature counts, to be sure)? Takes its
        signature again."""
        watched = self._watched
        if watched is None:
            return False
        changed = self._foreign_change or self._pending_own_edit or self._signature_timer.isActive()
        changed = changed or self.article_signature(watched) != self._seen_signature
        self._foreign_change = False
        self._remember_signature()
        return changed

    def _note_foreign_change(self) -> None:
        """Before an own edit, when something else committed since the last check (own work, or another
        program): did the watched article change since it was last seen? Then the next check shows it."""
        if self._watched is not None and (self._own_work_pending() or self._version() != self._data_version):
            try:
                changed = self.article_signature(self._watched) != self._seen_signature
            except sqlite3.Error:
                return  # the write that follows says what is wrong
            if changed and not self._signature_timer.isActive():
                self._foreign_change = True

    def _own_edit_saved(self) -> None:
        if self._own_work_pending():
            self._remember_signature()  # a few ms on a long article; only while own work writes
        else:
            if not self._signature_timer.isActive():  # the first edit of a pause: commits by others from
                self._version_at_edit = self._version()  # now on are seen when it settles
            self._signature_timer.start()

    def own_work_started(self) -> None:
        """This window began writing on a connection of its own (see ``_own_background``)."""
        self._own_background += 1

    def own_work_ended(self) -> None:
        self._own_background = max(0, self._own_background - 1)
        self._own_background_ended = True
        # its commits seen at once (back to taking signatures lazily), unless the window stopped watching
        QTimer.singleShot(0, self, lambda: self.check_file() if self.check_timer.isActive() else None)

    def _settled(self) -> None:
        """Typing paused after an own edit: take the watched article's signature again. Had another
        program committed since that edit, the two cannot be told apart: the article is shown again."""
        if self._version() not in (None, self._version_at_edit) and not self._own_work_pending():
            self._pending_own_edit = True
            try:
                self.check_file()
            finally:
                self._pending_own_edit = False
        self._remember_signature()

    def _version(self) -> int | None:
        try:
            return data_version(self.corpus.db.conn)
        except sqlite3.Error:
            return None

    def _own_work_pending(self) -> bool:
        return bool(self._own_background or self._own_background_ended)

    def check_file(self) -> None:
        """Look for a vanished or taken-over file, lost locks, and commits by other programs;
        announce what is found."""
        if self.gone_message is not None:
            return
        problem = self._problem()
        if problem is not None:
            self._stop(problem)
            return
        self._restore_locks()
        try:
            version = data_version(self.corpus.db.conn)
        except sqlite3.Error as exc:
            log.debug("The corpus could not be checked for other programs' writes: %s", exc)
            return
        self._own_background_ended = False  # whatever ended work committed, this check has seen
        if version != self._data_version:
            self._data_version = version
            self.announce(Changes(labels=tuple(self.corpus.labels.list())), elsewhere=True)

    # --- writing ------------------------------------------------------------------
    def apply(self, write: Callable[[], Changes]) -> Changes:
        """Run one store edit (a function returning its Changes) and announce what it changed."""
        with self.writing():
            changes = write()
        self.announce(changes)
        return changes

    def announce(self, changes: Changes, elsewhere: bool = False) -> None:
        """The one place the session's data signals are emitted: from what a write changed
        (``elsewhere``: another program wrote; what exactly is not known, so views reload)."""
        if changes.removed:
            self.annotations_removed.emit(list(changes.removed))
        if changes.added:
            self.annotations_added.emit(list(changes.added))
        if changes.changed:
            self.annotations_changed.emit(list(changes.changed))
        if changes.labels_changed:
            self._labels = self.corpus.labels.list()
            self.labels_changed.emit()
        for article_id in changes.touched_articles:
            self.article_changed.emit(article_id)
        if changes.articles or changes.spans_imported:
            self.articles_imported.emit()
        if changes.team:
            self.team_changed.emit()
        if elsewhere:
            self.changed_elsewhere.emit()
        elif changes:
            self.saved.emit()

    # --- labels -------------------------------------------------------------------
    @property
    def labels(self) -> list[Label]:
        return list(self._labels)

    def label(self, label_id: int) -> Label | None:
        return next((lab for lab in self._labels if lab.id == label_id), None)

    def imported(self, articles: int, labels_created: Sequence[str], spans_added_to: Collection[int] = ()) -> None:
        """Announce an import (which writes through the importers, in its own transactions): articles
        added, labels created, and the articles already here that it added spans to."""
        labels = tuple(self.corpus.labels.list()) if labels_created else ()
        self._note_foreign_change()  # before the signature is taken again: a colleague's edit meanwhile shows
        self.announce(Changes(articles=articles, labels=labels, spans_imported=tuple(sorted(spans_added_to))))

    def add_label(self, label: Label) -> Label:
        return self.apply(lambda: edits.add_label(self.corpus, label)).labels[0]

    def update_label(self, label: Label) -> Label:
        return self.apply(lambda: edits.update_label(self.corpus, label)).labels[0]

    def reorder_labels(self, ids: list[int]) -> None:
        self.apply(lambda: edits.reorder_labels(self.corpus, ids))

    def delete_label(self, label_id: int) -> list[Annotation]:
        """Delete a label and its annotations; returns them so the deletion can be undone."""
        return list(self.apply(lambda: edits.delete_label(self.corpus, label_id)).removed)

    # --- annotations --------------------------------------------------------------
    def add_annotations(
        self, annotations: Sequence[Annotation], *, in_progress: Collection[int] | None = None
    ) -> list[Annotation]:
        return list(self.apply(lambda: edits.add_annotations(self.corpus, annotations, in_progress=in_progress)).added)

    def remove_annotations(self, annotations: Sequence[Annotation]) -> None:
        self.apply(lambda: edits.remove_annotations(self.corpus, annotations))

    def update_annotation(self, old: Annotation, new: Annotation) -> Annotation:
        """Write ``new`` over ``old`` (the same annotation as the views hold it now)."""
        return self.apply(lambda: edits.update_annotation(self.corpus, old, new)).changed[0][1]

    def settle(
        self, article_id: int, gold: str, extent: tuple[int, int] | None, add: Sequence[Annotation],
        remove: Sequence[Annotation], decision: bool | None, finished: bool | None = None,
    ) -> list[Annotation]:
        """One adjudication step in one transaction (see ``store.edits.settle``), then announced."""
        changes = self.apply(
            lambda: edits.settle(self.corpus, article_id, gold, extent, add, remove, decision, finished)
        )
        return list(changes.added)

    # --- articles -----------------------------------------------------------------
    def set_status(self, article_id: int, status: Status) -> None:
        self.apply(lambda: edits.set_status(self.corpus, article_id, status))

    # --- the team -----------------------------------------------------------------
    def assign(self, plan: dict[str, list[int]], *, replace: bool = True) -> None:
        self.apply(lambda: edits.assign(self.corpus, plan, replace=replace))

    def clear_assignments(self, article_ids: list[int] | None = None) -> None:
        self.apply(lambda: edits.clear_assignments(self.corpus, article_ids))

    def set_blind(self, on: bool) -> None:
        self.apply(lambda: edits.set_blind(self.corpus, on))
