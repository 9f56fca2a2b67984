"""File work started from the window: importing articles (with progress) and exporting datasets."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from annotator.formats.batch import ImportReport, iter_import
from annotator.formats.dataset import ExportCancelled, ExportReport
from annotator.formats.export import export_corpus, missing_library_message
from annotator.formats.registry import import_extensions
from annotator.store import CorpusError
from annotator.store.health import is_corpus_file
from annotator.ui import file_dialogs
from annotator.ui.dialogs.export_dialog import ExportChoice, ExportDialog

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

CORPUS_FILTER = "Annotator corpus (*.db *.sqlite *.annotator);;All files (*)"
DETAIL_LINES = 200
PROGRESS_DELAY_MS = 300  # a progress dialog shows only for work that takes longer


def _article_filter() -> str:
    patterns = " ".join(f"*{ext}" for ext in import_extensions())
    return f"Articles ({patterns});;All files (*)"


def import_files(window: "MainWindow") -> ImportReport | None:
    paths = file_dialogs.open_file_names(window, "Import articles", str(Path.home()), _article_filter())
    return run_import(window, paths) if paths else None


def import_folder(window: "MainWindow") -> ImportReport | None:
    path = file_dialogs.existing_directory(window, "Import a folder of articles", str(Path.home()))
    return run_import(window, [path]) if path else None


PROGRESS_STEPS = 1000


def run_import(window: "MainWindow", paths: list[str], *, show_summary: bool = True) -> ImportReport:
    """Import with the same batch importer as the command line, behind a cancellable progress dialog.

    The open corpus's own files (dropped on the window, say) are left out unread: reading one
    outside SQLite would drop the locks SQLite holds on it.
    """
    corpus_path = window.session.corpus.path
    own = [p for p in paths if corpus_path is not None and is_corpus_file(p, corpus_path)]
    if own:
        paths = [p for p in paths if p not in own]
        name = Path(own[0]).name
        window.status.showMessage(f"{name} is part of the open corpus itself, so it was not imported.", 8000)
        if not paths:
            return ImportReport()
    batch = iter_import(window.session.corpus, paths)
    # spans of files that name no annotator are credited to the file (import:NAME), never to the user
    progress = QProgressDialog("Importing…", "Cancel", 0, PROGRESS_STEPS, window)
    progress.setObjectName("importProgress")
    progress.setWindowTitle("Import articles")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    progress.canceled.connect(batch.cancel)
    try:
        for result in batch:
            progress.setValue(round(batch.progress * PROGRESS_STEPS))  # moves within a large file too
            progress.setLabelText(f"Importing {result.path.name}…  ({batch.files_done:,} of {batch.total_files:,} files)")
            QCoreApplication.processEvents()
    except (CorpusError, sqlite3.Error) as exc:  # the corpus itself failed: stop, keep what was stored
        batch.report.cancelled = True
        window.session.check_file()  # a file gone or taken over: editing stops, a rescue backup is taken
        if window.session.gone_message is None:
            QMessageBox.warning(window, "Import stopped", f"The corpus file could not be written: {exc}.")
    progress.setValue(progress.maximum())
    progress.close()
    report = batch.report
    if report.labels_created:
        window.session.reload_labels()
    if report.imported or report.merged:
        window.session.articles_imported.emit()
    touched = {r.article_id for r in report.merged if r.article_id is not None}
    for article_id in touched:  # spans added to articles already here: their counts, and the open one's view
        window.session.article_changed.emit(article_id)
    if window.editor.article is not None and window.editor.article.id in touched:  # shown again with its new spans
        current = window.editor.article.id
        window.open_article(None)
        window.open_article(current)
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
    elif any(w.span for w in report.warnings):
        box.setInformativeText("Some spans were left out or split. Open the details to see each one, where it was and why.")
    elif report.warnings:
        box.setInformativeText(
            "Some of what the files hold was not imported. Open the details to see what, where and why."
        )
    elif report.merged:
        box.setInformativeText("Open the details to see which articles got the new spans.")
    box.setDetailedText("\n".join(lines))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def export_dataset(window: "MainWindow") -> ExportDialog:
    """File › Export dataset: the dialog, which asks for the export and runs it when confirmed."""
    dialog = ExportDialog(window.session.corpus, window.settings, window)
    dialog.export_requested.connect(lambda choice: run_export(window, dialog, choice))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def run_export(window: "MainWindow", dialog: ExportDialog, choice: ExportChoice) -> ExportReport | None:
    """Run the export behind a cancellable progress dialog; close the export dialog when it is written.

    A cancelled export writes nothing (the sinks stage every file); a failed one leaves the dialog
    open with the reason, so the path or the choices can be corrected.
    """
    progress = QProgressDialog("Exporting…", "Cancel", 0, 0, dialog)
    progress.setObjectName("exportProgress")
    progress.setMinimumWidth(420)
    progress.setWindowTitle("Export dataset")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(PROGRESS_DELAY_MS)
    progress.setAutoReset(False)
    progress.setAutoClose(False)

    def step(done: int, total: int) -> bool:
        progress.setMaximum(max(total, 1))
        progress.setValue(done)
        progress.setLabelText(f"Exporting article {done:,} of {total:,}…")
        QCoreApplication.processEvents()
        return not progress.wasCanceled()

    window.setCursor(Qt.CursorShape.BusyCursor)
    try:
        report = export_corpus(window.session.corpus, choice.path, choice.format, choice.options, progress=step)
    except ExportCancelled:
        window.status.showMessage("Export cancelled; nothing was written.", 8000)
        return None
    except ImportError as exc:
        dialog.show_error(missing_library_message(choice.format, exc))
        return None
    except OSError as exc:  # SinkError included: its message is a sentence already
        reason = f"{exc.strerror} ({exc.filename})." if exc.strerror else str(exc)
        dialog.show_error(f"Could not write the export: {reason}")
        return None
    except (ValueError, CorpusError, sqlite3.Error) as exc:
        dialog.show_error(f"Could not export: {exc}")
        return None
    finally:
        progress.close()
        progress.deleteLater()
        window.unsetCursor()
    dialog.accept()
    window.status.showMessage(report.summary(), 8000)
    _show_export_report(window, report)
    return report


def _show_export_report(window: "MainWindow", report: ExportReport) -> None:
    box = QMessageBox(window)
    box.setObjectName("exportReport")
    box.setWindowTitle("Export finished")
    box.setIcon(QMessageBox.Icon.Warning if report.warnings else QMessageBox.Icon.Information)
    box.setText(report.summary())
    informative = list(report.notes)
    if report.warnings:
        informative.append("Open the details to see each span that was adjusted or left out.")
    box.setInformativeText("\n\n".join(informative))
    if report.warnings:
        lines = report.warnings[:DETAIL_LINES]
        if len(report.warnings) > DETAIL_LINES:
            lines.append(f"… and {len(report.warnings) - DETAIL_LINES:,} more")
        box.setDetailedText("\n".join(lines))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
