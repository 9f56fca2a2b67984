"""The team in the window: whose annotations show, others' read-only and outlined, blind mode in the
title bar, the user's queue and Ctrl+Enter, assignments with a preview, sharing and merging files."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import Annotation, Status
from annotator.store import open_corpus
from tests.app_helpers import ARTICLE, close_window, press

CTRL = Qt.KeyboardModifier.ControlModifier


def _span(needle: str, who: str, label: int = 1, nth: int = 0) -> Annotation:
    start = -1
    for _ in range(nth + 1):
        start = ARTICLE.index(needle, start + 1)
    return Annotation(None, 1, label, start, start + len(needle), needle, who)


@pytest.fixture
def team_path(corpus_path):
    with open_corpus(corpus_path, user="tester") as corpus:
        corpus.annotations.add_many(
            [
                _span("Kuka Robot", "tester", 2),
                _span("Foshan", "mei"),
                _span("Midea Group", "li", 2),
                _span("Foshan", "li", 1, 1),
            ]
        )
    return corpus_path


@pytest.fixture
def team_window(team_path, window):
    """The window over the corpus with three analysts' spans (team_path fills it before it opens)."""
    return window


def shown(w) -> list[tuple[str, str]]:
    return [(a.annotator, a.text) for a in w.pane.index.annotations()]


def test_view_modes_show_mine_everyones_or_chosen_analysts(qtbot, team_window):
    w = team_window
    assert shown(w) == [("tester", "Kuka Robot"), ("mei", "Foshan"), ("li", "Midea Group"), ("li", "Foshan")]
    # others' spans are painted apart from mine: a negative paint key draws an outline, not a fill
    keys = {w.pane.index.get(a.id).annotator: w.pane.index.label_of[a.id] for a in w.pane.index.annotations()}
    assert keys["tester"] > 0 and keys["mei"] < 0 and keys["li"] < 0
    model = w.annotations
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Annotator"
    assert [model.index(r, 3).data() for r in range(model.rowCount())] == ["tester", "mei", "li", "li"]
    w.team.show_mine.trigger()
    assert shown(w) == [("tester", "Kuka Robot")] and model.rowCount() == 1
    dialog = w.team.choose_analysts()
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == ["li", "mei"]
    dialog.set_checked({"mei"})
    dialog._accept()
    assert shown(w) == [("tester", "Kuka Robot"), ("mei", "Foshan")]
    assert w.team.show_chosen.isChecked()
    w.team.show_everyone.trigger()
    assert len(shown(w)) == 4


def test_others_spans_are_read_only(qtbot, team_window, team_path):
    w = team_window
    mei = next(a for a in w.pane.index.annotations() if a.annotator == "mei")
    w.editor.select_annotation(mei.id)
    press(qtbot, w.pane, Qt.Key.Key_Delete)
    assert "read-only" in w.status.currentMessage() and "mei" in w.status.currentMessage()
    press(qtbot, w.pane, Qt.Key.Key_2)  # a label key on her span does not relabel it
    assert not model_editable(w, mei.id)
    with open_corpus(team_path) as corpus:  # what another connection reads: her span as it was
        assert [(a.annotator, a.label_id) for a in corpus.annotations.for_article(1) if a.annotator == "mei"] == [
            ("mei", 1)
        ]
    # labelling the same text makes the user's own span beside hers
    w.pane.select_codepoints(mei.start, mei.end)
    press(qtbot, w.pane, Qt.Key.Key_1)
    assert ("tester", "Foshan") in shown(w)


def model_editable(w, annotation_id) -> bool:
    row = w.annotations.row_of(annotation_id)
    return bool(w.annotations.flags(w.annotations.index(row, w.annotations.NOTE)) & Qt.ItemFlag.ItemIsEditable)


def test_blind_mode_shows_only_the_users_layer_and_says_so_in_the_title(qtbot, controller, team_path):
    with open_corpus(team_path, user="tester") as corpus:
        corpus.team.set_blind(True)
    w = controller.open(team_path)
    qtbot.addWidget(w)
    try:
        assert "blind mode" in w.windowTitle() and "tester" in w.windowTitle()
        assert shown(w) == [("tester", "Kuka Robot")]
        assert not w.team.show_everyone.isEnabled() and not w.team.show_chosen.isEnabled()
        assert w.team.blind.isChecked()
        w.window_actions.review.trigger()  # the review table lists the user's annotations only, too
        qtbot.waitUntil(lambda: w.review.model.rowCount() == 1)
        assert not w.review.dock.filters.annotator.isEnabled()
        assert not w.window_actions.consistency.isEnabled() and not w.window_actions.missed_mentions.isEnabled()
        w.stats.show_now()  # the most frequent texts are the user's own
        assert [w.stats.frequent.index(r, 1).data() for r in range(w.stats.frequent.rowCount())] == ["Kuka Robot"]
        w.team.blind.trigger()  # the lead turns it off (undoable)
        assert "blind mode" not in w.windowTitle() and len(shown(w)) == 4
        w.undo_stack.undo()
        assert "blind mode" in w.windowTitle() and len(shown(w)) == 1
    finally:
        close_window(w)
    with open_corpus(team_path) as corpus:
        assert corpus.team.blind


