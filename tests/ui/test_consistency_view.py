"""The Consistency dock: conflicts made consistent in one undoable step; missed mentions accepted or rejected."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.core.model import Annotation
from annotator.store import open_corpus
from tests.app_helpers import ARTICLE, close_window, press, second_connection, stored

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
LOC, COM = 1, 2
FOSHAN = [i for i in range(len(ARTICLE)) if ARTICLE.startswith("Foshan", i)]


@pytest.fixture
def labelled(qtbot, controller, corpus_path):
    """Foshan labelled Location twice and Company once; its fourth occurrence and Shenzhen unlabelled."""
    with open_corpus(corpus_path) as corpus:
        corpus.annotations.add_many(
            [Annotation(None, 1, LOC, FOSHAN[0], FOSHAN[0] + 6, "Foshan", "mei"),
             Annotation(None, 1, LOC, FOSHAN[1], FOSHAN[1] + 6, "Foshan", "mei"),
             Annotation(None, 1, COM, FOSHAN[2], FOSHAN[2] + 6, "Foshan", "li"),
             Annotation(None, 2, LOC, 14, 22, "Shenzhen", "li")]
        )
    w = controller.open(corpus_path)
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.pane.setFocus()
    yield w
    close_window(w)


def settle(qtbot, w):
    """Wait for the consistency scan the last step started (it runs in the background)."""
    qtbot.waitUntil(lambda: not w.consistency.busy, timeout=30_000)
    if w.consistency.dock.isVisible():
        qtbot.waitExposed(w.consistency.dock)  # shown and laid out before the test clicks in it


def _click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _click_row(qtbot, table, row, modifier=Qt.KeyboardModifier.NoModifier):
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_make_consistent_and_undo_in_one_step(qtbot, labelled, corpus_path):
    w = labelled
    press(qtbot, w.pane, Qt.Key.Key_C, CTRL_SHIFT)
    settle(qtbot, w)
    dock = w.consistency.dock
    assert dock.isVisible() and dock.tabs.currentIndex() == 0
    assert QApplication.focusWidget() is dock.conflict_table
    model = dock.conflicts
    assert model.rowCount() == 1
    assert [model.data(model.index(0, c)) for c in range(3)] == ["Foshan", 3, "Location 2 · Company 1"]
    assert dock.label_choice.currentText() == "Location"  # the majority is proposed
    dock.label_choice.setFocus()
    press(qtbot, dock.label_choice, Qt.Key.Key_Down)  # choose Company instead
    assert dock.label_choice.currentText() == "Company"
    _click(qtbot, dock.make_consistent)
    settle(qtbot, w)
    assert sorted(a.label_id for a in stored(corpus_path) if a.text == "Foshan") == [COM, COM, COM]
    assert model.rowCount() == 0 and dock.conflict_summary.text() == "Every text carries one label."
    # the open article's list shows the new labels
    labels = {
        w.annotations.annotation(r).start: w.annotations.annotation(r).label_id for r in range(w.annotations.rowCount())
    }
    assert labels[FOSHAN[0]] == COM
    assert w.undo_stack.count() == 1
    press(qtbot, dock.conflict_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, w)
    assert sorted(a.label_id for a in stored(corpus_path) if a.text == "Foshan") == [LOC, LOC, COM]
    assert model.rowCount() == 1
    press(qtbot, dock.conflict_table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, w)
    assert sorted(a.label_id for a in stored(corpus_path) if a.text == "Foshan") == [COM, COM, COM]


def test_accept_a_missed_mention_and_undo(qtbot, labelled, corpus_path):
    w = labelled
    press(qtbot, w.pane, Qt.Key.Key_M, CTRL_SHIFT)
    settle(qtbot, w)
    dock = w.consistency.dock
    assert dock.tabs.currentIndex() == 1
    missed = dock.missed
    assert [(m.article_id, m.start, m.text, m.label_id) for m in missed.mentions()] == [(1, FOSHAN[3], "Foshan", LOC)]
    assert not dock.accept.isEnabled()
    _click_row(qtbot, dock.missed_table, 0)
    assert dock.accept.isEnabled()
    _click(qtbot, dock.accept)
    settle(qtbot, w)
    assert (FOSHAN[3], LOC, "tester") in {(a.start, a.label_id, a.annotator) for a in stored(corpus_path)}
    assert missed.rowCount() == 0
    w.undo_stack.undo()
    settle(qtbot, w)
    assert FOSHAN[3] not in {a.start for a in stored(corpus_path)}
    assert missed.rowCount() == 1


def test_reject_all_is_remembered_and_undone(qtbot, labelled, corpus_path):
    w = labelled
    w.window_actions.missed_mentions.trigger()
    settle(qtbot, w)
    dock = w.consistency.dock
    with second_connection(corpus_path) as corpus:  # a second mention, in the other article
        corpus.articles.add("Third", "Foshan and Shenzhen again.")
    _click(qtbot, dock.refresh)
    settle(qtbot, w)
    assert dock.missed.rowCount() == 3
    _click(qtbot, dock.reject_all)
    settle(qtbot, w)
    assert dock.missed.rowCount() == 0
    _click(qtbot, dock.refresh)
    settle(qtbot, w)
    assert dock.missed.rowCount() == 0  # rejections are kept in the corpus
    with second_connection(corpus_path) as corpus:
        assert corpus.annotations.count() == 4  # nothing labelled
    press(qtbot, dock.missed_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, w)
    assert dock.missed.rowCount() == 3


def test_accept_selected_rows_and_open_one_in_its_article(qtbot, labelled, corpus_path):
    w = labelled
    with second_connection(corpus_path) as corpus:
        corpus.articles.add("Third", "Foshan and Shenzhen again.")
    w.window_actions.missed_mentions.trigger()
    settle(qtbot, w)
    dock = w.consistency.dock
    _click(qtbot, dock.refresh)
    settle(qtbot, w)
    assert [m.text for m in dock.missed.mentions()] == ["Foshan", "Foshan", "Shenzhen"]
    _click_row(qtbot, dock.missed_table, 1)
    _click_row(qtbot, dock.missed_table, 2, Qt.KeyboardModifier.ControlModifier)
    _click(qtbot, dock.accept)
    settle(qtbot, w)
    assert [m.start for m in dock.missed.mentions()] == [FOSHAN[3]]
    with second_connection(corpus_path) as corpus:
        assert [(a.text, a.label_id) for a in corpus.annotations.for_article(3)] == [("Foshan", LOC), ("Shenzhen", LOC)]
    assert w.undo_stack.count() == 1  # both in one step
    dock.missed_table.setFocus()
    dock.missed_table.setCurrentIndex(dock.missed.index(0, 0))
    press(qtbot, dock.missed_table, Qt.Key.Key_Return)
    assert w.editor.article.id == 1 and w.pane.selection_codepoints() == (FOSHAN[3], FOSHAN[3] + 6)


def test_edits_elsewhere_mark_the_lists_stale(qtbot, labelled):
    w = labelled
    w.window_actions.consistency.trigger()
    settle(qtbot, w)
    dock = w.consistency.dock
    assert dock.stale.text() == ""
    w.pane.select_codepoints(0, 4)
    press(qtbot, w.pane, Qt.Key.Key_2)
    assert "changed" in dock.stale.text()
    press(qtbot, dock.conflict_table, Qt.Key.Key_F5)
    settle(qtbot, w)
    assert dock.stale.text() == ""


def test_enter_on_a_conflict_lists_its_occurrences_in_the_review_table(qtbot, labelled):
    w = labelled
    press(qtbot, w.pane, Qt.Key.Key_C, CTRL_SHIFT)
    settle(qtbot, w)
    dock = w.consistency.dock
    dock.conflict_table.setFocus()
    press(qtbot, dock.conflict_table, Qt.Key.Key_Return)
    review = w.review.dock
    assert review.isVisible()
    qtbot.waitUntil(lambda: w.review.model.rowCount() == 3)
    texts = {w.review.model.index(r, 0).data(w.review.model.RowRole).text for r in range(3)}
    assert texts == {"Foshan"}
    assert review.filters.regex.isChecked() and review.filters.text.text() == "^Foshan$"


def test_a_tie_proposes_no_label(qtbot, controller, corpus_path):
    with open_corpus(corpus_path) as corpus:
        corpus.annotations.add_many(
            [Annotation(None, 1, LOC, FOSHAN[0], FOSHAN[0] + 6, "Foshan", "mei"),
             Annotation(None, 1, COM, FOSHAN[1], FOSHAN[1] + 6, "Foshan", "li")]
        )
    w = controller.open(corpus_path)
    qtbot.addWidget(w)
    try:
        w.consistency.show(0)
        settle(qtbot, w)
        dock = w.consistency.dock
        assert dock.conflicts.rowCount() == 1
        assert dock.label_choice.currentIndex() == -1 and not dock.make_consistent.isEnabled()
        dock.label_choice.setCurrentIndex(1)
        assert dock.make_consistent.isEnabled()
    finally:
        close_window(w)


def test_accept_all_asks_first_and_leaves_unopened_articles_new(qtbot, controller, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from annotator.core.model import Status

    path = tmp_path / "many.db"
    with open_corpus(path) as corpus:
        first = corpus.articles.add("Labelled", "Foshan is a city. Foshan grows.\n")
        first = getattr(first, "id", first)
        for i in range(12):
            corpus.articles.add(f"Other {i}", f"Foshan and Foshan again, number {i}.\n")
        corpus.annotations.add_many([Annotation(None, first, LOC, 0, 6, "Foshan", "mei")])
    w = controller.open(path, first)
    qtbot.addWidget(w)
    try:
        w.consistency.show(1)
        settle(qtbot, w)
        dock = w.consistency.dock
        assert dock.missed.rowCount() == 25
        seen = []

        def answer(button):
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox) and box.objectName() == "acceptMentionsQuestion"
            seen.append(box.text())
            box.button(button).click()

        QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Cancel))
        _click(qtbot, dock.accept_all)
        assert seen == ["Label 25 mentions in 13 articles?"]
        assert len(w.session.corpus.annotations.for_article(first)) == 1  # nothing was labelled
        QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
        _click(qtbot, dock.accept_all)
        settle(qtbot, w)
        assert len(seen) == 2
        with second_connection(path) as other:
            assert sum(len(other.annotations.for_article(i)) for i in range(1, 14)) == 26
            statuses = {other.articles.summary(i).status for i in range(2, 14)}
        assert statuses == {Status.NEW}  # never opened: still new
    finally:
        close_window(w)


def test_a_missed_mention_at_the_width_of_its_context_is_not_marked_as_cut(qtbot):
    """A mention CONTEXT characters into its article has all the text before it shown: no '…'
    (the consistency list marked it; the review list had the same off-by-one fixed)."""
    from annotator.store.consistency import CONTEXT, MissedMention
    from annotator.ui.consistency.models import MissedModel
    from annotator.ui.search.context import ContextRole

    model = MissedModel()
    before = "x" * CONTEXT
    at_width = MissedMention(1, "T", CONTEXT, CONTEXT + 6, "Foshan", "foshan", 1, before, " city")
    further = MissedMention(1, "T", CONTEXT + 1, CONTEXT + 7, "Foshan", "foshan", 1, before, " city")
    model.set_mentions([at_width, further])
    shown = [model.data(model.index(row, MissedModel.CONTEXT), ContextRole) for row in range(2)]
    assert shown == [(before, "Foshan", " city"), ("…" + before, "Foshan", " city")]
