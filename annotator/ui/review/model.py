"""The review table: every annotation of the corpus that matches a filter, read a page at a time.

The model never holds all rows or ids: it knows the count of matches and keeps a few pages
of rows. A filter on label, annotator, status, review and day is counted at once from the counts
the store keeps (``store/review_counts.py``), before the first page is read. Any other count of a
corpus file is taken on a second connection in a worker thread, so a slow filter (a regular
expression over a million spans) shows its first rows while the count is still running.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from datetime import datetime

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from annotator.core.model import Label
from annotator.core.text import InContext
from annotator.store import Corpus
from annotator.store.review import (
    CONTEXT,
    ReviewCancelled,
    ReviewFilter,
    ReviewQueryError,
    ReviewRepository,
    ReviewRow,
)
from annotator.ui.i18n import QT_TR_NOOP, tr
from annotator.ui.models.base import FlatTableModel
from annotator.ui.tasks import Cancelled, Task

log = logging.getLogger(__name__)

PAGE = 200
CACHED_PAGES = 40
DISPLAY = Qt.ItemDataRole.DisplayRole
_NEWLINES = re.compile(r"\s*\n\s*")


def one_line(text: str) -> str:
    return _NEWLINES.sub(" ⏎ ", text)


def context_sides(r: ReviewRow) -> tuple[str, str]:
    """The context either side of a span on one line, with '…' where the article goes on beyond it
    (the store gives CONTEXT code points each side: ``InContext.around`` says when it was cut)."""
    left, right = InContext.around(r.start, r.left, r.text, r.right, CONTEXT).sides()
    return one_line(left), one_line(right)


def local_time(stamp: str | None) -> str:
    if not stamp:
        return ""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError as exc:
        log.debug("Not a time: %r (%s)", stamp, exc)
        return stamp


def _count(progress, reader: ReviewRepository, flt: ReviewFilter) -> int:
    """Counts matches on the model's own read-only connection (in the model's one worker thread,
    so counts never share it at once)."""
    if not progress(0, 0):
        raise Cancelled
    return reader.count(flt)


class ReviewTableModel(FlatTableModel):
    TEXT, LABEL, CONTEXT, TITLE, ANNOTATOR, UPDATED, REVIEWED = range(7)
    HEADERS = (
        QT_TR_NOOP("Text"),
        QT_TR_NOOP("Label"),
        QT_TR_NOOP("In context"),
        QT_TR_NOOP("Article"),
        QT_TR_NOOP("Annotator"),
        QT_TR_NOOP("Last change"),
        QT_TR_NOOP("Reviewed"),
    )
    SORT_KEYS = ("text", "label", "text", "title", "annotator", "updated", "reviewed")
    RowRole = Qt.ItemDataRole.UserRole + 1  # the ReviewRow
    ColourRole = Qt.ItemDataRole.UserRole + 2  # the label colour

    counted = Signal()  # the count of matches is known (or failed); see ``total`` and ``error``
    failed = Signal(str)  # the filter cannot run (an invalid regular expression)

    def __init__(self, corpus: Corpus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.corpus = corpus
        self.filter = ReviewFilter()
        self.sort_key = "updated"
        self.descending = True
        self.total: int | None = None  # count of matches; None while counting
        self.error = ""
        self._rows = 0  # the row count the view was told
        self._pages: OrderedDict[int, list[ReviewRow]] = OrderedDict()
        self._labels: dict[int, Label] = {}
        self._generation = 0
        self._task: Task | None = None
        self._reader: ReviewRepository | None = None  # a second connection, for counting in the worker
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._bold = QFont()
        self._bold.setBold(True)
        self.active = False
        self._closed = False
        self._dirty = True
        self._reload_timer = QTimer(self, singleShot=True, interval=30)
        self._reload_timer.timeout.connect(self.reload)
        # While the scroll bar is dragged, pages are read only where the view comes to rest.
        self.dragging = False
        self._wanted: set[int] = set()
        self._settle = QTimer(self, singleShot=True, interval=120)
        self._settle.timeout.connect(self._read_wanted)

    # --- what to show -------------------------------------------------------------------
    def set_labels(self, labels: list[Label]) -> None:
        self._labels = {lab.id: lab for lab in labels}
        self.stale()

    def set_filter(self, flt: ReviewFilter) -> None:
        if flt != self.filter or self.error:
            self.filter = flt
            self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.refresh(recount=False)  # the same rows in another order: the count stands

    def set_active(self, active: bool) -> None:
        """A hidden review reads nothing; shown again, it catches up once."""
        if self._closed:
            return
        self.active = active
        if active and self._dirty:
            self.refresh()

    def stale(self) -> None:
        """The corpus changed: read again soon (once for a burst of changes), keeping the scroll."""
        if self._closed:
            return
        if self.active:
            self._reload_timer.start()
        else:
            self._dirty = True

    # --- reading ------------------------------------------------------------------------
    def refresh(self, recount: bool = True) -> None:
        """A new filter or sort: start from the first page."""
        self.beginResetModel()
        self._pages.clear()
        self._rows = 0
        if not self.active:  # hidden: nothing is read until the review is shown
            self._dirty = True
            self.total = None
            self.endResetModel()
            return
        self._start_reading(recount or self._dirty)
        self._rows = self._provisional_rows()
        self.endResetModel()

    def reload(self) -> None:
        """Same filter and sort, new content: keep the rows the view shows, re-read them."""
        if not self.active:
            self._dirty = True
            return
        # The selection and current row follow their annotations, not their row numbers: a row
        # that moved (or left the filter) must not hand its selection to whatever took its place.
        self.layoutAboutToBeChanged.emit()  # (the selection model makes its persistent indexes now)
        persistent = self.persistentIndexList()
        followed = {idx.row(): r.id for idx in persistent if (r := self._cached(idx.row())) is not None}
        self._pages.clear()
        self._start_reading()
        if persistent:
            for number in sorted({row // PAGE for row in followed})[:CACHED_PAGES // 2]:
                if number not in self._pages and number * PAGE < self._rows:
                    self._read_page(number)
            where = {r.id: number * PAGE + i for number, page in self._pages.items() for i, r in enumerate(page)}
            moved = []
            for idx in persistent:
                row = where.get(followed.get(idx.row(), -1))
                moved.append(self.index(row, idx.column()) if row is not None and row < self._rows else QModelIndex())
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()
        if self.total is not None or self.error:
            self._resize(self._provisional_rows())
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self._rows - 1, len(self.HEADERS) - 1))

    def _cached(self, row: int) -> ReviewRow | None:
        page = self._pages.get(row // PAGE)
        return page[row % PAGE] if page is not None and row % PAGE < len(page) else None

    def _provisional_rows(self) -> int:
        if self.error:
            return 0
        if self.total is not None:
            return self.total
        return len(self._pages.get(0, ()))

    def _start_reading(self, recount: bool = True) -> None:
        if not recount and self.total is not None and not self.error:
            self._pages[0] = self.corpus.review.page(self.filter, self.sort_key, self.descending, 0, PAGE, self.total)
            return
        self._dirty = False
        self._generation += 1
        self.total = None
        self.error = ""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        try:
            # A filter on label, annotator, status, review or day is counted at once from the counts the
            # store keeps; knowing the count first also picks the faster plan for the first page.
            kept = self.corpus.review.kept_count(self.filter)
            self._pages[0] = self.corpus.review.page(self.filter, self.sort_key, self.descending, 0, PAGE, kept)
            if kept is not None:
                self.total = kept
                self.counted.emit()
                return
        except ReviewQueryError as exc:
            self.error = str(exc)
            self.failed.emit(self.error)
            self.counted.emit()
            return
        if len(self._pages[0]) < PAGE:  # one page holds them all: that is the count
            self.total = len(self._pages[0])
            self.counted.emit()
        elif self.corpus.path is None:
            self.total = self.corpus.review.count(self.filter)
            self.counted.emit()
        else:
            if self._reader is None:
                self._reader = ReviewRepository.open_reader(self.corpus.path)
            generation = self._generation
            task = Task.in_thread(
                _count, self._reader, self.filter,
                cancel_errors=(ReviewCancelled,), pool=self._pool, on_cancel=self._reader.interrupt,
            )
            task.succeeded.connect(lambda total: self._count_done(generation, total))
            task.failed.connect(lambda exc: self._count_failed(generation, str(exc)))
            self._task = task.start()

    def _count_done(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.total = total
        self._resize(total)
        self.counted.emit()

    def _count_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._task = None
            self.error = tr("Could not count the matches: {message}").format(message=message)
            self.counted.emit()

    def _resize(self, rows: int) -> None:
        if rows > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, rows - 1)
            self._rows = rows
            self.endInsertRows()
        elif rows < self._rows:
            self.beginRemoveRows(QModelIndex(), rows, self._rows - 1)
            self._rows = rows
            self.endRemoveRows()

    def shutdown(self) -> None:
        """Stop reading: a count in progress is stopped and waited for (before the corpus closes)."""
        self._reload_timer.stop()
        self.active = False
        self._closed = True
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._pool.waitForDone(5000)
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    @property
    def counting(self) -> bool:
        return self.total is None and not self.error

    def row_at(self, row: int) -> ReviewRow | None:
        if not 0 <= row < self._rows:
            return None
        number, within = divmod(row, PAGE)
        page = self._pages.get(number)
        if page is None:
            page = self._read_page(number)
        else:
            self._pages.move_to_end(number)
        return page[within] if within < len(page) else None

    def set_dragging(self, dragging: bool) -> None:
        self.dragging = dragging
        if not dragging:
            self._read_wanted()

    def _read_wanted(self) -> None:
        wanted, self._wanted = sorted(self._wanted), set()
        for number in wanted[-3:]:  # where the view is now: the pages asked for last
            if number not in self._pages and number * PAGE < self._rows:
                self._read_page(number)
                last = min(self._rows, (number + 1) * PAGE) - 1
                self.dataChanged.emit(self.index(number * PAGE, 0), self.index(last, len(self.HEADERS) - 1))

    def _read_page(self, number: int) -> list[ReviewRow]:
        before = self._pages.get(number - 1)
        after = before[-1].key if before and len(before) == PAGE else None
        try:
            page = self.corpus.review.page(
                self.filter, self.sort_key, self.descending, number * PAGE, PAGE, self.total, after
            )
        except ReviewQueryError as exc:
            log.info("A page of the review table could not be read: %s", exc)
            page = []
        self._pages[number] = page
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    def ids_in_rows(self, first: int, last: int) -> list[int]:
        """The annotation ids of rows first..last, read in one query (a selection of any size)."""
        if last - first < PAGE:
            return [r.id for r in (self.row_at(i) for i in range(first, last + 1)) if r is not None]
        found = self.corpus.review.page_ids(
            self.filter, self.sort_key, self.descending, first, last - first + 1, self.total
        )
        return [ident for ident, _ in found]

    def row_of(self, annotation_id: int) -> int | None:
        """The row of an annotation among the pages read so far."""
        for number, page in self._pages.items():
            for i, r in enumerate(page):
                if r.id == annotation_id:
                    return number * PAGE + i
        return None

    # --- Qt model -----------------------------------------------------------------------
    def _row_count(self) -> int:
        return self._rows

    def headerData(self, section, orientation, role=DISPLAY):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return tr("Sort by {column}").format(column=tr(self.HEADERS[section]).lower()) + (
                tr(" (the covered text)") if section == self.CONTEXT else ""
            )
        return super().headerData(section, orientation, role)

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        if self.dragging and index.row() // PAGE not in self._pages:
            self._wanted.add(index.row() // PAGE)
            self._settle.start()
            return None
        r = self.row_at(index.row())
        if r is None:
            return None
        col = index.column()
        if role == DISPLAY:
            return self._display(r, col)
        if role == self.RowRole:
            return r
        if role == self.ColourRole or (role == Qt.ItemDataRole.DecorationRole and col == self.LABEL):
            label = self._labels.get(r.label_id)
            return QColor(label.colour) if label else QColor("#999999")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r)
        if role == Qt.ItemDataRole.FontRole and col == self.TEXT:
            return self._bold
        return None

    def _display(self, r: ReviewRow, col: int) -> str | None:
        if col == self.TEXT:
            return one_line(r.text)
        if col == self.LABEL:
            label = self._labels.get(r.label_id)
            return label.name if label else "?"
        if col == self.CONTEXT:
            left, right = context_sides(r)
            return f"{left}[{one_line(r.text)}]{right}"
        if col == self.TITLE:
            return r.title
        if col == self.ANNOTATOR:
            return r.annotator
        if col == self.UPDATED:
            return local_time(r.updated)
        if col == self.REVIEWED:
            return f"✓ {r.reviewed_by} · {local_time(r.reviewed_at)[:10]}" if r.reviewed_at else ""
        return None

    def _tooltip(self, r: ReviewRow) -> str:
        label = self._labels.get(r.label_id)
        left, right = context_sides(r)
        lines = [
            f"{left}[{one_line(r.text)}]{right}",
            tr("{value} · {title} · characters {start}–{end}").format(
                value=label.name if label else "?", title=r.title, start=r.start, end=r.end
            ),
            tr("By {annotator}, last changed {local_time}").format(
                annotator=r.annotator, local_time=local_time(r.updated)
            ),
        ]
        if r.reviewed_at:
            lines.append(
                tr("Reviewed by {reviewed_by} on {local_time}").format(
                    reviewed_by=r.reviewed_by, local_time=local_time(r.reviewed_at)
                )
            )
        if r.note:
            lines.append(tr("Note: {note}").format(note=r.note))
        lines.append(tr("Enter or double-click: open it in its article"))
        return "\n".join(lines)
