"""Before an import of files that may carry spans: who labelled the spans a file does not credit
to anyone (the command line's ``import --as NAME``). By default each file's name (``import:FILE``),
so that a reviewer can always tell imported labels from an analyst's own work."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.i18n import tr


class ImportCreditDialog(QDialog):
    def __init__(self, files: int, analysts: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importCreditDialog")
        self.setWindowTitle(tr("Who labelled these files?"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr("Spans in the %n chosen file(s) that do not name who made them are credited to:", None, files), self
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.by_file = QRadioButton(tr("Each file (import:FILE), so imported labels stay apart"), self)
        self.by_file.setObjectName("creditByFile")
        self.to_analyst = QRadioButton(tr("This analyst:"), self)
        self.to_analyst.setObjectName("creditToAnalyst")
        group = QButtonGroup(self)
        group.addButton(self.by_file)
        group.addButton(self.to_analyst)
        self.by_file.setChecked(True)
        self.name = QLineEdit(self, objectName="creditName")
        self.name.setPlaceholderText(tr("An analyst's name, e.g. mei"))
        self.name.setCompleter(QCompleter(analysts, self))
        self.name.textEdited.connect(lambda text: self.to_analyst.setChecked(bool(text.strip())) if text else None)
        layout.addWidget(self.by_file)
        layout.addWidget(self.to_analyst)
        indented = QHBoxLayout()
        indented.setContentsMargins(24, 0, 0, 0)  # the name belongs to "This analyst"
        indented.addWidget(self.name)
        layout.addLayout(indented)
        layout.addSpacing(6)
        note = QLabel(tr("Spans whose file names their annotator keep that name."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton(tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def credit(self) -> str | None:
        """The analyst chosen, or None for each file's own name."""
        name = self.name.text().strip()
        return name if self.to_analyst.isChecked() and name else None

    def _accept(self) -> None:
        if self.to_analyst.isChecked() and not self.name.text().strip():
            self.name.setFocus()
            self.name.setPlaceholderText(tr("Type the analyst's name, or credit each file"))
            return
        self.accept()
