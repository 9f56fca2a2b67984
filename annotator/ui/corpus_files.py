"""File work started from the window: importing articles (with progress) and exporting datasets."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from annotator.formats.batch import ImportReport, iter_import
from annotator.formats.export import export_corpus
from annotator.formats.registry import import_extensions
from annotator.store import CorpusError

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

CORPUS_FILTER = "Annotator corpus (*.db *.sqlite *.annotator);;All files (*)"
DETAIL_LINES = 200


def settings_key(path: Path | str | None) -> str:
    """A stable, QSettings-safe key for a corpus path."""
    return hashlib.sha1(str(Path(path).resolve() if path else "").encode()).hexdigest()[:16]


def _article_filter() -> str:
    patterns = " ".join(f"*{ext}" for ext in import_extensions())
    return f"Articles ({patterns});;All files (*)"


def import_files(window: "MainWindow") -> ImportReport | None:
    paths, _ = QFileDialog.getOpenFileNames(window, "Import articles", str(Path.home()), _article_filter())
    return run_import(window, paths) if paths else None


def import_folder(window: "MainWindow") -> ImportReport | None:
    path = QFileDialog.getExistingDirectory(window, "Import a folder of articles", str(Path.home()))
    return run_import(window, [path]) if path else None


def run_import(window: "MainWindow", paths: list[str], *, show_summary: bool = True) -> ImportReport:
    """Import with the same batch importer as the command line, behind a cancellable progress dialog."""
    batch = iter_import(window.session.corpus, paths)
    batch.annotator = window.session.annotator  # spans of files that name no annotator are the user's
    progress = QProgressDialog("Importing…", "Cancel", 0, max(1, batch.total_files), window)
    progress.setObjectName("importProgress")
    progress.setWindowTitle("Import articles")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    progress.canceled.connect(batch.cancel)
    try:
        for result in batch:
            progress.setValue(batch.files_done)
            progress.setLabelText(f"Importing {result.path.name}…  ({batch.files_done:,} of {batch.total_files:,} files)")
            QCoreApplication.processEvents()
    except (CorpusError, sqlite3.Error) as exc:  # the corpus itself failed: stop, keep what was stored
        batch.report.cancelled = True
        QMessageBox.warning(window, "Import stopped", f"The corpus file could not be written: {exc}.")
    progress.setValue(progress.maximum())
    progress.close()
    report = batch.report
    if report.labels_created:
        window.session.reload_labels()
    if report.imported:
        window.session.articles_imported.emit()
    window.status.showMessage(report.summary(), 8000)
    if show_summary and report.attention:
        _show_report(window, report)
    return report


def _show_report(window: "MainWindow", report: ImportReport) -> None:
    box = QMessageBox(window)
    box.setObjectName("importReport")
    box.setWindowTitle("Import finished")
    box.setIcon(QMessageBox.Icon.Warning if report.rejected or report.warnings else QMessageBox.Icon.Information)
    box.setText(report.summary())
    lines = []
    for title, items in report.details():
        if items:
            lines.append(f"{title}:")
            lines.extend(f"  {item}" for item in items[:DETAIL_LINES])
            if len(items) > DETAIL_LINES:
                lines.append(f"  … and {len(items) - DETAIL_LINES:,} more")
    if report.rejected:
        box.setInformativeText("The other files were imported. Open the details to see why each input was rejected.")
    elif report.warnings:
        box.setInformativeText("Some spans were left out or split. Open the details to see each one, where it was and why.")
    box.setDetailedText("\n".join(lines))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def export_dataset(window: "MainWindow") -> int | None:
    path, _ = QFileDialog.getSaveFileName(
        window, "Export dataset", str(Path.home() / "annotations.jsonl"), "Annotator JSONL (*.jsonl);;All files (*)"
    )
    if not path:
        return None
    QCoreApplication.processEvents()
    window.setCursor(Qt.CursorShape.WaitCursor)
    try:
        n = export_corpus(window.session.corpus, Path(path), "jsonl").articles
    except OSError as exc:
        QMessageBox.warning(window, "Export failed", f"Could not write {path}: {exc.strerror or exc}.")
        return None
    finally:
        window.unsetCursor()
    window.status.showMessage(f"Exported {n:,} article{'s' if n != 1 else ''} to {path}.", 8000)
    return n
