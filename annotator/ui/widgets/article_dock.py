"""The article list dock: a filter box over a lazily loaded table of articles."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.i18n import tr
from annotator.ui.models.article_list import ArticleListModel
from annotator.ui.widgets.tables import make_table


class ArticleDock(QDockWidget):
    article_activated = Signal(int)  # article id

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None) -> None:
        super().__init__(tr("Articles"), parent)
        self.setObjectName("articleDock")
        self.model = model
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.filter = QLineEdit(body)
        self.filter.setObjectName("articleFilter")
        self.filter.setPlaceholderText(tr("Filter by title…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setToolTip(tr("Show only articles whose title contains this text"))
        self.table = make_table(body, "articleTable", model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 90)
        header.resizeSection(2, 52)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        self.setWidget(body)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(lambda: model.set_filter(self.filter.text()))
        self.filter.textChanged.connect(lambda _: self._debounce.start())
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)

    def _activated(self, index) -> None:
        ident = self.model.article_id(index.row())
        if ident is not None:
            self.article_activated.emit(ident)

    def show_article(self, article_id: int) -> None:
        """Select the row of ``article_id`` without re-announcing it."""
        row = self.model.row_of(article_id)
        if row is None:
            self.table.clearSelection()
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    def flush_filter(self) -> None:
        """Apply a pending filter edit now."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.model.set_filter(self.filter.text())



