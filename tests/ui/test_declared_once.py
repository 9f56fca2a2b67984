"""Settings and actions are declared once: typed settings, menus, enablement, the shortcut list and
the guide's keyboard table."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QWidget

from annotator.ui import settings as keys
from annotator.ui.actions import SPECS, keyboard_table_markdown

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guide.md"


def test_the_guides_keyboard_table_is_the_generated_one():
    text = GUIDE.read_text(encoding="utf-8")
    found = re.search(r"<!-- keyboard table:[^\n]*-->\n(.*?)\n<!-- end of keyboard table -->", text, re.S)
    assert found, "docs/guide.md lost its keyboard table markers"
    assert found.group(1) == keyboard_table_markdown(), "run python -m annotator.ui.actions and paste its table"
    for k in ("Ctrl+T", "Ctrl+=", "Ctrl+F", "Ctrl+Shift+N"):
        assert k in found.group(1)


def test_every_spec_is_one_action_in_one_menu(window):
    ids = [s.id for s in SPECS]
    assert len(ids) == len(set(ids))
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    for spec in SPECS:
        action = window.window_actions[spec.id]
        holders = [m for m in menus for sub in [m, *m.findChildren(type(m))] if action in sub.actions()]
        assert holders, f"{spec.id} is in no menu"
        assert [k.toString() for k in action.shortcuts()] == [k for k in spec.keys] or spec.keys == ()


def test_enablement_follows_the_declaration(window):
    acts = window.window_actions
    window.editor.open_article(None)
    assert not acts.note.isEnabled() and not acts.find_in_article.isEnabled() and acts.review.isEnabled()


def test_the_window_does_not_shadow_qwidget(window):
    assert callable(window.palette) and window.palette() == QWidget.palette(window)
    assert callable(window.actions) and window.actions() == QMainWindow.actions(window)


def test_booleans_are_read_one_way(tmp_path):
    s = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    for stored, expected in (
        ("false", False),
        ("0", False),
        ("true", True),
        ("1", True),
        (True, True),
        (0, False),
        ("junk", True),
    ):
        s.setValue(keys.SNAP_TO_WORDS.key, stored)
        s.sync()
        again = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        assert keys.SNAP_TO_WORDS.read(again) is expected, stored


def test_typed_reads_fall_back_to_the_default(tmp_path):
    s = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert keys.ZOOM.read(s) == 0
    s.setValue(keys.ZOOM.key, "three")
    assert keys.ZOOM.read(s) == 0
    keys.RECENT_CORPORA.write(s, ["one"])
    s.sync()
    assert keys.RECENT_CORPORA.read(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)) == ["one"]
    assert keys.LAST_ARTICLE.at("abc").key == "lastArticle/abc"


def test_no_module_outside_settings_names_a_setting_key():
    package = Path(keys.__file__).resolve().parents[1]
    for path in package.rglob("*.py"):
        if path.name == "settings.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(settings|s)\.(value|setValue)\(", text), f"{path} reads or writes a setting directly"


def test_every_command_of_the_menus_is_declared(window):
    """The menu bar is made from SPECS: every command in it is a declared one (the label keys are
    the labels' own, a dock's or toolbar's Show command its own, View › Annotations of a choice among layers)."""
    from PySide6.QtWidgets import QDockWidget, QMenu, QToolBar

    declared = {id(a) for a in window.window_actions.all()}
    docks = {id(d.toggleViewAction()) for d in [*window.findChildren(QDockWidget), *window.findChildren(QToolBar)]}
    layers = {id(a) for a in window.team.actions()}
    stray = [
        action.text()
        for top in window.menuBar().actions()
        for menu in [top.menu(), *top.menu().findChildren(QMenu)]
        for action in menu.actions()
        if not action.isSeparator() and action.menu() is None
        and id(action) not in declared | docks | layers and action.data() is None
    ]
    assert stray == []
    assert window.window_actions.suggest_next in window.pane.actions()  # Tab acts in the text only
    assert window.window_actions.suggest_next not in window.actions()
