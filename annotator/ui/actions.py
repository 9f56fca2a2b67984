"""Every command of the window, declared once as data: id, text, shortcuts, menu, when it is enabled.

The menus, the enablement, Help › Keyboard shortcuts and the keyboard table of docs/guide.md are all
made from ``SPECS``; the main window only connects each action's ``triggered`` to what it does.
A spec's menu is a menu title; specs of one menu appear in declaration order, and a new
``section`` starts a group after a separator.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu

from annotator.core.model import Label

ALWAYS, ARTICLE, SPAN = "always", "article", "span"  # when an action is enabled


@dataclass(frozen=True)
class Spec:
    id: str
    text: str
    tip: str
    menu: str
    section: int = 0
    keys: tuple[str, ...] = ()
    enabled_when: str = ALWAYS
    checkable: bool = False
    checked: bool = False
    short: str = ""  # the name in lists of commands, when the menu text changes (Undo <edit>)


MENUS = ("&File", "&Edit", "&Label", "&Article", "&View", "Team", "&Help")  # Team: no mnemonic (Alt+T is a dock button's)

SPECS: tuple[Spec, ...] = (
    # File
    Spec("new_corpus", "&New corpus…", "Create a new, empty corpus file", "&File", 0, ("Ctrl+N",)),
    Spec("open_corpus", "&Open corpus…", "Open an existing corpus file", "&File", 0, ("Ctrl+O",)),
    Spec(
        "import_files",
        "&Import articles…",
        "Import articles (text, HTML, JSON, JSONL, CSV) or labelled data (Annotator JSONL, doccano, Label Studio, "
        "brat) into this corpus",
        "&File",
        1,
        ("Ctrl+I",),
    ),
    Spec(
        "import_folder",
        "Import &folder…",
        "Import every article file in a folder and its subfolders, brat .txt and .ann pairs included",
        "&File",
        1,
        ("Ctrl+Shift+I",),
    ),
    Spec(
        "export",
        "&Export dataset…",
        "Write the corpus, or the articles and labels you choose, as a dataset that NLP tools load (JSONL, doccano, "
        "brat, Label Studio, CSV, W3C…)",
        "&File",
        1,
        ("Ctrl+Shift+E",),
    ),
    Spec(
        "restore_backup",
        "&Restore from backup…",
        "List the automatic backups of this corpus and restore one",
        "&File",
        2,
    ),
    Spec("quit", "&Quit", "Close Annotator (everything is already saved)", "&File", 3, ("Ctrl+Q",)),
    # Edit
    Spec("undo", "&Undo", "Undo the last edit", "&Edit", 0, ("Ctrl+Z",), short="Undo"),
    Spec("redo", "&Redo", "Redo the last undone edit", "&Edit", 0, ("Ctrl+Shift+Z", "Ctrl+Y"), short="Redo"),
    Spec("delete", "&Delete annotation", "Delete the selected span", "&Edit", 1, ("Del", "Backspace"), SPAN),
    Spec("note", "Edit &note…", "Attach a note to the selected span", "&Edit", 1, ("N",), SPAN),
    Spec(
        "annotate_all",
        "Annotate &all occurrences…",
        "Label every other occurrence of the selected span's text in this article",
        "&Edit",
        1,
        ("Ctrl+Shift+A",),
        SPAN,
    ),
    Spec(
        "grow_start",
        "Grow span at &start",
        "Move the start of the selected span one token (or character) left",
        "&Edit",
        2,
        ("Alt+Shift+Left",),
        SPAN,
    ),
    Spec(
        "shrink_start",
        "Shrink span at s&tart",
        "Move the start of the selected span one token (or character) right",
        "&Edit",
        2,
        ("Alt+Shift+Right",),
        SPAN,
    ),
    Spec(
        "grow_end",
        "Grow span at &end",
        "Move the end of the selected span one token (or character) right",
        "&Edit",
        2,
        ("Alt+Right",),
        SPAN,
    ),
    Spec(
        "shrink_end",
        "Shrink span at e&nd",
        "Move the end of the selected span one token (or character) left",
        "&Edit",
        2,
        ("Alt+Left",),
        SPAN,
    ),
    Spec(
        "find_in_article",
        "&Find in article…",
        "Find text in the open article, with next and previous and a count of hits",
        "&Edit",
        3,
        ("Ctrl+F",),
        ARTICLE,
    ),
    Spec("find_next", "Find ne&xt", "Go to the next hit of the text being found", "&Edit", 3, ("F3",), ARTICLE),
    Spec(
        "find_previous",
        "Find pre&vious",
        "Go to the previous hit of the text being found",
        "&Edit",
        3,
        ("Shift+F3",),
        ARTICLE,
    ),
    Spec(
        "snap",
        "S&nap selections to whole words",
        "Snap a selection's edges to whole words and shed punctuation at them; switch off for character precision",
        "&Edit",
        4,
        ("Ctrl+Shift+W",),
        checkable=True,
        checked=True,
    ),
    Spec("annotator", "Annotator &name…", "Set the name recorded with every new annotation", "&Edit", 4),
    # Label (the labels themselves come before, one action each)
    Spec(
        "manage_labels", "&Manage labels…", "Add, rename, recolour, reorder or delete labels", "&Label", 1, ("Ctrl+L",)
    ),
    # Article
    Spec("next_article", "&Next article", "Open the next article in the list", "&Article", 0, ("Ctrl+PgDown",)),
    Spec(
        "previous_article", "&Previous article", "Open the previous article in the list", "&Article", 0, ("Ctrl+PgUp",)
    ),
    Spec(
        "done_next",
        "Mark &done and go to next",
        "Mark this article done and open the next one",
        "&Article",
        0,
        ("Ctrl+Return", "Ctrl+Enter"),
        ARTICLE,
    ),
    Spec("reopen", "Mark &in progress", "Take the done mark off this article", "&Article", 0, (), ARTICLE),
    Spec("find_article", "&Go to article by title…", "Filter the article list by title", "&Article", 1, ("Ctrl+P",)),
    Spec(
        "focus_articles",
        "Go to article &list",
        "Move the keyboard focus to the list of articles",
        "&Article",
        1,
        ("Alt+1",),
    ),
    Spec(
        "focus_text",
        "Go to &text",
        "Move the keyboard focus to the article text",
        "&Article",
        1,
        ("Alt+2", "Ctrl+T"),
        ARTICLE,
    ),
    Spec(
        "focus_annotations",
        "Go to annotation l&ist",
        "Move the keyboard focus to the annotations of this article",
        "&Article",
        1,
        ("Alt+3",),
    ),
    # View
    Spec("zoom_in", "Zoom &in", "Larger text", "&View", 0, ("Ctrl++", "Ctrl+=")),
    Spec("zoom_out", "Zoom &out", "Smaller text", "&View", 0, ("Ctrl+-",)),
    Spec("zoom_reset", "&Reset zoom", "Default text size", "&View", 0, ("Ctrl+0",)),
    Spec(
        "show_label_names",
        "Show label &names",
        "Write each span's label in a small tag after its text (on by default for an article with nested or "
        "adjacent spans)",
        "&View",
        1,
        ("Ctrl+Shift+N",),
        checkable=True,
    ),
    Spec(
        "review",
        "&Review annotations",
        "Every annotation of the corpus in one table: filter, sort, relabel, delete, mark reviewed",
        "&View",
        2,
        ("Ctrl+Shift+R",),
    ),
    Spec(
        "search_corpus",
        "&Search corpus…",
        'Full-text search over every article: words, "phrases", prefix*, OR, NOT',
        "&View",
        2,
        ("Ctrl+Shift+F",),
    ),
    Spec(
        "consistency",
        "&Consistency: conflicting labels",
        "Texts labelled differently across the corpus, made consistent in one step",
        "&View",
        2,
        ("Ctrl+Shift+C",),
    ),
    Spec(
        "missed_mentions",
        "&Missed mentions",
        "Unlabelled occurrences of texts labelled elsewhere: accept or reject them",
        "&View",
        2,
        ("Ctrl+Shift+M",),
    ),
    Spec(
        "statistics",
        "S&tatistics",
        "Annotations per label and annotator, articles by status, progress, the most frequent texts",
        "&View",
        2,
        ("Ctrl+Shift+T",),
    ),
    # Team
    Spec("assign", "&Assign articles…", "Give articles to analysts, balanced, with a preview", "Team", 0),
    Spec("clear_assignments", "&Clear assignments", "Take every assignment away", "Team", 0),
    Spec(
        "share",
        "&Share for an analyst…",
        "Write a corpus file with the articles assigned to one analyst, to work on offline",
        "Team",
        1,
    ),
    Spec(
        "merge",
        "&Merge corpus files…",
        "Bring other corpus files' work into this corpus (a backup is taken first)",
        "Team",
        1,
    ),
    Spec(
        "blind",
        "&Blind mode",
        "Each analyst sees only their own annotations (set for this corpus and the files shared from it)",
        "Team",
        2,
        checkable=True,
    ),
    Spec(
        "agreement",
        "&Agreement",
        "How far the analysts agree: span F1 and kappa for every pair and label, Fleiss' kappa and Krippendorff's alpha",
        "Team",
        3,
        ("Ctrl+Shift+K",),
    ),
    Spec(
        "adjudicate",
        "A&djudicate this article",
        "Build the gold layer of the open article from the analysts' layers: agreed spans go in, each "
        "disagreement is settled by a key",
        "Team",
        3,
        ("Ctrl+Shift+J",),
        enabled_when=ARTICLE,
    ),
    # Help
    Spec("shortcuts", "&Keyboard shortcuts", "List every keyboard shortcut", "&Help", 0, ("F1", "Ctrl+/")),
    Spec(
        "show_hint",
        "Show the &getting-started hint",
        "Show again the hint on how to label, review and export",
        "&Help",
        0,
    ),
    Spec("about", "&About Annotator", "Version and licence", "&Help", 0),
)

# Keys that are not menu commands, for the shortcuts dialog and the guide.
EXTRA_KEYS: tuple[tuple[str, str], ...] = (
    ("1–9 (each label's hotkey)", "Label the selection, or relabel the selected span"),
    ("Arrows, Ctrl+Arrows, Home, End (+Shift)", "Move the caret / extend the selection"),
    ("Double-click", "Select a word (a Chinese word, by jieba)"),
    ("Click a span, or move the caret into it", "Select a span"),
    ("Enter, Shift+Enter, Escape", "In the find bar: next hit, previous hit, close"),
    ("Enter, Double-click", "Review table, search hits, missed mentions: open the annotation in its article"),
    ("1–9", "Review table: relabel the selected rows"),
    ("Ctrl+R / Ctrl+U", "Review table: mark the selected rows reviewed / unmark them"),
    ("Delete", "Review table: delete the selected rows"),
    ("Down", "Go from the search field to its results"),
    ("F5", "Conflicts and missed mentions: scan again"),
    ("Enter", "Agreement: list a pair × label cell's disagreements; open the chosen one in its article"),
    ("A, B, C…, X", "Adjudication panel: take that version into gold, or none"),
    ("Tab / Shift+Tab", "Adjudication panel: next / previous open disagreement"),
)


def label_swatch(colour: str, size: int = 14) -> QIcon:
    """A small square of a label's colour, for menus."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    p = QPainter(pixmap)
    p.setPen(QColor(colour).darker(140))
    p.setBrush(QColor(colour))
    p.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    p.end()
    return QIcon(pixmap)


