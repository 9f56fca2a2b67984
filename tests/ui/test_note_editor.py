"""The note editor: Enter saves a one-line note, Shift+Enter breaks the line, Ctrl+Enter saves any note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from annotator.ui.dialogs.note_editor import NoteEditor
from tests.app_helpers import ARTICLE, press, stored

K = Qt.Key
M = Qt.KeyboardModifier


def _label_and_open_note(qtbot, window) -> NoteEditor:
    start = ARTICLE.index("Midea Group")
    window.pane.select_codepoints(start, start + len("Midea Group"))
    press(qtbot, window.pane, K.Key_2)
    press(qtbot, window.pane, K.Key_N)
    editor = window.findChild(NoteEditor)
    assert editor is not None and editor.isVisible()
    return editor


def test_enter_saves_a_single_line_note(qtbot, window, corpus_path):
    editor = _label_and_open_note(qtbot, window)
    assert editor.edit.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    qtbot.keyClicks(editor.edit, "appliance maker")
    press(qtbot, editor.edit, K.Key_Return)
    assert not editor.isVisible()
    assert stored(corpus_path)[0].note == "appliance maker"


def test_shift_enter_breaks_the_line_and_ctrl_enter_saves(qtbot, window, corpus_path):
    editor = _label_and_open_note(qtbot, window)
    qtbot.keyClicks(editor.edit, "first line")
    press(qtbot, editor.edit, K.Key_Return, M.ShiftModifier)
    qtbot.keyClicks(editor.edit, "second")
    press(qtbot, editor.edit, K.Key_Return)  # a note of two lines: Enter is a line break now
    qtbot.keyClicks(editor.edit, "third")
    assert editor.isVisible()
    press(qtbot, editor.edit, K.Key_Return, M.ControlModifier)
    assert not editor.isVisible()
    assert stored(corpus_path)[0].note == "first line\nsecond\nthird"


def test_escape_keeps_the_old_note(qtbot, window, corpus_path):
    editor = _label_and_open_note(qtbot, window)
    qtbot.keyClicks(editor.edit, "never mind")
    press(qtbot, editor, K.Key_Escape)
    assert stored(corpus_path)[0].note is None
