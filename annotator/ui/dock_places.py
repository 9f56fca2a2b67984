"""Where a corpus-wide list (review, search, consistency, statistics) opens: below the text, tall
enough for ten rows, while the text keeps a readable height; in a window too short for both, as a
tab beside the text instead, so neither is squeezed to a sliver.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTableView, QWidget

from annotator.ui.widgets.article_view import MIN_TEXT_WIDTH

ROWS = 10
MIN_TEXT_HEIGHT = 220  # px of text kept above a list opened below it
STATS_HEIGHT = 320  # px the statistics need to be read


def wanted_height(dock: QDockWidget, table: QTableView | None) -> int:
    """The dock's height with ten rows of its table in view (or the statistics' own height)."""
    if table is None:
        return STATS_HEIGHT
    laid_out = dock.height() - table.viewport().height() if table.viewport().height() > 0 else 0
    estimate = (
        dock.minimumSizeHint().height()
        - table.minimumSizeHint().height()
        + table.horizontalHeader().sizeHint().height()
        + 2 * table.frameWidth()
    )
    chrome = max(laid_out, estimate)
    return chrome + ROWS * table.verticalHeader().defaultSectionSize() + 4


def place(window: QMainWindow, dock: QDockWidget, table: QTableView | None, beside: QDockWidget) -> None:
    """Give a just-shown dock its room: ten rows below the text, or a tab beside it (with ``beside``)."""
    if dock.isFloating() or not dock.isVisible():
        return
    QApplication.processEvents()  # the dock's first layout, to measure it
    centre: QWidget = window.centralWidget()
    area = window.dockWidgetArea(dock)
    if area == Qt.DockWidgetArea.BottomDockWidgetArea:
        want = wanted_height(dock, table)
        room = centre.height() + dock.height() - MIN_TEXT_HEIGHT
        if want <= room:
            if dock.height() < want:
                window.resizeDocks([dock], [want], Qt.Orientation.Vertical)
            return
        size = window.size()
        side = window.dockWidgetArea(beside)  # too short a window: a tab beside the text
        window.addDockWidget(side, dock)
        window.tabifyDockWidget(beside, dock)
        dock.show()
        dock.raise_()
        QApplication.processEvents()  # the dock lays itself out for its narrower place...
        window.resize(size.expandedTo(window.minimumSizeHint()))  # ...and the window keeps its size
        area = side
    if area in (Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea):
        width = window.width() - MIN_TEXT_WIDTH - _others_width(window, area)
        if dock.width() < width:
            window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)


def _others_width(window: QMainWindow, area: Qt.DockWidgetArea) -> int:
    """What the docks of the other side area need at least (they shrink before the text does)."""
    other = (
        Qt.DockWidgetArea.LeftDockWidgetArea
        if area == Qt.DockWidgetArea.RightDockWidgetArea
        else Qt.DockWidgetArea.RightDockWidgetArea
    )
    widths = [
        d.minimumSizeHint().width()
        for d in window.findChildren(QDockWidget)
        if d.isVisible() and not d.isFloating() and window.dockWidgetArea(d) == other
    ]
    return max(widths, default=0) + 12
