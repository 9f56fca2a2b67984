"""The Chinese interface: every visible string of the window and its dialogs is translated.

The window is opened with the Simplified Chinese catalogue installed; every text a user can read (menus,
actions and their tooltips, labels, buttons, dock titles, tabs, table headers, placeholders, the status bar)
must hold Chinese, unless it is data (an article, a label name, a shortcut, a number or a file name).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QTabBar,
    QWidget,
)

from annotator.ui import i18n
from annotator.ui import settings as keys
from tests.app_helpers import ARTICLE, close_window

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
CJK = re.compile(r"[\u3400-\u9fff]")
# Data a user typed or a file holds, and words that are the same in both languages.
DATA = {
    "Annotator", "Foshan visit", "Second article", "Location", "Company", "Policy term", "tester", "Test Daily",
    "LOCATION", "COMPANY", "POLICY_TERM", "JSONL", "CSV", "English", "OK", "jsonl", "doccano", "brat", "Label Studio",
    "spaCy", "Prodigy", "CoNLL", "W3C", "Hugging Face", "labelstudio", "csv", "w3c", "spacy", "prodigy", "conll", "hf",
    "UTF-16", "Qt", "PySide6", "SQLite", "Python", "MIT", "IOB2", "BIO", "Annotator JSON Lines",
    "W3C Web Annotation JSON-LD", "spaCy v3 DocBin",
}


def english(text: str) -> bool:
    """True when ``text`` reads as English words a translation should have replaced."""
    parts = re.split(r" · |\n|; |；", text or "")
    if len(parts) > 1:
        return any(english(part) for part in parts)
    text = re.sub(r"&(?=\w)", "", text or "").strip()
    text = re.sub(r"(?:/|\b[\w.-]+\.(?:db|sqlite|annotator)\b)\S*", "", text)  # file names and paths are data
    if not text or CJK.search(text) or text in DATA:
        return False
    if text in ARTICLE or any(text in d for d in DATA):
        return False
    words = re.findall(
        r"[A-Za-z]{3,}",
        re.sub(r"(Ctrl|Shift|Alt|PgUp|PgDown|Enter|Return|Del|Backspace|Esc|Tab|Space|Home|End|F\d+)", "", text),
    )
    return bool([w for w in words if w not in DATA and not any(w in d.split() for d in DATA)])


def menu_texts(root: QWidget) -> list[tuple[str, str | None]]:
    """Every menu's title, and the text and tooltip of its visible items."""
    found: list[tuple[str, str | None]] = []
    for menu in root.findChildren(QMenu):
        found.append(("menu", menu.title()))
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            found.append(("menu item", action.text()))
            if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
                found.append(("tooltip", action.toolTip()))
    return found


# widget class -> what its own text is called and how to read it (the first match counts)
OWN_TEXT = (
    (QLabel, "label", QLabel.text),
    (QAbstractButton, "button", QAbstractButton.text),
    (QDockWidget, "dock", QDockWidget.windowTitle),
    (QGroupBox, "group", QGroupBox.title),
    (QLineEdit, "placeholder", QLineEdit.placeholderText),
)


def item_texts(w: QWidget) -> list[tuple[str, str | None]]:
    """A tab bar's tabs, a combo box's choices, an item view's column headers."""
    if isinstance(w, QTabBar):
        return [("tab", w.tabText(i)) for i in range(w.count())]
    if isinstance(w, QComboBox):
        return [("choice", w.itemText(i)) for i in range(w.count())]
    if isinstance(w, QAbstractItemView) and w.model() is not None and not isinstance(w, QListView):
        model = w.model()
        return [
            ("header", model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
            for c in range(model.columnCount(QModelIndex()))
        ]
    return []


def widget_texts(w: QWidget) -> list[tuple[str, str | None]]:
    """A widget's tooltip, its own text, and the texts of its items."""
    found: list[tuple[str, str | None]] = [("tooltip", w.toolTip())]
    own = next(((where, read) for cls, where, read in OWN_TEXT if isinstance(w, cls)), None)
    if own is not None:
        found.append((own[0], own[1](w)))
    return found + item_texts(w)


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    found = [("window title", root.windowTitle()), *menu_texts(root)]
    for w in root.findChildren(QWidget):
        if w.isVisibleTo(root) or isinstance(w, QDockWidget):
            found.extend(widget_texts(w))
    return [(where, str(text)) for where, text in found if text]


@pytest.fixture
def chinese(qapp):
    i18n.install(QApplication.instance(), "zh_CN")
    yield
    i18n.install(QApplication.instance(), "en")


def untranslated(root: QWidget) -> list[str]:
    return sorted({f"{where}: {text!r}" for where, text in visible_texts(root) if english(text)})


def test_the_catalogues_are_built_from_the_sources(tmp_path):
    """resources/i18n/*.qm are lrelease's output of the .ts files kept beside them."""
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for ts in sorted(I18N.glob("*.ts")):
        out = tmp_path / (ts.stem + ".qm")
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(out)], check=True)
        assert out.read_bytes() == (I18N / out.name).read_bytes(), f"{ts.name} changed: run make translations"


