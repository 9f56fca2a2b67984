"""Every command of the window, declared once as data: id, text, shortcuts, menu, when it is enabled.

The menus, the enablement, Help › Keyboard shortcuts and the keyboard table of docs/guide.md are all
made from ``SPECS`` (``ui/window_actions.py`` makes the QActions and menus); the main window only
connects each action's ``triggered`` to what it does.
A spec's menu is a menu title; specs of one menu appear in declaration order, and a new
``section`` starts a group after a separator.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.ui.i18n import QT_TR_NOOP

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
    on_text: bool = False  # its keys act only while the text has the focus (Tab never leaves a list)
    also_in: str = ""  # another menu that shows it too, at its end


MENUS = (
    QT_TR_NOOP("&File"),
    QT_TR_NOOP("&Edit"),
    QT_TR_NOOP("&Label"),
    QT_TR_NOOP("&Article"),
    QT_TR_NOOP("&View"),
    QT_TR_NOOP("Team"),  # no mnemonic (Alt+T is a dock button's)
    QT_TR_NOOP("Suggest&ions"),
    QT_TR_NOOP("&Help"),
)
SUGGEST = MENUS[-2]

SPECS: tuple[Spec, ...] = (
    # File
    Spec(
        "new_corpus",
        QT_TR_NOOP("&New corpus…"),
        QT_TR_NOOP("Create a new, empty corpus file"),
        QT_TR_NOOP("&File"),
        0,
        ("Ctrl+N",),
    ),
    Spec(
        "open_corpus",
        QT_TR_NOOP("&Open corpus…"),
        QT_TR_NOOP("Open an existing corpus file"),
        QT_TR_NOOP("&File"),
        0,
        ("Ctrl+O",),
    ),
    Spec(
        "import_files",
        QT_TR_NOOP("&Import articles…"),
        QT_TR_NOOP(
            "Import articles (text, HTML, JSON, JSONL, CSV) or labelled data (Annotator JSONL, doccano, Label Studio, "
            "brat) into this corpus"
        ),
        QT_TR_NOOP("&File"),
        1,
        ("Ctrl+I",),
    ),
    Spec(
        "import_folder",
        QT_TR_NOOP("Import &folder…"),
        QT_TR_NOOP("Import every article file in a folder and its subfolders, brat .txt and .ann pairs included"),
        QT_TR_NOOP("&File"),
        1,
        ("Ctrl+Shift+I",),
    ),
    Spec(
        "export",
        QT_TR_NOOP("&Export dataset…"),
        QT_TR_NOOP(
            "Write the corpus, or the articles and labels you choose, as a dataset that NLP tools load (JSONL, "
            "doccano, "
            "brat, Label Studio, CSV, W3C…)"
        ),
        QT_TR_NOOP("&File"),
        1,
        ("Ctrl+Shift+E",),
    ),
    Spec(
        "restore_backup",
        QT_TR_NOOP("&Restore from backup…"),
        QT_TR_NOOP("List the automatic backups of this corpus and restore one"),
        QT_TR_NOOP("&File"),
        2,
    ),
    Spec(
        "quit",
        QT_TR_NOOP("&Quit"),
        QT_TR_NOOP("Close Annotator (everything is already saved)"),
        QT_TR_NOOP("&File"),
        3,
        ("Ctrl+Q",),
    ),
    # Edit
    Spec(
        "undo",
        QT_TR_NOOP("&Undo"),
        QT_TR_NOOP("Undo the last edit"),
        QT_TR_NOOP("&Edit"),
        0,
        ("Ctrl+Z",),
        short=QT_TR_NOOP("Undo"),
    ),
    Spec(
        "redo",
        QT_TR_NOOP("&Redo"),
        QT_TR_NOOP("Redo the last undone edit"),
        QT_TR_NOOP("&Edit"),
        0,
        ("Ctrl+Shift+Z", "Ctrl+Y"),
        short=QT_TR_NOOP("Redo"),
    ),
    Spec(
        "delete",
        QT_TR_NOOP("&Delete annotation"),
        QT_TR_NOOP("Delete the selected span"),
        QT_TR_NOOP("&Edit"),
        1,
        ("Del", "Backspace"),
        SPAN,
    ),
    Spec(
        "note",
        QT_TR_NOOP("Edit &note…"),
        QT_TR_NOOP("Attach a note to the selected span"),
        QT_TR_NOOP("&Edit"),
        1,
        ("N",),
        SPAN,
    ),
    Spec(
        "annotate_all",
        QT_TR_NOOP("Annotate &all occurrences…"),
        QT_TR_NOOP("Label every other occurrence of the selected span's text in this article"),
        QT_TR_NOOP("&Edit"),
        1,
        ("Ctrl+Shift+A",),
        SPAN,
    ),
    Spec(
        "grow_start",
        QT_TR_NOOP("Grow span at &start"),
        QT_TR_NOOP("Move the start of the selected span one token (or character) left"),
        QT_TR_NOOP("&Edit"),
        2,
        ("Alt+Shift+Left",),
        SPAN,
    ),
    Spec(
        "shrink_start",
        QT_TR_NOOP("Shrink span at s&tart"),
        QT_TR_NOOP("Move the start of the selected span one token (or character) right"),
        QT_TR_NOOP("&Edit"),
        2,
        ("Alt+Shift+Right",),
        SPAN,
    ),
    Spec(
        "grow_end",
        QT_TR_NOOP("Grow span at &end"),
        QT_TR_NOOP("Move the end of the selected span one token (or character) right"),
        QT_TR_NOOP("&Edit"),
        2,
        ("Alt+Right",),
        SPAN,
    ),
    Spec(
        "shrink_end",
        QT_TR_NOOP("Shrink span at e&nd"),
        QT_TR_NOOP("Move the end of the selected span one token (or character) left"),
        QT_TR_NOOP("&Edit"),
        2,
        ("Alt+Left",),
        SPAN,
    ),
    Spec(
        "find_in_article",
        QT_TR_NOOP("&Find in article…"),
        QT_TR_NOOP("Find text in the open article, with next and previous and a count of hits"),
        QT_TR_NOOP("&Edit"),
        3,
        ("Ctrl+F",),
        ARTICLE,
    ),
    Spec(
        "find_next",
        QT_TR_NOOP("Find ne&xt"),
        QT_TR_NOOP("Go to the next hit of the text being found"),
        QT_TR_NOOP("&Edit"),
        3,
        ("F3",),
        ARTICLE,
    ),
    Spec(
        "find_previous",
        QT_TR_NOOP("Find pre&vious"),
        QT_TR_NOOP("Go to the previous hit of the text being found"),
        QT_TR_NOOP("&Edit"),
        3,
        ("Shift+F3",),
        ARTICLE,
    ),
    Spec(
        "snap",
        QT_TR_NOOP("S&nap selections to whole words"),
        QT_TR_NOOP(
            "Snap a selection's edges to whole words and shed punctuation at them; switch off for character precision"
        ),
        QT_TR_NOOP("&Edit"),
        4,
        ("Ctrl+Shift+W",),
        checkable=True,
        checked=True,
    ),
    Spec(
        "annotator",
        QT_TR_NOOP("Annotator &name…"),
        QT_TR_NOOP("Set the name recorded with every new annotation"),
        QT_TR_NOOP("&Edit"),
        4,
    ),
    # Label (the labels themselves come before, one action each)
    Spec(
        "manage_labels",
        QT_TR_NOOP("&Manage labels…"),
        QT_TR_NOOP("Add, rename, recolour, reorder or delete labels"),
        QT_TR_NOOP("&Label"),
        1,
        ("Ctrl+L",),
    ),
    # Article
    Spec(
        "next_article",
        QT_TR_NOOP("&Next article"),
        QT_TR_NOOP("Open the next article in the list"),
        QT_TR_NOOP("&Article"),
        0,
        ("Ctrl+PgDown",),
    ),
    Spec(
        "previous_article",
        QT_TR_NOOP("&Previous article"),
        QT_TR_NOOP("Open the previous article in the list"),
        QT_TR_NOOP("&Article"),
        0,
        ("Ctrl+PgUp",),
    ),
    Spec(
        "done_next",
        QT_TR_NOOP("Mark &done and go to next"),
        QT_TR_NOOP("Mark this article done and open the next one"),
        QT_TR_NOOP("&Article"),
        0,
        ("Ctrl+Return", "Ctrl+Enter"),
        ARTICLE,
    ),
    Spec(
        "reopen",
        QT_TR_NOOP("Mark &in progress"),
        QT_TR_NOOP("Take the done mark off this article"),
        QT_TR_NOOP("&Article"),
        0,
        (),
        ARTICLE,
    ),
    Spec(
        "find_article",
        QT_TR_NOOP("&Go to article by title…"),
        QT_TR_NOOP("Filter the article list by title"),
        QT_TR_NOOP("&Article"),
        1,
        ("Ctrl+P",),
    ),
    Spec(
        "focus_articles",
        QT_TR_NOOP("Go to article &list"),
        QT_TR_NOOP("Move the keyboard focus to the list of articles"),
        QT_TR_NOOP("&Article"),
        1,
        ("Alt+1",),
    ),
    Spec(
        "focus_text",
        QT_TR_NOOP("Go to &text"),
        QT_TR_NOOP("Move the keyboard focus to the article text"),
        QT_TR_NOOP("&Article"),
        1,
        ("Alt+2", "Ctrl+T"),
        ARTICLE,
    ),
    Spec(
        "focus_annotations",
        QT_TR_NOOP("Go to annotation l&ist"),
        QT_TR_NOOP("Move the keyboard focus to the annotations of this article"),
        QT_TR_NOOP("&Article"),
        1,
        ("Alt+3",),
    ),
    # View
    Spec("zoom_in", QT_TR_NOOP("Zoom &in"), QT_TR_NOOP("Larger text"), QT_TR_NOOP("&View"), 0, ("Ctrl++", "Ctrl+=")),
    Spec("zoom_out", QT_TR_NOOP("Zoom &out"), QT_TR_NOOP("Smaller text"), QT_TR_NOOP("&View"), 0, ("Ctrl+-",)),
    Spec("zoom_reset", QT_TR_NOOP("&Reset zoom"), QT_TR_NOOP("Default text size"), QT_TR_NOOP("&View"), 0, ("Ctrl+0",)),
    Spec(
        "show_label_names",
        QT_TR_NOOP("Show label &names"),
        QT_TR_NOOP(
            "Write each span's label in a small tag after its text (on by default for an article with nested or "
            "adjacent spans)"
        ),
        QT_TR_NOOP("&View"),
        1,
        ("Ctrl+Shift+N",),
        checkable=True,
    ),
    Spec(
        "review",
        QT_TR_NOOP("&Review annotations"),
        QT_TR_NOOP("Every annotation of the corpus in one table: filter, sort, relabel, delete, mark reviewed"),
        QT_TR_NOOP("&View"),
        2,
        ("Ctrl+Shift+R",),
    ),
    Spec(
        "search_corpus",
        QT_TR_NOOP("&Search corpus…"),
        QT_TR_NOOP('Full-text search over every article: words, "phrases", prefix*, OR, NOT'),
        QT_TR_NOOP("&View"),
        2,
        ("Ctrl+Shift+F",),
    ),
    Spec(
        "consistency",
        QT_TR_NOOP("&Consistency: conflicting labels"),
        QT_TR_NOOP("Texts labelled differently across the corpus, made consistent in one step"),
        QT_TR_NOOP("&View"),
        2,
        ("Ctrl+Shift+C",),
    ),
    Spec(
        "missed_mentions",
        QT_TR_NOOP("&Missed mentions"),
        QT_TR_NOOP("Unlabelled occurrences of texts labelled elsewhere: accept or reject them"),
        QT_TR_NOOP("&View"),
        2,
        ("Ctrl+Shift+M",),
    ),
    Spec(
        "statistics",
        QT_TR_NOOP("S&tatistics"),
        QT_TR_NOOP("Annotations per label and annotator, articles by status, progress, the most frequent texts"),
        QT_TR_NOOP("&View"),
        2,
        ("Ctrl+Shift+T",),
    ),
    # Team
    Spec(
        "assign",
        QT_TR_NOOP("&Assign articles…"),
        QT_TR_NOOP("Give articles to analysts, balanced, with a preview"),
        QT_TR_NOOP("Team"),
        0,
    ),
    Spec(
        "clear_assignments",
        QT_TR_NOOP("&Clear assignments"),
        QT_TR_NOOP("Take every assignment away"),
        QT_TR_NOOP("Team"),
        0,
    ),
    Spec(
        "share",
        QT_TR_NOOP("&Share for an analyst…"),
        QT_TR_NOOP("Write a corpus file with the articles assigned to one analyst, to work on offline"),
        QT_TR_NOOP("Team"),
        1,
    ),
    Spec(
        "merge",
        QT_TR_NOOP("&Merge corpus files…"),
        QT_TR_NOOP("Bring other corpus files' work into this corpus (a backup is taken first)"),
        QT_TR_NOOP("Team"),
        1,
    ),
    Spec(
        "blind",
        QT_TR_NOOP("&Blind mode"),
        QT_TR_NOOP("Each analyst sees only their own annotations (set for this corpus and the files shared from it)"),
        QT_TR_NOOP("Team"),
        2,
        checkable=True,
    ),
    Spec(
        "agreement",
        QT_TR_NOOP("&Agreement"),
        QT_TR_NOOP(
            "How far the analysts agree: span F1 and kappa for every pair and label, Fleiss' kappa and Krippendorff's "
            "alpha"
        ),
        QT_TR_NOOP("Team"),
        3,
        ("Ctrl+Shift+K",),
    ),
    Spec(
        "adjudicate",
        QT_TR_NOOP("A&djudicate this article"),
        QT_TR_NOOP(
            "Build the gold layer of the open article from the analysts' layers: agreed spans go in, each "
            "disagreement is settled by a key"
        ),
        QT_TR_NOOP("Team"),
        3,
        ("Ctrl+Shift+J",),
        enabled_when=ARTICLE,
    ),
    # Suggestions
    Spec(
        "suggest_next", QT_TR_NOOP("&Next suggestion"), QT_TR_NOOP("Select the next suggestion in the text"),
        SUGGEST, 0, ("Tab",), on_text=True,
    ),
    Spec(
        "suggest_previous",
        QT_TR_NOOP("&Previous suggestion"),
        QT_TR_NOOP("Select the previous suggestion in the text"),
        SUGGEST, 0, ("Shift+Tab",), on_text=True,
    ),
    Spec(
        "suggest_accept",
        QT_TR_NOOP("&Accept suggestion"),
        QT_TR_NOOP("Label the selected suggestion with its label (a label key labels it with that label)"),
        SUGGEST, 0, ("Return", "Enter"), on_text=True,
    ),
    Spec(
        "suggest_reject",
        QT_TR_NOOP("&Reject suggestion"),
        QT_TR_NOOP("Not a mention: the suggestion is not offered again at this place"),
        SUGGEST, 0, ("X",), on_text=True,
    ),
    Spec(
        "suggest_accept_all",
        QT_TR_NOOP("Accept a&ll suggestions in this article"),
        QT_TR_NOOP("Label every suggestion of this article in one step (one undo takes them all back)"),
        SUGGEST, 0, ("Ctrl+Shift+Return",),
    ),
    Spec(
        "show_suggestions",
        QT_TR_NOOP("Show &suggestions"),
        QT_TR_NOOP("Show what the dictionary of your labels and the trained model suggest, as dashed outlines"),
        SUGGEST, 1, ("Ctrl+Shift+G",), checkable=True, checked=True, also_in="&View",
    ),
    Spec(
        "suggest_own_only",
        QT_TR_NOOP("Suggest from &my labels only"),
        QT_TR_NOOP("The dictionary holds only your own labels (as in blind labelling), not every analyst's"),
        SUGGEST, 1, checkable=True,
    ),
    Spec(
        "suggest_least_sure",
        QT_TR_NOOP("Next article: &least sure first"),
        QT_TR_NOOP("Next article opens the unfinished article the model is least sure about (active learning)"),
        SUGGEST, 1, checkable=True,
    ),
    Spec(
        "train_now", QT_TR_NOOP("&Train model now"),
        QT_TR_NOOP("Train the suggestion model from your finished articles, in the background"), SUGGEST, 2,
    ),
    Spec(
        "stop_training", QT_TR_NOOP("&Stop training"),
        QT_TR_NOOP("Stop the training that is running; the current model stays"), SUGGEST, 2,
    ),
    Spec(
        "retrain_every", QT_TR_NOOP("Retrain &every…"),
        QT_TR_NOOP("How many newly finished articles start a new training"), SUGGEST, 2,
    ),
    # Help
    Spec(
        "shortcuts",
        QT_TR_NOOP("&Keyboard shortcuts"),
        QT_TR_NOOP("List every keyboard shortcut"),
        QT_TR_NOOP("&Help"),
        0,
        ("F1", "Ctrl+/"),
    ),
    Spec(
        "show_hint",
        QT_TR_NOOP("Show the &getting-started hint"),
        QT_TR_NOOP("Show again the hint on how to label, review and export"),
        QT_TR_NOOP("&Help"),
        0,
    ),
    Spec("about", QT_TR_NOOP("&About Annotator"), QT_TR_NOOP("Version and licence"), QT_TR_NOOP("&Help"), 0),
)

# Keys that are not menu commands, for the shortcuts dialog and the guide.
EXTRA_KEYS: tuple[tuple[str, str], ...] = (
    (QT_TR_NOOP("1–9 (each label's hotkey)"), QT_TR_NOOP("Label the selection, or relabel the selected span")),
    (QT_TR_NOOP("Arrows, Ctrl+Arrows, Home, End (+Shift)"), QT_TR_NOOP("Move the caret / extend the selection")),
    (QT_TR_NOOP("Double-click"), QT_TR_NOOP("Select a word (a Chinese word, by jieba)")),
    (QT_TR_NOOP("Click a span, or move the caret into it"), QT_TR_NOOP("Select a span")),
    (QT_TR_NOOP("Enter, Shift+Enter, Escape"), QT_TR_NOOP("In the find bar: next hit, previous hit, close")),
    (
        QT_TR_NOOP("Enter, Double-click"),
        QT_TR_NOOP("Review table, search hits, missed mentions: open the annotation in its article"),
    ),
    ("1–9", QT_TR_NOOP("Review table: relabel the selected rows")),
    (QT_TR_NOOP("Ctrl+R / Ctrl+U"), QT_TR_NOOP("Review table: mark the selected rows reviewed / unmark them")),
    ("Delete", QT_TR_NOOP("Review table: delete the selected rows")),
    ("Down", QT_TR_NOOP("Go from the search field to its results")),
    ("F5", QT_TR_NOOP("Conflicts and missed mentions: scan again")),
    ("Enter", QT_TR_NOOP("Agreement: list a pair × label cell's disagreements; open the chosen one in its article")),
    ("A, B, C…, X", QT_TR_NOOP("Adjudication panel: take that version into gold, or none")),
    (QT_TR_NOOP("Tab / Shift+Tab"), QT_TR_NOOP("Adjudication panel: next / previous open disagreement")),
)


# --- the keyboard table ----------------------------------------------------------------------------


def plain(text: str) -> str:
    return text.replace("&", "").rstrip("…")


def keyboard_rows() -> list[tuple[str, str]]:
    """(keys, what they do) for every declared shortcut, in menu order, then the other keys."""
    rows = []
    for spec in sorted(SPECS, key=lambda s: MENUS.index(s.menu)):
        if spec.keys:
            where = plain(spec.menu)
            rows.append((", ".join(spec.keys), f"{where} › {plain(spec.text)}"))
    return rows + [(keys, does) for keys, does in EXTRA_KEYS]


def keyboard_table_markdown() -> str:
    """The keyboard table of docs/guide.md (a test keeps the guide in step with this)."""
    lines = ["| Key | Does |", "| --- | --- |"]  # notr: the guide is English
    lines += [f"| {keys} | {does} |" for keys, does in keyboard_rows()]
    return "\n".join(lines)


if __name__ == "__main__":  # python -m annotator.ui.actions: print the guide's keyboard table
    print(keyboard_table_markdown())
