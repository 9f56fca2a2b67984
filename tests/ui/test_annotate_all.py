from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from tests.app_helpers import ARTICLE, press, stored


def _open_preview(qtbot, window):
    """Label the first Foshan, then open the preview of labelling the others."""
    pane = window.pane
    first = ARTICLE.index("Foshan")
    pane.select_codepoints(first, first + 6)
    press(qtbot, pane, Qt.Key.Key_1)
    press(qtbot, pane, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    return first, window.findChild(QDialog, "annotateAllDialog")


def test_annotate_all_with_preview_and_undo(qtbot, window, corpus_path):
    first, dialog = _open_preview(qtbot, window)
    assert dialog is not None and dialog.isVisible()
    others = [i for i in range(len(ARTICLE)) if ARTICLE.startswith("Foshan", i)][1:]
    assert dialog.model.rowCount() == len(others) == 3
    dialog.model.item(1).setCheckState(Qt.CheckState.Unchecked)  # leave the second one alone
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "&Label 2"
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    starts = sorted(a.start for a in stored(corpus_path))
    assert starts == [first, others[0], others[2]]
    assert window.annotations.rowCount() == 3
    # One command for the bulk edit: one undo removes both.
    window.undo_stack.undo()
    assert [a.start for a in stored(corpus_path)] == [first]


def test_whole_words_only(window):
    pane = window.pane
    s = ARTICLE.index("Group")
    pane.select_codepoints(s, s + 5)
    window.editor.apply_label(2)
    assert window.editor.occurrences(window.editor.selected) == []


def test_each_occurrence_shows_its_line_and_context(qtbot, window):
    from annotator.ui.search.context import ContextRole

    first, dialog = _open_preview(qtbot, window)
    others = [i for i in range(len(ARTICLE)) if ARTICLE.startswith("Foshan", i)][1:]
    lines = [ARTICLE.count("\n", 0, s) + 1 for s in others]
    assert [dialog.model.item(r, 0).text() for r in range(3)] == [str(n) for n in lines] == ["3", "3", "3"]
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "Line"
    left, match, right = dialog.model.item(0, 1).data(ContextRole)
    assert match == "Foshan" and left.endswith("Midea Group and ") and right.startswith(" officials")
    dialog.reject()
