"""Every command of the window as a QAction with its shortcut, tooltip and menu place."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from annotator.core.model import Label
from annotator.ui.i18n import tr

SK = QKeySequence.StandardKey


class WindowActions:
    """Owns the QActions; the main window connects them and builds menus from them."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        a = self._action
        # File
        self.new_corpus = a(tr("&New corpus…"), SK.New, tr("Create a new, empty corpus file"))
        self.open_corpus = a(tr("&Open corpus…"), SK.Open, tr("Open an existing corpus file"))
        self.import_files = a(tr("&Import articles…"), "Ctrl+I", tr("Import articles (text, HTML, JSON, JSONL, CSV) or labelled data (Annotator JSONL, doccano, Label Studio, brat) into this corpus"))
        self.import_folder = a(tr("Import &folder…"), "Ctrl+Shift+I", tr("Import every article file in a folder and its subfolders, brat .txt and .ann pairs included"))
        self.export = a(tr("&Export dataset…"), "Ctrl+Shift+E", tr("Write the corpus, or the articles and labels you choose, as a dataset that NLP tools load (JSONL, doccano, brat, Label Studio, CSV, W3C…)"))
        self.restore_backup = a(tr("&Restore from backup…"), None, tr("List the automatic backups of this corpus and restore one"))
        self.quit = a(tr("&Quit"), SK.Quit, tr("Close Annotator (everything is already saved)"))
        # Edit
        self.undo = a(tr("&Undo"), None, tr("Undo the last edit"))
        self.undo.setShortcuts([QKeySequence(SK.Undo)])
        self.undo.setIconText(tr("Undo"))  # the menu text names the edit; lists of commands use this
        self.redo = a(tr("&Redo"), None, tr("Redo the last undone edit"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo.setIconText(tr("Redo"))
        self.delete = a(tr("&Delete annotation"), None, tr("Delete the selected span"))
        self.delete.setShortcuts([QKeySequence(SK.Delete), QKeySequence("Backspace")])
        self.note = a(tr("Edit &note…"), "N", tr("Attach a note to the selected span"))
        self.annotate_all = a(tr("Annotate &all occurrences…"), "Ctrl+Shift+A", tr("Label every other occurrence of the selected span's text in this article"))
        self.grow_start = a(tr("Grow span at &start"), "Alt+Shift+Left", tr("Move the start of the selected span one word (or character) left"))
        self.shrink_start = a(tr("Shrink span at s&tart"), "Alt+Shift+Right", tr("Move the start of the selected span one word (or character) right"))
        self.grow_end = a(tr("Grow span at &end"), "Alt+Right", tr("Move the end of the selected span one word (or character) right"))
        self.shrink_end = a(tr("Shrink span at e&nd"), "Alt+Left", tr("Move the end of the selected span one word (or character) left"))
        self.snap = a(tr("S&nap selections to whole words"), "Ctrl+Shift+W", tr("Extend a selection that cuts a word to the whole word; switch off for character precision"))
        self.snap.setCheckable(True)
        self.snap.setChecked(True)
        self.annotator = a(tr("Annotator &name…"), None, tr("Set the name recorded with every new annotation"))
        # Labels
        self.manage_labels = a(tr("&Manage labels…"), "Ctrl+L", tr("Add, rename, recolour, reorder or delete labels"))
        self.label_actions: list[QAction] = []
        # Article
        self.next_article = a(tr("&Next article"), "Ctrl+PgDown", tr("Open the next article in the list"))
        self.previous_article = a(tr("&Previous article"), "Ctrl+PgUp", tr("Open the previous article in the list"))
        self.done_next = a(tr("Mark &done and go to next"), None, tr("Mark this article done and open the next one"))
        self.done_next.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.reopen = a(tr("Mark &in progress"), None, tr("Take the done mark off this article"))
        self.find_article = a(tr("&Find article…"), SK.Find, tr("Filter the article list by title"))
        self.focus_text = a(tr("Go to &text"), "Alt+2", tr("Move the keyboard focus to the article text"))
        self.focus_text.setShortcuts([QKeySequence("Alt+2"), QKeySequence("Ctrl+T")])
        self.focus_articles = a(tr("Go to article &list"), "Alt+1", tr("Move the keyboard focus to the list of articles"))
        self.focus_annotations = a(tr("Go to annotation l&ist"), "Alt+3", tr("Move the keyboard focus to the annotations of this article"))
        # View
        self.zoom_in = a(tr("Zoom &in"), None, tr("Larger text"))
        self.zoom_in.setShortcuts([QKeySequence(SK.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out = a(tr("Zoom &out"), SK.ZoomOut, tr("Smaller text"))
        self.zoom_reset = a(tr("&Reset zoom"), "Ctrl+0", tr("Default text size"))
        self.review = a(tr("&Review annotations"), "Ctrl+Shift+R", tr("Every annotation of the corpus in one table: filter, sort, relabel, delete, mark reviewed"))
        self.search_corpus = a(tr("&Search corpus…"), "Ctrl+Shift+F", tr("Full-text search over every article: words, \"phrases\", prefix*, OR, NOT"))
        self.consistency = a(tr("&Consistency: conflicting labels"), "Ctrl+Shift+C", tr("Texts labelled differently across the corpus, made consistent in one step"))
        self.missed_mentions = a(tr("&Missed mentions"), "Ctrl+Shift+M", tr("Unlabelled occurrences of texts labelled elsewhere: accept or reject them"))
        self.statistics = a(tr("S&tatistics"), "Ctrl+Shift+T", tr("Annotations per label and annotator, articles by status, progress, the most frequent texts"))
        # Help
        self.shortcuts = a(tr("&Keyboard shortcuts"), None, tr("List every keyboard shortcut"))
        self.shortcuts.setShortcuts([QKeySequence(SK.HelpContents), QKeySequence("Ctrl+/")])
        self.about = a(tr("&About Annotator"), None, tr("Version and licence"))
        self.show_hint = a(tr("Show the &getting-started hint"), None, tr("Show again the hint on how to label, review and export"))

    def _action(self, text: str, shortcut, tip: str) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        self.window.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def all(self) -> list[QAction]:
        return [v for v in vars(self).values() if isinstance(v, QAction)] + self.label_actions

    def set_labels(self, labels: list[Label], trigger) -> None:
        """Rebuild one action per label, with its hotkey as shortcut."""
        for action in self.label_actions:
            self.window.removeAction(action)
            action.deleteLater()
        self.label_actions = []
        for lab in labels:
            action = QAction(lab.name, self.window)
            action.setObjectName(f"labelAction_{lab.tag}")
            if lab.hotkey:
                action.setShortcut(QKeySequence(lab.hotkey))
            action.setToolTip(tr("Label the selection (or relabel the selected span) as {name}").format(name=lab.name))
            action.triggered.connect(lambda _=False, ident=lab.id: trigger(ident))
            self.window.addAction(action)
            self.label_actions.append(action)

    def build_menus(self, recent_menu: QMenu, docks: list[QAction]) -> QMenu:
        """Fill the menu bar; returns the Label menu, which is rebuilt as labels change."""
        bar = self.window.menuBar()
        file = bar.addMenu(tr("&File"))
        file.addActions([self.new_corpus, self.open_corpus])
        file.addMenu(recent_menu)
        file.addSeparator()
        file.addActions([self.import_files, self.import_folder, self.export])
        file.addSeparator()
        file.addAction(self.restore_backup)
        file.addSeparator()
        file.addAction(self.quit)
        edit = bar.addMenu(tr("&Edit"))
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.delete, self.note, self.annotate_all])
        edit.addSeparator()
        edit.addActions([self.grow_start, self.shrink_start, self.grow_end, self.shrink_end])
        edit.addSeparator()
        edit.addActions([self.snap, self.annotator])
        labels = bar.addMenu(tr("&Label"))
        article = bar.addMenu(tr("&Article"))
        article.addActions([self.next_article, self.previous_article, self.done_next, self.reopen])
        article.addSeparator()
        article.addActions([self.find_article, self.focus_articles, self.focus_text, self.focus_annotations])
        view = bar.addMenu(tr("&View"))
        view.addActions([self.zoom_in, self.zoom_out, self.zoom_reset])
        view.addSeparator()
        view.addAction(self.review)
        view.addActions([self.search_corpus, self.consistency, self.missed_mentions, self.statistics])
        view.addSeparator()
        view.addActions(docks)
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addActions([self.shortcuts, self.show_hint, self.about])
        return labels

    def menu_path(self, action: QAction) -> str | None:
        """Where an action lives in the menu bar, as "File › Export dataset", or None."""
        for menu in self.window.menuBar().findChildren(QMenu):
            if action in menu.actions():
                names = [action.text()]
                while isinstance(menu, QMenu):
                    names.insert(0, menu.title())
                    menu = menu.parent()
                return " › ".join(n.replace("&", "").rstrip("…") for n in names)
        return None

    def hint_places(self) -> tuple[str, str]:
        """Where review and export live, in the words of the first-run hint (follows the real menus)."""
        action = getattr(self, "review", None)
        place = self.menu_path(action) if isinstance(action, QAction) else None
        if place:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            review = tr("<i>{place}</i>{value} looks back over every label in the corpus;").format(place=place, value=f' ({keys})' if keys else '')
        else:
            review = tr("The Annotations list on the right reviews this article's spans;")
        export = tr("<i>{value}</i> writes a dataset.").format(value=self.menu_path(self.export) or tr('File › Export dataset'))
        return review, export

    def fill_label_menu(self, menu: QMenu) -> None:
        menu.clear()
        menu.addActions(self.label_actions)
        menu.addSeparator()
        menu.addAction(self.manage_labels)
