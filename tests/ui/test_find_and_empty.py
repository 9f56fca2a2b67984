"""Find in article (Ctrl+F) with a hit count, the empty-corpus state, the two-line headline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from annotator.store import open_corpus
from tests.app_helpers import close_window, press

K = Qt.Key
M = Qt.KeyboardModifier


def test_ctrl_f_finds_in_the_article_with_next_previous_and_a_count(qtbot, window):
    pane, bar = window.pane, window.view.find_bar
    press(qtbot, pane, K.Key_F, M.ControlModifier)
    assert bar.isVisible() and bar.field.hasFocus()
    assert not window.article_dock.filter.hasFocus()
    qtbot.keyClicks(bar.field, "foshan")
    hits = [i for i in range(len(pane.text)) if pane.text.lower().startswith("foshan", i)]
    assert len(hits) == 4 and bar.count.text() == f"1 of {len(hits)}"
    assert pane.selection_codepoints() == (hits[0], hits[0] + 6)
    press(qtbot, bar.field, K.Key_Return)
    assert bar.count.text() == "2 of 4" and pane.selection_codepoints() == (hits[1], hits[1] + 6)
    press(qtbot, bar.field, K.Key_Return, M.ShiftModifier)
    assert bar.count.text() == "1 of 4"
    press(qtbot, bar.field, K.Key_Return, M.ShiftModifier)
    assert bar.count.text() == "4 of 4"  # it wraps round
    press(qtbot, bar.field, K.Key_F3)
    assert bar.count.text() == "1 of 4"
    # every hit on screen is underlined
    assert len(pane.overlay.find_hits) == 4
    image = pane.viewport().grab().toImage()
    cur = QTextCursor(pane.document())
    cur.setPosition(pane.offsets.to_utf16(hits[2] + 2))
    rect = pane.cursorRect(cur)
    assert image.pixelColor(rect.left(), rect.bottom() - 1).name() == "#f59f00"
    bar.field.setText("Shanghai")
    assert bar.count.text() == "No hits" and pane.overlay.find_hits == []
    press(qtbot, bar.field, K.Key_Escape)
    assert not bar.isVisible() and pane.hasFocus()


def test_the_title_filter_has_its_own_shortcut(qtbot, window):
    press(qtbot, window.pane, K.Key_P, M.ControlModifier)
    assert window.article_dock.filter.hasFocus()


def test_an_empty_corpus_shows_an_import_button_and_a_drop_target(qtbot, controller, tmp_path, monkeypatch):
    path = tmp_path / "empty.db"
    open_corpus(path).close()
    w = controller.open(path)
    qtbot.addWidget(w)
    try:
        assert w.view.empty.isVisible() and not w.pane.isVisible()
        assert w.acceptDrops()
        calls = []
        from annotator.ui import corpus_files

        monkeypatch.setattr(corpus_files, "import_files", lambda window: calls.append(window))
        qtbot.mouseClick(w.view.empty.button, Qt.MouseButton.LeftButton)
        assert calls == [w]
        with open_corpus(path) as other:  # articles arrive: the text comes back
            other.articles.add("New", "Foshan grows.\n")
        w.articles.refresh()
        assert not w.view.empty.isVisible() and w.pane.isVisible()
    finally:
        close_window(w)


def test_a_long_headline_takes_two_lines_at_most(qtbot, controller, tmp_path):
    path = tmp_path / "long-title.db"
    title = " ".join(["Guangdong provincial government announces the Greater Bay Area plan"] * 6)
    with open_corpus(path) as corpus:
        corpus.articles.add(title, "Text.\n")
    w = controller.open(path)
    qtbot.addWidget(w)
    try:
        w.resize(1000, 800)
        qtbot.wait(20)
        shown = w.view.title.text()
        assert shown.count("\n") == 1 and shown.endswith("…") and w.view.title.toolTip() == title
        assert w.view.title.height() < 3 * w.view.title.fontMetrics().lineSpacing()
    finally:
        close_window(w)
