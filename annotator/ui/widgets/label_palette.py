"""One button per label, in its colour, showing its hotkey."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QToolBar, QToolButton, QWidget

from annotator.core.model import Label
from annotator.ui.i18n import tr
from annotator.ui.widgets.colours import text_on


def text_colour_on(background: str) -> str:
    """Black or white, whichever has more contrast on the label colour (WCAG)."""
    return text_on(background).name()


class LabelPalette(QToolBar):
    label_requested = Signal(int)  # label id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Labels"), parent)
        self.setObjectName("labelPalette")
        self.setMovable(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._buttons: dict[int, QToolButton] = {}
        self._snap: QAction | None = None
        self.snap_button: QToolButton | None = None

    def set_snap_action(self, action: QAction) -> None:
        """Show the snapping switch at the end of the palette, checked while snapping is on."""
        self._snap = action

    def set_labels(self, labels: list[Label]) -> None:
        self.clear()
        self._buttons.clear()
        for lab in labels:
            button = QToolButton(self)
            button.setObjectName(f"labelButton_{lab.tag}")
            key = f"  {lab.hotkey}" if lab.hotkey else ""
            button.setText(f"{lab.name}{key}")
            button.setToolTip(
                tr("Label the selection as {name} (exported as {tag})").format(name=lab.name, tag=lab.tag)
                + (tr(". Shortcut: {hotkey}").format(hotkey=lab.hotkey) if lab.hotkey else "")
            )
            fg = text_colour_on(lab.colour)
            button.setStyleSheet(
                f"QToolButton {{ background: {lab.colour}; color: {fg}; border: 1px solid "
                f"{QColor(lab.colour).darker(130).name()}; border-radius: 4px; padding: 4px 10px; "
                f"margin: 2px 3px; font-weight: 600; }}"
                f"QToolButton:hover {{ background: {QColor(lab.colour).lighter(115).name()}; }}"
                f"QToolButton:pressed {{ background: {QColor(lab.colour).darker(115).name()}; }}"
            )
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, ident=lab.id: self.label_requested.emit(ident))
            self.addWidget(button)
            self._buttons[lab.id] = button
        if self._snap is not None:
            self.addSeparator()
            self.addAction(self._snap)
            self.snap_button = self.widgetForAction(self._snap)
            self.snap_button.setObjectName("snapButton")
            self.snap_button.setText(tr("Snap to words"))
            self.snap_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def button(self, label_id: int) -> QToolButton | None:
        return self._buttons.get(label_id)
