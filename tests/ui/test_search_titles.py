"""A search hit in a title only: the row says so in words, and Enter opens the article."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.ui.search.model import SearchResultsModel
from tests.app_helpers import press

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_a_title_only_match_reads_as_words(qtbot, window):
    window.open_article(2)
    press(qtbot, window.pane, Qt.Key.Key_F, CTRL_SHIFT)
    dock = window.search.dock
    qtbot.keyClicks(dock.field, "visit")  # in the title "Foshan visit", not in its text
    press(qtbot, dock.field, Qt.Key.Key_Return)
    model = dock.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, SearchResultsModel.ARTICLE)) == "Foshan visit"
    assert model.data(model.index(0, SearchResultsModel.CONTEXT)) == "(the title matches)"
    assert dock.summary.text() == "1 article, 0 hits and 1 title match shown."
    press(qtbot, dock.field, Qt.Key.Key_Down)
    press(qtbot, dock.table, Qt.Key.Key_Return)
    assert window.editor.article.id == 1 and QApplication.focusWidget() is window.pane
