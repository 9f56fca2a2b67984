"""The review's date filter counts days as the table shows them: in the analyst's own time zone."""

from __future__ import annotations

import sqlite3
import time

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication

from annotator.core.model import Annotation
from annotator.store import open_corpus
from annotator.ui.review.model import ReviewTableModel
from tests.app_helpers import close_window, press

K, M = Qt.Key, Qt.KeyboardModifier


@pytest.fixture
def shanghai(monkeypatch):
    """Local time is UTC+8 (no daylight saving), as for an analyst in Foshan."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def late_evening_window(qtbot, controller, corpus_path, shanghai):
    """Foshan labelled at 20:30 UTC on 1 March, which is 04:30 on 2 March in Foshan."""
    with open_corpus(corpus_path) as corpus:
        corpus.annotations.add_many([Annotation(None, 1, 1, 51, 57, "Foshan", "mei")])
    with sqlite3.connect(corpus_path) as db:
        db.execute("UPDATE annotations SET created = ?, updated = ?",
                   ("2026-03-01T20:30:00.000+00:00", "2026-03-01T20:30:00.000+00:00"))
    db.close()
    w = controller.open(corpus_path, 1)
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.pane.setFocus()
    press(qtbot, w.pane, K.Key_R, M.ControlModifier | M.ShiftModifier)
    yield w
    close_window(w)


def _show_days(qtbot, filters, first: QDate, last: QDate) -> None:
    filters.date_from.setDate(first)
    filters.date_to.setDate(last)
    if not filters.dated.isChecked():
        qtbot.mouseClick(filters.dated, Qt.MouseButton.LeftButton, pos=QPoint(5, filters.dated.height() // 2))


def test_the_day_shown_is_the_day_filtered(qtbot, late_evening_window):
    dock = late_evening_window.review.dock
    model = dock.model
    assert model.data(model.index(0, ReviewTableModel.UPDATED)) == "2026-03-02 04:30"
    _show_days(qtbot, dock.filters, QDate(2026, 3, 2), QDate(2026, 3, 2))
    assert dock.count.text() == "1 matching annotation"
    _show_days(qtbot, dock.filters, QDate(2026, 3, 1), QDate(2026, 3, 1))
    assert dock.count.text() == "0 matching annotations"
    _show_days(qtbot, dock.filters, QDate(2026, 2, 1), QDate(2026, 3, 1))
    assert model.rowCount() == 0
    _show_days(qtbot, dock.filters, QDate(2026, 3, 2), QDate(2026, 4, 1))
    assert model.rowCount() == 1
