"""The Statistics dock shows the corpus's figures and follows edits."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.model import Annotation, Status
from annotator.store import open_corpus
from tests.app_helpers import ARTICLE, close_window, press

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _table(model):
    return [tuple(model.data(model.index(r, c)) for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_statistics_numbers_and_live_update(qtbot, controller, corpus_path):
    foshan = [i for i in range(len(ARTICLE)) if ARTICLE.startswith("Foshan", i)]
    with open_corpus(corpus_path, user="tester") as corpus:  # the window's analyst
        corpus.annotations.add_many(
            [Annotation(None, 1, 1, s, s + 6, "Foshan", "tester") for s in foshan[:3]]
            + [
                Annotation(
                    None, 1, 2, ARTICLE.index("Midea Group"), ARTICLE.index("Midea Group") + 11, "Midea Group", "li"
                ),
                Annotation(None, 2, 1, 0, 9, "Guangzhou", "li"),
            ]
        )
        corpus.articles.set_status(2, Status.DONE)
    w = controller.open(corpus_path)
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.pane.setFocus()
    try:
        press(qtbot, w.pane, Qt.Key.Key_T, CTRL_SHIFT)
        stats = w.stats
        assert stats.isVisible()
        assert stats.chart.bars() == [
            ("Location", 4, "#2e86de"),
            ("Company", 1, "#e67e22"),
            ("Policy term", 0, "#27ae60"),
        ]
        assert stats.progress.value() == 1 and stats.progress.maximum() == 2
        assert stats.progress_text.text() == "1 of 2 articles done"
        assert stats.total.text() == "5 annotations in all"
        assert _table(stats.statuses) == [("New", "0"), ("In progress", "1"), ("Done", "1")]
        assert _table(stats.annotators) == [("li", "2"), ("tester", "3")][::-1]
        assert _table(stats.frequent) == [
            ("Location", "Foshan", "3"),
            ("Location", "Guangzhou", "1"),
            ("Company", "Midea Group", "1"),
        ]
        # a label given in the text shows up once edits pause
        w.open_article(1)
        s = ARTICLE.index("Shunde District")
        w.pane.select_codepoints(s, s + len("Shunde District"))
        press(qtbot, w.pane, Qt.Key.Key_3)
        qtbot.waitUntil(lambda: stats.chart.bars()[2][1] == 1, timeout=3000)
        assert stats.total.text() == "6 annotations in all"
    finally:
        close_window(w)


def test_new_actions_are_in_the_menu_and_the_shortcut_list(qtbot, window):
    rows = dict(window.show_shortcuts().shortcut_rows())
    assert rows["Search corpus"] == "Ctrl+Shift+F"
    assert rows["Consistency: conflicting labels"] == "Ctrl+Shift+C"
    assert rows["Missed mentions"] == "Ctrl+Shift+M"
    assert rows["Statistics"] == "Ctrl+Shift+T"
    assert rows["Refresh the consistency lists"] == "F5"
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    names = [a.text() for a in view.actions()]
    assert {"&Search corpus…", "&Consistency: conflicting labels", "&Missed mentions", "S&tatistics"} <= set(names)
    acts = window.window_actions
    for action in (acts.search_corpus, acts.consistency, acts.missed_mentions, acts.statistics):
        assert action.toolTip()
    keys = [k for a in window.window_actions.all() for k in a.shortcuts()]
    assert len(keys) == len(set(k.toString() for k in keys))  # no key does two things
