"""The status bar's view of a background task: what it is doing, how far it got, and Cancel.

Shown only for work that takes longer than ``SHOW_AFTER_MS``; the window stays usable beside it.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from annotator.ui.i18n import tr
from annotator.ui.tasks import Task

SHOW_AFTER_MS = 300


class TaskBar(QWidget):
    def __init__(self, status: QStatusBar, task: Task, title: str) -> None:
        super().__init__(status)
        self.setObjectName("taskProgress")
        self.task = task
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(title, self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the first figure comes
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setObjectName("taskCancel")
        self.cancel_button.setToolTip(
            tr("Stop: {lower} (nothing half-done is kept)").format(lower=title.rstrip("…").lower())
        )
        self.cancel_button.clicked.connect(self._cancel)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        task.progressed.connect(self._progressed)
        task.finished.connect(self._finished)
        status.addPermanentWidget(self)
        self.hide()
        self._show_timer = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS)
        self._show_timer.timeout.connect(lambda: None if task.done else self.show())
        self._show_timer.start()

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))
        if text:
            self.label.setText(text)
            self.label.setMinimumWidth(self.label.sizeHint().width())  # the status bar never cuts it

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(tr("Stopping…"))
        self.task.cancel()

    def _finished(self) -> None:
        self._show_timer.stop()
        self.hide()
        self.deleteLater()
