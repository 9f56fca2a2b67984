"""Status bar: which article of how many, its span count, and that every change is saved."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from annotator.ui.i18n import tr
from annotator.ui.widgets.colours import text_colour_style


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.position = QLabel(self, objectName="statusPosition")
        self.count = QLabel(self, objectName="statusCount")
        self.saved = QLabel(self, objectName="statusSaved")
        self.saved.setToolTip(
            tr("Every edit is written to the corpus file the moment you make it; there is nothing to save.")
        )
        self.saved.setStyleSheet(text_colour_style(self, "#2f855a"))
        for w in (self.position, self.count, self.saved):
            w.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(w)
        self.saved.setText(tr("✓ All changes saved"))

    def show_position(self, row: int | None, total: int) -> None:
        if row is None:
            self.position.setText(tr("%Ln article(s)", None, total))
        else:
            self.position.setText(tr("Article {value:,} of {total:,}").format(value=row + 1, total=total))

    def show_count(self, n: int | None) -> None:
        self.count.setText("" if n is None else tr("%Ln annotation(s)", None, n))

    def show_saved(self) -> None:
        if self.property("notSaving"):
            return
        self.saved.setText(tr("✓ All changes saved ({now:%H:%M:%S})").format(now=datetime.now()))

    def show_not_saving(self, why: str, text: str = tr("Not saving: editing stopped")) -> None:
        """The corpus file is gone, was taken over, or is read-only: no edit is saved, and the bar says so."""
        self.setProperty("notSaving", True)
        self.saved.setText(f"⚠ {text}")
        self.saved.setToolTip(why)
        self.saved.setStyleSheet(text_colour_style(self, "#c53030"))
