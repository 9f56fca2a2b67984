"""The window's side of bringing an older corpus up to date as it opens: a progress dialog once the
update takes more than a moment (counting a large corpus's annotations for the review takes a
while), whose Cancel stops it and leaves the file as it was."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from annotator.store import CorpusError
from annotator.store.migrations import migration_progress, reset_migration_progress
from annotator.ui.i18n import tr

SHOW_AFTER = 0.4  # seconds before the dialog appears


class SchemaUpdateStopped(CorpusError):
    """The analyst stopped the update of an older corpus; the file is as it was."""


class _Progress:
    def __init__(self, parent: QWidget | None) -> None:
        self.parent = parent
        self.started = time.monotonic()
        self.dialog: QProgressDialog | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.dialog is None:
            if done >= total or time.monotonic() - self.started < SHOW_AFTER:
                return
            self.dialog = QProgressDialog(
                tr("Updating the corpus for this version of Annotator…"), tr("Cancel"), 0, 1000, self.parent
            )
            self.dialog.setWindowTitle(tr("Opening the corpus"))
            self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            self.dialog.setMinimumDuration(0)
            self.dialog.setAutoClose(False)
        self.dialog.setValue(done * 1000 // max(total, 1))
        QApplication.processEvents()
        if self.dialog.wasCanceled():
            raise SchemaUpdateStopped(tr("The update was stopped: the corpus was left as it was and not opened."))

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


@contextmanager
def schema_update_dialog(parent: QWidget | None = None) -> Iterator[Callable[[int, int], None]]:
    """Within this block, an update of the corpus being opened shows its progress."""
    progress = _Progress(parent)
    token = migration_progress(progress)
    try:
        yield progress
    finally:
        reset_migration_progress(token)
        progress.close()
