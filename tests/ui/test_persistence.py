"""Nothing is ever unsaved: every edit is in the file before the view shows it, and a reopened
corpus brings back the same article, labels, window layout and settings."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from annotator.ui.app import AppController
from tests.app_helpers import ARTICLE, close_window, press


def test_every_edit_is_committed_before_it_is_shown(qtbot, window, corpus_path):
    shown = []

    def check(annotations):
        # Another connection to the file (as after a crash) already sees the edit.
        with sqlite3.connect(corpus_path) as other:
            shown.append(other.execute("SELECT count(*) FROM annotations").fetchone()[0])

    window.session.annotations_added.connect(check)
    window.pane.select_codepoints(0, 4)
    press(qtbot, window.pane, Qt.Key.Key_1)
    assert shown == [1]
    assert window.status.saved.text().startswith("✓ All changes saved")


def test_reopen_finds_everything(qtbot, window, corpus_path, settings):
    pane = window.pane
    s = ARTICLE.index("Midea Group")
    pane.select_codepoints(s, s + len("Midea Group"))
    press(qtbot, pane, Qt.Key.Key_2)
    window.editor.set_note(window.editor.selected, "appliance maker")
    press(qtbot, pane, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, pane, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    window.resize(701, 501)
    window.close()
    close_window(window)

    again = AppController(settings, "tester")
    w2 = again.open(None)  # no path: the last corpus
    qtbot.addWidget(w2)
    assert w2.session.corpus.path == corpus_path
    assert w2.editor.article.id == 2  # the last article
    assert w2.pane.zoom_level == 1
    assert (w2.width(), w2.height()) == (701, 501)
    w2.open_article(1)
    [a] = w2.annotations.annotations()
    assert (a.text, a.label_id, a.note, a.annotator) == ("Midea Group", 2, "appliance maker", "tester")
    assert [x.text for x in w2.pane.index.annotations()] == ["Midea Group"]
    assert again.recent() == [str(corpus_path.resolve())]
    close_window(w2)


def test_open_by_article_id(qtbot, controller, corpus_path):
    w = controller.open(corpus_path, article_id=2)
    qtbot.addWidget(w)
    assert w.editor.article.title == "Second article"
    close_window(w)


def test_unknown_article_id_falls_back_with_a_message(qtbot, controller, corpus_path):
    w = controller.open(corpus_path, article_id=99)
    qtbot.addWidget(w)
    assert w.editor.article.id == 1
    assert "no article 99" in w.status.currentMessage()
    close_window(w)


def test_switching_corpus_keeps_the_first_in_recent(qtbot, controller, corpus_path, tmp_path):
    first = controller.open(corpus_path)
    qtbot.addWidget(first)
    other = tmp_path / "other.db"
    first.corpus_requested.emit(str(other))
    second = controller.window
    qtbot.addWidget(second)
    assert second is not first and second.session.corpus.path == other
    assert controller.recent() == [str(other.resolve()), str(corpus_path.resolve())]
    assert [a.text() for a in second.recent_menu.actions()][1].endswith("corpus.db")
    close_window(second)


def test_not_a_corpus_is_refused_and_the_window_stays(qtbot, controller, corpus_path, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    first = controller.open(corpus_path)
    qtbot.addWidget(first)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    first.corpus_requested.emit(str(junk))
    assert controller.window is first
    assert "not an Annotator corpus" in warned[0]
    assert junk.read_bytes().startswith(b"\x89PNG")
    close_window(first)