class WindowActions:
    """One QAction per spec (``window_actions.snap``, ``window_actions["snap"]``) and one per label."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.by_id: dict[str, QAction] = {}
        for spec in SPECS:
            action = QAction(spec.text, window)
            action.setObjectName(f"action_{spec.id}")
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
            action.setToolTip(spec.tip)
            action.setStatusTip(spec.tip)
            if spec.short:
                action.setIconText(spec.short)
            if spec.checkable:
                action.setCheckable(True)
                action.setChecked(spec.checked)
            window.addAction(action)  # shortcuts work even when the menu bar is hidden
            self.by_id[spec.id] = action
        self.label_actions: list[QAction] = []

    def __getattr__(self, name: str) -> QAction:
        by_id = self.__dict__.get("by_id", {})
        if name in by_id:
            return by_id[name]
        raise AttributeError(name)

    def __getitem__(self, ident: str) -> QAction:
        return self.by_id[ident]

    def all(self) -> list[QAction]:
        """Every action, in menu order, the labels' after the others."""
        return [self.by_id[s.id] for s in sorted(SPECS, key=lambda s: MENUS.index(s.menu))] + self.label_actions

    def update_enabled(self, *, has_article: bool, has_span: bool) -> None:
        state = {ALWAYS: True, ARTICLE: has_article, SPAN: has_span}
        for spec in SPECS:
            if spec.enabled_when != ALWAYS:
                self.by_id[spec.id].setEnabled(state[spec.enabled_when])

    def set_labels(self, labels: list[Label], trigger) -> None:
        """Rebuild one action per label, with its colour swatch and its hotkey as shortcut."""
        for action in self.label_actions:
            self.window.removeAction(action)
            action.deleteLater()
        self.label_actions = []
        for lab in labels:
            action = QAction(lab.name, self.window)
            action.setObjectName(f"labelAction_{lab.tag}")
            action.setIcon(label_swatch(lab.colour))
            action.setIconVisibleInMenu(True)
            if lab.hotkey:
                action.setShortcut(QKeySequence(lab.hotkey))
            action.setToolTip(f"Label the selection (or relabel the selected span) as {lab.name}")
            action.triggered.connect(lambda _=False, ident=lab.id: trigger(ident))
            self.window.addAction(action)
            self.label_actions.append(action)

    def build_menus(self, recent_menu: QMenu, docks: list[QAction]) -> QMenu:
        """Fill the menu bar from the specs; returns the Label menu, which is rebuilt as labels change."""
        bar = self.window.menuBar()
        menus = {title: bar.addMenu(title) for title in MENUS}
        last_section: dict[str, int] = {}
        for spec in SPECS:
            menu = menus[spec.menu]
            if spec.menu in last_section and spec.section != last_section[spec.menu]:
                menu.addSeparator()
            last_section[spec.menu] = spec.section
            menu.addAction(self.by_id[spec.id])
            if spec.id == "open_corpus":
                menu.addMenu(recent_menu)
        menus["&View"].addSeparator()
        menus["&View"].addActions(docks)
        return menus["&Label"]

    def fill_label_menu(self, menu: QMenu) -> None:
        menu.clear()
        menu.addActions(self.label_actions)
        menu.addSeparator()
        menu.addAction(self.manage_labels)

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
        action = self.review
        place = self.menu_path(action)
        if place:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            review = f"<i>{place}</i>{f' ({keys})' if keys else ''} looks back over every label in the corpus;"
        else:
            review = "The Annotations list on the right reviews this article's spans;"
        export = f"<i>{self.menu_path(self.export) or 'File › Export dataset'}</i> writes a dataset."
        return review, export


# --- the keyboard table ----------------------------------------------------------------------------


def _plain(text: str) -> str:
    return text.replace("&", "").rstrip("…")


def keyboard_rows() -> list[tuple[str, str]]:
    """(keys, what they do) for every declared shortcut, in menu order, then the other keys."""
    rows = []
    for spec in sorted(SPECS, key=lambda s: MENUS.index(s.menu)):
        if spec.keys:
            where = _plain(spec.menu)
            rows.append((", ".join(spec.keys), f"{where} › {_plain(spec.text)}"))
    return rows + [(keys, does) for keys, does in EXTRA_KEYS]


def keyboard_table_markdown() -> str:
    """The keyboard table of docs/guide.md (a test keeps the guide in step with this)."""
    lines = ["| Key | Does |", "| --- | --- |"]
    lines += [f"| {keys} | {does} |" for keys, does in keyboard_rows()]
    return "\n".join(lines)


if __name__ == "__main__":  # python -m annotator.ui.actions: print the guide's keyboard table
    print(keyboard_table_markdown())
