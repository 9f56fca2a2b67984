"""The centre of the window: the article's title and source above the text pane."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from annotator.core.model import Article
from annotator.ui.widgets.text_pane import READING_WIDTH, TextPane


class ArticleView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.title = QLabel(self, objectName="articleTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setStyleSheet("font-size: 17pt; font-weight: 600;")
        self.details = QLabel(self, objectName="articleDetails")
        # Colours come from the system palette (light or dark): text on the text background.
        self.title.setForegroundRole(QPalette.ColorRole.Text)
        self.details.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.details.setWordWrap(True)
        self.pane = TextPane(self)
        header = QFrame(self)
        header.setObjectName("articleHeader")
        self._header = header
        hl = QVBoxLayout(header)
        hl.setContentsMargins(22, 16, 22, 8)
        hl.setSpacing(4)
        hl.addWidget(self.title)
        hl.addWidget(self.details)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Plain)
        rule.setForegroundRole(QPalette.ColorRole.Midlight)
        layout.addWidget(rule)
        layout.addWidget(self.pane, 1)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.show_article(None)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        # Line the header up with the reading column of the text pane.
        side = max(0, (self.width() - READING_WIDTH) // 2) + 22
        m = self._header.layout().contentsMargins()
        if m.left() != side:
            self._header.layout().setContentsMargins(side, m.top(), side, m.bottom())

    def show_article(self, article: Article | None) -> None:
        if article is None:
            self.title.setText("No article open")
            self.details.setText("Choose an article in the list, or import some with File › Import articles (Ctrl+I).")
            return
        self.title.setText(article.title)
        bits = [f"Article {article.id}"]
        for value in (article.meta.get("section"), article.source, article.published):
            if value:
                bits.append(str(value))
        bits.append(f"{len(article.text):,} characters")
        self.details.setText(" · ".join(bits))
