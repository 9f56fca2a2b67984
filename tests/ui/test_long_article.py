"""A long article opens at once: spans are read as the reader reaches them and painted where visible."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import Annotation
from annotator.store import open_corpus
from annotator.ui.widgets.text_pane import EAGER
from tests.app_helpers import close_window, press

PARAGRAPH = "Foshan and Guangzhou signed a plan with Midea Group for the western bank corridor.\n\n"


@pytest.fixture
def long_window(qtbot, controller, tmp_path):
    text = PARAGRAPH * 4000  # about 340,000 characters
    path = tmp_path / "long.db"
    with open_corpus(path) as corpus:
        article = corpus.articles.add("Long", text)
        spans = []
        for i in range(0, len(text), len(PARAGRAPH)):
            spans.append(Annotation(None, article.id, 1, i, i + 6, "Foshan", "seed"))
            m = i + PARAGRAPH.index("Midea Group")
            spans.append(Annotation(None, article.id, 2, m, m + 11, "Midea Group", "seed"))
        corpus.annotations.add_many(spans)
    w = controller.open(path)
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    yield w, text, len(spans)
    close_window(w)


def test_opens_with_the_first_part_and_reads_the_rest_when_idle(qtbot, long_window):
    w, text, total = long_window
    pane = w.pane
    assert not pane.fully_loaded and pane.loaded_upto >= EAGER
    upto = pane.loaded_upto
    loaded = pane.index.annotations()
    assert all(a.start < upto for a in loaded) and len(loaded) < total
    expected = sum(
        1 for i in range(0, len(text), len(PARAGRAPH)) for off in (0, PARAGRAPH.index("Midea")) if i + off < upto
    )
    assert len(loaded) == expected
    first = pane.document().firstBlock().layout().formats()
    assert [(r.start, r.length) for r in first] == [(0, 6), (PARAGRAPH.index("Midea"), 11)]
    qtbot.waitUntil(lambda: pane.fully_loaded, timeout=10_000)
    assert len(pane.index) == total and w.annotations.rowCount() == total


def test_jumping_to_the_end_paints_spans_there_at_once(qtbot, long_window):
    w, text, total = long_window
    pane = w.pane
    pane.moveCursor(pane.textCursor().MoveOperation.End)
    pane.ensureCursorVisible()
    last = pane.document().lastBlock().previous().previous()  # the last paragraph with text
    assert pane.painter.is_painted(last.blockNumber())
    assert [(r.start, r.length) for r in last.layout().formats()] == [(0, 6), (PARAGRAPH.index("Midea"), 11)]


def test_labelling_while_spans_are_still_loading_makes_no_duplicates(qtbot, long_window):
    w, text, total = long_window
    pane = w.pane
    s = len(text) - len(PARAGRAPH) + PARAGRAPH.index("Guangzhou")
    pane.select_codepoints(s, s + len("Guangzhou"))
    press(qtbot, pane, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: pane.fully_loaded, timeout=10_000)
    ids = [a.id for a in w.annotations.annotations()]
    assert len(ids) == len(set(ids)) == total + 1
    assert sum(a.text == "Guangzhou" for a in w.annotations.annotations()) == 1