def test_my_queue_comes_first_and_ctrl_enter_stays_in_it(qtbot, controller, corpus_path):
    with open_corpus(corpus_path, user="tester") as corpus:
        for i in range(3, 7):
            corpus.articles.add(f"Article {i}", f"Text of article {i}, about Jiangmen.")
        corpus.team.assign({"tester": [2, 5, 6], "mei": [1, 3]})
        corpus.layers.set_status(5, Status.DONE, "tester")
    w = controller.open(corpus_path)
    qtbot.addWidget(w)
    try:
        assert [w.articles.article_id(r) for r in range(w.articles.total())] == [2, 5, 6, 1, 3, 4]
        assert w.articles.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()  # to do
        assert w.articles.index(1, 0).data(Qt.ItemDataRole.FontRole) is None  # done already
        w.open_article(2)
        qtbot.waitExposed(w)
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)
        w.pane.setFocus()
        assert w.article_dock.windowTitle() == "Articles — my queue: 1 of 3 done"
        press(qtbot, w.pane, Qt.Key.Key_Return, CTRL)
        assert w.editor.article.id == 6  # 5 is done: the next unfinished article of the queue
        assert w.article_dock.windowTitle() == "Articles — my queue: 2 of 3 done"
        press(qtbot, w.pane, Qt.Key.Key_Return, CTRL)
        assert "Every article of your queue is done" in w.status.currentMessage()
        with open_corpus(corpus_path) as corpus:
            assert corpus.layers.statuses_of([2, 5, 6], "tester") == {2: "done", 5: "done", 6: "done"}
            assert corpus.layers.status(2, "mei") is Status.NEW
    finally:
        close_window(w)


def test_assign_dialog_previews_then_assigns_undoably(qtbot, team_window):
    w = team_window
    dialog = w.team.open_assign_dialog()
    dialog.names.setText("mei, li, wu")
    dialog.per_article.setValue(2)
    table = dialog.table
    assert table.rowCount() == 3 and table.horizontalHeaderItem(3).text() == "with mei"
    assert sum(int(table.item(r, 1).text()) for r in range(3)) == 4  # 2 articles x 2 analysts
    dialog.per_article.setValue(4)
    assert not dialog.assign_button.isEnabled() and "1 to 3 analysts" in dialog.summary.text()
    dialog.per_article.setValue(2)
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    assert sorted(w.session.corpus.team.plan()) == ["li", "mei", "wu"]
    w.undo_stack.undo()
    assert w.session.corpus.team.count() == 0


