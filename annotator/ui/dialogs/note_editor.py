"""Edit › Edit note (N): a note on the selected span.

Ctrl+Enter saves; Enter saves too while the note is a single line (Shift+Enter starts a new
line, after which Enter does as well); Escape cancels. The text wraps.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from annotator.core.model import Annotation
from annotator.ui.i18n import tr


class NoteEditor(QDialog):
    note_saved = Signal(object, str)  # the Annotation, the new note

    def __init__(self, annotation: Annotation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.setWindowTitle(tr("Note"))
        self.annotation = annotation
        shown = annotation.text if len(annotation.text) <= 80 else annotation.text[:79] + "…"
        caption = QLabel(tr("Note on “{shown}”:").format(shown=shown), self)
        caption.setWordWrap(True)
        self.edit = QPlainTextEdit(self, objectName="noteText")
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.edit.setPlainText(annotation.note or "")
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
        self.edit.installEventFilter(self)
        caption.setBuddy(self.edit)
        hint = QLabel(tr("Enter saves a one-line note, Ctrl+Enter any note; Shift+Enter starts a new line."), self)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.edit, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(460, 220)

    def note(self) -> str:
        return self.edit.toPlainText()

    def accept(self) -> None:
        self.note_saved.emit(self.annotation, self.note())
        super().accept()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            mods = event.modifiers()
            if mods & Qt.KeyboardModifier.ControlModifier:
                self.accept()
                return True
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self.edit.insertPlainText("\n")
                return True
            if "\n" not in self.note():
                self.accept()
                return True
        return False
