"""Labelling that does not fight the hand: a still view, token edges, Chinese words, the snap switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from annotator.store import open_corpus
from tests.app_helpers import close_window, press, stored

K = Qt.Key
M = Qt.KeyboardModifier
PARAGRAPH = "Kuka Robot (Guangdong) Co., Ltd. opened a plant in Foshan, and Jihua Laboratory, went along.\n\n"
CHINESE = "佛山市南海区桂城街道与美的集团签署了合作协议。\n\n南海区发展和改革局表示，项目将于明年投产。\n"


@pytest.fixture
def long_window(qtbot, controller, tmp_path):
    path = tmp_path / "long.db"
    with open_corpus(path) as corpus:
        corpus.articles.add("Long", PARAGRAPH * 80)
        corpus.articles.add("Chinese", CHINESE)
    w = controller.open(path)
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    w.pane.setFocus()
    yield w
    close_window(w)


def _select(pane, start: int, end: int) -> None:
    pane.select_codepoints(start, end)


def _point_at(pane, cp: int) -> QPoint:
    cur = QTextCursor(pane.document())
    cur.setPosition(pane.offsets.to_utf16(cp))
    rect = pane.cursorRect(cur)
    return QPoint(rect.left() + 3, rect.center().y())


def test_the_view_stays_still_after_labelling_and_relabelling(qtbot, long_window):
    pane = long_window.pane
    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    qtbot.wait(10)
    top = pane.cursorForPosition(QPoint(10, 10)).position()
    text = pane.text
    start = text.index("Jihua", pane.offsets.to_codepoint(top))
    before = bar.value()
    # the span lies on the second or third visible line: on screen, far from the centre
    _select(pane, start, start + len("Jihua Laboratory"))
    bar.setValue(before)
    press(qtbot, pane, K.Key_2)
    assert long_window.editor.selected is not None and long_window.editor.selected.text == "Jihua Laboratory"
    assert bar.value() == before
    press(qtbot, pane, K.Key_1)  # relabel
    assert long_window.editor.selected.label_id == 1
    assert bar.value() == before


def test_a_span_off_screen_is_still_brought_into_view(qtbot, long_window):
    pane = long_window.pane
    pane.verticalScrollBar().setValue(0)
    a = long_window.session.corpus.annotations
    start = pane.text.rindex("Foshan")
    _select(pane, start, start + 6)
    press(qtbot, pane, K.Key_1)
    pane.verticalScrollBar().setValue(0)
    long_window.editor.select_annotation(a.for_article(1)[0].id)
    assert pane.verticalScrollBar().value() > 0


def test_trailing_punctuation_is_not_labelled(qtbot, window, corpus_path):
    pane = window.pane
    text = pane.text
    start = text.index("Kuka")
    _select(pane, start, text.index("Ltd.") + 5)  # "... Co., Ltd. " with the space
    press(qtbot, pane, K.Key_2)
    assert [a.text for a in stored(corpus_path)] == ["Kuka Robot (Guangdong) Co., Ltd."]
    start = text.index("Foshan.")
    _select(pane, start - 1, start + 7)
    press(qtbot, pane, K.Key_1)
    assert "Foshan" in [a.text for a in stored(corpus_path)]


def test_alt_right_moves_the_end_by_one_token(qtbot, window, corpus_path):
    pane = window.pane
    text = pane.text
    start = text.index("Co.,")
    _select(pane, start, start + 3)  # "Co."
    pane.setFocus()
    window.window_actions.snap.setChecked(False)  # "Co." exactly, then snapping back on for the step
    press(qtbot, pane, K.Key_2)
    window.window_actions.snap.setChecked(True)
    press(qtbot, pane, K.Key_Right, M.AltModifier)
    assert [a.text for a in stored(corpus_path)] == ["Co., Ltd."]  # not "Co., Ltd. opened"
    press(qtbot, pane, K.Key_Left, M.AltModifier)
    assert [a.text for a in stored(corpus_path)] == ["Co."]


def test_double_click_on_chinese_selects_a_word(qtbot, long_window):
    long_window.open_article(2)
    pane = long_window.pane
    text = pane.text
    at = text.index("南海区") + 1
    qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=_point_at(pane, at))
    s, e = pane.selection_codepoints()
    assert text[s:e] == "南海区"
    at = text.index("集团")
    qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=_point_at(pane, at))
    s, e = pane.selection_codepoints()
    assert text[s:e] == "集团"


def test_chinese_selections_snap_to_the_same_words(qtbot, long_window, tmp_path):
    long_window.open_article(2)
    pane = long_window.pane
    text = pane.text
    start = text.index("南海区")
    _select(pane, start + 1, start + 5)  # 海区桂城 cuts two words
    press(qtbot, pane, K.Key_1)
    assert long_window.editor.selected.text == "南海区桂城"


def test_double_click_keeps_an_abbreviations_period(qtbot, window):
    pane = window.pane
    at = pane.text.index("Ltd.") + 1
    qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=_point_at(pane, at))
    s, e = pane.selection_codepoints()
    assert pane.text[s:e] == "Ltd."


def test_toggling_snapping_says_so_and_the_palette_shows_it(qtbot, window):
    button = window.label_palette.snap_button
    assert button is not None and button.isChecked() and button.isVisibleTo(window)
    press(qtbot, window.pane, K.Key_W, M.ControlModifier | M.ShiftModifier)
    assert not window.editor.snap_to_words and not button.isChecked()
    assert "Snapping off" in window.status.currentMessage()
    press(qtbot, window.pane, K.Key_W, M.ControlModifier | M.ShiftModifier)
    assert window.editor.snap_to_words and button.isChecked()
    assert "Snapping on" in window.status.currentMessage()


def test_a_drag_overshooting_into_the_next_word_snaps_back(qtbot, window, corpus_path):
    from tests.ui.test_mouse_labelling import drag

    text = window.pane.text
    start = text.index("Midea Group")
    drag(qtbot, window.pane, start, start + len("Midea Group a"))  # one letter into "and"
    press(qtbot, window.pane, K.Key_2)
    assert [a.text for a in stored(corpus_path)] == ["Midea Group"]


def test_snapping_off_is_remembered_quietly(qtbot, controller, corpus_path, settings):
    from annotator.ui import settings as keys

    keys.SNAP_TO_WORDS.write(settings, False)
    w = controller.open(corpus_path)
    qtbot.addWidget(w)
    try:
        assert not w.editor.snap_to_words and not w.window_actions.snap.isChecked()
        assert not w.label_palette.snap_button.isChecked()
        assert "Snapping" not in w.status.currentMessage()
    finally:
        close_window(w)
