"""Team › Agreement: the figures of ``annotator agreement`` in a dock, computed off the window's
thread; each pair × label cell lists the disagreements behind it in context; Enter opens one."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Label
from annotator.formats.agreement import AgreementResult, Cancelled, Correction, compute, pair_disagreements
from annotator.store.adjudication import DEFAULT_GOLD
from annotator.store.corpus import second_connection
from annotator.ui.i18n import QT_TR_NOOP, tr
from annotator.ui.models.base import FlatTableModel
from annotator.ui.search.context import ColourRole, ContextDelegate, ContextRole
from annotator.ui.session import CorpusSession
from annotator.ui.tasks import Task

CONTEXT = 40  # characters either side in the disagreement list
KINDS = {
    "resized": QT_TR_NOOP("extent differs"),
    "relabelled": QT_TR_NOOP("label differs"),
    "removed": QT_TR_NOOP("only B"),
    "added": QT_TR_NOOP("only A"),
}


def figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def why_null(articles: int, tokens: int, analysts: int = 2, basis: str = tr("finished by")) -> str:
    if analysts < 2:
        return tr("fewer than two analysts")
    if not articles:
        return (
            tr("no article {basis} all of them").format(basis=basis)
            if analysts > 2
            else tr("no article {basis} both").format(basis=basis)
        )
    if not tokens:
        return tr("no tokens")
    return tr("one category only")


class PairLabelModel(QAbstractTableModel):
    """Rows: pairs of analysts; columns: articles, tokens, kappa, then F1 exact / overlap per label."""

    FIXED = (
        QT_TR_NOOP("Pair (A / B)"),
        QT_TR_NOOP("Articles"),
        QT_TR_NOOP("Tokens"),
        QT_TR_NOOP("Cohen's κ"),
        QT_TR_NOOP("All labels"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.result: AgreementResult | None = None
        self.labels: list[Label] = []

    def set_result(self, result: AgreementResult | None, labels: Sequence[Label]) -> None:
        self.beginResetModel()
        self.result = result
        self.labels = [lab for lab in labels if result is None or lab.tag in result.labels]
        self.endResetModel()

    def rowCount(self, parent=None) -> int:  # noqa: N802
        return 0 if (parent is not None and parent.isValid()) or self.result is None else len(self.result.pairs)

    def columnCount(self, parent=None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.FIXED) + len(self.labels)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(self.FIXED[section]) if section < len(self.FIXED) else self.labels[section - len(self.FIXED)].name
        if role == Qt.ItemDataRole.ToolTipRole and section >= len(self.FIXED) - 1:
            return tr("Span F1, exact / overlap (matched spans of A and B). Enter lists the disagreements.")
        return None

    def cell_label(self, column: int) -> str | None | bool:
        """The label tag a cell is about: None for all labels, False for a column that is not a label."""
        if column == len(self.FIXED) - 1:
            return None
        if column >= len(self.FIXED):
            return self.labels[column - len(self.FIXED)].tag
        return False

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.result is None:
            return None
        p = self.result.pairs[index.row()]
        col = index.column()
        label = self.cell_label(col)
        if label is False:
            if role == Qt.ItemDataRole.DisplayRole:
                return [f"{p.a} / {p.b}", f"{p.articles:,}", f"{p.tokens:,}", figure(p.cohen_kappa)][col]
            if role == Qt.ItemDataRole.ToolTipRole and col == 3:
                if p.cohen_kappa is None:
                    return tr("Cannot be computed: {why_null}.").format(why_null=why_null(p.articles, p.tokens))
                return tr("Over {tokens:,} tokens of {articles:,} articles.").format(
                    tokens=p.tokens, articles=p.articles
                )
            if role == Qt.ItemDataRole.TextAlignmentRole and col:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        ex, ov = (p.spans.exact, p.spans.overlap) if label is None else p.spans.labels.get(label, (None, None))
        if role == Qt.ItemDataRole.DisplayRole:
            return "—" if ex is None else f"{figure(ex.f1)} / {figure(ov.f1)}"
        if role == Qt.ItemDataRole.ToolTipRole and ex is not None:
            if ex.f1 is None:
                return tr("Cannot be computed: neither analyst has such a span in the articles both finished.")
            return tr(
                "Exact: P {figure}, R {figure2}, F1 {figure3} ({matched} matched of {a_spans} by {a} and {b_spans} by "
                "{b})\nOverlap: F1 {figure4} ({matched2} matched), over {articles:,} articles.\nPress Enter or "
                "double-click to list the disagreements."
            ).format(
                figure=figure(ex.precision),
                figure2=figure(ex.recall),
                figure3=figure(ex.f1),
                matched=ex.matched,
                a_spans=ex.a_spans,
                a=p.a,
                b_spans=ex.b_spans,
                b=p.b,
                figure4=figure(ov.f1),
                matched2=ov.matched,
                articles=p.articles,
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class DisagreementModel(FlatTableModel):
    HEADERS = ("A", "B", QT_TR_NOOP("Difference"), QT_TR_NOOP("Article"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[Correction] = []
        self.contexts: list[tuple] = []  # per item: A's and B's (left, span, right), or None
        self.colours: dict[str, str] = {}
        self.names = ("A", "B")

    def _row_count(self) -> int:
        return len(self.items)

    def set_items(self, items: list[Correction], contexts: list[tuple], colours: dict[str, str], names) -> None:
        self.beginResetModel()
        self.items, self.contexts, self.colours, self.names = items, contexts, colours, names
        self.endResetModel()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < 2:
            return self.names[section]
        return super().headerData(section, orientation, role)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        c = self.items[index.row()]
        col = index.column()
        span = c.gold if col == 0 else c.analyst if col == 1 else None
        if col < 2:
            if span is None:
                return tr("(no span)") if role == Qt.ItemDataRole.DisplayRole else None
            context = self.contexts[index.row()][col]
            if role == ContextRole:
                return context
            if role == ColourRole:
                return self.colours.get(span.label)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return f"{span.label}: {context[1]}"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return KINDS.get(c.kind, c.kind) if col == 2 else f"{c.article_id}: {c.title}"
        return None


class EnterKey(QObject):
    """Enter (or Return) on each of some widgets calls that widget's function, before any window
    shortcut for Enter can take it."""

    KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

    def __init__(self, actions: dict, parent: QObject) -> None:
        super().__init__(parent)
        self.actions = actions
        for widget in actions:
            widget.installEventFilter(self)

    def stop(self) -> None:
        for widget in self.actions:
            widget.removeEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and event.key() in self.KEYS:
            act = self.actions.get(watched)
            if act is not None:
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # ours: deliver it as a key press
                else:
                    act()
                return True
        return super().eventFilter(watched, event)


class AgreementDock(QDockWidget):

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Agreement"), parent)
        self.setObjectName("agreementDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        top = QHBoxLayout()
        self.every = QCheckBox(tr("Every annotated article"), body, objectName="agreementAll")
        self.every.setToolTip(
            tr("Compare every article all of them annotated at least once, not only those each marked done")
        )
        self.refresh = QPushButton(tr("&Compute"), body, objectName="agreementRefresh")
        self.progress = QProgressBar(body, objectName="agreementProgress")
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        top.addWidget(self.every)
        top.addStretch(1)
        top.addWidget(self.progress)
        top.addWidget(self.refresh)
        layout.addLayout(top)
        self.summary = QLabel(body, objectName="agreementSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical, body)
        self.model = PairLabelModel(self)
        self.table = QTableView(split, objectName="agreementTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.details = DisagreementModel(self)
        self.list = QTableView(split, objectName="disagreementList")
        self.list.setModel(self.details)
        self.list.setItemDelegateForColumn(0, ContextDelegate(self.list))
        self.list.setItemDelegateForColumn(1, ContextDelegate(self.list))
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list_title = QLabel(tr("Choose a pair × label cell to list the disagreements behind it."), body,
                                 objectName="disagreementTitle")
        layout.addWidget(split, 1)
        layout.addWidget(self.list_title)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        self.setWidget(body)

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.refresh.setText(tr("&Stop") if busy else tr("&Compute"))


class AgreementController(QObject):
    """Computes the figures in the background and fills the dock; opens disagreements in context."""

    message = Signal(str)
    error = Signal(str)

    def __init__(self, session: CorpusSession, open_at: Callable[[int, int, int], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.open_at = open_at
        self.dock = AgreementDock(parent)
        self.dock.hide()
        self.job: Task | None = None
        self.cell_job: Task | None = None
        self.result: AgreementResult | None = None
        self.stale = False
        self.dock.refresh.clicked.connect(self._refresh_clicked)
        self.dock.every.toggled.connect(lambda _on: self.compute() if self.job is None else None)
        for signal in (session.annotations_added, session.annotations_removed, session.annotations_changed,
                       session.article_changed, session.articles_imported, session.changed_elsewhere):
            signal.connect(self._corpus_changed)
        # Enter on a cell lists its disagreements; on a disagreement, opens it.
        self._enter = EnterKey({
            self.dock.table: lambda: self._cell_index(self.dock.table.currentIndex()),
            self.dock.list: lambda: self._open_row(self.dock.list.currentIndex().row()),
        }, self)
        self.dock.table.activated.connect(self._cell_index)
        self.dock.list.activated.connect(lambda index: self._open_row(index.row()))

    def _corpus_changed(self, *_args) -> None:
        """The figures shown no longer match the corpus: say so (computing again is one click)."""
        if self.result is not None and self.job is None and not self.stale:
            self.stale = True
            self.dock.summary.setText(self.dock.summary.text() + tr(" <b>· Out of date: press Compute.</b>"))

    def show(self) -> None:
        self.dock.show()
        self.dock.raise_()
        if self.result is None and self.job is None:
            self.compute()
        self.dock.table.setFocus()

    def _analysts(self) -> list[str]:
        return [n for n in self.session.corpus.annotations.annotators() if n != DEFAULT_GOLD]

    def _refresh_clicked(self) -> None:
        if self.job is not None:
            self.job.cancel()
        else:
            self.compute()

    def compute(self) -> None:
        names = self._analysts()
        every = self.dock.every.isChecked()
        path = self.session.corpus.path
        self.dock.set_busy(True)
        self.dock.summary.setText(tr("Computing…"))
        if path is None:  # a corpus in memory has one connection: compute here
            try:
                self._done(compute(self.session.corpus, names, every_annotated=every))
            except Exception as exc:  # noqa: BLE001
                self._failed(exc)
            return
        self.job = _start(
            Task.in_thread(_compute_in, self.session.corpus, names, every, cancel_errors=(Cancelled,)),
            self._done, self._failed, lambda done, total, _text: self._progressed(done, total),
        )

    def _progressed(self, done: int, total: int) -> None:
        self.dock.progress.setMaximum(max(1, total))
        self.dock.progress.setValue(done)

    def _done(self, result: AgreementResult) -> None:
        self.job = None
        self.stale = False
        self.dock.set_busy(False)
        self.result = result
        self.dock.model.set_result(result, self.session.labels)
        basis = tr("annotated at least once by") if self.dock.every.isChecked() else tr("finished by")
        n = tr("%Ln article(s) {basis} all, {tokens:,} tokens", None, result.articles).format(
            basis=basis, tokens=result.tokens
        )
        parts = []
        for name, value in (
            (tr("Fleiss' κ"), result.fleiss_kappa),
            (tr("Krippendorff's α"), result.krippendorff_alpha),
        ):
            shown = (
                figure(value)
                if value is not None
                else f"— ({why_null(result.articles, result.tokens, len(result.annotators), basis)})"
            )
            parts.append(f"<b>{name}</b> {shown}")
        self.dock.summary.setText(
            tr(
                "{value}: {join} <span style='opacity:.7'>({n}; units: {tokenizer} tokens; {seconds:.1f} s)</span>"
            ).format(
                value=", ".join(result.annotators) or "No analysts",
                join=" · ".join(parts),
                n=n,
                tokenizer=result.tokenizer,
                seconds=result.seconds,
            )
        )
        if self.dock.model.rowCount():
            self.dock.table.setCurrentIndex(self.dock.model.index(0, len(PairLabelModel.FIXED) - 1))

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self.dock.set_busy(False)
        if isinstance(exc, Cancelled):
            self.dock.summary.setText(tr("Stopped. Compute again to see the figures."))
            return
        self.dock.summary.setText(tr("The figures could not be computed."))
        self.error.emit(tr("Agreement could not be computed: {exc}").format(exc=exc))

    def _cell_index(self, index: QModelIndex) -> None:
        if index.isValid():
            label = self.dock.model.cell_label(index.column())
            if label is not False:
                self.show_cell(index.row(), label)

    def _list_failed(self, exc: BaseException) -> None:
        self.cell_job = None
        self.dock.list_title.setText(tr("The disagreements could not be listed."))
        self.error.emit(tr("The disagreements could not be listed: {exc}").format(exc=exc))

    def show_cell(self, row: int, label: str | None) -> None:
        """List the disagreements behind a pair × label cell (read off the window's thread)."""
        if self.result is None or not 0 <= row < len(self.result.pairs):
            return
        p = self.result.pairs[row]
        every = self.dock.every.isChecked()
        path = self.session.corpus.path
        self.dock.list_title.setText(tr("Listing the disagreements between {a} and {b}…").format(a=p.a, b=p.b))
        if path is None:
            self._listed((p.a, p.b, label, _disagreements(self.session.corpus, p.a, p.b, label, every)))
            return
        if self.cell_job is not None:
            self.cell_job.cancel()

        session_corpus = self.session.corpus  # only its path and user are used on the other thread

        def work(progress):
            with second_connection(session_corpus) as corpus:
                return p.a, p.b, label, _disagreements(corpus, p.a, p.b, label, every)

        self.cell_job = _start(Task.in_thread(work), self._listed, self._list_failed)

    def _listed(self, found) -> None:
        self.cell_job = None
        a, b, label, (items, contexts) = found
        colours = {lab.tag: lab.colour for lab in self.session.labels}
        self.dock.details.set_items(items, contexts, colours, (a, b))
        name = next((lab.name for lab in self.session.labels if lab.tag == label), tr("all labels"))
        n_articles = len({c.article_id for c in items})
        self.dock.list_title.setText(
            tr(
                "%Ln disagreement(s) between {a} (A) and {b} (B), {name}, in {articles}. Enter opens the article.",
                None,
                len(items),
            ).format(a=a, b=b, name=name, articles=tr("%Ln article(s)", None, n_articles))
        )
        if items:
            self.dock.list.setCurrentIndex(self.dock.details.index(0, 0))
            self.dock.list.setFocus()

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.dock.details.items):
            c = self.dock.details.items[row]
            span = c.gold or c.analyst
            self.open_at(c.article_id, span.start, span.end)

    def shutdown(self) -> None:
        for job in (self.job, self.cell_job):
            if job is not None:
                job.cancel()
        self._enter.stop()


