"""The Search dock: a query field, a summary line and the hits; Enter or a double-click opens one."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.i18n import tr
from annotator.ui.search.context import ContextDelegate
from annotator.ui.search.model import SearchResultsModel
from annotator.ui.widgets.tables import make_table

TYPING_PAUSE_MS = 350  # search once the typing pauses


class SearchDock(QDockWidget):
    hit_activated = Signal(int, object, object)  # article id, start, end (None, None: title only)

    def __init__(self, model: SearchResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(tr("Search corpus"), parent)
        self.setObjectName("searchDock")
        self.model = model
        body = QWidget(self)
        self.field = QLineEdit(body)
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(tr('Search every article: words, "a phrase", prefix*, OR, NOT'))
        self.field.setToolTip(
            tr("Words match whole words in any case (Chinese also inside longer runs).\n"
            '"Greater Bay Area" finds the phrase, Guang* words starting with Guang,\n'
            "Foshan OR Jiangmen either, Foshan NOT Midea excludes. Enter searches at once; ↓ goes to the results.")
        )
        self.further = QPushButton(tr("&Search further"), body)
        self.further.setObjectName("searchFurther")
        self.further.setToolTip(tr("Look at more articles for further matches"))
        self.summary = QLabel(body)
        self.summary.setObjectName("searchSummary")
        self.summary.setWordWrap(True)
        self.table = make_table(body, "searchResults", model)
        self.table.setItemDelegateForColumn(SearchResultsModel.CONTEXT, ContextDelegate(self.table))
        self.table.setToolTip(tr("Enter or double-click opens the article with the match selected"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SearchResultsModel.ARTICLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SearchResultsModel.CONTEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(SearchResultsModel.ARTICLE, 220)
        header.setSectionResizeMode(SearchResultsModel.LABELLED, QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(self.further)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.setWidget(body)

        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.run)
        self.field.textEdited.connect(lambda _t: self._pause.start())
        self.field.returnPressed.connect(self.run)
        self.further.clicked.connect(lambda: model.fetchMore())
        self.table.activated.connect(self._activate)
        self.table.doubleClicked.connect(self._activate)
        model.searched.connect(self._update_summary)
        model.modelReset.connect(self._update_summary)
        self._update_summary()

    def focus_field(self) -> None:
        self.show()
        self.raise_()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def run(self) -> None:
        self._pause.stop()
        if self.field.text() != self.model.query:
            self.model.set_query(self.field.text())
            if self.model.rowCount():
                self.table.selectRow(0)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down and self.field.hasFocus() and self.model.rowCount():
            self.run()
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            return
        super().keyPressEvent(event)

    def _activate(self, index) -> None:
        hit = self.model.hit(index.row()) if index.isValid() else None
        if hit is not None:
            self.hit_activated.emit(hit.article_id, hit.start, hit.end)

    def _update_summary(self) -> None:
        self.summary.setText(self.model.summary())
        self.further.setEnabled(self.model.canFetchMore())
