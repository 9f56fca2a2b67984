"""The centre of the window: the article's title and source above the text pane."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from annotator.core.model import Article
from annotator.ui.widgets.text_pane import READING_WIDTH, TextPane
from annotator.ui.i18n import tr


COMPACT_BELOW = 380  # px of height: below it the title takes one line, elided, so the text keeps its room


class ArticleView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self._full_title = ""
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
        self._fit_title()

    @property
    def compact(self) -> bool:
        """True when the view is too short for a wrapped title (a tall dock below it, a small window)."""
        return self.height() < COMPACT_BELOW

    def _fit_title(self) -> None:
        m = self._header.layout().contentsMargins()
        room = max(40, self.width() - m.left() - m.right())
        if self.compact:
            self.title.ensurePolished()  # the style sheet's font size, not the default
            self.title.setWordWrap(False)
            shown = QFontMetrics(self.title.font()).elidedText(self._full_title, Qt.TextElideMode.ElideRight, room)
        else:
            self.title.setWordWrap(True)
            shown = self._full_title
        if self.title.text() != shown:
            self.title.setText(shown)
        self.title.setToolTip(self._full_title if shown != self._full_title else "")

    def show_article(self, article: Article | None) -> None:
        if article is None:
            self._full_title = tr("No article open")
            self._fit_title()
            self.details.setText(tr("Choose an article in the list, or import some with File › Import articles (Ctrl+I)."))
            return
        self._full_title = article.title
        self._fit_title()
        bits = [tr("Article {id}").format(id=article.id)]
        for value in (article.meta.get("section"), article.source, article.published):
            if value:
                bits.append(str(value))
        bits.append(tr("{count:,} characters").format(count=len(article.text)))
        self.details.setText(" · ".join(bits))
