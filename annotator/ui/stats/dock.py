"""The Statistics dock: progress, annotations per label as a bar chart, annotators, statuses,
and the texts each label is given most. Reads the store; refreshes while shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QProgressBar,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.store.consistency import frequent_texts
from annotator.ui.i18n import status_name, tr
from annotator.ui.session import CorpusSession
from annotator.ui.stats.chart import BarChart
from annotator.ui.stats.models import RowsModel
from annotator.ui.widgets.tables import make_table

TOP_TEXTS = 5  # per label
SETTLE_MS = 400  # refresh once edits pause


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _fit(table: QTableView) -> None:
    """No scroll bar of its own: the table is as tall as its rows."""
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    rows = table.model().rowCount()
    height = table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize() + 4
    table.setFixedHeight(height)


class StatsDock(QDockWidget):
    def __init__(self, session: CorpusSession, parent: QWidget | None = None) -> None:
        super().__init__(tr("Statistics"), parent)
        self.setObjectName("statsDock")
        self.session = session
        body = QWidget()
        body.setObjectName("statsBody")
        self.progress = QProgressBar(body)
        self.progress.setObjectName("progressBar")
        self.progress.setToolTip(tr("Articles you marked done, of all articles (each analyst has their own status)"))
        self.progress_text = QLabel(body)
        self.progress_text.setObjectName("progressText")
        self.chart = BarChart(body)
        self.total = QLabel(body)
        self.total.setObjectName("annotationTotal")
        self.statuses = RowsModel((tr("Status"), tr("Articles")), self)
        self.annotators = RowsModel((tr("Annotator"), tr("Annotations")), self)
        self.analysts = RowsModel((tr("Analyst"), tr("Assigned"), tr("New"), tr("In progress"), tr("Done")), self)
        self.frequent = RowsModel((tr("Label"), tr("Text"), tr("Annotations")), self)
        self.status_table = make_table(body, "statusTable", self.statuses)
        self.annotator_table = make_table(body, "annotatorTable", self.annotators)
        self.frequent_table = make_table(body, "frequentTable", self.frequent)
        self.analyst_table = make_table(body, "analystTable", self.analysts)
        self.analyst_table.setToolTip(tr("Each analyst's articles: assigned to them, and their own status of those "
                                      "(of every article they worked on when none is assigned)"))
        for table in (self.status_table, self.annotator_table, self.frequent_table, self.analyst_table):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.frequent_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.frequent_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)
        sections = (
            (tr("Progress"), (self.progress, self.progress_text)),
            (tr("Annotations per label"), (self.chart, self.total)),
            (tr("Articles by your status"), (self.status_table,)),
            (tr("Progress of each analyst"), (self.analyst_table,)),
            (tr("Annotations by annotator"), (self.annotator_table,)),
            (tr("Most frequent texts per label (top {TOP_TEXTS})").format(TOP_TEXTS=TOP_TEXTS), (self.frequent_table,)),
        )
        for i, (title, widgets) in enumerate(sections):
            if i:
                layout.addSpacing(10)
            layout.addWidget(_heading(title, body))
            for widget in widgets:
                layout.addWidget(widget)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.setWidget(scroll)

        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(lambda: self.refresh() if self.isVisible() else None)  # not once closed
        for signal in (session.annotations_added, session.annotations_removed, session.annotations_changed,
                       session.article_changed, session.labels_changed, session.articles_imported,
                       session.team_changed):
            signal.connect(self._changed)
        self.visibilityChanged.connect(lambda visible: visible and self.refresh())

    def _changed(self, *_args) -> None:
        if self.isVisible():
            self._settle.start()

    def refresh(self) -> None:
        """Read the figures from the corpus and show them."""
        self._settle.stop()
        corpus = self.session.corpus
        stats = corpus.stats()
        labels = {lab.tag: lab for lab in self.session.labels}
        total = stats["articles"]
        done = stats["articles_by_status"].get("done", 0)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done * 100 // total if total else 0}%")
        self.progress_text.setText(tr("{done:,} of %Ln article(s) done", None, total).format(done=done))
        self.chart.set_bars([
            (r["label"], r["count"], labels[r["tag"]].colour if r["tag"] in labels else "#888888")
            for r in stats["annotations_by_label"]
        ])
        self.total.setText(tr("%Ln annotation(s) in all", None, stats['annotations']))
        self.statuses.set_rows([(status_name(s), n) for s, n in stats["articles_by_status"].items()])
        self.analysts.set_rows([
            (p["annotator"], p["assigned"] or "–", p["new"] if p["assigned"] else "–", p["in_progress"], p["done"])
            for p in stats["progress"]
        ])
        self.annotators.set_rows(sorted(stats["annotations_by_annotator"].items(), key=lambda kv: (-kv[1], kv[0])))
        rows, colours = [], []
        frequent = frequent_texts(corpus, TOP_TEXTS, corpus.user if corpus.team.blind else None)  # blind: yours
        for lab in self.session.labels:
            for text, n in frequent.get(lab.id, []):
                rows.append((lab.name, " ".join(text.split()), n))
                colours.append(lab.colour)
        self.frequent.set_rows(rows, colours)
        for table in (self.status_table, self.annotator_table, self.frequent_table, self.analyst_table):
            _fit(table)

    def show_now(self) -> None:
        self.show()
        self.raise_()
        self.refresh()
