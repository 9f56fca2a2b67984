"""Team › Assign articles: analysts, how many per article, which articles, a seed, and a preview of
what each analyst gets and shares with each other analyst before anything is written."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.assign import overlaps, plan_assignments
from annotator.core.model import Status
from annotator.store import Corpus
from annotator.ui.i18n import status_name, tr

ALL = ""


class AssignDialog(QDialog):
    assign_requested = Signal(dict)  # the plan: article ids per analyst

    def __init__(self, corpus: Corpus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.setWindowTitle(tr("Assign articles"))
        self.corpus = corpus
        self.plan: dict[str, list[int]] = {}
        self.names = QLineEdit(self, objectName="assignNames")
        self.names.setPlaceholderText(tr("mei, li, wu"))
        self.names.setToolTip(tr("The analysts to give articles to, separated by commas"))
        known = [n for n in corpus.annotations.annotators() if not n.startswith("import:")]
        current = sorted(corpus.team.plan()) or known
        self.names.setText(", ".join(current))
        self.per_article = QSpinBox(
            self, objectName="assignPerArticle", minimum=1, maximum=20, value=2 if len(current) > 1 else 1
        )
        self.per_article.setToolTip(tr("How many analysts get each article (2 or more to measure agreement)"))
        self.status = QComboBox(self, objectName="assignStatus")
        self.status.addItem(tr("Every article"), ALL)
        for s in Status:
            self.status.addItem(tr("Articles {lower} (for you)").format(lower=status_name(s).lower()), s.value)
        self.seed = QSpinBox(self, objectName="assignSeed", minimum=0, maximum=999_999, value=0)
        self.seed.setToolTip(tr("The same seed gives the same assignment"))
        self.table = QTableWidget(self, objectName="assignPreview")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.summary = QLabel(self, objectName="assignSummary")
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("&Analysts:"), self.names)
        form.addRow(tr("Analysts &per article:"), self.per_article)
        form.addRow(tr("&Which articles:"), self.status)
        form.addRow(tr("&Seed:"), self.seed)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.assign_button = self.buttons.addButton(tr("Assign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.assign_button.setObjectName("assignButton")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(tr("<b>Preview</b>: articles per analyst, and how many each shares with each other analyst"))
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        for signal in (
            self.names.textChanged,
            self.per_article.valueChanged,
            self.status.currentIndexChanged,
            self.seed.valueChanged,
        ):
            signal.connect(self.preview)
        self.resize(620, 420)
        self.preview()

    def article_ids(self) -> list[int]:
        status = self.status.currentData()
        return self.corpus.layers.article_ids([status]) if status else self.corpus.articles.ids()

    def preview(self, *_args) -> None:
        names = [n.strip() for n in self.names.text().split(",") if n.strip()]
        ids = self.article_ids()
        try:
            if not ids:
                raise ValueError(tr("No article matches."))
            self.plan = plan_assignments(ids, names, self.per_article.value(), self.seed.value())
        except ValueError as exc:
            self.plan = {}
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.summary.setText("<span style='color:#c0392b'>{exc}</span>".format(exc=exc))  # notr
            self.assign_button.setEnabled(False)
            return
        order = sorted(self.plan)
        shared = overlaps(self.plan)
        self.table.setColumnCount(2 + len(order))
        self.table.setHorizontalHeaderLabels(
            [tr("Analyst"), tr("Articles"), *[tr("with {n}").format(n=n) for n in order]]
        )
        self.table.setRowCount(len(order))
        for row, name in enumerate(order):
            cells = [name, str(len(self.plan[name])), *["–" if m == name else str(shared[name][m]) for m in order]]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        earlier = self.corpus.team.count()
        note = (
            tr(" Their earlier assignments are replaced ({earlier:,} in the corpus now).").format(earlier=earlier)
            if earlier
            else ""
        )
        self.summary.setText(
            tr("%Ln article(s), each to {per} of {count} analysts.{note}", None, len(ids)).format(
                per=self.per_article.value(), count=len(order), note=note
            )
        )
        self.assign_button.setEnabled(True)

    def _accept(self) -> None:
        if self.plan:
            self.assign_requested.emit(self.plan)
            self.accept()
