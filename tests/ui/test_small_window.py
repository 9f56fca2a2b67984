"""At 900x600 the text keeps a readable width; the corpus-wide lists open with ten rows in view,
below the text when there is room and as a tab beside it when there is not; Statistics never
covers the annotation list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.ui.dock_places import MIN_TEXT_HEIGHT, ROWS
from annotator.ui.widgets.article_view import MIN_TEXT_WIDTH


def _visible_rows(table) -> int:
    return table.viewport().height() // table.verticalHeader().defaultSectionSize()


@pytest.fixture
def small(qtbot, window):
    window.resize(900, 600)
    qtbot.wait(20)
    return window


def test_the_text_keeps_a_readable_width_at_900_by_600(small):
    assert small.pane.width() >= MIN_TEXT_WIDTH
    assert small.width() == 900


@pytest.mark.parametrize(
    "action, dock, table",
    [
        ("review", "review", "table"),
        ("search_corpus", "search", "table"),
        ("consistency", "consistency", "conflict_table"),
    ],
)
def test_lists_open_with_ten_rows_and_leave_the_text_readable(qtbot, small, action, dock, table):
    small.window_actions[action].trigger()
    qtbot.wait(20)
    d = getattr(small, dock).dock
    t = getattr(d, table)
    assert d.isVisible() and not d.isFloating()
    assert _visible_rows(t) >= ROWS
    assert small.pane.width() >= MIN_TEXT_WIDTH and small.width() <= 905
    assert (
        small.pane.height() >= MIN_TEXT_HEIGHT - 30 or small.dockWidgetArea(d) != Qt.DockWidgetArea.BottomDockWidgetArea
    )
    assert small.article_dock.width() >= small.article_dock.minimumSizeHint().width()


def test_a_large_window_keeps_the_lists_below_the_text(qtbot, window):
    window.resize(1600, 1000)
    qtbot.wait(20)
    window.window_actions.review.trigger()
    qtbot.wait(20)
    assert window.dockWidgetArea(window.review.dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert _visible_rows(window.review.dock.table) >= ROWS
    assert window.pane.height() >= MIN_TEXT_HEIGHT


def test_statistics_do_not_cover_the_annotation_list(qtbot, window):
    for size in ((900, 600), (1600, 1000)):
        window.resize(*size)
        qtbot.wait(20)
        window.window_actions.statistics.trigger()
        qtbot.wait(20)
        assert window.stats.isVisible()
        assert not window.annotation_dock.visibleRegion().isEmpty()
