"""Labelling with the mouse: drag, double-click, palette buttons, clicking spans, hover."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from tests.app_helpers import ARTICLE, press, stored

L = Qt.MouseButton.LeftButton


def point_at(pane, cp: int) -> QPoint:
    """Viewport point at the left edge of code point ``cp``, mid-line."""
    cur = QTextCursor(pane.document())
    cur.setPosition(pane.offsets.to_utf16(cp))
    rect = pane.cursorRect(cur)
    return QPoint(rect.left() + 1, rect.center().y())


def drag(qtbot, pane, start: int, end: int) -> None:
    vp = pane.viewport()
    qtbot.mousePress(vp, L, pos=point_at(pane, start))
    qtbot.mouseMove(vp, point_at(pane, end))
    qtbot.mouseRelease(vp, L, pos=point_at(pane, end))


def test_drag_then_palette_button(qtbot, window, corpus_path):
    start = ARTICLE.index("Midea Group")
    drag(qtbot, window.pane, start, start + len("Midea Group"))
    assert window.pane.selection_codepoints() == (start, start + len("Midea Group"))
    qtbot.mouseClick(window.label_palette.button(2), L)
    [a] = stored(corpus_path)
    assert (a.text, a.label_id) == ("Midea Group", 2)


def test_drag_cutting_words_snaps_to_whole_words(qtbot, window, corpus_path):
    start = ARTICLE.index("Greater Bay Area")
    drag(qtbot, window.pane, start + 2, start + len("Greater Bay Ar"))
    press(qtbot, window.pane, Qt.Key.Key_3)
    assert [a.text for a in stored(corpus_path)] == ["Greater Bay Area"]


def test_double_click_selects_a_word_and_hotkey_labels_it(qtbot, window, corpus_path):
    start = ARTICLE.index("Shunde")
    qtbot.mouseDClick(window.pane.viewport(), L, pos=point_at(window.pane, start + 2))
    press(qtbot, window.pane, Qt.Key.Key_1)
    assert [a.text for a in stored(corpus_path)] == ["Shunde"]


def test_click_a_span_selects_it_in_pane_and_list(qtbot, window, corpus_path):
    pane = window.pane
    for word in ("Kuka", "Midea"):
        s = ARTICLE.index(word)
        pane.select_codepoints(s, s + len(word))
        press(qtbot, pane, Qt.Key.Key_2)
    qtbot.mouseClick(pane.viewport(), L, pos=point_at(pane, 1))
    assert window.editor.selected.text == "Kuka"
    table = window.annotation_dock.table
    assert window.annotations.annotation(table.currentIndex().row()).text == "Kuka"
    press(qtbot, pane, Qt.Key.Key_Delete)
    assert [a.text for a in stored(corpus_path)] == ["Midea"]


def test_choosing_a_row_in_the_list_scrolls_to_and_flashes_the_span(qtbot, window):
    pane = window.pane
    s = ARTICLE.rindex("Foshan")
    pane.select_codepoints(s, s + 6)
    press(qtbot, pane, Qt.Key.Key_1)
    pane.place_caret(0)
    table = window.annotation_dock.table
    qtbot.mouseClick(table.viewport(), L, pos=table.visualRect(window.annotations.index(0, 0)).center())
    assert window.editor.selected.start == s
    assert pane.textCursor().position() == pane.offsets.to_utf16(s + 6)
    flashes = [e for e in pane.extraSelections() if e.format.background().color().name() == "#ffd43b"]
    assert len(flashes) == 1 and flashes[0].cursor.selectedText() == "Foshan"
    qtbot.waitUntil(lambda: len(pane.extraSelections()) == 1, timeout=3000)


def test_context_menu_offers_every_label(window):
    names = [a.text() for a in window.pane.context_menu(point_at(window.pane, 0)).actions()]
    assert names[:3] == ["Location", "Company", "Policy term"]
    assert "&Delete annotation" in names


def test_nested_spans_are_painted_distinguishably(qtbot, window):
    pane = window.pane
    company = "Kuka Robot (Guangdong) Co., Ltd."
    pane.select_codepoints(0, len(company))
    press(qtbot, pane, Qt.Key.Key_2)
    s = ARTICLE.index("Guangdong")
    pane.select_codepoints(s, s + len("Guangdong"))
    press(qtbot, pane, Qt.Key.Key_1)
    ranges = pane.document().firstBlock().layout().formats()
    by_start = {r.start: r.format for r in ranges}
    outer, inner = by_start[0], by_start[s]
    assert outer.background().color() != inner.background().color()
    assert inner.fontUnderline() and inner.underlineColor().name() == "#e67e22"  # Company around it
    hits = pane.index.at(pane.offsets.to_utf16(s + 1))
    assert [a.text for a in hits] == ["Guangdong", company]  # innermost first, for the tooltip
