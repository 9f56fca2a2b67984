"""The main window: composes the panes, docks and actions, and wires them. No editing logic here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMenu, QMessageBox, QVBoxLayout, QWidget

from annotator.core.model import Status
from annotator.ui import corpus_files, dock_places, file_dialogs
from annotator.ui import settings as keys
from annotator.ui.consistency.controller import ConsistencyController
from annotator.ui.corpus_guard import CorpusGuard
from annotator.ui.dialogs.about import AboutDialog
from annotator.ui.dialogs.annotate_all import AnnotateAllDialog
from annotator.ui.dialogs.label_manager import LabelManagerDialog
from annotator.ui.dialogs.note_editor import NoteEditor
from annotator.ui.dialogs.restore import RestoreDialog
from annotator.ui.dialogs.shortcuts import ShortcutsDialog, everything_on
from annotator.ui.editor import Editor
from annotator.ui.i18n import language_menu, language_name, tr
from annotator.ui.icons import app_icon
from annotator.ui.models.annotation_table import AnnotationTableModel
from annotator.ui.models.article_list import ArticleListModel
from annotator.ui.review.controller import ReviewController
from annotator.ui.search.controller import SearchController
from annotator.ui.session import CorpusSession
from annotator.ui.stats.dock import StatsDock
from annotator.ui.status import StatusBar
from annotator.ui.suggest.controller import SuggestionController
from annotator.ui.team.controller import TeamController
from annotator.ui.team.wiring import attach_team
from annotator.ui.widgets.annotation_dock import AnnotationDock
from annotator.ui.widgets.article_dock import ArticleDock
from annotator.ui.widgets.article_view import ArticleView
from annotator.ui.widgets.first_run_hint import FirstRunHint
from annotator.ui.widgets.label_palette import LabelPalette
from annotator.ui.window_actions import WindowActions


class MainWindow(QMainWindow):
    corpus_requested = Signal(str)  # open this corpus file instead of the current one
    restore_requested = Signal(str)  # replace the corpus with this backup file

    def __init__(self, session: CorpusSession, settings: QSettings) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self.settings = settings
        self.setWindowTitle(
            tr("{value} — Annotator").format(
                value=Path(session.corpus.path).name if session.corpus.path else tr("Corpus")
            )
        )
        self.setWindowIcon(app_icon())
        self.resize(1280, 820)
        self.setAcceptDrops(True)

        self._key_of: tuple[object, str] = (None, "")  # (corpus path, its settings key)
        self.articles = ArticleListModel(session.corpus, self)
        self.annotations = AnnotationTableModel(self)
        self.view = ArticleView(self)
        self.pane = self.view.pane
        self.hint = FirstRunHint(settings, self)
        self.hint.dismissed.connect(self.pane.setFocus)
        centre = QWidget(self, objectName="centre")
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.hint)
        centre_layout.addWidget(self.view, 1)
        self.setCentralWidget(centre)
        self.article_dock = ArticleDock(self.articles, self)
        self.annotation_dock = AnnotationDock(self.annotations, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.article_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.annotation_dock)
        self.resizeDocks([self.article_dock, self.annotation_dock], [330, 330], Qt.Orientation.Horizontal)
        self.label_palette = LabelPalette(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.label_palette)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.guard = CorpusGuard(session, self)  # backups and changes by other programs; started by the app
        self.tasks: list = []  # background work under way (ui/tasks.py): stopped when the window closes
        self.undo_stack = QUndoStack(self)
        self.editor = Editor(session, self.pane, self.annotations, self.undo_stack, self)
        self.review = ReviewController(session, self.editor, self.undo_stack, self.open_article, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.review.dock)
        self.search = SearchController(session, self.editor, self.open_article, self)
        self.consistency = ConsistencyController(session, self.editor, self.undo_stack, self.open_article, self)
        self.stats = StatsDock(session, self)
        self.stats.hide()
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.search.dock)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.consistency.dock)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.stats)  # never over the annotation list
        self.tabifyDockWidget(self.review.dock, self.search.dock)
        self.tabifyDockWidget(self.search.dock, self.consistency.dock)
        self.tabifyDockWidget(self.consistency.dock, self.stats)
        for corner in (Qt.Corner.BottomLeftCorner, Qt.Corner.BottomRightCorner):  # the lists below span the window
            self.setCorner(corner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.window_actions = WindowActions(self)
        self.label_palette.set_snap_action(self.window_actions.snap)
        self.recent_menu = QMenu(tr("Recent &corpora"), self)
        self.recent_menu.setObjectName("recentMenu")
        self.label_menu = self.window_actions.build_menus(
            self.recent_menu,
            [self.article_dock.toggleViewAction(), self.annotation_dock.toggleViewAction(),
             self.label_palette.toggleViewAction()],
        )
        view_menu = next(m for m in self.menuBar().findChildren(QMenu) if self.window_actions.zoom_in in m.actions())
        view_menu.addSeparator()
        view_menu.addMenu(language_menu(view_menu, self.settings, self._language_chosen))
        self.suggestions = SuggestionController(session, self.editor, self.undo_stack, settings, self)
        self._add_suggestions()
        self.team = TeamController(self)  # View › Annotations of, the Team menu, the queue, blind mode
        self._wire()
        self.agreement, self.adjudication = attach_team(self)
        self._labels_changed()
        self._restore_settings()
        self._update_actions()
        self._show_empty_state()

    # --- wiring --------------------------------------------------------------------
    def _wire(self) -> None:
        act, ed, s = self.window_actions, self.editor, self.session
        act.new_corpus.triggered.connect(self._new_corpus)
        act.open_corpus.triggered.connect(self._open_corpus)
        act.import_files.triggered.connect(lambda: corpus_files.import_files(self))
        act.import_folder.triggered.connect(lambda: corpus_files.import_folder(self))
        act.export.triggered.connect(lambda: corpus_files.export_dataset(self))
        act.restore_backup.triggered.connect(self.open_restore_dialog)
        act.quit.triggered.connect(self.close)
        act.undo.triggered.connect(self.undo_stack.undo)
        act.redo.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(act.undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(act.redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda t: act.undo.setText(tr("&Undo {t}").format(t=t) if t else tr("&Undo"))
        )
        self.undo_stack.redoTextChanged.connect(
            lambda t: act.redo.setText(tr("&Redo {t}").format(t=t) if t else tr("&Redo"))
        )
        act.delete.triggered.connect(ed.delete_selected)
        act.note.triggered.connect(self._edit_note)
        act.annotate_all.triggered.connect(self._annotate_all)
        act.grow_start.triggered.connect(lambda: ed.move_edge("start", -1))
        act.shrink_start.triggered.connect(lambda: ed.move_edge("start", +1))
        act.grow_end.triggered.connect(lambda: ed.move_edge("end", +1))
        act.shrink_end.triggered.connect(lambda: ed.move_edge("end", -1))
        act.snap.toggled.connect(self._set_snap)
        act.annotator.triggered.connect(self._ask_annotator)
        act.manage_labels.triggered.connect(self.open_label_manager)
        act.next_article.triggered.connect(lambda: self._step_article(1))
        act.previous_article.triggered.connect(lambda: self._step_article(-1))
        act.done_next.triggered.connect(self._done_and_next)
        act.reopen.triggered.connect(lambda: ed.set_status(Status.IN_PROGRESS))
        act.find_article.triggered.connect(self._find_article)
        act.show_label_names.toggled.connect(self.pane.set_show_label_names)
        act.show_label_names.triggered.connect(
            lambda on: keys.SHOW_LABEL_NAMES.write(self.settings, "on" if on else "off"))
        act.find_in_article.triggered.connect(self.view.find_bar.open)
        act.find_next.triggered.connect(lambda: self.view.find_bar.step(+1))
        act.find_previous.triggered.connect(lambda: self.view.find_bar.step(-1))
        self.view.empty.import_requested.connect(lambda: corpus_files.import_files(self))
        act.focus_text.triggered.connect(self.pane.setFocus)
        act.focus_articles.triggered.connect(lambda: self._focus_dock(self.article_dock))
        act.focus_annotations.triggered.connect(lambda: self._focus_dock(self.annotation_dock))
        act.zoom_in.triggered.connect(lambda: self.pane.zoom(1))
        act.zoom_out.triggered.connect(lambda: self.pane.zoom(-1))
        act.zoom_reset.triggered.connect(lambda: self.pane.zoom(0))
        act.shortcuts.triggered.connect(self.show_shortcuts)
        act.about.triggered.connect(self._about)
        act.show_hint.triggered.connect(self.hint.show_again)
        act.review.triggered.connect(
            lambda: self._open_list(self.review.show, self.review.dock, self.review.dock.table))
        self.review.dock.addActions([act.undo, act.redo])  # Ctrl+Z works in a floating review too
        self.review.message.connect(lambda m: self.status.showMessage(m, 5000))
        self.review.error.connect(self._show_error)
        act.search_corpus.triggered.connect(
            lambda: self._open_list(self.search.show, self.search.dock, self.search.dock.table))
        act.consistency.triggered.connect(
            lambda: self._open_list(
                lambda: self.consistency.show(0), self.consistency.dock, self.consistency.dock.conflict_table))
        act.missed_mentions.triggered.connect(
            lambda: self._open_list(
                lambda: self.consistency.show(1), self.consistency.dock, self.consistency.dock.missed_table))
        act.statistics.triggered.connect(
            lambda: self._open_list(self.stats.show_now, self.stats, None, self.article_dock))
        for dock in (self.search.dock, self.consistency.dock, self.stats):
            dock.addActions([act.undo, act.redo])  # Ctrl+Z works in a floating dock too
        for part in (self.search, self.consistency):
            part.message.connect(lambda m: self.status.showMessage(m, 5000))
        self.consistency.error.connect(self._show_error)
        self.consistency.dock.conflict_activated.connect(self._show_conflict)

        self.label_palette.label_requested.connect(self._label_key)
        self.article_dock.article_activated.connect(self.open_article)
        self.annotation_dock.annotation_chosen.connect(lambda ident, focus: ed.select_annotation(ident, focus=focus))
        ed.article_opened.connect(self._article_opened)
        ed.selection_changed.connect(self._selection_changed)
        ed.message.connect(lambda m: self.status.showMessage(m, 5000))
        ed.error.connect(self._show_error)
        s.failed.connect(self._show_error)
        s.labels_changed.connect(self._labels_changed)
        s.article_changed.connect(self._article_changed)
        s.saved.connect(self.status.show_saved)
        s.articles_imported.connect(self._articles_imported)
        s.changed_elsewhere.connect(self._changed_elsewhere)
        ed.article_opened.connect(lambda article: s.watch_article(article.id if article is not None else None))
        s.gone.connect(self._corpus_gone)
        self.guard.backup_failed.connect(
            lambda m: self.status.showMessage(tr("Automatic backup failed: {m}").format(m=m), 10000)
        )
        self.articles.modelReset.connect(self._update_position)
        self.articles.modelReset.connect(self._show_empty_state)
        for signal in (self.annotations.rowsInserted, self.annotations.rowsRemoved, self.annotations.modelReset):
            signal.connect(self._update_count)
        self.pane.selection_changed_cp.connect(self._update_actions)

    def _add_suggestions(self) -> None:
        self.status.insertPermanentWidget(0, self.suggestions.status)
        self.suggestions.message.connect(lambda m: self.status.showMessage(m, 8000))

    def _label_key(self, label_id: int) -> None:
        """A label key or palette button: accepts the selected suggestion with that label, else labels the selection."""
        if not self.suggestions.accept_with_label(label_id):
            self.editor.apply_label(label_id)

    # --- labels --------------------------------------------------------------------
    def _labels_changed(self) -> None:
        labels = self.session.labels
        self.window_actions.set_labels(labels, self._label_key)
        self.window_actions.fill_label_menu(self.label_menu)
        self.label_palette.set_labels(labels)
        self.hint.set_text(labels, *self.window_actions.hint_places())
        acts = self.window_actions
        self.pane.set_context_actions(
            [*acts.label_actions, None, acts.delete, acts.note, acts.annotate_all]
        )

    def open_label_manager(self) -> LabelManagerDialog:
        dialog = LabelManagerDialog(self.session, self)
        dialog.add_requested.connect(lambda lab: self._label_request(dialog, self.editor.add_label, lab))
        dialog.update_requested.connect(
            lambda old, new: self._label_request(dialog, self.editor.update_label, old, new)
        )
        dialog.delete_requested.connect(lambda lab: self._label_request(dialog, self.editor.delete_label, lab))
        dialog.reorder_requested.connect(lambda ids: self._label_request(dialog, self.editor.reorder_labels, ids))
        dialog.addActions([self.window_actions.undo, self.window_actions.redo])  # Ctrl+Z works in the dialog too
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()  # modeless: the text and palette update while it is open
        return dialog

    def _label_request(self, dialog: LabelManagerDialog, method, *args) -> None:
        problem = method(*args)
        if problem:
            dialog.show_error(problem)

    # --- articles ------------------------------------------------------------------
    def open_article(self, article_id: int | None) -> None:
        self.annotation_dock.commit_edit()  # a note being typed is saved, not dropped
        self.editor.open_article(article_id)

    def _article_opened(self, article) -> None:
        self.view.show_article(article)
        choice = keys.SHOW_LABEL_NAMES.read(self.settings)
        self.window_actions.show_label_names.setChecked(
            choice == "on" or (choice == "auto" and self.pane.has_touching_spans())
        )
        if article is not None:
            self.article_dock.show_article(article.id)
            keys.LAST_ARTICLE.at(self._corpus_key()).write(self.settings, article.id)
        self._update_position()
        self._update_actions()

    def _article_changed(self, article_id: int) -> None:
        self.articles.article_changed(article_id)
        if self.editor.article and self.editor.article.id == article_id:
            self._update_position()

    def _articles_imported(self) -> None:
        self.articles.refresh()
        if self.editor.article is None and self.articles.total():
            self.open_article(self.articles.article_id(0))

    def _show_empty_state(self) -> None:
        self.view.show_empty_corpus(self.articles.total() == 0 and not self.articles.filter_text)

    def _step_article(self, step: int) -> bool:
        current = self.editor.article
        least_sure = self.suggestions.least_sure_next(current.id if current else None) if step > 0 else None
        if least_sure is not None:
            target = least_sure
        elif current is None:
            target = self.articles.article_id(0)
        else:
            row = self.articles.row_of(current.id)
            if row is not None:
                target = self.articles.article_id(row + step)
            else:  # the open article is filtered out of the list: its neighbour among those shown
                target = self.session.corpus.articles.neighbour(current.id, step, self.articles.filter_text or None)
        if target is None:
            self.status.showMessage(
                tr("This is the last article.") if step > 0 else tr("This is the first article."), 4000
            )
            return False
        self.open_article(target)
        return True

    def _done_and_next(self) -> None:
        if self.editor.article is None:
            return
        self.annotation_dock.commit_edit()
        current = self.editor.article.id
        if not self.editor.set_status(Status.DONE):
            return
        if self.articles.queue:  # the user's queue: its next article they have not finished
            target = self.team.next_in_queue(current)
            if target is None:
                self.status.showMessage(tr("Marked done. Every article of your queue is done."), 6000)
            else:
                self.open_article(target)
            return
        if not self._step_article(1):
            self.status.showMessage(tr("Marked done. That was the last article in the list."), 5000)

    def _language_chosen(self, code: str) -> None:
        name = language_name(code) if code else tr("the system's language")
        self.status.showMessage(tr("Annotator will speak {language} from the next start.").format(language=name), 8000)

    def _focus_dock(self, dock) -> None:
        dock.show()
        dock.raise_()
        dock.table.setFocus()
        if not dock.table.currentIndex().isValid() and dock.table.model().rowCount():
            dock.table.setCurrentIndex(dock.table.model().index(0, 0))

    def _find_article(self) -> None:
        self.article_dock.show()
        self.article_dock.filter.setFocus()
        self.article_dock.filter.selectAll()

    def _update_position(self) -> None:
        article = self.editor.article
        row = self.articles.row_of(article.id) if article else None
        self.status.show_position(row, self.articles.total())
        self._update_count()

    # --- editing helpers that need a dialog ------------------------------------------
    def _selection_changed(self, annotation) -> None:
        self._update_actions()
        self.annotation_dock.show_annotation(annotation.id if annotation is not None else 0)

    def _update_count(self, *_args) -> None:
        self.status.show_count(self.annotations.rowCount() if self.editor.article else None)

    def _update_actions(self) -> None:
        self.window_actions.update_enabled(
            has_article=self.editor.article is not None, has_span=self.editor.selected is not None
        )

    def _edit_note(self) -> NoteEditor | None:
        a = self.editor.selected
        if a is None:
            return None
        dialog = NoteEditor(a, self)
        dialog.note_saved.connect(self.editor.set_note)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _annotate_all(self) -> AnnotateAllDialog | None:
        a = self.editor.selected
        if a is None:
            return None
        spans = self.editor.occurrences(a)
        label = self.session.label(a.label_id)
        if not spans:
            self.status.showMessage(
                tr("No other whole-word occurrence of “{text}” to label.").format(text=a.text), 5000
            )
            return None
        dialog = AnnotateAllDialog(
            self.editor.article.text, a.text, label.name if label else "?", spans, self,
            colour=label.colour if label else "#999999",
        )
        dialog.accepted.connect(lambda: self.editor.annotate_all(a, dialog.chosen()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _open_list(self, show, dock, table, beside=None) -> None:
        """Show a corpus-wide list where it has room: ten rows below the text, or a tab beside it (with
        the annotation list, which the list's own rows stand in for; Statistics go with the articles)."""
        show()
        dock_places.place(self, dock, table, beside or self.annotation_dock)

    def _show_conflict(self, row: int) -> None:
        """A conflict's occurrences, in the review table (docked beside the consistency lists)."""
        group = self.consistency.conflicts.group(row)
        if group is not None:
            self.review.show_text(*(group.variants or (group.text,)))
            dock_places.place(self, self.review.dock, self.review.dock.table, self.annotation_dock)

    def _set_snap(self, on: bool) -> None:
        self.editor.snap_to_words = on
        keys.SNAP_TO_WORDS.write(self.settings, on)
        self.status.showMessage(
            tr("Snapping on: selections take whole words and shed punctuation at their edges.")
            if on else tr("Snapping off: selections keep every character you select."),
            5000,
        )

    def _ask_annotator(self) -> None:
        name, ok = QInputDialog.getText(
            self, tr("Annotator name"), tr("Name recorded with your annotations:"), text=self.session.annotator
        )
        if ok and name.strip():
            self.set_annotator(name.strip())

    def set_annotator(self, name: str) -> None:
        """Work as ``name`` from now on: new annotations are theirs, and so are the statuses shown."""
        self.session.annotator = name
        keys.ANNOTATOR.write(self.settings, name)
        self.articles.refresh()  # statuses are each analyst's own
        self.team.refresh()
        if self.editor.article is not None:  # whose spans are read-only changed
            self.editor.show_layers(self.editor.shown)
        self.status.showMessage(tr("New annotations are recorded as {name}.").format(name=name), 5000)

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(everything_on(self, self.window_actions.all()), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _about(self) -> AboutDialog:
        dialog = AboutDialog(self.session.corpus.path, self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _show_error(self, message: str) -> None:
        if message == self.session.gone_message:  # already told in a box when it was found
            self.status.showMessage(message)
            return
        QMessageBox.warning(self, tr("Annotator"), message)

    # --- the corpus file: other programs, loss, backups -----------------------------------
    def _changed_elsewhere(self) -> None:
        """Another program wrote to the corpus: show what the file holds now.

        The open article is reloaded only when its own annotations or status changed, so an
        import running in the background does not take the reader's place or selection away.
        """
        self.articles.refresh()
        article = self.editor.article
        if article is not None:
            if not self.session.corpus.articles.exists(article.id):
                self.editor.open_article(None)
                self.open_article(self.articles.article_id(0))
            elif self.session.watched_article_changed():
                self.editor.open_article(None)
                self.open_article(article.id)
                self.status.showMessage(
                    tr("This article was changed by another program; showing its current state."), 8000
                )

    def show_read_only(self, why: str) -> None:
        """The corpus is in a read-only folder: it is shown for reading, and each edit is refused."""
        self.setWindowTitle(tr("{windowTitle} (read-only)").format(windowTitle=self.windowTitle()))
        self.status.show_not_saving(why, tr("Read-only: edits are not saved"))
        self.status.showMessage(why, 15000)

    def _corpus_gone(self, message: str) -> None:
        """Told once; edits refused later say it in the status bar. Where a file is still at the
        corpus's path (the -wal was taken over, or the file replaced), the box offers to reopen it."""
        lost = self.session.lost == "locks"
        self.setWindowTitle(f"{self.windowTitle()} ({'not saving' if lost else 'file gone'})")
        self.status.showMessage(message)
        self.status.show_not_saving(message)
        path = self.session.corpus.path
        if path is None or not Path(path).is_file():
            QMessageBox.warning(self, tr("Annotator"), message)
            return
        headline = (
            tr("Editing stopped: another program took over this corpus file.")
            if lost
            else tr("Editing stopped: the corpus file was replaced.")
        )
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Annotator"), headline, parent=self)
        box.setInformativeText(message)
        box.setObjectName("corpusLostBox")
        reopen = box.addButton(tr("Reopen corpus"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Keep this window"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reopen)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: button is reopen and QTimer.singleShot(0, lambda: self.corpus_requested.emit(str(path)))
        )
        box.open()

    def open_restore_dialog(self) -> RestoreDialog | None:
        if self.session.corpus.path is None:
            self.status.showMessage(tr("This corpus is not a file: there are no backups of it."), 5000)
            return None
        dialog = RestoreDialog(self.session.corpus.path, self)
        dialog.restore_requested.connect(self.restore_requested)
        dialog.backup_requested.connect(lambda: self._backup_now(dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _backup_now(self, dialog: RestoreDialog) -> None:
        self.guard.backup()
        self.guard.wait()
        dialog.refresh()

    # --- corpus files -------------------------------------------------------------------
    def _new_corpus(self) -> None:
        start = str(Path.home() / "corpus.db")
        path = file_dialogs.save_file_name(self, tr("New corpus"), start, tr(corpus_files.CORPUS_FILTER))
        if path:
            if Path(path).exists():
                self._show_error(tr("{path} already exists. Use File › Open corpus to open it.").format(path=path))
                return
            self.corpus_requested.emit(path)

    def _open_corpus(self) -> None:
        path = file_dialogs.open_file_name(self, tr("Open corpus"), str(Path.home()), tr(corpus_files.CORPUS_FILTER))
        if path:
            self.corpus_requested.emit(path)

    def set_recent(self, paths: list[str]) -> None:
        self.recent_menu.clear()
        for i, path in enumerate(paths[:10]):
            action = self.recent_menu.addAction(f"&{(i + 1) % 10} {path}")
            action.triggered.connect(lambda _=False, p=path: self.corpus_requested.emit(p))
        self.recent_menu.setEnabled(bool(paths))

    # --- settings -------------------------------------------------------------------------
    def _corpus_key(self) -> str:
        """The settings key of this corpus, worked out once per path (resolving it asks the file
        system about every folder on the way, and this runs on every article opened)."""
        path = self.session.corpus.path
        if self._key_of[0] != path:
            self._key_of = (path, keys.corpus_key(path))
        return self._key_of[1]

    def last_article(self) -> int | None:
        value = keys.LAST_ARTICLE.at(self._corpus_key()).read(self.settings)
        return value if value >= 0 else None

    def _restore_settings(self) -> None:
        geometry = keys.WINDOW_GEOMETRY.read(self.settings)
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = keys.WINDOW_STATE.read(self.settings)
        if state is not None:
            self.restoreState(state)
        zoom = keys.ZOOM.read(self.settings)
        if zoom:
            self.pane.zoom(zoom)
        snap = keys.SNAP_TO_WORDS.read(self.settings)
        self.window_actions.snap.blockSignals(True)  # restored quietly: no "Snapping off" message at start
        self.window_actions.snap.setChecked(snap)
        self.window_actions.snap.blockSignals(False)
        self.editor.snap_to_words = snap

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        keys.WINDOW_GEOMETRY.write(self.settings, self.saveGeometry())
        keys.WINDOW_STATE.write(self.settings, self.saveState())
        keys.ZOOM.write(self.settings, self.pane.zoom_level)
        self.settings.sync()
        for task in list(self.tasks):  # an export stops without writing; an import keeps whole articles
            task.cancel()
            task.wait(60)
        self.articles.set_corpus(None)  # a closed window reads nothing more from the corpus
        self.pane.stop_loading()
        self.guard.stop()
        self.review.shutdown()
        self.search.shutdown()
        self.suggestions.shutdown()
        self.agreement.shutdown()
        super().closeEvent(event)

    # --- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            corpus_files.ask_credit_then_import(self, paths)
