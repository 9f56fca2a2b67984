"""Edit › Find in article (Ctrl+F): a bar under the text with next, previous and a count of hits.

The search is over the open article's text in code points, ignoring case; the hits are found
once per query (a 1 MB article takes a few milliseconds) and stepping between them only moves
the selection, which brings the hit into view.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.ui.i18n import tr
from annotator.ui.widgets.text_pane import TextPane

MAX_HITS = 100_000  # counted beyond that as "100,000+"


def find_all(text: str, needle: str, limit: int = MAX_HITS) -> list[int]:
    """Start offsets of every occurrence of ``needle`` in ``text``, ignoring case (same-length folding)."""
    if not needle:
        return []
    haystack, needle = text.lower(), needle.lower()
    if len(haystack) != len(text):  # a character whose lower case is longer: compare as written
        haystack, needle = text, needle
    hits, at = [], haystack.find(needle)
    while at >= 0 and len(hits) < limit:
        hits.append(at)
        at = haystack.find(needle, at + 1)
    return hits


class FindBar(QFrame):
    closed = Signal()

    def __init__(self, pane: TextPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.pane = pane
        self.hits: list[int] = []
        self.current = -1
        self._length = 0
        self.field = QLineEdit(self, objectName="findField")
        self.field.setPlaceholderText(tr("Find in article"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._search)
        self.field.installEventFilter(self)
        self.count = QLabel(self, objectName="findCount")
        self.count.setMinimumWidth(90)
        self.previous = self._button("▲", tr("Previous hit (Shift+F3, Shift+Enter)"), lambda: self.step(-1))
        self.next = self._button("▼", tr("Next hit (F3, Enter)"), lambda: self.step(+1))
        close = self._button("✕", tr("Close (Escape)"), self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous)
        layout.addWidget(self.next)
        layout.addWidget(close)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.hide()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def open(self) -> None:
        """Show the bar with the selected text (if short, one line) as the query, and focus it."""
        cur = self.pane.textCursor()
        chosen = cur.selectedText() if cur.hasSelection() else ""
        if chosen and "\u2029" not in chosen and len(chosen) <= 100:
            self.field.setText(chosen)
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self._search()

    def close_bar(self) -> None:
        self.pane.show_find_hits([], 0)
        self.hide()
        self.closed.emit()

    def refresh(self) -> None:
        """A new article is open: search it for the same text."""
        if self.isVisible():
            self._search()

    def _search(self) -> None:
        needle = self.field.text()
        self._length = len(needle)
        self.hits = find_all(self.pane.text, needle)
        self.pane.show_find_hits(self.hits, self._length)
        self.current = -1
        if self.hits:  # the first hit at or after the caret
            caret = self.pane.caret_codepoint(selection_start=True)
            self._go(bisect_left(self.hits, caret) % len(self.hits))
        self._show_count()

    def step(self, direction: int) -> None:
        if not self.isVisible():
            self.open()
            return
        if not self.hits:
            return
        if self.current < 0:
            caret = self.pane.caret_codepoint()
            index = bisect_right(self.hits, caret) if direction > 0 else bisect_left(self.hits, caret) - 1
        else:
            index = self.current + direction
        self._go(index % len(self.hits))
        self._show_count()

    def _go(self, index: int) -> None:
        self.current = index
        start = self.hits[index]
        self.pane.select_codepoints(start, start + self._length)
        self.pane.ensureCursorVisible()

    def _show_count(self) -> None:
        if not self.field.text():
            self.count.setText("")
        elif not self.hits:
            self.count.setText(tr("No hits"))
        else:
            more = "+" if len(self.hits) >= MAX_HITS else ""
            self.count.setText(f"{self.current + 1:,} of {len(self.hits):,}{more}")

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """In the field: Shift+Enter goes back, Escape closes the bar."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else +1)
                return True
        return False