def _disagreements(corpus, a: str, b: str, label: str | None, every: bool):
    """The disagreements of a pair, and each side's keyword in context (left, span, right) or None."""
    items = pair_disagreements(corpus, a, b, label, every_annotated=every)
    contexts = []
    text_of: dict[int, str] = {}
    for c in items:
        if c.article_id not in text_of:
            text_of = {c.article_id: corpus.articles.get(c.article_id).text}  # items come article by article
        text = text_of[c.article_id]
        contexts.append(
            tuple(
                None
                if s is None
                else (text[max(0, s.start - CONTEXT) : s.start], text[s.start : s.end], text[s.end : s.end + CONTEXT])
                for s in (c.gold, c.analyst)
            )
        )
    return items, contexts


def _start(task: Task, succeeded, failed, progressed=None) -> Task:
    """Start ``task``; a cancelled one is reported to ``failed`` as Cancelled."""
    task.succeeded.connect(succeeded)
    task.failed.connect(failed)
    task.cancelled.connect(lambda: failed(Cancelled()))
    if progressed is not None:
        task.progressed.connect(progressed)
    return task.start()


def _compute_in(progress, session_corpus, names: list[str], every: bool) -> AgreementResult:
    """On a pool thread: a connection of its own (SQLite's only: the window's locks stay), read only."""
    with second_connection(session_corpus) as corpus:
        return compute(corpus, names, every_annotated=every, progress=progress)


__all__ = ["AgreementController", "AgreementDock"]  # notr
