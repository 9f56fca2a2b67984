"""First run: the sample article, the hint, Help > About, and a shortcut list that misses nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget

from annotator import __version__
from annotator.core.model import DEFAULT_LABELS
from annotator.formats.sample import SAMPLE_ARTICLE, default_corpus_path
from annotator.ui.app import AppController
from annotator.ui.dialogs.shortcuts import keys_of
from annotator.ui.widgets.first_run_hint import FirstRunHint
from tests.app_helpers import close_window, press


def _open_first_time(qtbot, monkeypatch, tmp_path, settings) -> AppController:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # a user who has never run Annotator
    assert not default_corpus_path().exists()
    controller = AppController(settings, "newcomer")
    window = controller.open(None)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return controller


def test_a_new_user_lands_on_the_sample_article_with_the_default_labels(qtbot, qapp, monkeypatch, tmp_path, settings):
    controller = _open_first_time(qtbot, monkeypatch, tmp_path, settings)
    window = controller.window
    try:
        assert Path(window.session.corpus.path) == default_corpus_path()
        assert default_corpus_path().is_file()
        article = window.editor.article
        assert article is not None and SAMPLE_ARTICLE.read_text(encoding="utf-8").startswith(article.text[:200])
        assert [(lab.name, lab.tag, lab.hotkey) for lab in window.session.labels] == [
            (lab.name, lab.tag, lab.hotkey) for lab in DEFAULT_LABELS
        ]
        shown = window.view.title.text()
        assert shown == article.title or (shown.endswith("…") and window.view.title.toolTip() == article.title)
        hint = window.findChild(FirstRunHint, "firstRunHint")
        assert hint.isVisible()
    finally:
        close_window(window)


def test_the_hint_names_the_real_label_keys_and_where_review_and_export_are(qtbot, window):
    hint = window.findChild(FirstRunHint, "firstRunHint")
    assert hint.isVisible()
    text = hint.findChild(QLabel, "firstRunHintText").text()
    for key, name in (("1", "Location"), ("2", "Company"), ("3", "Policy&nbsp;term")):
        assert f"<b>{key}</b>&nbsp;{name}" in text
    assert "File › Export dataset" in text
    review = getattr(window.window_actions, "review", None)  # a corpus-wide review command, where there is one
    assert (window.window_actions.menu_path(review) if isinstance(review, QAction) else "Annotations list") in text
    # A label given another key: the hint follows.
    location = window.session.labels[0]
    assert window.editor.update_label(location, location.with_changes(hotkey="7")) in (None, "")
    text = hint.findChild(QLabel, "firstRunHintText").text()
    assert "<b>7</b>&nbsp;Location" in text and "<b>1</b>&nbsp;Location" not in text


def test_the_hint_closes_for_now_and_comes_back_next_time(qtbot, controller, corpus_path, settings, window):
    hint = window.findChild(FirstRunHint, "firstRunHint")
    qtbot.mouseClick(hint.findChild(object, "firstRunHintClose"), Qt.MouseButton.LeftButton)
    assert not hint.isVisible()
    assert window.pane.hasFocus()  # back to labelling
    again = controller.open(corpus_path)
    qtbot.addWidget(again)
    assert again.findChild(FirstRunHint, "firstRunHint").isVisible()
    close_window(again)


def test_dont_show_again_is_remembered(qtbot, controller, corpus_path, settings, window, tmp_path):
    hint = window.findChild(FirstRunHint, "firstRunHint")
    qtbot.mouseClick(hint.findChild(QPushButton, "firstRunHintNever"), Qt.MouseButton.LeftButton)
    assert not hint.isVisible()
    # Remembered on disk, not only in this object: a fresh QSettings on the same file sees it.
    fresh = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    again = AppController(fresh, "tester").open(corpus_path)
    qtbot.addWidget(again)
    qtbot.waitExposed(again)
    assert not again.findChild(FirstRunHint, "firstRunHint").isVisible()
    close_window(again)


def test_help_menu_brings_a_dismissed_hint_back(qtbot, controller, corpus_path, settings, window):
    hint = window.hint
    qtbot.mouseClick(hint.never, Qt.MouseButton.LeftButton)
    assert not hint.isVisible()
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    (item,) = [a for a in help_menu.actions() if a.text() == "Show the &getting-started hint"]
    item.trigger()
    assert hint.isVisible()
    fresh = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    again = AppController(fresh, "tester").open(corpus_path)
    qtbot.addWidget(again)
    qtbot.waitExposed(again)
    assert again.hint.isVisible()  # back at the next start too, until dismissed for good
    close_window(again)


def test_labelling_works_with_the_hint_shown(qtbot, window):
    assert window.hint.isVisible()
    pane = window.pane
    start = pane.toPlainText().index("Foshan")
    pane.select_codepoints(start, start + len("Foshan"))
    press(qtbot, pane, Qt.Key.Key_1)
    assert [(a.start, a.end) for a in window.annotations.annotations()] == [(start, start + 6)]


def test_help_about_shows_version_licence_corpus_and_data_folder(qtbot, window, monkeypatch):
    window.window_actions.about.trigger()
    dialog = window.findChild(QDialog, "aboutDialog")
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QLabel, "aboutText").text()
    assert __version__ in text and "MIT" in text
    assert str(window.session.corpus.path) in text
    assert str(default_corpus_path().parent) in text
    qtbot.mouseClick(dialog.findChild(QPushButton, "aboutCopy"), Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert f"Version: {__version__}" in copied and f"Corpus: {window.session.corpus.path}" in copied
    dialog.close()


def _every_shortcut_on(window) -> dict[str, str]:
    """key -> what it does, for every QAction and QShortcut reachable from the window."""
    items = {
        id(a): a for a in [*QWidget.actions(window), *window.findChildren(QAction), *window.findChildren(QShortcut)]
    }
    for menu_action in list(items.values()):
        menu = menu_action.menu() if isinstance(menu_action, QAction) else None
        if menu is not None:
            for a in menu.actions():
                items.setdefault(id(a), a)
    keys = {}
    for item in items.values():
        for key in keys_of(item):
            keys[key] = item.text() if isinstance(item, QAction) else item.objectName()
    return keys


def test_keyboard_shortcuts_lists_every_shortcut_in_the_window(qtbot, window):
    # Also a shortcut added later by some widget, outside the window's action list.
    extra = QAction("Extra command", window)
    extra.setShortcut(QKeySequence("Ctrl+Alt+K"))
    window.addAction(extra)
    expected = _every_shortcut_on(window)
    assert len(expected) > 30 and {"1", "2", "3", "Ctrl+Z", "Ctrl+Alt+K"} <= set(expected)
    dialog = window.show_shortcuts()
    listed = {key.strip() for _, keys in dialog.shortcut_rows() for key in keys.split(", ")}
    missing = {key: what for key, what in expected.items() if key not in listed}
    assert not missing, f"shortcuts missing from Help › Keyboard shortcuts: {missing}"
    dialog.close()


def test_window_and_application_icon_are_sharp_at_every_size_and_scale(qtbot, window):
    from PySide6.QtCore import QSize

    from annotator.ui.icons import PNG_SIZES

    for icon in (QApplication.windowIcon(), window.windowIcon()):
        assert not icon.isNull()
        assert {s.width() for s in icon.availableSizes()} >= set(PNG_SIZES)
        for scale in (1.0, 2.0):  # a high-DPI screen asks for twice the device pixels
            pixmap = icon.pixmap(QSize(32, 32), scale)
            assert pixmap.width() == round(32 * scale) and pixmap.devicePixelRatio() == scale
