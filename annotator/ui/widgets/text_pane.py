"""The reading pane: read-only text with spans painted in, a caret, and selections in code points.

Qt positions (UTF-16, U+2029 between paragraphs) and corpus offsets (code points, LF) are
converted by one class, core.offsets.OffsetMap; this widget owns the map of the open article,
and everything outside it (the editor, the window) speaks code points only.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QPainter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.core.model import Annotation, Label
from annotator.core.offsets import OffsetMap
from annotator.core.text import word_at
from annotator.formats.chinese import segment
from annotator.ui.i18n import tr
from annotator.ui.widgets.colours import text_on
from annotator.ui.widgets.span_index import SpanIndex
from annotator.ui.widgets.span_overlay import SpanOverlay
from annotator.ui.widgets.span_painter import SpanPainter

READING_WIDTH = 860  # px: a comfortable line length for reading
DEFAULT_POINT_SIZE = 13
FLASH_MS = 700
# Spans are read from the store as the reader gets to them: at open, the first EAGER code
# points' worth (so a whole ordinary article at once); then CHUNK more per idle moment.
MANY = 200  # more spans than this added at once are painted by painting the screen again, not span by span
EAGER = 50_000
CHUNK = 25_000

SpanSource = Callable[[int, int], list[Annotation]]  # spans whose start is in [from, to)


class TextPane(QPlainTextEdit):
    current_span_changed = Signal(int)  # annotation id under the caret, 0 for none
    selection_changed_cp = Signal()
    spans_loaded = Signal(list)  # list[Annotation] just read from the store, in text order
    painted = Signal()  # a paint of the text finished (what the reader sees is up to date)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("textPane")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setMouseTracking(True)
        font = QFont()
        font.setFamilies(["Noto Serif", "Georgia", "DejaVu Serif", "Noto Serif CJK SC", "serif"])  # notr
        font.setPointSize(DEFAULT_POINT_SIZE)
        self.setFont(font)
        self.document().setDocumentMargin(18)
        # A plain text selection is grey, so it never looks like a labelled span.
        pal = self.palette()
        for group in (pal.ColorGroup.Active, pal.ColorGroup.Inactive):
            pal.setColor(group, pal.ColorRole.Highlight, QColor("#cfd6df"))
            pal.setColor(group, pal.ColorRole.HighlightedText, QColor("#111111"))
        self.setPalette(pal)
        self.setCursorWidth(2)
        self._zoom = 0
        self._text = ""
        self.offsets = OffsetMap("")
        self.index = SpanIndex(self.offsets)
        self.painter = SpanPainter(self, self.index, self._ensure_loaded_u16)
        self.overlay = SpanOverlay(self, self.index)
        self.painter.extra_ranges = self.overlay.extra_ranges
        self._source: SpanSource | None = None
        self._frontier = 0  # every span starting before this code point is in the index
        self._loader = QTimer(self, interval=0, timeout=self._load_more)
        self._labels: dict[int, Label] = {}
        self._selected: Annotation | None = None
        self._flash: tuple[int, int] | None = None
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS, timeout=self._end_flash)
        self._context_actions: list[QAction | None] = []
        self._last_span = 0
        self.cursorPositionChanged.connect(self._caret_moved)
        self.selectionChanged.connect(self.selection_changed_cp)
        self.setPlaceholderText(tr("Open an article from the list to start labelling."))

    # --- content ------------------------------------------------------------------
    def set_labels(self, labels: Iterable[Label]) -> None:
        self._labels = {lab.id: lab for lab in labels}
        self.overlay.labels = self._labels
        self.overlay.set_font_changed()  # names may have changed: their tags' widths too
        self.painter.set_label_colours({i: lab.colour for i, lab in self._labels.items()})
        self._refresh_extra()

    def load(self, text: str, source: SpanSource | None = None) -> None:
        """Show ``text``; its spans come from ``source`` as they are needed. The caret goes to the start."""
        self._loader.stop()
        self._text = text
        self.offsets = OffsetMap(text)
        self.index.offsets = self.offsets
        self.index.reset([])
        self._source = source
        self._frontier = 0
        self._selected = None
        self._flash = None
        self._overlays = []
        self._last_span = 0
        self.overlay.find_hits, self.overlay.find_length = [], 0  # the find bar searches the new text again
        self.setPlainText(text)
        self.setExtraSelections([])
        self._ensure_loaded(min(len(text), EAGER))
        self.painter.invalidate_all()
        if self._frontier < len(text):
            self._loader.start()

    def clear_article(self) -> None:
        self.load("")

    @property
    def loaded_upto(self) -> int:
        """Every span starting before this code point has been read from the store."""
        return self._frontier

    @property
    def fully_loaded(self) -> bool:
        return self._frontier >= len(self._text)

    def load_all(self) -> None:
        """Read every remaining span now (for work that needs them all)."""
        self._ensure_loaded(len(self._text))

    def _ensure_loaded_u16(self, u16: int) -> None:
        self._ensure_loaded(self.offsets.to_codepoint(u16))

    def _ensure_loaded(self, upto: int) -> None:
        if upto <= self._frontier or self._source is None:
            return
        start, stop = self._frontier, upto if upto < len(self._text) else len(self._text) + 1
        spans = self._source(start, stop)  # may raise: then nothing counts as read
        self._frontier = stop
        if stop > len(self._text):
            self._loader.stop()
        added = self.index.add_many(spans)
        if added:
            first = self.offsets.to_utf16(min(a.start for a in added))
            last = self.offsets.to_utf16(max(a.end for a in added))
            self.painter.repaint_range(first, last)  # only blocks already painted are touched
            self.spans_loaded.emit(added)

    def _load_more(self) -> None:
        try:
            self._ensure_loaded(self._frontier + CHUNK)
        except Exception:  # the corpus went away (closed, locked): stop reading, try again on demand
            self._loader.stop()
            raise

    def stop_loading(self) -> None:
        self._loader.stop()
        self._source = None

    @property
    def text(self) -> str:
        return self._text

    def annotations_added(self, annotations: Iterable[Annotation]) -> None:
        annotations = list(annotations)
        if len(annotations) > MANY:  # thousands at once (agreed spans accepted into gold): paint once
            self.index.add_many(annotations)
            self.painter.invalidate_all()
            return
        self.painter.repaint_ranges([self.index.add(a) for a in annotations])

    def annotations_removed(self, annotations: Iterable[Annotation]) -> None:
        for a in annotations:
            where = self.index.remove(a)
            if where:
                self.painter.repaint_range(*where)
            if self._selected and self._selected.id == a.id:
                self._selected = None
        self._refresh_extra()

    def annotation_changed(self, old: Annotation, new: Annotation) -> None:
        self.annotations_removed([old])
        self.annotations_added([new])
        if self._selected is None or self._selected.id == new.id:
            self._selected = new
        self._refresh_extra()

    # --- positions: the one conversion point ----------------------------------------
    def selection_codepoints(self) -> tuple[int, int] | None:
        cur = self.textCursor()
        if not cur.hasSelection():
            return None
        return self.offsets.span_to_codepoint(cur.selectionStart(), cur.selectionEnd())

    def select_codepoints(self, start: int, end: int) -> None:
        """Select ``text[start:end]``; the caret ends at ``end``."""
        cur = self.textCursor()
        cur.setPosition(self.offsets.to_utf16(start))
        cur.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)

    def caret_codepoint(self, *, selection_start: bool = False) -> int:
        """Where the caret is (or the selection starts), in code points."""
        cur = self.textCursor()
        return self.offsets.to_codepoint(cur.selectionStart() if selection_start else cur.position())

    def place_caret(self, pos: int) -> None:
        cur = self.textCursor()
        cur.setPosition(self.offsets.to_utf16(pos))
        self.setTextCursor(cur)

    def annotations_at(self, pos: int) -> list[Annotation]:
        """Annotations covering code point ``pos``, innermost first."""
        return self.index.at(self.offsets.to_utf16(pos))

    def annotations_at_point(self, point: QPoint) -> list[Annotation]:
        pos = self.cursorForPosition(point).position()
        return self.index.at(pos)

    # --- the selected span ----------------------------------------------------------
    @property
    def selected_annotation(self) -> Annotation | None:
        return self._selected

    def set_selected_annotation(self, a: Annotation | None, *, reveal: bool = False, flash: bool = False) -> None:
        self._selected = a
        if a is not None and reveal:
            s, e = self.index.u16_range(a)
            self.blockSignals(True)
            cur = self.textCursor()
            cur.setPosition(e)
            self.setTextCursor(cur)
            self.blockSignals(False)
            self._last_span = a.id
            if not self._shows(s, e):  # the view stays still unless the span is off-screen
                self.centerCursor()
            if flash:
                self._flash = (s, e)
                self._flash_timer.start()
        self._refresh_extra()

    def _shows(self, start: int, end: int) -> bool:
        """Is the UTF-16 range [start, end) on screen, top to bottom?"""
        area = self.viewport().rect()
        first = self.cursorRect(self._cursor(start, start))
        last = self.cursorRect(self._cursor(end, end))
        return area.top() <= first.top() and last.bottom() <= area.bottom()

    def set_overlays(self, marks: list[tuple[int, int, str, int]]) -> None:
        """Mark ranges over the spans without being spans (adjudication's competing versions):
        (start, end in code points, colour, style): style 0 a tinted box, 1 solid, 2 wavy, 3 dotted underline."""
        n = len(self._text)
        self._overlays = [
            (self.offsets.to_utf16(min(s, n)), self.offsets.to_utf16(min(e, n)), colour, style)
            for s, e, colour, style in marks
        ]
        self._refresh_extra()

    def _end_flash(self) -> None:
        self._flash = None
        self._refresh_extra()

    def _refresh_extra(self) -> None:
        extras = []
        lines = (QTextCharFormat.UnderlineStyle.SingleUnderline, QTextCharFormat.UnderlineStyle.WaveUnderline,
                 QTextCharFormat.UnderlineStyle.DotLine)
        for s, e, colour, style in getattr(self, "_overlays", ()):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._cursor(s, e)
            if style == 0:
                tint = QColor(colour)
                tint.setAlpha(150)
                sel.format.setBackground(tint)
            else:
                sel.format.setUnderlineStyle(lines[(style - 1) % 3])
                sel.format.setUnderlineColor(QColor(colour))
                sel.format.setFontUnderline(True)
            sel.format.setFontWeight(QFont.Weight.Bold)  # stands out from the spans painted under it
            extras.append(sel)
        if self._selected is not None and self.index.get(self._selected.id) is not None:
            lab = self._labels.get(self._selected.label_id)
            s, e = self.index.u16_range(self._selected)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._cursor(s, e)
            sel.format.setBackground(QColor(lab.colour if lab else "#777777"))
            sel.format.setForeground(text_on(lab.colour if lab else "#777777"))
            extras.append(sel)
        if self._flash is not None:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._cursor(*self._flash)
            sel.format.setBackground(QColor("#ffd43b"))
            sel.format.setForeground(QColor("#000000"))
            extras.append(sel)
        self.setExtraSelections(extras)

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cur = QTextCursor(self.document())
        cur.setPosition(start)
        cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cur

    def _caret_moved(self) -> None:
        cur = self.textCursor()
        if cur.hasSelection():
            return
        hits = self.index.at(cur.position(), inclusive_end=True)
        ident = hits[0].id if hits else 0
        if ident != self._last_span:
            self._last_span = ident
            self.current_span_changed.emit(ident)

    # --- view ----------------------------------------------------------------------
    def zoom(self, step: int) -> None:
        """step > 0 larger, < 0 smaller, 0 back to the default size."""
        self._zoom = 0 if step == 0 else max(-6, min(14, self._zoom + step))
        font = self.font()
        font.setPointSize(DEFAULT_POINT_SIZE + self._zoom)
        self.setFont(font)
        self.overlay.set_font_changed()
        if self.overlay.show_names:
            self.painter.invalidate_all()  # the tags' room changes with the text size
        self.painter.paint_visible()

    @property
    def zoom_level(self) -> int:
        return self._zoom

    def set_context_actions(self, actions: list[QAction | None]) -> None:
        """Actions for the context menu; None is a separator."""
        self._context_actions = actions

    def context_menu(self, pos: QPoint) -> QMenu:
        """The menu for a right-click at viewport point ``pos``; it acts on the span clicked."""
        if not self.textCursor().hasSelection():
            under = self.cursorForPosition(pos)
            if self.index.at(under.position()):
                self.setTextCursor(under)
                self._caret_moved()
        menu = QMenu(self)
        menu.setObjectName("textContextMenu")
        for action in self._context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.addSeparator()
        copy = menu.addAction(tr("Copy"), self.copy)
        copy.setEnabled(self.textCursor().hasSelection())
        return menu

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        side = max(0, (self.width() - READING_WIDTH) // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)
        self.painter.paint_visible()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            hits = self.annotations_at_point(self.viewport().mapFromGlobal(event.globalPos()))
            if hits:
                lines = []
                for a in reversed(hits):  # outermost first, as they nest
                    lab = self._labels.get(a.label_id)
                    line = "<b style='color:{value}'>■</b> {escape}: {escape2}".format(  # notr
                        value=lab.colour if lab else "#777",
                        escape=html.escape(lab.name if lab else "?"),
                        escape2=html.escape(a.text),
                    )
                    if self.index.owner is not None and a.annotator != self.index.owner:
                        line += tr(" <i>· {escape} (read-only)</i>").format(escape=html.escape(a.annotator))
                    if a.note:
                        line += f"<br><i>{html.escape(a.note)}</i>"
                    lines.append(line)
                QToolTip.showText(event.globalPos(), "<br>".join(lines), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        self.overlay.paint(painter, QRectF(event.rect()))
        painter.end()
        self.painted.emit()

    def show_find_hits(self, starts: list[int], length: int) -> None:
        """Underline these hits of Find in article (code points; an empty list clears them)."""
        to16 = self.offsets.to_utf16
        self.overlay.find_hits = [to16(s) for s in starts]
        self.overlay.find_length = (to16(starts[0] + length) - to16(starts[0])) if starts else 0
        self.viewport().update()

    # --- label names ----------------------------------------------------------------
    def set_show_label_names(self, on: bool) -> None:
        if on != self.overlay.show_names:
            self.overlay.show_names = on
            self.painter.invalidate_all()
            self.viewport().update()

    @property
    def shows_label_names(self) -> bool:
        return self.overlay.show_names

    def has_touching_spans(self) -> bool:
        """Are any two spans read so far nested, overlapping or adjacent (one ends where the next starts)?"""
        return self.index.has_touching()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        """A double-click selects the token there: a word, a Chinese word (by jieba), an abbreviation."""
        super().mouseDoubleClickEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or not self._text:
            return
        pos = self.offsets.to_codepoint(self.cursorForPosition(event.position().toPoint()).position())
        if pos >= len(self._text) or (self._text[pos].isspace() and pos > 0):
            pos -= 1  # a click on the right half of a word's last character
        start, end = word_at(self._text, pos, segment)
        if start < end:
            self.select_codepoints(start, end)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            hits = self.index.at(self.cursorForPosition(event.position().toPoint()).position())
            ident = hits[0].id if hits else 0
            self._last_span = ident
            self.current_span_changed.emit(ident)

