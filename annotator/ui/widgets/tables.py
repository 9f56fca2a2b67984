"""The look every list in the window shares: whole-row selection, compact rows, no grid."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QTableView, QWidget


def unshaped_rows(view: QAbstractScrollArea) -> None:
    """Rows drawn without the cosmetic text shaping (kerning, ligatures) that Latin and CJK text do
    not need; scripts that cannot be read without it are still shaped. Every visible cell is laid out
    again each time a list scrolls, and shaping was the largest part of that (about 2 ms of opening an
    article far down the list)."""
    font = view.font()
    font.setStyleStrategy(font.styleStrategy() | QFont.StyleStrategy.PreferNoShaping)
    view.setFont(font)


def make_table(parent: QWidget, name: str, model) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab moves on to the next control, arrows move in the list
    unshaped_rows(table)
    return table
