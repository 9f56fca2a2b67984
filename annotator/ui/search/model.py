"""Search results as a table model: one row per hit, read from the store a page at a time."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from annotator.core.model import Label
from annotator.store import Corpus
from annotator.store.search import SearchPage, search
from annotator.ui.i18n import QT_TR_NOOP, tr
from annotator.ui.models.base import FlatTableModel
from annotator.ui.search.context import ColourRole, ContextRole, plain_context

PAGE = 50  # articles per page
CONTEXT_CHARS = 80  # characters either side of a hit: a wide panel shows a whole sentence
BUDGET = 1000  # candidate articles looked at per page, so that every page answers quickly (~0.1 s at worst)


class HitRow(NamedTuple):
    article_id: int
    title: str
    start: int | None  # None: the article matches by its title only
    end: int | None
    left: str
    match: str
    right: str


class SearchResultsModel(FlatTableModel):
    ARTICLE, CONTEXT, LABELLED = range(3)
    HEADERS = (QT_TR_NOOP("Article"), QT_TR_NOOP("Match in context"), QT_TR_NOOP("Labelled"))
    searched = Signal()  # a page came in (or the query changed): the summary may have changed

    def __init__(self, corpus: Corpus | None, parent=None) -> None:
        super().__init__(parent)
        self.corpus = corpus
        self.query = ""
        self.message: str | None = None
        self._rows: list[HitRow] = []
        self._articles = 0
        self._resume: int | None = None
        self._labels: dict[int, Label] = {}
        self._labelled: dict[int, list[tuple[int, bool]]] = {}  # row -> (label id, exact), read when shown

    def set_labels(self, labels: list[Label]) -> None:
        self._labels = {lab.id: lab for lab in labels}
        self.labelling_changed()

    def labelling_changed(self, *_args) -> None:
        """Annotations changed: how each hit is labelled is read again when shown."""
        self._labelled.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0, self.CONTEXT), self.index(len(self._rows) - 1, self.LABELLED))

    def labelled(self, row: int) -> list[tuple[int, bool]]:
        """How the hit on this row is labelled: (label id, covers exactly the hit) of each annotation over it."""
        if row not in self._labelled:
            r = self._rows[row]
            self._labelled[row] = (
                self.corpus.annotations.labels_over(r.article_id, r.start, r.end)
                if r.start is not None and self.corpus is not None else []
            )
        return self._labelled[row]

    def _labelled_text(self, row: int) -> str:
        parts = []
        for label_id, exact in self.labelled(row):
            lab = self._labels.get(label_id)
            name = lab.name if lab else "?"
            parts.append(name if exact else f"in {name}")
        return ", ".join(dict.fromkeys(parts)) if parts else "—"

    def _row_count(self) -> int:
        return len(self._rows)

    # --- queries ----------------------------------------------------------------------
    def set_query(self, query: str) -> None:
        """Run ``query`` from the start (an empty one clears the results)."""
        self.beginResetModel()
        self.query = query
        self._rows, self._articles, self._resume, self.message = [], 0, None, None
        self._labelled.clear()
        self.endResetModel()
        if query.strip() and self.corpus is not None:
            self._fetch(0)
        self.searched.emit()

    def refresh(self) -> None:
        if self.query:
            self.set_query(self.query)

    def canFetchMore(self, parent=None) -> bool:  # noqa: N802
        return (parent is None or not parent.isValid()) and self._resume is not None

    def fetchMore(self, parent=None) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._fetch(self._resume)
            self.searched.emit()

    def _fetch(self, after: int) -> None:
        page: SearchPage = search(
            self.corpus.db, self.query, limit=PAGE, after=after, budget=BUDGET, context=CONTEXT_CHARS
        )
        self.message = page.message
        self._resume = page.resume_after
        rows: list[HitRow] = []
        for r in page.results:
            if not r.hits:
                rows.append(HitRow(r.article_id, r.title, None, None, "", "", tr("(the title matches)")))
            for h in r.hits:
                before, after = h.in_context.sides()
                rows.append(HitRow(r.article_id, r.title, h.start, h.end, before, h.text, after))
        self._articles += len(page.results)
        if rows:
            n = len(self._rows)
            self.beginInsertRows(QModelIndex(), n, n + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    # --- reading ------------------------------------------------------------------------
    def hit(self, row: int) -> HitRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def summary(self) -> str:
        if not self.query.strip():
            return tr("Type words to search every article. \"a phrase\", prefix*, OR, NOT and ( ) work too.")
        hits = sum(1 for r in self._rows if r.start is not None)
        titles = len(self._rows) - hits  # articles found by their title alone
        if not self._articles:
            found = tr("No matches")
        elif titles:
            found = tr("{articles}, {hits} and %Ln title match(es) shown", None, titles).format(
                articles=tr("%Ln article(s)", None, self._articles), hits=tr("%Ln hit(s)", None, hits))
        else:
            found = tr("{articles}, {hits} shown").format(
                articles=tr("%Ln article(s)", None, self._articles), hits=tr("%Ln hit(s)", None, hits))
        if self._resume is not None:
            found += tr(" so far; more when you scroll or press Search further")
        else:
            found += "."
        return f"{self.message} {found}" if self.message else found

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.ARTICLE:
                return r.title
            if col == self.LABELLED:
                return self._labelled_text(index.row()) if r.start is not None else ""
            return plain_context(r.left, r.match, r.right) if r.start is not None else r.right
        if role == ContextRole and col == self.CONTEXT and r.start is not None:
            return (r.left, r.match, r.right)
        if role == ColourRole and col == self.CONTEXT and r.start is not None:
            exact = [self._labels[i].colour for i, e in self.labelled(index.row()) if e and i in self._labels]
            return exact[0] if exact else None
        if role == Qt.ItemDataRole.DecorationRole and col == self.LABELLED and r.start is not None:
            first = [self._labels[i].colour for i, _ in self.labelled(index.row()) if i in self._labels]
            return QColor(first[0]) if first else None
        if role == Qt.ItemDataRole.ToolTipRole:
            where = tr("characters {start}–{end}").format(start=r.start, end=r.end) if r.start is not None else "title"
            return tr("{title}\nArticle {article_id}, {where}. Enter or double-click opens it there.").format(
                title=r.title, article_id=r.article_id, where=where
            )
        return None
