"""Connects the Search dock to the corpus and the article view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from annotator.ui.editor import Editor
from annotator.ui.i18n import tr
from annotator.ui.search.dock import SearchDock
from annotator.ui.search.indexer import SearchIndexer
from annotator.ui.search.model import SearchResultsModel
from annotator.ui.session import CorpusSession


def open_at(
    session: CorpusSession, editor: Editor, open_article: Callable[[int], None],
    article_id: int, start: int | None, end: int | None,
) -> bool:
    """Open an article with ``text[start:end]`` selected and in view, the keyboard in the text.
    False when the article is gone."""
    if not session.corpus.articles.exists(article_id):
        return False
    open_article(article_id)
    pane = editor.pane
    if start is not None and end is not None:
        pane.select_codepoints(start, end)
        pane.centerCursor()
    else:
        pane.place_caret(0)
    pane.setFocus()
    return True


class SearchController(QObject):
    message = Signal(str)

    def __init__(
        self, session: CorpusSession, editor: Editor, open_article: Callable[[int], None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.editor = editor
        self.open_article = open_article
        self.model = SearchResultsModel(session.corpus, self)
        self.dock = SearchDock(self.model, parent)
        self.dock.hide()
        self.dock.hit_activated.connect(self.open_at)
        self.model.set_labels(session.labels)
        session.labels_changed.connect(lambda: self.model.set_labels(self.session.labels))
        for signal in (session.annotations_added, session.annotations_removed, session.annotations_changed):
            signal.connect(self.model.labelling_changed)
        session.articles_imported.connect(self.model.refresh)
        self.indexer = SearchIndexer(session.corpus, self)
        self.indexer.failed.connect(self.message)
        self.indexer.writing.connect(lambda on: session.own_work_started() if on else session.own_work_ended())
        session.articles_imported.connect(self.indexer.start)
        self.indexer.start()

    def show(self) -> None:
        """Edit › Search corpus: show the dock with the keyboard in its field."""
        self.dock.focus_field()

    def open_at(self, article_id: int, start: int | None, end: int | None) -> None:
        if not open_at(self.session, self.editor, self.open_article, article_id, start, end):
            self.message.emit(tr("That article is no longer in the corpus."))

    def shutdown(self) -> None:
        self.indexer.stop()
        self.model.corpus = None
