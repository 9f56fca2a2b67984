"""Connects the Consistency dock to the corpus: computes its lists (in the background), runs its
edits as undoable commands, and opens a missed mention in its article."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.formats.jobs import ScanStopped, consistency_job, scan_consistency
from annotator.ui.commands import Command, apply_and_push
from annotator.ui.consistency.commands import (
    AcceptMentions,
    MakeConsistent,
    RejectMentions,
)
from annotator.ui.consistency.dock import ConsistencyDock
from annotator.ui.consistency.models import ConflictsModel, MissedModel
from annotator.ui.editor import Editor
from annotator.ui.i18n import tr
from annotator.ui.search.controller import open_at
from annotator.ui.session import CorpusSession
from annotator.ui.tasks import Task
from annotator.ui.widgets.task_bar import TaskBar

ASK_ABOVE = 20  # accepting this many missed mentions at once asks first


class ConsistencyController(QObject):
    message = Signal(str)
    error = Signal(str)

    def __init__(
        self,
        session: CorpusSession,
        editor: Editor,
        stack: QUndoStack,
        open_article: Callable[[int], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.editor = editor
        self.stack = stack
        self.open_article = open_article
        self.conflicts = ConflictsModel(self)
        self.missed = MissedModel(self)
        self.dock = ConsistencyDock(self.conflicts, self.missed, parent)
        self.dock.hide()
        self.computed = False
        self.task: Task | None = None  # the scan under way, or the last one
        self._labels_changed()
        for signal in (session.annotations_added, session.annotations_removed, session.annotations_changed,
                       session.articles_imported):
            signal.connect(self._corpus_changed)
        session.labels_changed.connect(self._labels_changed)
        self.dock.refresh_requested.connect(lambda: self.compute())
        self.dock.consistent_requested.connect(self.make_consistent)
        self.dock.accept_requested.connect(self.accept)
        self.dock.reject_requested.connect(self.reject)
        self.dock.mention_activated.connect(self.open_mention)

    # --- showing -------------------------------------------------------------------------
    def show(self, tab: int | None = None) -> None:
        self.dock.show()
        self.dock.raise_()
        if tab is not None:
            self.dock.tabs.setCurrentIndex(tab)
        if not self.computed:
            self.compute()
        table = self.dock.conflict_table if self.dock.tabs.currentIndex() == 0 else self.dock.missed_table
        table.setFocus()

    def compute(self, then: Callable[[], None] | None = None) -> Task:
        """Look through the corpus in the background (a process of its own: the scan keeps Python
        busy), with progress and Stop in the status bar; the lists fill in when it is done and
        ``then`` runs. A scan under way is stopped for the new one."""
        if self.task is not None and not self.task.done:
            self.task.cancel()
        corpus = self.session.corpus
        if corpus.path is None:  # in memory: no other process can open it
            task = Task.inline(scan_consistency, corpus, cancel_errors=(ScanStopped,))
        else:
            task = Task.in_process(consistency_job, str(corpus.path), corpus.user, cancel_errors=(ScanStopped,))
        task.succeeded.connect(lambda result: self._computed(task, result, then))
        task.failed.connect(lambda exc: self.error.emit(tr("Could not look through the corpus: {exc}").format(exc=exc)))
        self.task = task
        window = self.parent()
        if hasattr(window, "statusBar"):
            TaskBar(window.statusBar(), task, tr("Looking for missed mentions…"))
        tasks = getattr(window, "tasks", None)  # the window stops and waits for them when it closes
        if tasks is not None:
            tasks.append(task)
            task.finished.connect(lambda: tasks.remove(task) if task in tasks else None)
        return task.start()

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done

    def _computed(self, task: Task, result: tuple[list, list], then: Callable[[], None] | None) -> None:
        if task is not self.task:  # a later scan replaced it
            return
        groups, mentions = result
        self.conflicts.set_groups(groups)
        self.missed.set_mentions(mentions)
        self.computed = True
        self.dock.set_stale(False)
        for table in (self.dock.conflict_table, self.dock.missed_table):  # the keyboard starts on the first row
            if table.model().rowCount() and not table.currentIndex().isValid():
                table.selectionModel().setCurrentIndex(
                    table.model().index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
                )
        if then is not None:
            then()

    def _corpus_changed(self, *_args) -> None:
        if self.computed:
            self.dock.set_stale(True)

    def _labels_changed(self) -> None:
        labels = self.session.labels
        self.conflicts.set_labels(labels)
        self.missed.set_labels(labels)
        self.dock.set_labels(labels)
        if self.computed:  # a deleted label took its annotations along
            self.dock.set_stale(True)

    def _refresh_after_edit(self) -> None:
        key = self.conflicts.group(self.dock.conflict_table.currentIndex().row())

        def reselect() -> None:
            row = self.conflicts.row_of(key.key) if key is not None else None
            if row is not None:
                self.dock.conflict_table.selectRow(row)

        self.compute(reselect)

    # --- edits ------------------------------------------------------------------------------
    def make_consistent(self, row: int, label_id: int) -> None:
        group, label = self.conflicts.group(row), self.session.label(label_id)
        if group is None or label is None:
            return
        self._run(
            MakeConsistent(self.session, group, label, self._refresh_after_edit),
            tr("“{text}” already carries one label.").format(text=group.text),
        )

    def accept(self, rows: list[int]) -> None:
        mentions = self.missed.mentions(rows)
        if not mentions or not self._confirm_accept(mentions):
            return
        opened = [self.editor.article.id] if self.editor.article is not None else []
        self._run(AcceptMentions(self.session, mentions, self._refresh_after_edit, opened), "")

    def _confirm_accept(self, mentions) -> bool:
        """Many mentions at once are labelled only after a question naming how many, and where."""
        if len(mentions) < ASK_ABOVE:
            return True
        articles = len({m.article_id for m in mentions})
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Accept missed mentions"),
            tr("Label {mentions} in {articles}?").format(
                mentions=tr("%Ln mention(s)", None, len(mentions)), articles=tr("%Ln article(s)", None, articles)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.dock,
        )
        box.setObjectName("acceptMentionsQuestion")
        box.setInformativeText(
            tr("Each gets the label its text carries most often. Articles not yet opened keep their status; "
            "Ctrl+Z undoes the whole of it.")
        )
        box.button(QMessageBox.StandardButton.Yes).setText(tr("&Label {count:,}").format(count=len(mentions)))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        answer = box.exec()
        box.deleteLater()
        return answer == QMessageBox.StandardButton.Yes

    def reject(self, rows: list[int]) -> None:
        mentions = self.missed.mentions(rows)
        if mentions:
            self._run(RejectMentions(self.session, mentions, self._refresh_after_edit), "")

    def _run(self, command: Command, nothing: str) -> None:
        """Apply once (a refusal is reported, not pushed), then push for Ctrl+Z; a no-op is not pushed."""
        problem, message = apply_and_push(command, self.stack, nothing)
        if problem:
            self.error.emit(problem)
        elif message:
            self.message.emit(message)

    def open_mention(self, row: int) -> None:
        m = self.missed.mention(row)
        if m is not None and not open_at(self.session, self.editor, self.open_article, m.article_id, m.start, m.end):
            self.message.emit(tr("That article is no longer in the corpus."))
