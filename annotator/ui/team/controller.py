"""The team in the window: View › Annotations of, the Team menu, blind mode in the title bar, the
user's queue in the article list and for Ctrl+Enter. The main window creates one and asks it for
the next article of the queue; everything else is wired here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from annotator.core.model import Status
from annotator.store import CorpusError
from annotator.store.backup import create_backup
from annotator.store.corpus import second_connection
from annotator.store.merge import merge_corpus
from annotator.store.share import share_corpus
from annotator.ui import file_dialogs
from annotator.ui import settings as keys
from annotator.ui.commands import refusal
from annotator.ui.corpus_files import CORPUS_FILTER
from annotator.ui.i18n import tr
from annotator.ui.tasks import Task
from annotator.ui.team.assign_dialog import AssignDialog
from annotator.ui.team.commands import AssignArticles, ClearAssignments, SetBlind
from annotator.ui.team.layers_dialog import LayersDialog, MergeDialog
from annotator.ui.widgets.task_bar import TaskBar

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

MINE, EVERYONE, CHOSEN = "mine", "everyone", "chosen"
DETAIL_LINES = 500  # of a merge report shown in the window


class TeamController(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.chosen: frozenset[str] = frozenset()
        self.task = None  # the merge or share running in the background
        self._done: set[int] = set()  # the user's queued articles they marked done
        self.last_report = None
        # View › Annotations of
        self.layers_menu = QMenu(tr("Annotations &of"), window)
        self.layers_menu.setObjectName("annotationsOfMenu")
        group = QActionGroup(self)
        self.show_mine = self._action(tr("&Mine only"), tr("Show only your own annotations"), checkable=True)
        self.show_everyone = self._action(
            tr("&Everyone's"), tr("Show every analyst's annotations; theirs are outlined and read-only"), checkable=True
        )
        self.show_chosen = self._action(
            tr("&Chosen analysts…"), tr("Show your annotations and those of the analysts you choose"), checkable=True
        )
        for action in (self.show_mine, self.show_everyone, self.show_chosen):
            group.addAction(action)
            self.layers_menu.addAction(action)
        self.show_everyone.setChecked(True)
        self.show_mine.triggered.connect(lambda: self.set_view(MINE))
        self.show_everyone.triggered.connect(lambda: self.set_view(EVERYONE))
        self.show_chosen.triggered.connect(self.choose_analysts)
        # Team
        actions = window.window_actions  # the Team menu's commands are declared in ui/actions.py
        self.assign, self.clear, self.share = actions.assign, actions.clear_assignments, actions.share
        self.merge, self.blind = actions.merge, actions.blind
        self.assign.triggered.connect(self.open_assign_dialog)
        self.clear.triggered.connect(self.clear_assignments)
        self.share.triggered.connect(lambda: self.share_for())
        self.merge.triggered.connect(lambda: self.merge_files())
        self.blind.triggered.connect(self.toggle_blind)
        self._place_menus()
        self.session.team_changed.connect(self.refresh)
        self.session.changed_elsewhere.connect(self.refresh)  # another program assigned, merged or set blind mode
        self.session.article_changed.connect(self.update_queue_title)
        self.refresh()

    def _action(self, text: str, tip: str, *, checkable: bool = False) -> QAction:
        action = QAction(text, self.window, checkable=checkable)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        return action

    def _place_menus(self) -> None:
        view = self.window.window_actions.menus["&View"]  # by its English title, in any language
        first = view.actions()[0] if view.actions() else None
        view.insertMenu(first, self.layers_menu)
        view.insertSeparator(first)

    def actions(self) -> list[QAction]:
        return [self.show_mine, self.show_everyone, self.show_chosen]

    # --- what the window shows ----------------------------------------------------------
    def refresh(self) -> None:
        """After a change of user, assignments or blind mode: queue, title, view choices."""
        corpus = self.session.corpus
        blind = corpus.team.blind
        self.blind.setChecked(blind)
        for action in (self.show_everyone, self.show_chosen):
            action.setEnabled(not blind)
        self.layers_menu.setToolTip(tr("Blind mode: you see only your own annotations") if blind else "")
        self.window.review.dock.filters.restrict_to(self.session.annotator if blind else None)
        for action in (self.window.window_actions.consistency, self.window.window_actions.missed_mentions):
            action.setEnabled(not blind)  # they compare everyone's labels: not while each works blind
        own = self.window.window_actions.suggest_own_only  # suggestions learn from the analyst's labels alone
        own.blockSignals(True)  # shown on while blind, without changing the analyst's own choice
        own.setChecked(blind or keys.SUGGEST_OWN_ONLY.read(self.window.settings))
        own.blockSignals(False)
        own.setEnabled(not blind)
        own.setToolTip(tr("Blind mode: suggestions come only from your own labels") if blind else own.statusTip())
        self.window.suggestions.blind_changed()
        self.window.articles.set_queue(corpus.team.assigned(self.session.annotator))
        self.update_queue_title()
        self.update_title()
        self._apply_view()

    def update_queue_title(self, article_id: int | None = None) -> None:
        """The article list's title says how far the user is in their queue (one article re-read when
        only its status may have changed: this runs on every label key press)."""
        queue = self.window.articles.queue
        if article_id is None:
            statuses = self.session.corpus.layers.statuses_of(queue) if queue else {}
            self._done = {i for i, s in statuses.items() if s == Status.DONE}
        elif self.window.articles.in_queue(article_id):
            if self.session.corpus.layers.status(article_id) == Status.DONE:
                self._done.add(article_id)
            else:
                self._done.discard(article_id)
        else:
            return
        title = (
            tr("Articles — my queue: {count:,} of {count2:,} done").format(count=len(self._done), count2=len(queue))
            if queue
            else tr("Articles")
        )
        self.window.article_dock.setWindowTitle(title)

    def update_title(self) -> None:
        path = self.session.corpus.path
        name = Path(path).name if path else tr("Corpus")
        blind = tr(" · blind mode") if self.session.corpus.team.blind else ""
        gone = tr(" (file gone)") if self.session.gone_message else ""
        self.window.setWindowTitle(
            tr("{name} — {annotator}{blind}{gone} — Annotator").format(
                name=name, annotator=self.session.annotator, blind=blind, gone=gone
            )
        )

    def view(self) -> str:
        if self.session.corpus.team.blind or self.show_mine.isChecked():
            return MINE
        return CHOSEN if self.show_chosen.isChecked() else EVERYONE

    def set_view(self, mode: str, chosen: frozenset[str] | None = None) -> None:
        if chosen is not None:
            self.chosen = frozenset(chosen)
        {MINE: self.show_mine, EVERYONE: self.show_everyone, CHOSEN: self.show_chosen}[mode].setChecked(True)
        self._apply_view()

    def _apply_view(self) -> None:
        mode = self.view()
        shown = None if mode == EVERYONE else (frozenset() if mode == MINE else self.chosen)
        if shown != self.window.editor.shown:
            self.window.editor.show_layers(shown)

    def choose_analysts(self) -> LayersDialog:
        me = self.session.annotator
        names = [n for n in self.session.corpus.annotations.annotators() if n != me]
        dialog = LayersDialog(names, self.chosen, self.window)
        dialog.chosen.connect(lambda picked: self.set_view(CHOSEN, picked))
        dialog.rejected.connect(lambda: self.set_view(self._previous_view()))
        dialog.open()
        return dialog

    def _previous_view(self) -> str:
        shown = self.window.editor.shown
        return EVERYONE if shown is None else (MINE if not shown else CHOSEN)

    # --- the queue ---------------------------------------------------------------------------
    def next_in_queue(self, current: int | None) -> int | None:
        """The next article of the user's queue they have not finished, after ``current`` (wrapping)."""
        queue = self.window.articles.queue
        if not queue:
            return None
        statuses = self.session.corpus.layers.statuses_of(queue)
        later = [i for i in queue if current is None or i > current] + [
            i for i in queue if current is not None and i < current
        ]
        return next((i for i in later if statuses[i] != Status.DONE), None)

    # --- team edits -------------------------------------------------------------------------
    def _run(self, command) -> bool:
        problem = refusal(command)
        if problem:
            self._tell(tr("Annotator"), problem, warning=True)
            return False
        self.window.undo_stack.push(command)
        return True

    def _tell(self, title: str, text: str, *, warning: bool = False, details: str = "") -> QMessageBox:
        """A message box that does not block (the window keeps running while it is read)."""
        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("teamReport")
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def open_assign_dialog(self) -> AssignDialog:
        dialog = AssignDialog(self.session.corpus, self.window)
        dialog.assign_requested.connect(self._assign)
        dialog.open()
        return dialog

    def _assign(self, plan: dict) -> None:
        if self._run(AssignArticles(self.session, plan)):
            n = len({i for ids in plan.values() for i in ids})
            self.window.status.showMessage(
                tr("Assigned %Ln article(s) to {analysts}.", None, n).format(
                    analysts=tr("%n analyst(s)", None, len(plan))
                ),
                6000,
            )

    def clear_assignments(self) -> None:
        if self.session.corpus.team.count():
            self._run(ClearAssignments(self.session))

    def toggle_blind(self, on: bool) -> None:
        if on != self.session.corpus.team.blind:
            self._run(SetBlind(self.session, on))
        self.refresh()

    # --- files -----------------------------------------------------------------------------
    def _file_corpus(self) -> bool:
        if self.session.corpus.path is None:
            self.window.status.showMessage(tr("This corpus is not a file: save work in a corpus file first."), 6000)
            return False
        return True

    def share_for(self, name: str | None = None, out: str | None = None):
        if not self._file_corpus():
            return None
        corpus = self.session.corpus
        if name is None:
            names = sorted(corpus.team.plan()) or [
                n for n in corpus.annotations.annotators() if not n.startswith("import:")
            ]
            name, ok = QInputDialog.getItem(self.window, tr("Share for an analyst"), tr("Analyst:"), names, 0, True)
            if not ok or not name.strip():
                return None
        if out is None:
            start = str(Path(corpus.path).with_name(f"{name.strip()}.db"))
            out = file_dialogs.save_file_name(
                self.window, tr("Share for {name}").format(name=name), start, CORPUS_FILTER
            )
            if not out:
                return None
            if Path(out).exists():
                self._tell(
                    tr("Share for an analyst"),
                    tr("{out} already exists; choose another name.").format(out=out),
                    warning=True,
                )
                return None

        def work(progress):
            with second_connection(corpus) as own:
                return share_corpus(own, name, out)

        def finished(report, error) -> None:
            self.task = None
            if error is not None:
                self._tell(tr("Share for an analyst"), str(error), warning=True)
                return
            self.last_report = report
            self.window.status.showMessage(report.summary(), 10000)
            self._tell(tr("Share for an analyst"), report.summary())

        self.task = self._in_background(tr("Writing a corpus file for {name}…").format(name=name), work, finished)
        return self.task

    def merge_files(self, paths: list[str] | None = None, rename: str | None = None, ask: bool = True):
        if not self._file_corpus():
            return None
        if paths is None:
            paths = file_dialogs.open_file_names(
                self.window, tr("Merge corpus files"), str(Path(self.session.corpus.path).parent), CORPUS_FILTER
            )
            if not paths:
                return None
        if ask:
            dialog = MergeDialog(paths, self.window)
            dialog.merge_requested.connect(lambda files, as_name: self.merge_files(files, as_name, ask=False))
            dialog.open()
            return dialog
        corpus = self.session.corpus

        going = [True]  # False once Cancel was pressed (seen at the merge's next progress report)

        def work(progress):
            with second_connection(corpus) as own:
                return merge_corpus(
                    own,
                    paths,
                    rename=rename or None,
                    progress=lambda done, total: going.__setitem__(0, progress(done, total)),
                    cancelled=lambda: not going[0],
                    backup=lambda: str(create_backup(own.db.conn, own.path)),
                )

        self.task = self._in_background(tr("Merging corpus files…"), work, self._merged)
        return self.task

    def _in_background(self, title: str, work, finished) -> Task:
        """Run ``work(progress)`` on a pool thread with the status bar's progress and Cancel;
        ``finished(result, error)`` on the window's thread."""
        task = Task.in_thread(work)
        self.session.own_work_started()  # its commits are this window's, not another program's
        task.finished.connect(self.session.own_work_ended)
        task.succeeded.connect(lambda result: finished(result, None))
        task.failed.connect(lambda error: finished(None, error))
        task.cancelled.connect(lambda: finished(None, CorpusError(tr("Stopped; nothing half-done was kept."))))
        TaskBar(self.window.status, task, title)
        return task.start()

    def _merged(self, report, error) -> None:
        self.task = None
        self.session.check_file()  # another connection wrote: labels, list and text catch up
        self.window.articles.refresh()
        self.refresh()
        if error is not None:
            message = (
                str(error) if isinstance(error, CorpusError) else tr("The merge stopped: {error}").format(error=error)
            )
            self._tell(tr("Merge corpus files"), message, warning=True)
            return
        self.last_report = report
        details = [
            tr("Refused {file}: {why}").format(file=file, why=why) for file, why in report.refused
        ] + report.lines()
        if len(details) > DETAIL_LINES:  # a big merge: the first lines, and how many more
            more = len(details) - DETAIL_LINES
            details = details[:DETAIL_LINES] + [
                tr("… and {more:,} more lines (annotator merge lists them all).").format(more=more)
            ]
        self.window.status.showMessage(report.summary(), 10000)
        self._tell(tr("Merge corpus files"), report.summary(), warning=not report.ok, details="\n".join(details))
