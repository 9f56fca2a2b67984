"""Help > About: version, licence, and where the corpus, data and settings live."""

from __future__ import annotations

import html
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import QSettings, QSize, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from annotator import __version__
from annotator.formats.sample import default_corpus_path
from annotator.ui.i18n import tr
from annotator.ui.icons import app_icon

LICENCE = "MIT"


def about_details(corpus_path: Path | str | None, settings: QSettings) -> list[tuple[str, str]]:
    """(what, value) rows the dialog shows and copies."""
    return [
        (tr("Version"), __version__),
        (tr("Licence"), LICENCE),
        (tr("Corpus"), str(corpus_path) if corpus_path else tr("in memory")),
        (tr("Data folder"), str(default_corpus_path().parent)),
        (tr("Settings"), settings.fileName()),
        (
            "Qt",  # notr: a name
            tr("{qVersion} (PySide6 {version__}), Python {python_version}").format(
                qVersion=qVersion(), version__=PySide6.__version__, python_version=platform.python_version()
            ),
        ),
    ]


class AboutDialog(QDialog):
    def __init__(self, corpus_path: Path | str | None, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(tr("About Annotator"))
        self.details = about_details(corpus_path, settings)
        icon = QLabel(self, objectName="aboutIcon")
        icon.setPixmap(app_icon().pixmap(QSize(64, 64), self.devicePixelRatioF()))  # sharp at 2x too
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        rows = "".join(
            f"<tr><td style='padding-right:12px'><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
            for k, v in self.details
        )
        self.text = QLabel(self, objectName="aboutText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        self.text.setText(
            tr(
                "<h2>Annotator {escape}</h2><p>Label spans in news articles. Every label is kept in a local SQLite "
                "corpus file and saved the moment you make it.</p><table>{rows}</table>"
            ).format(escape=html.escape(__version__), rows=rows)
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(tr("&Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("aboutCopy")
        self.open_button = buttons.addButton(tr("&Open data folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setObjectName("aboutOpenFolder")
        self.copy_button.clicked.connect(self.copy_details)
        self.open_button.clicked.connect(self.open_data_folder)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.setSpacing(18)
        top.addWidget(icon)
        top.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(f"{k}: {v}" for k, v in self.details))

    def open_data_folder(self) -> None:
        folder = default_corpus_path().parent
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
