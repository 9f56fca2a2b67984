"""The centre of the window: the article's title and source above the text pane, the find bar
under it, and for a corpus with no articles an empty state with an Import button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPalette, QTextLayout
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from annotator.core.model import Article
from annotator.ui.i18n import tr
from annotator.ui.widgets.find_bar import FindBar
from annotator.ui.widgets.text_pane import READING_WIDTH, TextPane

MIN_TEXT_WIDTH = 380  # px: about 48 characters a line; the side docks shrink or close before the text does
COMPACT_BELOW = 380  # px of height: below it the title takes one line, elided, so the text keeps its room


def two_lines(text: str, font: QFont, width: int) -> str | None:
    """``text`` cut to two lines of ``width`` px, the second elided; None when it fits in two."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    starts = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    if len(starts) <= 2:
        return None
    rest = text[starts[1] :]
    return text[: starts[1]].rstrip() + "\n" + QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)


class EmptyCorpus(QFrame):
    """What a corpus without articles shows: how to bring some in, an Import button, a drop target."""

    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyCorpus")
        title = QLabel(tr("This corpus has no articles yet"), self)
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        text = QLabel(
            tr("Import news articles (text, HTML, JSON Lines, CSV) or labelled data (Annotator JSONL, doccano, "
            "Label Studio, brat), or drop files or a folder here."),
            self,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.button = QPushButton(tr("&Import articles…"), self, objectName="emptyImport")
        self.button.setDefault(True)
        self.button.clicked.connect(self.import_requested)
        drop = QLabel(tr("Drop files here"), self, objectName="dropTarget")
        drop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        drop.setMinimumHeight(90)
        drop.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        drop.setStyleSheet("QLabel#dropTarget { border: 2px dashed palette(mid); border-radius: 10px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.setSpacing(14)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(drop)
        layout.addStretch(2)
        self.setMaximumWidth(560)


class ArticleView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self._full_title = ""
        self.title = QLabel(self, objectName="articleTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.title.setMinimumWidth(40)  # an elided title never holds the window wider than it is
        self.details = QLabel(self, objectName="articleDetails")
        # Colours come from the system palette (light or dark): text on the text background.
        self.title.setForegroundRole(QPalette.ColorRole.Text)
        self.details.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.details.setWordWrap(True)
        self.details.setMinimumWidth(40)
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
        self.find_bar = FindBar(self.pane, self)
        self.find_bar.closed.connect(self.pane.setFocus)
        layout.addWidget(self.find_bar)
        self.empty = EmptyCorpus(self)
        self.empty.hide()
        layout.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignHCenter)
        self._parts = (header, rule, self.pane)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setMinimumWidth(MIN_TEXT_WIDTH)
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
        self.title.ensurePolished()  # the style sheet's font size, not the default
        if self.compact:
            self.title.setWordWrap(False)
            shown = QFontMetrics(self.title.font()).elidedText(self._full_title, Qt.TextElideMode.ElideRight, room)
        else:  # at most two lines, the second elided
            cut = two_lines(self._full_title, self.title.font(), room)
            self.title.setWordWrap(cut is None)
            shown = self._full_title if cut is None else cut
        if self.title.text() != shown:
            self.title.setText(shown)
        self.title.setToolTip(self._full_title if shown != self._full_title else "")

    def show_empty_corpus(self, empty: bool) -> None:
        """The empty state instead of the text, for a corpus with no articles."""
        for part in self._parts:
            part.setVisible(not empty)
        if empty:
            self.find_bar.hide()
        self.empty.setVisible(empty)

    def show_article(self, article: Article | None) -> None:
        self.find_bar.refresh()
        if article is None:
            self._full_title = tr("No article open")
            self._fit_title()
            self.details.setText(
                tr("Choose an article in the list, or import some with File › Import articles (Ctrl+I).")
            )
            return
        self._full_title = article.title
        self._fit_title()
        bits = [tr("Article {id}").format(id=article.id)]
        for value in (article.meta.get("section"), article.source, article.published):
            if value:
                bits.append(str(value))
        bits.append(tr("{count:,} characters").format(count=len(article.text)))
        self.details.setText(" · ".join(bits))
