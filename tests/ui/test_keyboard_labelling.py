"""Labelling with the keyboard alone, driven by real key events on the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.app_helpers import ARTICLE, press, stored

K = Qt.Key
M = Qt.KeyboardModifier


def test_article_opens_with_focus_in_text(window):
    assert window.editor.article.title == "Foshan visit"
    assert window.pane.hasFocus()
    assert window.pane.toPlainText() == ARTICLE.replace("\n", "\u2029").replace("\u2029", "\n")
    assert window.status.position.text() == "Article 1 of 2"


def test_select_with_shift_arrows_and_label_with_hotkey(qtbot, window, corpus_path):
    pane = window.pane
    press(qtbot, pane, K.Key_Home, M.ControlModifier)
    press(qtbot, pane, K.Key_Right, M.ShiftModifier, times=4)  # "Kuka"
    press(qtbot, pane, K.Key_2)
    [a] = stored(corpus_path)
    assert (a.start, a.end, a.text, a.label_id, a.annotator) == (0, 4, "Kuka", 2, "tester")
    assert window.annotations.rowCount() == 1
    assert window.status.count.text() == "1 annotation"


def test_partial_word_snaps_and_whitespace_is_trimmed(qtbot, window, corpus_path):
    pane = window.pane
    start = ARTICLE.index("Foshan")
    pane.place_caret(start - 1)  # the space before "Foshan"
    press(qtbot, pane, K.Key_Right, M.ShiftModifier, times=4)  # " Fos"
    press(qtbot, pane, K.Key_1)
    [a] = stored(corpus_path)
    assert a.text == "Foshan" and a.start == start


def test_snap_off_gives_character_precision(qtbot, window, corpus_path):
    window.window_actions.snap.setChecked(False)
    pane = window.pane
    start = ARTICLE.index("Foshan")
    pane.place_caret(start)
    press(qtbot, pane, K.Key_Right, M.ShiftModifier, times=3)
    press(qtbot, pane, K.Key_1)
    assert [a.text for a in stored(corpus_path)] == ["Fos"]


def test_ctrl_shift_arrow_selects_words(qtbot, window, corpus_path):
    pane = window.pane
    press(qtbot, pane, K.Key_Home, M.ControlModifier)
    press(qtbot, pane, K.Key_Right, M.ControlModifier | M.ShiftModifier, times=2)  # "Kuka Robot "
    press(qtbot, pane, K.Key_2)
    assert [a.text for a in stored(corpus_path)] == ["Kuka Robot"]


def test_relabel_delete_resize_and_note_from_the_keyboard(qtbot, window, corpus_path, monkeypatch):
    pane = window.pane
    press(qtbot, pane, K.Key_Home, M.ControlModifier)
    press(qtbot, pane, K.Key_Right, M.ShiftModifier, times=4)
    press(qtbot, pane, K.Key_1)
    # The new span is selected: another hotkey relabels it.
    press(qtbot, pane, K.Key_2)
    [a] = stored(corpus_path)
    assert a.label_id == 2 and window.annotations.rowCount() == 1
    # Grow the end by a word, then shrink it back.
    press(qtbot, pane, K.Key_Right, M.AltModifier)
    assert stored(corpus_path)[0].text == "Kuka Robot"
    press(qtbot, pane, K.Key_Left, M.AltModifier)
    assert stored(corpus_path)[0].text == "Kuka"
    # Attach a note through the note editor: typed, Enter saves a one-line note.
    from annotator.ui.dialogs.note_editor import NoteEditor

    press(qtbot, pane, K.Key_N)
    editor = window.findChild(NoteEditor)
    qtbot.keyClicks(editor.edit, "robot maker")
    press(qtbot, editor.edit, K.Key_Return)
    assert stored(corpus_path)[0].note == "robot maker"
    # Delete removes it.
    press(qtbot, pane, K.Key_Delete)
    assert stored(corpus_path) == []
    assert window.annotations.rowCount() == 0


def test_caret_moved_into_a_span_selects_it(qtbot, window, corpus_path):
    pane = window.pane
    start = ARTICLE.index("Midea Group")
    pane.select_codepoints(start, start + len("Midea Group"))
    press(qtbot, pane, K.Key_2)
    press(qtbot, pane, K.Key_Home, M.ControlModifier)
    assert window.editor.selected is None
    pane.place_caret(start + 2)
    assert window.editor.selected is not None and window.editor.selected.text == "Midea Group"
    press(qtbot, pane, K.Key_3)  # relabel
    assert stored(corpus_path)[0].label_id == 3


def test_undo_and_redo_with_every_shortcut(qtbot, window, corpus_path):
    pane = window.pane
    start = ARTICLE.index("Shunde District")
    pane.select_codepoints(start, start + len("Shunde District"))
    press(qtbot, pane, K.Key_1)
    assert len(stored(corpus_path)) == 1
    press(qtbot, pane, K.Key_Z, M.ControlModifier)
    assert stored(corpus_path) == [] and window.annotations.rowCount() == 0
    press(qtbot, pane, K.Key_Z, M.ControlModifier | M.ShiftModifier)
    assert [a.text for a in stored(corpus_path)] == ["Shunde District"]
    press(qtbot, pane, K.Key_Z, M.ControlModifier)
    press(qtbot, pane, K.Key_Y, M.ControlModifier)
    [a] = stored(corpus_path)
    assert a.text == "Shunde District" and window.annotations.rowCount() == 1
    # Relabel, then undo it: the label comes back, saved.
    press(qtbot, pane, K.Key_2)
    assert stored(corpus_path)[0].label_id == 2
    press(qtbot, pane, K.Key_Z, M.ControlModifier)
    assert stored(corpus_path)[0].label_id == 1


def test_undo_of_an_edit_in_another_article_goes_back_to_it(qtbot, window, corpus_path):
    pane = window.pane
    pane.select_codepoints(0, 4)
    press(qtbot, pane, K.Key_2)
    press(qtbot, pane, K.Key_PageDown, M.ControlModifier)
    assert window.editor.article.id == 2
    press(qtbot, pane, K.Key_Z, M.ControlModifier)
    assert window.editor.article.id == 1
    assert stored(corpus_path) == []


def test_mark_done_and_next_and_previous(qtbot, window, corpus_path):
    pane = window.pane
    press(qtbot, pane, K.Key_Return, M.ControlModifier)
    assert window.editor.article.id == 2
    assert window.session.corpus.articles.get(1).status == "done"
    assert window.status.position.text() == "Article 2 of 2"
    press(qtbot, window.pane, K.Key_PageUp, M.ControlModifier)
    assert window.editor.article.id == 1


def test_zoom_keys(qtbot, window):
    size = window.pane.font().pointSize()
    press(qtbot, window.pane, K.Key_Plus, M.ControlModifier)
    assert window.pane.font().pointSize() == size + 1
    press(qtbot, window.pane, K.Key_Minus, M.ControlModifier, times=2)
    assert window.pane.font().pointSize() == size - 1
    press(qtbot, window.pane, K.Key_0, M.ControlModifier)
    assert window.pane.font().pointSize() == size


def test_marking_done_is_undoable(qtbot, window):
    press(qtbot, window.pane, K.Key_Return, M.ControlModifier)
    assert window.session.corpus.articles.get(1).status == "done" and window.editor.article.id == 2
    press(qtbot, window.pane, K.Key_Z, M.ControlModifier)
    assert window.session.corpus.articles.get(1).status == "new"
    assert window.editor.article.id == 1  # undo goes back to the article it touched
    assert window.articles.data(window.articles.index(0, 1)) == "New"
