"""The Search dock: Ctrl+Shift+F, typing a query, hostile input, opening an article at a hit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.app_helpers import ARTICLE, press

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _search(qtbot, window, query: str):
    press(qtbot, window.pane, Qt.Key.Key_F, CTRL_SHIFT)
    dock = window.search.dock
    assert dock.isVisible() and QApplication.focusWidget() is dock.field
    dock.field.clear()
    if query:
        qtbot.keyClicks(dock.field, query)
    press(qtbot, dock.field, Qt.Key.Key_Return)
    return dock


def test_enter_opens_the_article_at_the_hit_selected(qtbot, window):
    window.open_article(2)
    dock = _search(qtbot, window, "foshan")
    model = dock.model
    starts = [i for i in range(len(ARTICLE)) if ARTICLE.startswith("Foshan", i)]
    assert [(model.hit(r).article_id, model.hit(r).start) for r in range(model.rowCount())] == [(1, s) for s in starts]
    assert dock.summary.text() == "1 article, 4 hits shown."
    press(qtbot, dock.field, Qt.Key.Key_Down)  # into the results
    assert QApplication.focusWidget() is dock.table
    press(qtbot, dock.table, Qt.Key.Key_Down)
    press(qtbot, dock.table, Qt.Key.Key_Return)
    assert window.editor.article.id == 1
    assert window.pane.selection_codepoints() == (starts[1], starts[1] + 6)
    assert QApplication.focusWidget() is window.pane
    # the selection is ready to label: press 1
    press(qtbot, window.pane, Qt.Key.Key_1)
    assert [(a.start, a.text) for a in window.session.corpus.annotations.for_article(1)] == [(starts[1], "Foshan")]


def test_double_click_opens_a_phrase_hit(qtbot, window):
    dock = _search(qtbot, window, '"Guangzhou and Shenzhen"')
    assert dock.model.rowCount() == 1
    rect = dock.table.visualRect(dock.model.index(0, 1))
    qtbot.mouseClick(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.article.id == 2
    assert window.pane.selection_codepoints() == (0, len("Guangzhou and Shenzhen"))


@pytest.mark.parametrize(
    "query, summary",
    [
        ('"', "Type a word to search for. No matches."),
        ("(", "Type a word to search for. No matches."),
        ("*", "Type a word to search for. No matches."),
        ("AND", "AND needs a word on each side; searched for AND instead. 2 articles, 3 hits shown."),
        ("NEAR(", "A '(' is not closed; searched for NEAR instead. No matches."),
        ("a OR", "OR needs a word on each side; searched for a instead. 2 articles, 3 hits shown."),
        ("Guang*", "2 articles, 2 hits shown."),
        ("Foshan NOT Midea", "No matches."),
    ],
)
def test_hostile_queries_answer_with_a_message(qtbot, window, query, summary):
    dock = _search(qtbot, window, query)
    assert dock.summary.text() == summary
    assert window.isVisible()


def test_empty_query_clears_and_typing_searches_after_a_pause(qtbot, window):
    dock = _search(qtbot, window, "Midea")
    assert dock.model.rowCount() == 1
    dock.field.clear()
    press(qtbot, dock.field, Qt.Key.Key_Return)
    assert dock.model.rowCount() == 0 and dock.summary.text().startswith("Type words to search")
    qtbot.keyClicks(dock.field, "Shenzhen")  # no Enter: the search runs once typing pauses
    qtbot.waitUntil(lambda: dock.model.rowCount() == 1, timeout=3000)


def test_new_articles_are_found_after_an_import(qtbot, window):
    dock = _search(qtbot, window, "Heshan")
    assert dock.model.rowCount() == 0
    window.session.corpus.articles.add("Heshan", "Heshan opens a logistics hub.")
    window.session.articles_imported.emit()
    assert dock.model.rowCount() == 1


def test_search_further_goes_on_where_a_page_stopped(qtbot, window, monkeypatch):
    from annotator.ui.search import model as search_model

    monkeypatch.setattr(search_model, "BUDGET", 1)  # one candidate article per page
    corpus = window.session.corpus
    corpus.articles.add("Reporter", "A reporter wrote it.")  # holds "port", but not the word
    corpus.articles.add("Port", "The port reopened.")
    dock = _search(qtbot, window, "port")
    assert dock.model.rowCount() == 0 and dock.further.isEnabled()
    assert dock.summary.text() == "No matches so far; more when you scroll or press Search further"
    qtbot.mouseClick(dock.further, Qt.MouseButton.LeftButton)
    assert [dock.model.hit(r).article_id for r in range(dock.model.rowCount())] == [4]
    assert not dock.further.isEnabled() and dock.summary.text() == "1 article, 1 hit shown."


def test_the_index_catches_up_in_idle_steps_after_an_import(qtbot, window, tmp_path, monkeypatch):
    from annotator.store.search import unindexed_count
    from annotator.ui.search import indexer

    corpus = window.session.corpus
    qtbot.waitUntil(lambda: unindexed_count(corpus.db) == 0)
    monkeypatch.setattr(indexer, "STEP_ARTICLES", 2)  # several steps
    for i in range(5):
        corpus.articles.add(f"Later {i}", f"Jiangmen freight note {i}.")
    assert unindexed_count(corpus.db) == 5
    steps = []
    window.search.indexer.finished.connect(lambda: steps.append("done"))
    window.session.articles_imported.emit()
    assert window.search.indexer.running  # the import's signal only starts it, in the background
    qtbot.waitUntil(lambda: steps == ["done"])
    assert unindexed_count(corpus.db) == 0


def test_an_in_memory_corpus_is_indexed_in_steps_on_the_event_loop(qtbot, monkeypatch):
    from annotator.store import open_corpus
    from annotator.store.search import unindexed_count
    from annotator.ui.search import indexer

    monkeypatch.setattr(indexer, "STEP_ARTICLES", 2)
    corpus = open_corpus(None)
    for i in range(5):
        corpus.articles.add(f"T{i}", f"Heshan rail {i}.")
    job = indexer.SearchIndexer(corpus)
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.start()
        assert job.running and unindexed_count(corpus.db) == 5  # nothing done before the event loop runs
    assert unindexed_count(corpus.db) == 0
    job.stop()
    corpus.close()


def test_each_hit_shows_how_it_is_labelled(qtbot, window):
    starts = [i for i in range(len(ARTICLE)) if ARTICLE.startswith("Foshan", i)]
    window.pane.select_codepoints(starts[0], starts[0] + 6)
    window.editor.apply_label(1)
    s = ARTICLE.index("Shunde District lies in Foshan")
    window.pane.select_codepoints(s, s + len("Shunde District lies in Foshan"))
    window.editor.apply_label(3)
    dock = _search(qtbot, window, "foshan")
    model = dock.model
    col = model.LABELLED
    assert model.headerData(col, Qt.Orientation.Horizontal) == "Labelled"
    shown = [model.index(r, col).data() for r in range(model.rowCount())]
    assert shown == ["Location", "—", "—", "in Policy term"]
    from annotator.ui.search.context import ColourRole

    assert model.index(0, model.CONTEXT).data(ColourRole) == window.session.label(1).colour
    # labelling a hit while the results are open shows at once
    window.pane.select_codepoints(starts[1], starts[1] + 6)
    window.editor.apply_label(2)
    assert model.index(1, col).data() == "Company"
