"""Suggestions in the window: dashed outlines from the dictionary of labels and the trained model,
walked with Tab, accepted with Enter or a label key, rejected with X, all undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.store import open_corpus
from annotator.store.layers import rejected_places
from tests.app_helpers import ARTICLE, close_window, press, stored

K = Qt.Key
M = Qt.KeyboardModifier


def _label_first_foshan(qtbot, window):
    start = ARTICLE.index("Foshan")
    window.pane.select_codepoints(start, start + len("Foshan"))
    press(qtbot, window.pane, K.Key_1)
    window.suggestions.wait_ready()
    window.pane.setFocus()


def test_one_label_suggests_the_other_occurrences_as_dashed_outlines(qtbot, window):
    assert window.suggestions.items == []
    _label_first_foshan(qtbot, window)
    s = window.suggestions
    texts = [ARTICLE[x.start : x.end] for x in s.items]
    assert texts == ["Foshan", "Foshan", "Foshan"] and {x.source for x in s.items} == {"dictionary"}
    assert len(window.suggestions.overlay.items) == 3 and len(window.suggestions.overlay.visible()) == 3
    assert len(stored(window.session.corpus.path)) == 1  # suggestions are never stored


def test_tab_enter_accepts_and_moves_on(qtbot, window, corpus_path):
    _label_first_foshan(qtbot, window)
    press(qtbot, window.pane, K.Key_Tab)
    first = window.suggestions.selected
    assert first is not None and window.pane.hasFocus()  # Tab did not move the focus away
    press(qtbot, window.pane, K.Key_Return)
    spans = stored(corpus_path)
    assert [(a.start, a.end, a.label_id) for a in spans][-1] == (first.start, first.end, 1)
    assert len(window.suggestions.items) == 2 and window.suggestions.selected is not None
    press(qtbot, window.pane, K.Key_Tab, M.ShiftModifier)
    press(qtbot, window.pane, K.Key_2)  # a label key accepts with that label
    assert sorted(a.label_id for a in stored(corpus_path)) == [1, 1, 2]
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert len(stored(corpus_path)) == 1


def test_x_rejects_and_the_place_is_not_offered_again(qtbot, window, corpus_path):
    _label_first_foshan(qtbot, window)
    press(qtbot, window.pane, K.Key_Tab)
    rejected = window.suggestions.selected
    press(qtbot, window.pane, K.Key_X)
    assert len(window.suggestions.items) == 2 and len(stored(corpus_path)) == 1
    with open_corpus(corpus_path) as other:  # what another process reads
        assert rejected_places(other, 1) == {(rejected.start, rejected.end, "foshan")}
    window.open_article(2)
    window.open_article(1)
    window.suggestions.wait_ready()
    assert rejected.start not in [x.start for x in window.suggestions.items]
    window.undo_stack.undo()  # the rejection is undoable too
    assert rejected.start in [x.start for x in window.suggestions.items]


def test_accept_all_is_one_undoable_step(qtbot, window, corpus_path):
    _label_first_foshan(qtbot, window)
    window.suggestions.actions.accept_all.trigger()
    assert len(stored(corpus_path)) == 4 and window.suggestions.items == []
    assert window.undo_stack.undoText() == "Accept 3 suggestions"
    window.undo_stack.undo()
    assert len(stored(corpus_path)) == 1 and len(window.suggestions.items) == 3


def test_show_suggestions_turns_them_off_and_keys_fall_through(qtbot, window):
    _label_first_foshan(qtbot, window)
    window.suggestions.actions.show.setChecked(False)
    assert window.suggestions.items == [] and not window.suggestions.actions.next.isEnabled()
    window.suggestions.actions.show.setChecked(True)
    assert len(window.suggestions.items) == 3


def test_hover_names_source_and_confidence(qtbot, window):
    _label_first_foshan(qtbot, window)
    tip = window.suggestions.tooltip(window.suggestions.items[0])
    assert "Location" in tip and "dictionary of labelled texts" in tip and "100% sure" in tip


def test_a_trained_model_suggests_too_and_the_status_bar_shows_its_f1(qtbot, controller, tmp_path):
    from annotator.suggest.training import TrainOptions, train_model
    from annotator.ui.suggest.trainer import model_folder
    from benchmarks.labelled_news import build_corpus

    path = tmp_path / "news.db"
    with build_corpus(path, 30, 5, annotator="tester") as corpus:
        train_model(
            corpus, TrainOptions(annotator="tester", iterations=40, clusters=False), model_folder(path, "tester")
        )
    window = controller.open(path)
    qtbot.addWidget(window)
    try:
        window.open_article(33)
        s = window.suggestions
        s.wait_ready()
        assert s.status.text().startswith("Model F1 0.")
        assert any("model" in x.source for x in s.items) and len(s.items) > 10
        model = next(x for x in s.items if x.source == "model")
        assert "the trained model" in s.tooltip(model) and "% sure" in s.tooltip(model)
    finally:
        close_window(window)


def test_retraining_runs_in_a_separate_process_after_finished_articles(qtbot, controller, tmp_path):
    from annotator.ui.suggest.trainer import model_folder
    from benchmarks.labelled_news import build_corpus

    path = tmp_path / "news.db"
    build_corpus(path, 12, 3, annotator="tester").close()
    window = controller.open(path)
    qtbot.addWidget(window)
    try:
        s = window.suggestions
        window.open_article(13)
        with qtbot.waitSignal(s.trainer.finished, timeout=120_000):
            window.window_actions.done_next.trigger()  # a newly finished article starts a training
            assert s.status.text() == "Model: training…"
        assert (model_folder(path, "tester") / "manifest.json").is_file()
        assert s.status.text().startswith("Model F1")
    finally:
        close_window(window)


def test_suggestions_after_emoji_and_astral_characters_outline_the_right_text(qtbot, controller, tmp_path):
    from annotator.core.model import Annotation

    text = "👨‍👩‍👧 𠮷野家 opened near Foshan. 🇨🇳 Foshan grew; 佛山市 too.\n"
    path = tmp_path / "emoji.db"
    with open_corpus(path) as corpus:
        corpus.articles.add("emoji", text)
        s = text.index("Foshan")
        corpus.annotations.add(Annotation(None, 1, 1, s, s + 6, "Foshan", "tester"))
    window = controller.open(path)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    window.activateWindow()
    try:
        window.open_article(1)
        sug = window.suggestions
        sug.wait_ready()
        [only] = sug.items
        assert text[only.start : only.end] == "Foshan" and only.start == text.rindex("Foshan")
        to16 = window.pane.offsets.to_utf16
        cursor = window.pane.textCursor()
        cursor.setPosition(to16(only.start))
        cursor.setPosition(to16(only.end), cursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == "Foshan"  # the Qt range the outline is drawn around
        window.activateWindow()
        window.pane.setFocus()
        qtbot.waitUntil(window.pane.hasFocus)
        press(qtbot, window.pane, K.Key_Tab)
        press(qtbot, window.pane, K.Key_Return)
        assert [(a.start, a.text) for a in stored(path)][-1] == (only.start, "Foshan")
    finally:
        close_window(window)


def test_a_click_on_an_outline_selects_that_suggestion(qtbot, window):
    _label_first_foshan(qtbot, window)
    s = window.suggestions
    target = s.items[1]
    window.pane.place_caret(target.start + 2)
    s._clicked(window.pane.cursorRect().center())
    assert s.selected == target


def test_next_article_can_take_the_one_the_model_is_least_sure_about(qtbot, controller, tmp_path):
    import json

    from annotator.ui.suggest.trainer import model_folder
    from benchmarks.labelled_news import build_corpus

    path = tmp_path / "news.db"
    build_corpus(path, 10, 6, annotator="tester").close()
    folder = model_folder(path, "tester")
    window = controller.open(path)
    qtbot.addWidget(window)
    try:
        from annotator.suggest.training import TrainOptions, train_model

        train_model(
            window.session.corpus, TrainOptions(annotator="tester", iterations=20, clusters=False, rank=50), folder
        )
        ranking = json.loads((folder / "ranking.json").read_text())
        assert sorted(ranking) == list(range(11, 17))
        window.suggestions._load_model()
        window.open_article(1)
        window.suggestions.actions.least_sure.setChecked(True)
        window.window_actions.next_article.trigger()
        assert window.editor.article.id == ranking[0]
        window.window_actions.next_article.trigger()
        assert window.editor.article.id == ranking[1] if ranking[0] != ranking[1] else True
        window.suggestions.actions.least_sure.setChecked(False)
        window.open_article(1)
        window.window_actions.next_article.trigger()
        assert window.editor.article.id == 2  # the list order again
    finally:
        close_window(window)


def test_closing_the_window_stops_a_training_and_leaves_no_model_half_written(qtbot, controller, tmp_path):
    from annotator.ui.suggest.trainer import model_folder
    from benchmarks.labelled_news import build_corpus

    path = tmp_path / "news.db"
    build_corpus(path, 40, 400, annotator="tester").close()
    window = controller.open(path)
    qtbot.addWidget(window)
    trainer = window.suggestions.trainer
    assert window.suggestions.train(force=True) and trainer.running
    process = trainer._process
    folder = model_folder(path, "tester")
    # closed while the model is being built in its unfinished folder
    qtbot.waitUntil(lambda: folder.parent.exists() and any(folder.parent.glob(".*")), timeout=60_000)
    close_window(window)
    assert not trainer.running and process.state() == process.ProcessState.NotRunning
    assert not folder.exists() or (folder / "manifest.json").is_file()
    leftovers = list(folder.parent.glob(".*")) if folder.parent.exists() else []
    assert leftovers == []  # no unfinished model folder left behind


def test_the_right_click_menu_of_a_suggestion_accepts_with_any_label_or_rejects(qtbot, window, corpus_path):
    _label_first_foshan(qtbot, window)
    s = window.suggestions
    s.selected = s.items[0]
    menu = s.context_menu()
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "Accept as Location" and "Accept as" in texts and "&Reject suggestion" in texts
    other = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in other.actions() if a.text() == "Company").trigger()
    assert sorted(a.label_id for a in stored(corpus_path)) == [1, 2]


def test_the_selected_suggestion_stays_when_the_article_is_shown_again(qtbot, window):
    _label_first_foshan(qtbot, window)
    s = window.suggestions
    chosen = s.step(1)
    window.editor.open_article(None)  # what the window does when another program changed the article
    window.open_article(1)
    s.wait_ready()
    assert s.selected == chosen and s.actions.accept.isEnabled()
    window.open_article(2)
    assert s.selected is None
