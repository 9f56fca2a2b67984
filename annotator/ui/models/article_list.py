"""Article list over the store: holds row ids and a small cache of rows, so 100,000 articles scroll instantly.

An analyst with assignments sees them first ("My queue"), in id order, then every other article.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from annotator.core.model import ArticleSummary, Status
from annotator.store import Corpus
from annotator.ui.i18n import QT_TR_NOOP, status_name, tr
from annotator.ui.models.base import FlatTableModel

PAGE = 64  # rows read at once around the first one asked for: two screens, so a jump reads one page
CACHE_ROWS = 5000


class ArticleListModel(FlatTableModel):
    TITLE, STATUS, COUNT = range(3)
    HEADERS = (QT_TR_NOOP("Title"), QT_TR_NOOP("Status"), QT_TR_NOOP("Spans"))
    ArticleIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, corpus: Corpus | None = None, parent=None) -> None:
        super().__init__(parent)
        self._corpus = corpus
        self._ids: Sequence[int] = []  # a range when the ids run 1..n (see ArticleRepository.id_sequence)
        self._cache: OrderedDict[int, ArticleSummary] = OrderedDict()
        self._filter = ""
        self._queue: list[int] = []  # the user's assigned articles, shown first
        self._queued: set[int] = set()
        self._rows: dict[int, int] | None = None  # article id -> row, when the queue breaks id order
        self.refresh()

    # --- loading -------------------------------------------------------------------
    def set_corpus(self, corpus: Corpus | None) -> None:
        self._corpus = corpus
        self.refresh()

    def set_filter(self, text: str) -> None:
        self._filter = text.strip()
        self.refresh()

    @property
    def filter_text(self) -> str:
        return self._filter

    def set_queue(self, article_ids: list[int]) -> None:
        """The user's assigned articles, listed first."""
        if sorted(article_ids) == self._queue:
            return  # the list is not read again for nothing (this runs at start-up)
        self._queue = sorted(article_ids)
        self._queued = set(self._queue)
        self.refresh()

    @property
    def queue(self) -> list[int]:
        return list(self._queue)

    def in_queue(self, article_id: int) -> bool:
        return article_id in self._queued

    def refresh(self) -> None:
        self.beginResetModel()
        ids = self._corpus.articles.id_sequence(self._filter or None) if self._corpus else []
        if self._queued:
            first = [i for i in ids if i in self._queued]
            ids = first + [i for i in ids if i not in self._queued]
            self._rows = {ident: row for row, ident in enumerate(ids)}
        else:
            self._rows = None
        self._ids = ids
        self._cache.clear()
        self.endResetModel()

    def article_changed(self, article_id: int) -> None:
        """Re-read one row (its status or span count changed): that row only, not its page of rows,
        since this runs on every label key press."""
        if article_id in self._cache:
            fresh = self._corpus.articles.summaries([article_id])
            if article_id in fresh:
                self._cache[article_id] = fresh[article_id]
            else:
                del self._cache[article_id]
        row = self.row_of(article_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _summary(self, row: int) -> ArticleSummary | None:
        ident = self._ids[row]
        hit = self._cache.get(ident)
        if hit is not None:
            return hit
        lo = max(0, row - PAGE // 2)
        page = self._ids[lo : lo + PAGE]
        self._cache.update(self._corpus.articles.summaries(page))
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)
        return self._cache.get(ident)

    # --- lookups -------------------------------------------------------------------
    def article_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int | None:
        if self._rows is not None:
            return self._rows.get(article_id)
        row = bisect_left(self._ids, article_id)  # the ids are in ascending order
        return row if row < len(self._ids) and self._ids[row] == article_id else None

    def total(self) -> int:
        return len(self._ids)

    # --- Qt model ------------------------------------------------------------------
    def _row_count(self) -> int:
        return len(self._ids)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == self.ArticleIdRole:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.FontRole:
            if self._queued and self._ids[index.row()] in self._queued:
                s = self._summary(index.row())
                if s is not None and s.status != Status.DONE:
                    font = QFont()
                    font.setBold(True)  # still to do in the user's queue
                    return font
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole):
            return None
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == self.COUNT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        s = self._summary(index.row())
        if s is None:
            return None
        if col == self.TITLE:
            if role == Qt.ItemDataRole.DisplayRole:
                return s.title
            queued = tr("\nIn your queue (assigned to you)") if s.id in self._queued else ""
            return tr("{title}\n(article {id}){queued}").format(title=s.title, id=s.id, queued=queued)
        if col == self.STATUS:
            if role == Qt.ItemDataRole.ToolTipRole:  # every analyst's status: what a lead wants to see
                statuses = self._corpus.layers.statuses(s.id)
                lines = [f"{name}: {status_name(st)}" for name, st in statuses.items()]
                return tr("Your status: ") + status_name(s.status) + ("\n" + "\n".join(lines) if lines else "")
            return status_name(s.status)
        return s.annotation_count
