"""File work started from the window: importing articles and exporting datasets, in the background
(``ui/tasks.py``) with progress and Cancel in the status bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.formats.batch import ImportReport
from annotator.formats.dataset import ExportCancelled, ExportReport
from annotator.formats.export import export_corpus, missing_library_message
from annotator.formats.jobs import export_job, import_job, run_import_batch
from annotator.formats.registry import import_extensions, span_extensions
from annotator.store.health import is_corpus_file
from annotator.ui import file_dialogs
from annotator.ui.dialogs.export_dialog import ExportChoice, ExportDialog
from annotator.ui.dialogs.import_credit import ImportCreditDialog
from annotator.ui.i18n import QT_TR_NOOP, tr
from annotator.ui.tasks import Task
from annotator.ui.widgets.task_bar import TaskBar

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

CORPUS_FILTER = QT_TR_NOOP("Annotator corpus (*.db *.sqlite *.annotator);;All files (*)")
DETAIL_LINES = 200


def _article_filter() -> str:
    patterns = " ".join(f"*{ext}" for ext in import_extensions())
    return tr("Articles ({patterns});;All files (*)").format(patterns=patterns)


def import_files(window: "MainWindow") -> Task | ImportCreditDialog | None:
    paths = file_dialogs.open_file_names(window, tr("Import articles"), str(Path.home()), _article_filter())
    return ask_credit_then_import(window, paths) if paths else None


def import_folder(window: "MainWindow") -> Task | ImportCreditDialog | None:
    path = file_dialogs.existing_directory(window, tr("Import a folder of articles"), str(Path.home()))
    return ask_credit_then_import(window, [path]) if path else None


def ask_credit_then_import(window: "MainWindow", paths: list[str]) -> Task | ImportCreditDialog | None:
    """Import ``paths``; when some may carry spans, first ask whom to credit the spans that name no
    annotator (the open dialog is returned; the import starts when it is accepted)."""
    if not _may_carry_spans(paths):
        return run_import(window, paths)
    dialog = ImportCreditDialog(len(paths), window.session.corpus.annotations.annotators(), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: run_import(window, paths, credit=dialog.credit()))
    dialog.open()
    return dialog


def _may_carry_spans(paths: list[str], most: int = 10_000) -> bool:
    """A file of a labelled format among ``paths`` (a folder's files by name only, never opened)."""
    kinds = span_extensions()
    seen = 0
    for raw in paths:
        path = Path(raw)
        for p in (path.rglob("*") if path.is_dir() else [path]):
            if p.suffix.lower() in kinds:
                return True
            seen += 1
            if seen >= most:
                return False
    return False


def run_import(
    window: "MainWindow", paths: list[str], *, show_summary: bool = True, credit: str | None = None
) -> Task | None:
    """Import with the same batch importer as the command line, in a background process, with
    progress and Cancel in the status bar; the window stays usable. Returns the running task
    (``task.result`` is (ImportReport, why it stopped) once it has finished), or None when nothing
    is left to import.

    The open corpus's own files (dropped on the window, say) are left out unread: reading one
    outside SQLite would drop the locks SQLite holds on it.
    """
    corpus_path = window.session.corpus.path
    own = [p for p in paths if corpus_path is not None and is_corpus_file(p, corpus_path)]
    if own:
        paths = [p for p in paths if p not in own]
        name = Path(own[0]).name
        window.status.showMessage(
            tr("{name} is part of the open corpus itself, so it was not imported.").format(name=name), 8000
        )
        if not paths:
            return None
    # spans of files that name no annotator are credited to ``credit`` or to the file (import:NAME),
    # never silently to the user
    task = import_task(window.session.corpus, [str(p) for p in paths], credit)
    task.succeeded.connect(lambda result: _import_done(window, result, show_summary))
    task.failed.connect(lambda exc: _import_stopped(window, tr("The import failed: {exc}").format(exc=exc)))
    TaskBar(window.status, task, tr("Importing…"))
    window.session.own_work_started()  # its commits are this window's, not another program's
    task.finished.connect(window.session.own_work_ended)
    window.tasks.append(task)
    task.finished.connect(lambda: window.tasks.remove(task) if task in window.tasks else None)
    return task.start()


def import_task(corpus, paths: list[str], annotator: str) -> Task:
    """The import as a task: in a process of its own, or here for an in-memory corpus."""
    if corpus.path is None:  # in memory: no other process can open it
        return Task.inline(run_import_batch, corpus, paths, annotator)
    return Task.in_process(import_job, str(corpus.path), paths, annotator, corpus.user)


def _import_stopped(window: "MainWindow", message: str) -> None:
    window.session.check_file()  # a file gone or taken over: editing stops, a rescue backup is taken
    if window.session.gone_message is None:
        QMessageBox.warning(window, tr("Import stopped"), message)


def _import_done(window: "MainWindow", result: tuple[ImportReport, str], show_summary: bool) -> None:
    report, stopped = result
    if stopped:
        _import_stopped(window, stopped)
    touched = {r.article_id for r in report.merged if r.article_id is not None}  # spans added to articles here
    window.session.imported(report.imported, report.labels_created, touched)
    if window.editor.article is not None and window.editor.article.id in touched:  # shown again with its new spans
        current = window.editor.article.id
        window.open_article(None)
        window.open_article(current)
    window.status.showMessage(report.summary(), 8000)
    if show_summary and report.attention:
        _show_report(window, report)


def _show_report(window: "MainWindow", report: ImportReport) -> None:
    box = QMessageBox(window)
    box.setObjectName("importReport")
    box.setWindowTitle(tr("Import finished"))
    box.setIcon(QMessageBox.Icon.Warning if report.rejected or report.warnings else QMessageBox.Icon.Information)
    box.setText(report.summary())
    lines = []
    for title, items in report.details():
        if items:
            lines.append(f"{title}:")
            lines.extend(f"  {item}" for item in items[:DETAIL_LINES])
            if len(items) > DETAIL_LINES:
                lines.append(tr("  … and {value:,} more").format(value=len(items) - DETAIL_LINES))
    if report.rejected:
        box.setInformativeText(
            tr("The other files were imported. Open the details to see why each input was rejected.")
        )
    elif any(w.span for w in report.warnings):
        box.setInformativeText(
            tr("Some spans were left out or split. Open the details to see each one, where it was and why.")
        )
    elif report.warnings:
        box.setInformativeText(
            tr("Some of what the files hold was not imported. Open the details to see what, where and why.")
        )
    elif report.merged:
        box.setInformativeText(tr("Open the details to see which articles got the new spans."))
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


def run_export(window: "MainWindow", dialog: ExportDialog, choice: ExportChoice) -> Task:
    """Run the export in a background process, with progress and Cancel in the status bar, the
    window usable meanwhile; close the export dialog when it is written.

    The dialog steps aside while the export runs. A cancelled export writes nothing (the sinks
    stage every file) and brings the dialog back with the same choices; a failed one brings it
    back with the reason, so the path or the choices can be corrected.
    """
    task = export_task(window.session.corpus, choice)
    task.succeeded.connect(lambda report: _export_done(window, dialog, report))
    task.failed.connect(lambda exc: _export_failed(dialog, choice, exc))
    task.cancelled.connect(lambda: _export_cancelled(window, dialog))
    dialog.hide()
    TaskBar(window.status, task, tr("Exporting…"))
    window.tasks.append(task)
    task.finished.connect(lambda: window.tasks.remove(task) if task in window.tasks else None)
    return task.start()


def export_task(corpus, choice: ExportChoice) -> Task:
    """The export as a task: in a process of its own, or here for an in-memory corpus."""
    if corpus.path is None:  # in memory: no other process can open it
        return Task.inline(
            _export_here, corpus, str(choice.path), choice.format, choice.options, cancel_errors=(ExportCancelled,)
        )
    return Task.in_process(
        export_job, str(corpus.path), str(choice.path), choice.format, choice.options, corpus.user,
        cancel_errors=(ExportCancelled,)
    )


def _export_here(progress, corpus, out: str, format: str, options) -> ExportReport:
    def step(done: int, total: int) -> bool:
        return progress(done, total, tr("Exporting article {done:,} of {total:,}…").format(done=done, total=total))

    return export_corpus(corpus, Path(out), format, options, progress=step)


def _export_done(window: "MainWindow", dialog: ExportDialog, report: ExportReport) -> None:
    dialog.accept()
    window.status.showMessage(report.summary(), 8000)
    _show_export_report(window, report)


def _export_cancelled(window: "MainWindow", dialog: ExportDialog) -> None:
    window.status.showMessage(tr("Export cancelled; nothing was written."), 8000)
    dialog.show()  # the choices are still there to run again


def _export_failed(dialog: ExportDialog, choice: ExportChoice, exc: BaseException) -> None:
    dialog.show()
    if isinstance(exc, ImportError):
        dialog.show_error(missing_library_message(choice.format, exc))
    elif isinstance(exc, OSError):  # SinkError included: its message is a sentence already
        reason = f"{exc.strerror} ({exc.filename})." if exc.strerror else str(exc)
        dialog.show_error(tr("Could not write the export: {reason}").format(reason=reason))
    else:
        dialog.show_error(tr("Could not export: {exc}").format(exc=exc))


def _show_export_report(window: "MainWindow", report: ExportReport) -> None:
    box = QMessageBox(window)
    box.setObjectName("exportReport")
    box.setWindowTitle(tr("Export finished"))
    box.setIcon(QMessageBox.Icon.Warning if report.warnings else QMessageBox.Icon.Information)
    box.setText(report.summary())
    informative = list(report.notes)
    if report.warnings:
        informative.append(tr("Open the details to see each span that was adjusted or left out."))
    box.setInformativeText("\n\n".join(informative))
    if report.warnings:
        lines = report.warnings[:DETAIL_LINES]
        if len(report.warnings) > DETAIL_LINES:
            lines.append(tr("… and {value:,} more").format(value=len(report.warnings) - DETAIL_LINES))
        box.setDetailedText("\n".join(lines))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
