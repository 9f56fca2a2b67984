"""A short, dismissable hint above the text for someone new: how to label, where review and export are."""

from __future__ import annotations

import html

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from annotator.core.model import Label
from annotator.ui import settings as keys
from annotator.ui.i18n import tr


def _nbsp(text: str) -> str:
    """A label name that never breaks across lines."""
    return html.escape(text).replace(" ", "&nbsp;")


def hint_html(labels: list[Label], review: str, export: str) -> str:
    """The hint text, naming the real hotkeys of the current labels."""
    keyed = [lab for lab in labels if lab.hotkey]
    if keyed:
        keys = ", ".join(f"<b>{html.escape(lab.hotkey)}</b>&nbsp;{_nbsp(lab.name)}" for lab in keyed)
        how = tr("Select text in the article, then press a label's key ({keys}) or click its button above.").format(
            keys=keys
        )
    else:
        how = tr(
            "Select text in the article, then click a label's button above (give labels keys in Label › Manage labels)."
        )
    return tr(
        "<b>Welcome to Annotator.</b> {how} Click a span to relabel or delete it; Ctrl+Z undoes. Every label is saved "
        "at once. {review} {export} <i>Help › Keyboard shortcuts</i> (F1) lists every key."
    ).format(how=how, review=review, export=export)


class FirstRunHint(QFrame):
    """Shown until the user asks never to see it again; "Hide" hides it for this window only."""

    dismissed = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunHint")
        self.settings = settings
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.text = QLabel(self, objectName="firstRunHintText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.never = QPushButton(tr("Don't show again"), self, objectName="firstRunHintNever")
        self.never.setToolTip(tr("Hide this hint now and whenever Annotator starts"))
        self.close_button = QToolButton(self, objectName="firstRunHintClose")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(tr("Hide this hint (it shows again next time)"))
        for button in (self.never, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click never takes the focus from the text
        self.never.clicked.connect(self.dismiss_forever)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        layout.setSpacing(12)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.never, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._apply_palette()
        self.setVisible(self.wanted())

    def wanted(self) -> bool:
        return not keys.HINT_DISMISSED.read(self.settings)

    def set_text(self, labels: list[Label], review: str, export: str) -> None:
        self.text.setText(hint_html(labels, review, export))

    def show_again(self) -> None:
        """Help › Show the getting-started hint: here now, and at every start until dismissed for good."""
        keys.HINT_DISMISSED.remove(self.settings)
        self.settings.sync()
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()

    def dismiss_forever(self) -> None:
        keys.HINT_DISMISSED.write(self.settings, True)
        self.settings.sync()
        self.dismiss()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._apply_palette()

    def _apply_palette(self) -> None:
        """A tint of the highlight colour over the base: visible in light and dark palettes alike."""
        pal = self.palette()
        base, accent = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Highlight)
        tint = base.toRgb()
        a = 0.14
        tint.setRgbF(
            base.redF() * (1 - a) + accent.redF() * a,
            base.greenF() * (1 - a) + accent.greenF() * a,
            base.blueF() * (1 - a) + accent.blueF() * a,
        )
        if pal.color(QPalette.ColorRole.Window) != tint:
            pal.setColor(QPalette.ColorRole.Window, tint)
            pal.setColor(QPalette.ColorRole.WindowText, pal.color(QPalette.ColorRole.Text))
            self.setPalette(pal)
