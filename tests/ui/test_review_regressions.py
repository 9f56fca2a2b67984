"""Behaviour a demanding user relies on: no stray selections after edits, menus act on what was
clicked, dialogs keep their errors on screen, notes survive moving on, lists browse by keyboard."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.app_helpers import ARTICLE, press, stored
from tests.ui.test_long_article import long_window  # noqa: F401 (fixture)
from tests.ui.test_mouse_labelling import point_at

K, M = Qt.Key, Qt.KeyboardModifier


def label(qtbot, window, word: str, key=K.Key_1, nth: int = 0) -> None:
    s = -1
    for _ in range(nth + 1):
        s = ARTICLE.index(word, s + 1)
    window.pane.select_codepoints(s, s + len(word))
    press(qtbot, window.pane, key)


def test_deleting_a_span_does_not_select_its_neighbour(qtbot, window, corpus_path):
    label(qtbot, window, "Foshan")
    label(qtbot, window, "Midea Group", K.Key_2)
    label(qtbot, window, "Foshan", nth=0)  # select the first span again (already labelled)
    assert window.editor.selected.text == "Foshan"
    press(qtbot, window.pane, K.Key_Delete)
    assert window.editor.selected is None
    press(qtbot, window.pane, K.Key_Delete)  # nothing selected: nothing more is deleted
    assert [a.text for a in stored(corpus_path)] == ["Midea Group"]


def test_context_menu_acts_on_the_span_right_clicked(qtbot, window, corpus_path):
    label(qtbot, window, "Kuka")
    label(qtbot, window, "Midea Group", K.Key_2)
    window.pane.place_caret(1)  # "Kuka" is the selected span
    menu = window.pane.context_menu(point_at(window.pane, ARTICLE.index("Midea Group") + 2))
    names = [a.text() for a in menu.actions()]
    assert names[:3] == ["Location", "Company", "Policy term"]
    next(a for a in menu.actions() if a.text() == "&Delete annotation").trigger()
    assert [a.text for a in stored(corpus_path)] == ["Kuka"]


def test_enter_in_the_label_manager_applies_and_keeps_the_dialog(qtbot, window):
    dialog = window.open_label_manager()
    qtbot.waitExposed(dialog)
    dialog.tag.clear()
    qtbot.keyClicks(dialog.tag, "COMPANY")  # taken by another label
    qtbot.keyClick(dialog.tag, K.Key_Return)
    assert shiboken6.isValid(dialog) and dialog.isVisible()
    assert "The label “Company” already has the tag COMPANY" in dialog.error.text()
    dialog.close()


def test_ctrl_z_works_inside_the_label_manager(qtbot, window):
    dialog = window.open_label_manager()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert len(window.session.labels) == 4
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    press(qtbot, dialog.list, K.Key_Z, M.ControlModifier)
    assert [lab.name for lab in window.session.labels] == ["Location", "Company", "Policy term"]
    dialog.close()


def test_a_note_being_typed_is_kept_when_moving_on(qtbot, window, corpus_path):
    label(qtbot, window, "Kuka")
    table = window.annotation_dock.table
    index = window.annotations.index(0, 2)
    table.setFocus()
    table.setCurrentIndex(index)
    table.edit(index)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "check spelling")
    press(qtbot, editor, K.Key_Return, M.ControlModifier)  # mark done and go to the next article
    assert window.editor.article.id == 2
    assert stored(corpus_path, 1)[0].note == "check spelling"


def test_the_annotation_list_can_be_browsed_with_the_keyboard(qtbot, window):
    for word in ("Kuka", "Midea Group", "Shunde District"):
        label(qtbot, window, word)
    table = window.annotation_dock.table
    table.setFocus()
    table.setCurrentIndex(window.annotations.index(0, 0))
    press(qtbot, table, K.Key_Down)
    press(qtbot, table, K.Key_Down)
    assert table.hasFocus() and table.currentIndex().row() == 2
    assert window.editor.selected.text == "Shunde District"  # the text follows the list


def test_next_article_works_when_the_open_one_is_filtered_out(qtbot, window):
    window.article_dock.filter.setText("Second")
    window.article_dock.flush_filter()
    assert window.articles.total() == 1
    press(qtbot, window.pane, K.Key_PageDown, M.ControlModifier)
    assert window.editor.article.id == 2


def test_annotate_all_in_a_long_article_counts_spans_not_read_yet(qtbot, long_window):  # noqa: F811
    w, text, total = long_window
    assert not w.pane.fully_loaded
    w.pane.place_caret(2)  # in the first "Foshan"
    assert w.editor.selected.text == "Foshan"
    assert w.editor.occurrences(w.editor.selected) == []


def test_closing_the_window_stops_reading_spans(qtbot, long_window):  # noqa: F811
    w, text, total = long_window
    assert not w.pane.fully_loaded
    w.close()
    w.session.corpus.close()
    qtbot.wait(50)  # the loader would run here; it must not touch the closed corpus
    assert not w.pane._loader.isActive()


_ = pytest


def test_every_pane_is_reachable_from_the_keyboard(qtbot, window):
    label(qtbot, window, "Kuka")
    press(qtbot, window.pane, K.Key_1, M.AltModifier)
    assert window.article_dock.table.hasFocus()
    press(qtbot, window.article_dock.table, K.Key_Down)
    press(qtbot, window.article_dock.table, K.Key_Return)  # opens the second article
    assert window.editor.article.id == 2 and window.pane.hasFocus()
    press(qtbot, window.pane, K.Key_PageUp, M.ControlModifier)
    press(qtbot, window.pane, K.Key_3, M.AltModifier)
    assert window.annotation_dock.table.hasFocus()
    press(qtbot, window.annotation_dock.table, K.Key_2, M.AltModifier)
    assert window.pane.hasFocus()
