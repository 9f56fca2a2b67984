"""The Review dock driven with real events: filters, sorting, jumping to a span, bulk edits and their undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionSlider

from annotator.core.model import Annotation
from annotator.store import open_corpus
from annotator.ui.review.model import PAGE, ReviewTableModel
from tests.app_helpers import ARTICLE, close_window, press, stored

K, M = Qt.Key, Qt.KeyboardModifier
CTRL = M.ControlModifier
SECOND = "Guangzhou and Shenzhen signed a plan.\n"
SPANS = [  # article, needle, occurrence, label, annotator
    (1, "Foshan", 0, 1, "alice"),
    (1, "Foshan", 1, 1, "alice"),
    (1, "Foshan", 2, 2, "bob"),
    (1, "Midea Group", 0, 2, "bob"),
    (1, "Kuka Robot (Guangdong) Co., Ltd.", 0, 2, "alice"),
    (2, "Guangzhou", 0, 1, "bob"),
    (2, "Shenzhen", 0, 1, "chen"),
]


def _span(article_id: int, needle: str, nth: int, label: int, who: str) -> Annotation:
    text = ARTICLE if article_id == 1 else SECOND
    s = -1
    for _ in range(nth + 1):
        s = text.index(needle, s + 1)
    return Annotation(None, article_id, label, s, s + len(needle), needle, who)


@pytest.fixture
def review_window(qtbot, controller, corpus_path):
    with open_corpus(corpus_path) as corpus:
        corpus.annotations.add_many([_span(*spec) for spec in SPANS])
    w = controller.open(corpus_path, 1)
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.pane.setFocus()
    press(qtbot, w.pane, K.Key_R, CTRL | M.ShiftModifier)
    yield w
    close_window(w)


def dock(w):
    return w.review.dock


def texts(w) -> list[str]:
    model = dock(w).model
    return [model.data(model.index(r, ReviewTableModel.TEXT)) for r in range(model.rowCount())]


def row_point(table, row: int, column: int = 0) -> QPoint:
    return table.visualRect(table.model().index(row, column)).center()


def click_row(qtbot, table, row: int, modifier=M.NoModifier) -> None:
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, row_point(table, row))


def click_header(qtbot, table, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def choose(qtbot, combo, text: str) -> None:
    """Pick an entry of a combo box with the keyboard, as a user tabbing through the filters would."""
    combo.setFocus()
    target = combo.findText(text)
    assert target >= 0, text
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, K.Key_Down if combo.currentIndex() < target else K.Key_Up)


def type_filter(qtbot, w, text: str) -> None:
    edit = dock(w).filters.text
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, K.Key_Return)


def test_shortcut_shows_every_annotation_and_menu_and_shortcut_list_have_it(qtbot, review_window):
    w = review_window
    assert dock(w).isVisible()
    assert QApplication.focusWidget() is dock(w).filters.text
    assert dock(w).count.text() == "All 7 annotations"
    assert sorted(texts(w)) == sorted(s[1] for s in SPANS)
    assert w.window_actions.menu_path(w.window_actions.review) == "View › Review annotations"
    rows = dict(w.show_shortcuts().shortcut_rows())
    assert rows["Review annotations"] == "Ctrl+Shift+R"
    assert rows["Review table: mark the selected rows reviewed / unmark them"] == "Ctrl+R / Ctrl+U"


def test_filters_combine_and_the_count_follows(qtbot, review_window):
    w = review_window
    filters = dock(w).filters
    type_filter(qtbot, w, "foshan")
    assert dock(w).count.text() == "3 matching annotations"
    choose(qtbot, filters.label, "Location")
    assert texts(w) == ["Foshan", "Foshan"]
    choose(qtbot, filters.annotator, "bob")
    assert texts(w) == [] and dock(w).count.text() == "0 matching annotations"
    choose(qtbot, filters.label, "Any label")
    assert texts(w) == ["Foshan"]
    filters.text.clear()
    qtbot.keyClick(filters.text, K.Key_Return)
    assert sorted(texts(w)) == ["Foshan", "Guangzhou", "Midea Group"]
    choose(qtbot, filters.status, "New")  # both articles have spans: both are in progress
    assert texts(w) == []
    choose(qtbot, filters.status, "In progress")
    assert len(texts(w)) == 3
    qtbot.mouseClick(filters.clear, Qt.MouseButton.LeftButton)
    assert dock(w).count.text() == "All 7 annotations"


def test_an_invalid_regular_expression_is_explained(qtbot, review_window):
    w = review_window
    filters = dock(w).filters
    qtbot.mouseClick(filters.regex, Qt.MouseButton.LeftButton)
    type_filter(qtbot, w, "(Fo")
    problem = dock(w).problem
    assert problem.isVisible()
    assert problem.text() == "Invalid regular expression: missing ), unterminated subpattern (at position 0)."
    assert len(texts(w)) == 7  # the last good filter still shows
    qtbot.keyClicks(filters.text, ")shan$")
    qtbot.keyClick(filters.text, K.Key_Return)
    assert not problem.isVisible()
    assert texts(w) == ["Foshan"] * 3
    assert dock(w).count.text() == "3 matching annotations"
    type_filter(qtbot, w, "^foshan$")  # case-sensitive unless (?i)
    assert texts(w) == []


def test_clicking_headers_sorts(qtbot, review_window):
    w = review_window
    table = dock(w).table
    click_header(qtbot, table, ReviewTableModel.TEXT)
    expected = sorted(s[1] for s in SPANS)
    assert texts(w) == expected
    click_header(qtbot, table, ReviewTableModel.TEXT)
    assert texts(w) == expected[::-1]
    click_header(qtbot, table, ReviewTableModel.ANNOTATOR)
    model = table.model()
    names = [model.data(model.index(r, ReviewTableModel.ANNOTATOR)) for r in range(model.rowCount())]
    assert names == sorted(names)
    click_header(qtbot, table, ReviewTableModel.TITLE)
    titles = [model.data(model.index(r, ReviewTableModel.TITLE)) for r in range(model.rowCount())]
    assert titles == ["Foshan visit"] * 5 + ["Second article"] * 2
    assert texts(w)[:2] == ["Kuka Robot (Guangdong) Co., Ltd.", "Foshan"]  # text order within an article


def test_double_click_and_enter_open_the_span_selected(qtbot, review_window):
    w = review_window
    table = dock(w).table
    click_header(qtbot, table, ReviewTableModel.TEXT)
    row = texts(w).index("Shenzhen")
    click_row(qtbot, table, row)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row_point(table, row))
    assert w.editor.article.id == 2
    assert w.editor.selected.text == "Shenzhen"
    assert QApplication.focusWidget() is w.pane
    table.setFocus()
    row = texts(w).index("Midea Group")
    click_row(qtbot, table, row)
    press(qtbot, table, K.Key_Return)
    assert w.editor.article.id == 1 and w.editor.selected.text == "Midea Group"


def test_bulk_relabel_is_one_undo_step_and_the_article_list_follows(qtbot, review_window, corpus_path):
    w = review_window
    table = dock(w).table
    type_filter(qtbot, w, "Foshan")
    click_row(qtbot, table, 0)
    click_row(qtbot, table, 2, M.ShiftModifier)
    assert dock(w).selected_count() == 3
    press(qtbot, table, K.Key_3)  # the Policy term hotkey relabels the selected rows
    assert {a.label_id for a in stored(corpus_path) if a.text == "Foshan"} == {3}
    assert {w.annotations.data(w.annotations.index(r, 1)) for r in range(w.annotations.rowCount())
            if w.annotations.annotation(r).text == "Foshan"} == {"Policy term"}
    qtbot.waitUntil(lambda: {table.model().data(table.model().index(r, ReviewTableModel.LABEL))
                             for r in range(3)} == {"Policy term"})
    assert w.undo_stack.undoText() == "Relabel 3 annotations as Policy term"
    press(qtbot, table, K.Key_Z, CTRL)
    assert sorted(a.label_id for a in stored(corpus_path) if a.text == "Foshan") == [1, 1, 2]
    qtbot.waitUntil(lambda: {table.model().data(table.model().index(r, ReviewTableModel.LABEL))
                             for r in range(3)} == {"Location", "Company"})
    press(qtbot, table, K.Key_Z, CTRL | M.ShiftModifier)  # redo
    assert {a.label_id for a in stored(corpus_path) if a.text == "Foshan"} == {3}


def test_relabel_from_the_button_menu(qtbot, review_window, corpus_path):
    w = review_window
    table = dock(w).table
    type_filter(qtbot, w, "Midea")
    click_row(qtbot, table, 0)
    dock(w).relabel_menu.actions()[0].trigger()  # Location
    assert [a.label_id for a in stored(corpus_path) if a.text == "Midea Group"] == [1]


def test_mark_reviewed_and_undo(qtbot, review_window, corpus_path):
    w = review_window
    table = dock(w).table
    table.setFocus()
    press(qtbot, table, K.Key_A, CTRL)
    press(qtbot, table, K.Key_R, CTRL)
    assert {a.reviewed_by for a in stored(corpus_path)} == {"tester"}
    qtbot.waitUntil(
        lambda: table.model().data(table.model().index(0, ReviewTableModel.REVIEWED)).startswith("✓ tester")
    )
    choose(qtbot, dock(w).filters.reviewed, "Not reviewed")
    assert texts(w) == []
    press(qtbot, table, K.Key_Z, CTRL)
    assert {a.reviewed_by for a in stored(corpus_path)} == {None}
    qtbot.waitUntil(lambda: len(texts(w)) == 7)
    table.setFocus()
    click_row(qtbot, table, 0)
    press(qtbot, table, K.Key_R, CTRL)
    press(qtbot, table, K.Key_U, CTRL)  # unmark is its own undoable step
    assert w.undo_stack.undoText() == "Unmark 1 annotation reviewed"
    assert {a.reviewed_by for a in stored(corpus_path)} == {None}


def test_delete_and_undo_keep_ids_and_reviews(qtbot, review_window, corpus_path):
    w = review_window
    table = dock(w).table
    type_filter(qtbot, w, "Foshan")
    click_row(qtbot, table, 0)
    press(qtbot, table, K.Key_R, CTRL)
    before = sorted(stored(corpus_path))
    click_row(qtbot, table, 0)
    click_row(qtbot, table, 1, M.ControlModifier)
    press(qtbot, table, K.Key_Delete)
    assert len([a for a in stored(corpus_path) if a.text == "Foshan"]) == 1
    qtbot.waitUntil(lambda: dock(w).count.text() == "1 matching annotation")
    assert len([a for a in w.annotations.annotations() if a.text == "Foshan"]) == 1
    press(qtbot, table, K.Key_Z, CTRL)
    assert sorted(stored(corpus_path)) == before
    qtbot.waitUntil(lambda: dock(w).count.text() == "3 matching annotations")


def test_labelling_in_the_article_shows_in_the_review(qtbot, review_window):
    w = review_window
    s = ARTICLE.index("Shunde District")
    w.pane.select_codepoints(s, s + len("Shunde District"))
    press(qtbot, w.pane, K.Key_1)
    qtbot.waitUntil(lambda: dock(w).count.text() == "All 8 annotations")
    assert "Shunde District" in texts(w)
    press(qtbot, w.pane, K.Key_Delete)
    qtbot.waitUntil(lambda: dock(w).count.text() == "All 7 annotations")


def test_many_rows_are_counted_in_the_background_and_read_a_page_at_a_time(qtbot, controller, tmp_path):
    path = tmp_path / "many.db"
    words = [f"w{i:04d}" for i in range(3 * PAGE + 17)]
    text = " ".join(words) + "\n"
    with open_corpus(path) as corpus:
        article = corpus.articles.add("Many", text)
        spans, at = [], 0
        for word in words:
            spans.append(Annotation(None, article.id, 1, at, at + len(word), word, "alice"))
            at += len(word) + 1
        corpus.annotations.add_many(spans)
    w = controller.open(path)
    qtbot.addWidget(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    press(qtbot, w.pane, K.Key_R, CTRL | M.ShiftModifier)
    model = dock(w).model
    qtbot.waitUntil(lambda: model.total == len(words))
    assert model.rowCount() == len(words)
    assert dock(w).count.text() == f"All {len(words):,} annotations"
    click_header(qtbot, dock(w).table, ReviewTableModel.TEXT)
    table = dock(w).table
    table.setFocus()
    click_row(qtbot, table, 0)
    press(qtbot, table, K.Key_End, CTRL)
    last = model.rowCount() - 1
    assert model.data(model.index(last, ReviewTableModel.TEXT)) == words[-1]
    assert model.data(model.index(PAGE + 1, ReviewTableModel.TEXT)) == words[PAGE + 1]
    # Dragging the scroll bar reads no page until the view comes to rest.
    model.reload()  # forget the pages read so far
    qtbot.waitUntil(lambda: not model.counting)
    bar = table.verticalScrollBar()
    opt = QStyleOptionSlider()
    bar.initStyleOption(opt)
    handle = bar.style().subControlRect(
        QStyle.ComplexControl.CC_ScrollBar, opt, QStyle.SubControl.SC_ScrollBarSlider, bar
    )
    press_at = handle.center()
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=press_at)
    assert model.dragging
    for y in range(press_at.y(), bar.height() // 2, 4 if press_at.y() < bar.height() // 2 else -4):
        qtbot.mouseMove(bar, QPoint(press_at.x(), y))
    middle = table.rowAt(table.viewport().height() // 2)
    assert model.data(model.index(middle, ReviewTableModel.TEXT)) is None  # not read while moving
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=QPoint(press_at.x(), bar.height() // 2))
    assert not model.dragging
    middle = table.rowAt(table.viewport().height() // 2)
    assert model.data(model.index(middle, ReviewTableModel.TEXT)) == words[middle]
    type_filter(qtbot, w, "w0")  # still more than a page: counted again in the background
    assert model.counting or model.total == len(words)
    qtbot.waitUntil(lambda: model.total == len(words))
    close_window(w)


def test_date_range_and_keyboard_from_the_filter_to_the_table(qtbot, review_window):
    w = review_window
    filters = dock(w).filters
    qtbot.mouseClick(filters.dated, Qt.MouseButton.LeftButton, pos=QPoint(5, filters.dated.height() // 2))
    assert filters.date_to.isEnabled()
    assert dock(w).count.text() == "7 matching annotations"  # all changed within the last month
    filters.date_to.setFocus()
    press(qtbot, filters.date_to, K.Key_Down)  # a year earlier: the range now ends before today
    assert texts(w) == [] and dock(w).count.text() == "0 matching annotations"
    qtbot.mouseClick(filters.dated, Qt.MouseButton.LeftButton, pos=QPoint(5, filters.dated.height() // 2))
    assert len(texts(w)) == 7
    filters.text.setFocus()
    press(qtbot, filters.text, K.Key_Down)
    assert QApplication.focusWidget() is dock(w).table
    assert dock(w).selected_count() == 1
    press(qtbot, dock(w).table, K.Key_Return)
    assert w.editor.selected is not None and QApplication.focusWidget() is w.pane


def test_a_renamed_label_shows_in_the_review(qtbot, review_window):
    w = review_window
    location = w.session.label(1)
    w.editor.update_label(location, location.with_changes(name="Place"))
    model = dock(w).model
    qtbot.waitUntil(
        lambda: "Place" in {model.data(model.index(r, ReviewTableModel.LABEL)) for r in range(model.rowCount())}
    )
    assert dock(w).filters.label.findText("Place") >= 0


def test_annotations_written_by_another_program_show_up(qtbot, review_window, corpus_path):
    w = review_window
    with open_corpus(corpus_path) as other:  # a second program on the same file
        other.annotations.add(_span(2, "plan", 0, 3, "dmitri"))
    w.session.check_file()  # what the window's periodic check does
    qtbot.waitUntil(lambda: dock(w).count.text() == "All 8 annotations")
    assert dock(w).filters.annotator.findText("dmitri") >= 0


def test_a_hidden_review_reads_nothing_and_catches_up_when_shown(qtbot, window):
    model = dock(window).model
    assert not dock(window).isVisible() and model.rowCount() == 0 and model.total is None
    s = ARTICLE.index("Midea Group")
    window.pane.select_codepoints(s, s + len("Midea Group"))
    press(qtbot, window.pane, K.Key_2)
    assert model.rowCount() == 0  # still nothing read
    window.window_actions.review.trigger()
    assert dock(window).isVisible()
    assert texts(window) == ["Midea Group"] and dock(window).count.text() == "All 1 annotation"
    dock(window).close()
    press(qtbot, window.pane, K.Key_Z, CTRL)
    window.window_actions.review.trigger()
    qtbot.waitUntil(lambda: dock(window).count.text() == "No annotations in this corpus yet")


def test_context_menu_acts_on_the_row_right_clicked(qtbot, review_window, corpus_path):
    w = review_window
    table = dock(w).table
    click_header(qtbot, table, ReviewTableModel.TEXT)
    click_row(qtbot, table, 0)
    row = texts(w).index("Shenzhen")
    menu = dock(w).context_menu(row_point(table, row))
    assert dock(w).selected_count() == 1 and texts(w)[table.currentIndex().row()] == "Shenzhen"
    names = [a.text() for a in menu.actions()]
    assert names[-1] == "&Delete 1 annotation\tDelete"
    relabel = next(a for a in menu.actions() if a.menu() is not None).menu()
    next(a for a in relabel.actions() if a.text().startswith("Company")).trigger()
    assert [a.label_id for a in stored(corpus_path, 2) if a.text == "Shenzhen"] == [2]


def test_the_selection_follows_its_annotations_after_an_edit(qtbot, review_window, corpus_path):
    w = review_window
    table = dock(w).table
    click_header(qtbot, table, ReviewTableModel.TEXT)  # Foshan x3, Guangzhou, Kuka..., Midea Group, Shenzhen
    choose(qtbot, dock(w).filters.label, "Location")  # Foshan, Foshan, Guangzhou, Shenzhen
    assert texts(w) == ["Foshan", "Foshan", "Guangzhou", "Shenzhen"]
    table.setFocus()
    click_row(qtbot, table, 0)
    press(qtbot, table, K.Key_2)  # the first Foshan becomes a Company: it leaves the filter
    qtbot.waitUntil(lambda: texts(w) == ["Foshan", "Guangzhou", "Shenzhen"])
    assert dock(w).selected_count() == 0  # not handed to the Foshan that moved up into its row
    click_row(qtbot, table, 2)  # Shenzhen
    press(qtbot, table, K.Key_R, CTRL)  # stays in the filter: stays selected
    qtbot.waitUntil(lambda: table.model().data(table.model().index(2, ReviewTableModel.REVIEWED)) != "")
    assert dock(w).selected_ranges() == [(2, 2)]
    press(qtbot, table, K.Key_Delete)
    assert "Shenzhen" not in [a.text for a in stored(corpus_path, 2)]


def test_a_bulk_edit_the_corpus_refuses_is_explained_and_not_pushed(qtbot, review_window, corpus_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    w = review_window
    table = dock(w).table
    table.setFocus()
    press(qtbot, table, K.Key_A, CTRL)
    w.session.corpus.db.execute("PRAGMA query_only = ON")  # what a read-only file or folder gives
    press(qtbot, table, K.Key_R, CTRL)
    w.session.corpus.db.execute("PRAGMA query_only = OFF")
    assert w.undo_stack.count() == 0
    assert {a.reviewed_by for a in stored(corpus_path)} == {None}
    assert len(warned) == 1 and "read-only" in warned[0]


def test_the_filter_bar_takes_two_rows_rather_than_cut_its_boxes(qtbot, review_window):
    w = review_window
    press(qtbot, w.pane, K.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    bar = dock(w).filters
    boxes = (bar.label, bar.annotator, bar.status, bar.reviewed)
    w.resize(1024, 768)
    qtbot.waitUntil(lambda: bar.stacked)
    qtbot.waitUntil(lambda: all(box.width() >= box.sizeHint().width() for box in boxes))
    assert bar.text.geometry().bottom() < bar.label.geometry().top()  # the text filter has a row of its own
    w.resize(1900, 900)
    qtbot.waitUntil(lambda: not bar.stacked)
    qtbot.waitUntil(lambda: abs(bar.text.geometry().center().y() - bar.label.geometry().center().y()) < 4)  # one row
