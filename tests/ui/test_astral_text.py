"""Qt counts UTF-16 units and joins paragraphs with U+2029; the corpus counts code points over LF.
A user selecting text among emoji, CJK extension B, combining marks and flags labels exactly that text."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from annotator.formats.export import export_corpus
from annotator.store import open_corpus
from tests.app_helpers import close_window, press, stored

TEXT = (
    "👨🏻‍🚒 firemen drive firetrucks 🚒\n"
    "𠀋𠀌 Guangzhou 𡈽 is near 🇨🇳 Foshan\n"
    "Cafe\u0301 Zoë and naïve Shēnzhèn 😀😀 end\n"
)
WORDS = ["firetrucks", "𠀋𠀌", "Guangzhou", "𡈽", "🇨🇳", "Foshan", "Cafe\u0301", "Shēnzhèn", "😀😀", "end"]


@pytest.fixture
def astral_window(qtbot, controller, tmp_path):
    path = tmp_path / "astral.db"
    with open_corpus(path) as corpus:
        corpus.articles.add("Astral", TEXT)
    w = controller.open(path)
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    w.activateWindow()
    yield w, path
    close_window(w)


def test_document_positions_match_utf16(astral_window):
    w, _ = astral_window
    doc = w.pane.document()
    assert doc.characterCount() - 1 == len(TEXT.encode("utf-16-le")) // 2
    assert w.pane.toPlainText() == TEXT


@pytest.mark.parametrize("word", WORDS)
def test_selecting_by_qt_cursor_labels_exactly_that_text(qtbot, astral_window, word):
    w, path = astral_window
    w.window_actions.snap.setChecked(False)
    cp = TEXT.index(word)
    u16 = len(TEXT[:cp].encode("utf-16-le")) // 2
    cur = QTextCursor(w.pane.document())
    cur.setPosition(u16)
    cur.setPosition(u16 + len(word.encode("utf-16-le")) // 2, QTextCursor.MoveMode.KeepAnchor)
    assert cur.selectedText() == word
    w.pane.setTextCursor(cur)
    press(qtbot, w.pane, Qt.Key.Key_1)
    [a] = stored(path)
    assert (a.start, a.end, a.text) == (cp, cp + len(word), word)
    assert TEXT[a.start : a.end] == word


def test_keyboard_selection_over_astral_characters_and_paragraphs(qtbot, astral_window):
    w, path = astral_window
    pane = w.pane
    start = TEXT.index("𠀋")
    pane.place_caret(start)
    # Shift+Right moves by grapheme: two ideographs, then the space is trimmed away.
    press(qtbot, pane, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier, times=3)
    press(qtbot, pane, Qt.Key.Key_2)
    [a] = stored(path)
    assert a.text == "𠀋𠀌"
    # A selection across a paragraph break: Qt shows U+2029, the corpus keeps LF.
    s = TEXT.index("firetrucks")
    e = TEXT.index("Guangzhou") + len("Guangzhou")
    pane.select_codepoints(s, e)
    assert "\u2029" in pane.textCursor().selectedText()
    press(qtbot, pane, Qt.Key.Key_3)
    texts = sorted(a.text for a in stored(path))
    assert TEXT[s:e] in texts and "\n" in TEXT[s:e]


def test_a_selection_never_splits_a_flag_or_a_combining_mark(qtbot, astral_window):
    w, path = astral_window
    w.window_actions.snap.setChecked(False)
    flag = TEXT.index("🇨🇳")
    # Select only the second regional indicator (Qt would allow it via positions).
    w.pane.select_codepoints(flag + 1, flag + 2)
    press(qtbot, w.pane, Qt.Key.Key_1)
    e = TEXT.index("Cafe\u0301") + 4  # just before the combining acute
    w.pane.select_codepoints(e - 4, e)
    press(qtbot, w.pane, Qt.Key.Key_2)
    assert sorted(a.text for a in stored(path)) == sorted(["🇨🇳", "Cafe\u0301"])


def test_export_shows_the_labelled_text_at_its_offsets(qtbot, astral_window, tmp_path):
    w, path = astral_window
    w.window_actions.snap.setChecked(False)
    for word in WORDS:
        cp = TEXT.index(word)
        w.pane.select_codepoints(cp, cp + len(word))
        press(qtbot, w.pane, Qt.Key.Key_1)
    out = tmp_path / "out.jsonl"
    with open_corpus(path) as corpus:
        export_corpus(corpus, out, "jsonl")
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(s["text"] for s in record["spans"]) == sorted(WORDS)
    for span in record["spans"]:
        assert record["text"][span["start"] : span["end"]] == span["text"]
