"""The review, search and consistency docks by keyboard alone: Alt+letter mnemonics that act, Tab that leaves a list."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabBar

from tests.app_helpers import press, stored
from tests.ui.test_consistency_view import COM, FOSHAN, LOC, labelled, settle  # noqa: F401  (fixture)

K, M = Qt.Key, Qt.KeyboardModifier
CTRL_SHIFT = M.ControlModifier | M.ShiftModifier


def _mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&])", text.replace("&&", ""))
    return m.group(1).lower() if m else None


def _visible_mnemonics(window) -> list[tuple[str, str]]:
    """(letter, where) for every Alt+letter the window answers right now: its menus and visible widgets."""
    found = [(_mnemonic(a.text()), f"menu {a.text()}") for a in window.menuBar().actions()]
    for w in window.findChildren(QAbstractButton):
        if w.isVisible():
            found.append((_mnemonic(w.text()), f"button {w.text()}"))
    for w in window.findChildren(QLabel):
        if w.isVisible() and w.buddy() is not None:
            found.append((_mnemonic(w.text()), f"label {w.text()}"))
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            found += [(_mnemonic(bar.tabText(i)), f"tab {bar.tabText(i)}") for i in range(bar.count())]
    return [(k, where) for k, where in found if k]


@pytest.mark.parametrize("show", ["review", "search", "conflicts", "missed"])
def test_no_two_visible_mnemonics_share_a_letter(qtbot, labelled, show):  # noqa: F811
    """An Alt+letter that two widgets (or a widget and a menu) share only moves the focus between them."""
    w = labelled
    acts = w.window_actions
    {"review": acts.review, "search": acts.search_corpus, "conflicts": acts.consistency,
     "missed": acts.missed_mentions}[show].trigger()
    qtbot.wait(50)
    seen: dict[str, str] = {}
    clashes = []
    for key, where in _visible_mnemonics(w):
        if key in seen:
            clashes.append(f"Alt+{key.upper()}: {seen[key]} / {where}")
        seen.setdefault(key, where)
    assert clashes == []


def _alt(qtbot, widget, text: str) -> None:
    """Alt and the underlined letter of ``text``."""
    press(qtbot, widget, getattr(K, f"Key_{_mnemonic(text).upper()}"), M.AltModifier)


def test_alt_letter_accepts_the_selected_missed_mention(qtbot, labelled, corpus_path):  # noqa: F811
    w = labelled
    press(qtbot, w.pane, K.Key_M, CTRL_SHIFT)
    settle(qtbot, w)
    dock = w.consistency.dock
    assert QApplication.focusWidget() is dock.missed_table
    press(qtbot, dock.missed_table, K.Key_Space)  # select the current (first) mention
    assert dock.accept.isEnabled()
    _alt(qtbot, dock.missed_table, dock.accept.text())
    qtbot.waitUntil(lambda: dock.missed.rowCount() == 0)  # a mnemonic clicks the button on a short timer
    assert (FOSHAN[3], LOC) in {(a.start, a.label_id) for a in stored(corpus_path)}


def test_alt_letter_makes_a_conflict_consistent(qtbot, labelled, corpus_path):  # noqa: F811
    w = labelled
    press(qtbot, w.pane, K.Key_C, CTRL_SHIFT)
    settle(qtbot, w)
    dock = w.consistency.dock
    assert QApplication.focusWidget() is dock.conflict_table
    _alt(qtbot, dock.conflict_table, dock.make_consistent.text())
    qtbot.waitUntil(lambda: dock.conflicts.rowCount() == 0)  # a mnemonic clicks the button on a short timer
    assert sorted(a.label_id for a in stored(corpus_path) if a.text == "Foshan") == [LOC, LOC, LOC]
    assert w.undo_stack.count() == 1
    assert COM not in {a.label_id for a in stored(corpus_path) if a.text == "Foshan"}


def _tab_from(qtbot, widget):
    widget.setFocus()
    press(qtbot, widget, K.Key_Tab)
    return QApplication.focusWidget()


def test_tab_leaves_each_list_for_the_next_control(qtbot, labelled):  # noqa: F811
    """Tab moves on from a list (not from cell to cell inside it), so every button is reachable by keyboard."""
    w = labelled
    press(qtbot, w.pane, K.Key_C, CTRL_SHIFT)
    settle(qtbot, w)
    dock = w.consistency.dock
    assert _tab_from(qtbot, dock.conflict_table) is dock.label_choice
    w.window_actions.missed_mentions.trigger()
    settle(qtbot, w)
    press(qtbot, dock.missed_table, K.Key_Space)
    assert _tab_from(qtbot, dock.missed_table) is dock.accept
    w.window_actions.review.trigger()
    review = w.review.dock
    review.table.selectRow(0)
    assert _tab_from(qtbot, review.table) in (review.open, review.relabel, review.mark, review.unmark, review.delete)
    w.window_actions.search_corpus.trigger()
    search = w.search.dock
    search.field.setText("Foshan")
    press(qtbot, search.field, K.Key_Return)
    assert search.model.rowCount() > 0
    assert _tab_from(qtbot, search.table) is not search.table