def test_every_translation_is_finished():
    for ts in sorted(I18N.glob("annotator_zh_CN.ts")):
        text = ts.read_text(encoding="utf-8")
        assert 'type="unfinished"' not in text, f"{ts.name} has unfinished translations"
        assert "<numerusform></numerusform>" not in text


def test_the_window_speaks_chinese(qtbot, controller, chinese, corpus_path):
    w = controller.open(corpus_path)
    qtbot.addWidget(w)
    for dock in w.findChildren(QDockWidget):
        dock.show()
    try:
        missing = untranslated(w)
        assert missing == [], "\n".join(missing)
        assert "文件" in [m.title().split("(")[0] for m in w.menuBar().findChildren(QMenu)][0] or any(
            "文件" in a.text() for a in w.menuBar().actions()
        )
    finally:
        close_window(w)


def test_english_counts_use_plural_forms(qapp):
    i18n.install(QApplication.instance(), "en")
    assert i18n.tr("%Ln article(s)", None, 1) == "1 article"
    assert i18n.tr("%Ln article(s)", None, 3) == "3 articles"


def test_chinese_counts_use_the_chinese_form(qapp, chinese):
    assert i18n.tr("%Ln article(s)", None, 3) == "3 篇文章"


def test_the_language_follows_the_system_locale_unless_chosen(settings):
    from PySide6.QtCore import QLocale

    assert i18n.effective_language(settings, QLocale("zh_CN")) == "zh_CN"
    assert i18n.effective_language(settings, QLocale("en_GB")) == "en"
    assert i18n.effective_language(settings, QLocale("de_DE")) == "en"
    keys.LANGUAGE.write(settings, "zh_CN")
    assert i18n.effective_language(settings, QLocale("en_GB")) == "zh_CN"
    keys.LANGUAGE.write(settings, "en")
    assert i18n.effective_language(settings, QLocale("zh_CN")) == "en"


def test_the_command_line_stays_english():
    out = subprocess.run([sys.executable, "-m", "annotator", "--help"], capture_output=True, text=True,
                         env={"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8", "PATH": "/usr/bin:/bin"}, cwd=ROOT)
    assert "Label spans in news articles" in out.stdout and not CJK.search(out.stdout)


_ = QCoreApplication, QDialog


def test_view_language_keeps_the_choice_for_the_next_start(qtbot, window, settings):
    menu = window.findChild(QMenu, "languageMenu")
    assert [a.text() for a in menu.actions()] == ["System language", "English", "简体中文"]
    assert menu.actions()[0].isChecked()
    next(a for a in menu.actions() if a.data() == "zh_CN").trigger()
    assert keys.LANGUAGE.read(settings) == "zh_CN"
    assert "简体中文" in window.statusBar().currentMessage()
    assert i18n.effective_language(settings) == "zh_CN"


@pytest.mark.parametrize(
    "dialog", ["labels", "export", "restore", "about", "shortcuts", "annotate_all", "import_credit"]
)
def test_every_dialog_speaks_chinese(qtbot, controller, chinese, corpus_path, dialog):
    from annotator.ui.dialogs.about import AboutDialog
    from annotator.ui.dialogs.annotate_all import AnnotateAllDialog
    from annotator.ui.dialogs.export_dialog import ExportDialog
    from annotator.ui.dialogs.import_credit import ImportCreditDialog
    from annotator.ui.dialogs.label_manager import LabelManagerDialog
    from annotator.ui.dialogs.restore import RestoreDialog
    from annotator.ui.dialogs.shortcuts import ShortcutsDialog, everything_on

    w = controller.open(corpus_path)
    qtbot.addWidget(w)
    try:
        make = {
            "labels": lambda: LabelManagerDialog(w.session, w),
            "export": lambda: ExportDialog(w.session.corpus, w.settings, w),
            "restore": lambda: RestoreDialog(w.session.corpus.path, w),
            "about": lambda: AboutDialog(w.session.corpus.path, w.settings, w),
            "shortcuts": lambda: ShortcutsDialog(everything_on(w, w.window_actions.all()), w),
            "annotate_all": lambda: AnnotateAllDialog(ARTICLE, "Foshan", "Location", [(49, 55), (121, 127)], w),
            "import_credit": lambda: ImportCreditDialog(2, ["mei", "li"], w),
        }
        d = make[dialog]()
        qtbot.addWidget(d)
        d.show()
        missing = untranslated(d)
        assert missing == [], "\n".join(missing)
        d.close()
    finally:
        close_window(w)


def _sources(ts: Path) -> set[str]:
    from xml.etree import ElementTree

    return {m.findtext("source") for m in ElementTree.parse(ts).iter("message")}


def test_the_catalogue_holds_every_string_of_the_code(tmp_path):
    """lupdate over the code finds nothing that the kept .ts does not have (make translations updates it)."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (ROOT / "annotator" / "ui").rglob("*.py")) + [
        str(ROOT / "annotator" / "formats" / "registry.py")
    ]
    fresh = tmp_path / "annotator_zh_CN.ts"
    subprocess.run(
        [str(lupdate), "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)], check=True
    )
    missing = _sources(fresh) - _sources(I18N / "annotator_zh_CN.ts")
    assert not missing, f"not in the catalogue (run make translations and translate them): {sorted(missing)[:10]}"