def test_share_and_merge_from_the_team_menu(qtbot, team_window, team_path, tmp_path):
    w = team_window
    out = tmp_path / "li.db"
    task = w.team.share_for("li", str(out))
    qtbot.waitUntil(lambda: task.done, timeout=20000)
    assert "Wrote" in w.team.last_report.summary() and out.exists()
    # li works on her copy in another process, through the real entry point
    script = (
        "from annotator.store import open_corpus\n"
        "from annotator.core.model import Annotation, Status\n"
        f"with open_corpus({str(out)!r}, user='li') as c:\n"
        "    t = c.articles.get(2).text\n"
        "    s = t.index('Guangzhou')\n"
        "    c.annotations.add(Annotation(None, 2, 1, s, s + 9, 'Guangzhou', 'li'))\n"
        "    c.articles.set_status(2, Status.DONE)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
    shutil.copyfile(out, tmp_path / "li-copy.db")
    task = w.team.merge_files([str(out)], "", ask=False)
    qtbot.waitUntil(lambda: task.done, timeout=20000)
    report = w.team.last_report
    assert report.ok and report.summary().startswith("Merged 1 file: 0 articles added, 1 layer added")
    assert report.backup and "Backup taken first" in report.lines()[0]
    # another process reads the merged work
    check = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(team_path), "--annotator", "li", "stats", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert '"done": 1' in check.stdout
    w.open_article(2)
    assert ("li", "Guangzhou") in shown(w)


def test_the_statistics_list_each_analysts_progress(qtbot, team_window):
    w = team_window
    w.session.corpus.team.assign({"mei": [1, 2], "li": [1]})
    w.session.team_changed.emit()
    w.stats.show_now()
    rows = [tuple(w.stats.analysts.index(r, c).data() for c in range(5)) for r in range(w.stats.analysts.rowCount())]
    assert rows == [("li", "1", "0", "1", "0"), ("mei", "2", "1", "1", "0"), ("tester", "–", "–", "1", "0")]


def test_a_file_shared_for_an_analyst_opens_as_them(qtbot, controller, team_path, tmp_path):
    out = tmp_path / "mei.db"
    with open_corpus(team_path, user="lead") as corpus:
        from annotator.store.share import share_corpus

        corpus.team.assign({"mei": [2]})
        corpus.team.set_blind(True)
        share_corpus(corpus, "mei", out)
    w = controller.open(out)  # the app's own name is "tester"
    qtbot.addWidget(w)
    try:
        assert w.session.annotator == "mei" and "mei · blind mode" in w.windowTitle()
        assert "shared for mei" in w.status.currentMessage()
        assert [w.articles.article_id(r) for r in range(w.articles.total())] == [2]
        w.open_article(2)
        qtbot.waitExposed(w)
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)
        w.pane.setFocus()
        w.pane.select_codepoints(0, 9)
        qtbot.keyClick(w.pane, Qt.Key.Key_1)
        assert [(a.annotator, a.text) for a in w.pane.index.annotations()] == [("mei", "Guangzhou")]
    finally:
        close_window(w)


def test_hovering_another_analysts_span_names_them(qtbot, team_window):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    w = team_window
    mei = next(a for a in w.pane.index.annotations() if a.annotator == "mei")
    cursor = w.pane.textCursor()
    cursor.setPosition(w.pane.offsets.to_utf16(mei.start) + 2)
    point = w.pane.cursorRect(cursor).center()
    QApplication.sendEvent(w.pane, QHelpEvent(QEvent.Type.ToolTip, point, w.pane.viewport().mapToGlobal(point)))
    assert "mei (read-only)" in QToolTip.text() and "Foshan" in QToolTip.text()
    own = next(a for a in w.pane.index.annotations() if a.annotator == "tester")
    cursor.setPosition(w.pane.offsets.to_utf16(own.start) + 2)
    point = w.pane.cursorRect(cursor).center()
    QApplication.sendEvent(w.pane, QHelpEvent(QEvent.Type.ToolTip, point, w.pane.viewport().mapToGlobal(point)))
    assert "Kuka Robot" in QToolTip.text() and "read-only" not in QToolTip.text()


def test_a_new_annotator_name_brings_their_statuses_and_layer(qtbot, team_window):
    w = team_window
    w.session.corpus.layers.set_status(2, Status.DONE, "mei")
    assert w.articles.index(w.articles.row_of(2), 1).data() == "New"
    w.set_annotator("mei")
    assert w.articles.index(w.articles.row_of(2), 1).data() == "Done"
    assert "— mei —" in w.windowTitle()
    keys = {a.annotator: w.pane.index.label_of[a.id] for a in w.pane.index.annotations()}
    assert keys["mei"] > 0 and keys["tester"] < 0  # now mei's spans are the editable ones


def test_the_status_tooltip_lists_every_analysts_status(qtbot, team_window):
    w = team_window
    w.session.corpus.layers.set_status(1, Status.DONE, "mei")
    tip = w.articles.index(w.articles.row_of(1), 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines() == ["Your status: In progress", "li: In progress", "mei: Done", "tester: In progress"]


def test_blind_mode_suggests_from_the_users_own_labels_only(qtbot, team_window):
    w = team_window
    w.suggestions.wait_ready()
    suggested = {ARTICLE[x.start : x.end] for x in w.suggestions.items}
    assert "Foshan" in suggested  # others' labels teach the dictionary while everyone's work is shared
    w.team.blind.trigger()
    w.suggestions.wait_ready()
    assert "Foshan" not in {ARTICLE[x.start : x.end] for x in w.suggestions.items}  # mei's and li's label
    assert not w.window_actions.suggest_own_only.isEnabled()
    w.team.blind.trigger()  # lifted: back to everyone's labels
    w.suggestions.wait_ready()
    assert "Foshan" in {ARTICLE[x.start : x.end] for x in w.suggestions.items}
    assert w.window_actions.suggest_own_only.isEnabled()
