"""Import from the window (menu and drag and drop), the shortcut list, hover tooltips, the annotator name."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QHelpEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QPushButton, QToolTip, QWidget

from annotator.ui import corpus_files
from tests.app_helpers import ARTICLE, press, stored
from tests.ui.test_mouse_labelling import point_at


def _files(tmp_path):
    good = tmp_path / "in" / "nansha.txt"
    good.parent.mkdir()
    good.write_text(
        "Nansha port opens new berths\n\nThe port of Nansha in Guangzhou opened two berths.\n", encoding="utf-8"
    )
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "broken.jsonl").write_text(
        '{"text": "Zhuhai bridge traffic rises"}\n{not json\n', encoding="utf-8"
    )
    return tmp_path / "in"


def test_import_folder_with_progress_and_a_report_of_rejections(qtbot, window, tmp_path, monkeypatch):
    folder = _files(tmp_path)
    shown = []
    monkeypatch.setattr(corpus_files, "_show_report", lambda w, report: shown.append(report))
    task = corpus_files.run_import(window, [str(folder)])
    assert task.wait()
    report, _ = task.result
    assert report.imported == 2
    reasons = sorted(str(r) for r in report.rejected)
    assert len(reasons) == 2 and any("empty" in r.lower() for r in reasons) and any("line 2" in r for r in reasons)
    assert shown == [report]
    assert window.articles.total() == 4
    titles = {window.articles.data(window.articles.index(r, 0)) for r in range(4)}
    assert {"Nansha port opens new berths", "Zhuhai bridge traffic rises"} <= titles
    assert "Imported 2 articles" in window.status.currentMessage()


def test_cancelling_an_import_keeps_what_was_stored(qtbot, window, tmp_path, monkeypatch):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10000):  # an import of a second or more: still running when Cancel is clicked
        (folder / f"{i:05}.txt").write_text(
            f"Article {i}\n\nBody of article number {i} about Foshan.\n", encoding="utf-8"
        )
    monkeypatch.setattr(corpus_files, "_show_report", lambda w, report: None)
    task = corpus_files.run_import(window, [str(folder)])
    seen = []
    task.progressed.connect(lambda done, total, text: seen.append(done))
    qtbot.waitUntil(lambda: task.done or bool(seen and seen[-1] >= 2), timeout=30_000)
    bar = window.status.findChild(QWidget, "taskProgress")
    assert bar is not None
    qtbot.mouseClick(bar.findChild(QPushButton, "taskCancel"), Qt.MouseButton.LeftButton)  # what the user does
    assert task.wait()
    report, _ = task.result
    assert report.cancelled and 2 <= report.imported < 10000
    assert window.session.corpus.articles.count() == 2 + report.imported  # each stored article whole, and kept
    assert "Cancelled" in window.status.currentMessage()


def test_dropping_files_on_the_window_imports_them(qtbot, window, tmp_path, monkeypatch):
    folder = _files(tmp_path)
    monkeypatch.setattr(corpus_files, "_show_report", lambda w, report: None)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder / "nansha.txt"))])
    event = QDropEvent(
        QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    assert window.tasks and window.tasks[0].wait()  # imported in the background
    assert window.session.corpus.articles.count() == 3


def test_keyboard_shortcuts_dialog_lists_them(qtbot, window):
    press(qtbot, window.pane, Qt.Key.Key_F1)
    dialog = window.findChild(type(window.show_shortcuts()), "shortcutsDialog")
    rows = dict(dialog.shortcut_rows())
    assert rows["Location"] == "1" and rows["Company"] == "2" and rows["Policy term"] == "3"
    assert rows["Redo"] == "Ctrl+Shift+Z, Ctrl+Y"
    assert rows["Mark done and go to next"].startswith("Ctrl+Return")
    assert "Delete annotation" in rows and "Annotate all occurrences" in rows
    assert rows["Undo"] == "Ctrl+Z"  # named plainly, whatever the last edit was


def test_hovering_a_span_shows_its_labels(qtbot, window):
    pane = window.pane
    s = ARTICLE.index("Midea Group")
    pane.select_codepoints(s, s + len("Midea Group"))
    press(qtbot, pane, Qt.Key.Key_2)
    pane.place_caret(0)
    where = point_at(pane, s + 2)
    pane.event(QHelpEvent(QHelpEvent.Type.ToolTip, where, pane.viewport().mapToGlobal(where)))
    assert "Company" in QToolTip.text() and "Midea Group" in QToolTip.text()
    QToolTip.hideText()


def test_annotator_name_setting_is_recorded_and_remembered(qtbot, window, corpus_path, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Mei Lin", True))
    window.window_actions.annotator.trigger()
    window.pane.select_codepoints(0, 4)
    press(qtbot, window.pane, Qt.Key.Key_1)
    assert stored(corpus_path)[0].annotator == "Mei Lin"
    assert window.settings.value("annotator") == "Mei Lin"


def test_a_refused_edit_is_reported_not_pushed(qtbot, window, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    window.session.corpus.db.execute("PRAGMA query_only = ON")
    window.pane.select_codepoints(0, 4)
    press(qtbot, window.pane, Qt.Key.Key_1)
    window.session.corpus.db.execute("PRAGMA query_only = OFF")
    assert window.undo_stack.count() == 0 and window.annotations.rowCount() == 0
    assert warned and "could not be written" in warned[0] and "readonly" in warned[0]


_ = (QApplication, QPoint)


def test_a_short_article_view_shows_the_title_on_one_line_elided(qtbot, window):
    from PySide6.QtWidgets import QDockWidget

    view = window.view
    title = window.editor.article.title
    for dock in window.findChildren(QDockWidget):
        if window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea:
            dock.hide()
    window.hint.dismiss()
    window.resize(1200, 900)
    qtbot.waitUntil(lambda: not view.compact)
    assert view.title.text() == title and view.title.wordWrap()
    window.resize(1200, 300)
    qtbot.waitUntil(lambda: view.compact)
    shown = view.title.text()
    assert not view.title.wordWrap()
    if shown != title:  # too long for one line: cut with an ellipsis, the whole title in the tooltip
        assert shown.endswith("…") and title.startswith(shown[:-1]) and view.title.toolTip() == title
    assert view.title.sizeHint().height() < 2 * view.title.fontMetrics().height()
    window.resize(1200, 900)
    qtbot.waitUntil(lambda: view.title.text() == title)


def test_own_edits_are_taken_into_the_article_signature_once_typing_pauses(qtbot, window):
    qtbot.waitUntil(lambda: not window.search.indexer.running)  # no own work writing on another connection
    window.session.check_file()  # (its commits seen; while it writes, signatures are taken at once)
    window.pane.select_codepoints(0, 4)
    press(qtbot, window.pane, Qt.Key.Key_1)
    article_id = window.editor.article.id
    session = window.session
    assert session._signature_timer.isActive()  # not on the key press itself: it reads every span
    assert session._seen_signature != session.article_signature(article_id)
    qtbot.waitUntil(lambda: not session._signature_timer.isActive())
    assert session._seen_signature == session.article_signature(article_id)
