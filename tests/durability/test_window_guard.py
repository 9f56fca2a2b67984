"""The window when the corpus file misbehaves: busy, full, read-only, gone, changed by another
program; and its automatic backups and File > Restore from backup. Real key events throughout."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.model import Annotation
from annotator.store import open_corpus
from annotator.store.backup import list_backups
from tests.app_helpers import ARTICLE, close_window, press, stored
from tests.durability.conftest import integrity

K = Qt.Key
M = Qt.KeyboardModifier


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    """Messages the window shows in a warning box (recorded instead of shown modally)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    return shown


@pytest.fixture
def app_window(qtbot, controller, window):
    """The window as the app opens it (its opening backup and its watch are started)."""
    yield window
    if controller.window is not window:  # replaced by a restore
        close_window(controller.window)


def label_kuka(qtbot, window) -> None:
    press(qtbot, window.pane, K.Key_Home, M.ControlModifier)
    press(qtbot, window.pane, K.Key_Right, M.ShiftModifier, times=4)  # "Kuka"
    press(qtbot, window.pane, K.Key_2)


def test_opening_the_corpus_takes_a_backup(app_window, corpus_path):
    made = app_window.guard.wait()
    [backup] = list_backups(corpus_path)
    assert backup.path == made
    assert (backup.articles, backup.annotations) == (2, 0)


def test_a_periodic_backup_only_after_edits(qtbot, app_window, corpus_path):
    app_window.guard.wait()
    assert app_window.guard.backup_if_edited() is None  # nothing edited since the opening backup
    label_kuka(qtbot, app_window)
    app_window.guard.backup_timer.timeout.emit()  # the ten-minute timer fires
    app_window.guard.wait()
    newest = list_backups(corpus_path)[0]
    assert (len(list_backups(corpus_path)), newest.annotations) == (2, 1)


def _answer_next_box(button_text: str) -> None:
    """Click the button named ``button_text`` of the next modal message box."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        [button] = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
        button.click()

    QTimer.singleShot(0, click)


def test_restore_from_backup_replaces_the_corpus_and_keeps_the_state_before(qtbot, controller, app_window, corpus_path):
    app_window.guard.wait()
    label_kuka(qtbot, app_window)
    assert len(stored(corpus_path)) == 1
    app_window.window_actions.restore_backup.trigger()
    dialog = app_window.open_restore_dialog()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "2" and dialog.model.index(0, 2).data() == "0"
    qtbot.mouseClick(
        dialog.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dialog.table.visualRect(dialog.model.index(0, 0)).center(),
    )
    _answer_next_box("Restore")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.window is not app_window)
    restored = controller.window
    assert stored(corpus_path) == []  # the annotation made after the backup is gone
    assert restored.annotations.rowCount() == 0 and not restored.undo_stack.canUndo()
    assert "Restored the backup" in restored.status.currentMessage()
    counts = [(b.articles, b.annotations) for b in list_backups(corpus_path)]
    assert (2, 1) in counts  # the state before the restore is itself a backup
    assert integrity(corpus_path) == "ok"


def test_restore_can_be_cancelled(qtbot, app_window, corpus_path):
    app_window.guard.wait()
    label_kuka(qtbot, app_window)
    dialog = app_window.open_restore_dialog()
    _answer_next_box("Cancel")
    assert dialog.confirm_restore() is False
    assert len(stored(corpus_path)) == 1


def test_back_up_now_in_the_restore_dialog(qtbot, app_window, corpus_path):
    app_window.guard.wait()
    dialog = app_window.open_restore_dialog()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 2
    dialog.grab().save(str(corpus_path.parent / "restore_dialog.png"))


def test_an_edit_while_another_program_holds_the_lock_is_refused_clearly(qtbot, window, corpus_path, warnings):
    window.session.corpus.db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(corpus_path)
    other.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    label_kuka(qtbot, window)
    assert len(warnings) == 1 and "another program" in warnings[0] and "not saved" in warnings[0]
    assert window.annotations.rowCount() == 0 and not window.undo_stack.canUndo()
    other.rollback()
    other.close()
    label_kuka(qtbot, window)  # once the other program is done, the same edit works
    assert len(stored(corpus_path)) == 1 and window.undo_stack.canUndo()


def test_a_full_disk_refuses_the_edit_and_keeps_what_was_saved(qtbot, window, corpus_path, warnings):
    label_kuka(qtbot, window)
    db = window.session.corpus.db
    db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")  # no room to grow
    press(qtbot, window.pane, K.Key_End, M.ControlModifier)
    press(qtbot, window.pane, K.Key_Left, M.ShiftModifier, times=8)  # "Foshan." at the end, snapped
    before = stored(corpus_path)
    for _ in range(3):  # several edits against a full disk
        window.session.annotator = "a new annotator " + "z" * 4000  # a new annotator row: a new page
        press(qtbot, window.pane, K.Key_1)
    assert warnings and all("disk is full" in w for w in warnings)
    assert stored(corpus_path) == before and integrity(corpus_path) == "ok"
    db.execute("PRAGMA max_page_count = 1073741823")  # space freed
    window.session.annotator = "tester"
    press(qtbot, window.pane, K.Key_1)
    assert len(stored(corpus_path)) == len(before) + 1


def test_a_read_only_corpus_refuses_edits_and_the_window_stays_usable(qtbot, window, corpus_path, warnings):
    window.session.corpus.db.execute("PRAGMA query_only = ON")  # what a read-only file or folder gives
    label_kuka(qtbot, window)
    assert len(warnings) == 1 and "read-only" in warnings[0]
    press(qtbot, window.pane, K.Key_PageDown, M.ControlModifier)  # browsing still works
    assert window.editor.article.title == "Second article"


def test_a_corpus_deleted_while_open_is_reported_and_rescued(qtbot, window, corpus_path, warnings):
    window.guard.wait()  # the opening backup is done
    label_kuka(qtbot, window)
    for p in list(corpus_path.parent.glob("corpus.db*")):
        p.unlink()  # the file and its -wal/-shm vanish (a deleted folder, an unplugged drive)
    press(qtbot, window.pane, K.Key_End, M.ControlModifier)
    press(qtbot, window.pane, K.Key_Left, M.ShiftModifier, times=8)
    press(qtbot, window.pane, K.Key_1)
    assert len(warnings) == 1 and "is gone" in warnings[0]
    assert "file gone" in window.windowTitle()
    rescue = list_backups(corpus_path)[0]  # the newest: taken from the open connection when the loss was found
    assert (rescue.articles, rescue.annotations) == (2, 1)  # everything saved before the loss
    assert str(rescue.path) in warnings[0]
    press(qtbot, window.pane, K.Key_2)  # further edits are refused without a second box
    assert len(warnings) == 1
    assert window.isVisible()


def test_the_window_notices_edits_made_by_another_program(qtbot, window, corpus_path):
    assert window.annotations.rowCount() == 0
    with open_corpus(corpus_path) as other:  # the command line, or a second window
        other.annotations.add(
            Annotation(None, 1, 1, ARTICLE.index("Foshan"), ARTICLE.index("Foshan") + 6, "Foshan", "cli")
        )
        other.articles.add("Third", "Zhuhai joined the plan.\n")
    window.session.check_file()  # what the timer or coming back to the window does
    assert window.annotations.rowCount() == 1
    assert window.articles.total() == 3
    assert "another program" in window.status.currentMessage()
    window.session.check_file()  # nothing new: nothing reloaded
    assert window.annotations.rowCount() == 1


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    """Two stores on one file, one in a child process, writing in turns: every edit lands."""
    import os

    path = tmp_path / "shared.db"
    with open_corpus(path) as corpus:
        article = corpus.articles.add("Shared", "Foshan " * 400)
    pid = os.fork()
    if pid == 0:
        try:
            with open_corpus(path) as mine:
                for i in range(150):
                    mine.annotations.add(Annotation(None, article.id, 2, 7 * i, 7 * i + 6, "Foshan", "child"))
        finally:
            os._exit(0)
    with open_corpus(path) as mine:
        for i in range(150, 300):
            mine.annotations.add(Annotation(None, article.id, 1, 7 * i, 7 * i + 6, "Foshan", "parent"))
    os.waitpid(pid, 0)
    with open_corpus(path) as corpus:
        assert corpus.annotations.count() == 300
    assert integrity(path) == "ok"


def test_two_windows_on_one_corpus_see_each_others_edits(qtbot, qapp, settings, window, corpus_path):
    from annotator.ui.app import AppController

    second = AppController(settings, "colleague").open(corpus_path)
    qtbot.addWidget(second)
    try:
        label_kuka(qtbot, window)  # saved by the first window
        second.session.check_file()
        second.open_article(1)
        assert second.annotations.rowCount() == 1
        qtbot.waitExposed(second)
        second.activateWindow()  # label hotkeys act in the active window
        qtbot.waitUntil(second.isActiveWindow)
        start = ARTICLE.index("Foshan")
        second.pane.select_codepoints(start, start + 6)
        press(qtbot, second.pane, K.Key_1)  # and one by the second
        window.session.check_file()
        qtbot.waitUntil(lambda: window.annotations.rowCount() == 2)  # spans further down load as they come
        assert {a.annotator for a in stored(corpus_path)} == {"tester", "colleague"}
    finally:
        close_window(second)


def test_a_vanished_file_is_noticed_without_an_edit(qtbot, window, corpus_path, warnings):
    for p in list(corpus_path.parent.glob("corpus.db*")):
        p.unlink()
    window.session.check_file()  # what the timer does every few seconds
    assert len(warnings) == 1 and "is gone" in warnings[0]
    assert "is gone" in window.status.currentMessage()
    window.session.check_file()
    assert len(warnings) == 1  # told once


def test_an_import_by_another_program_leaves_the_reader_in_place(qtbot, window, corpus_path):
    window.pane.select_codepoints(5, 10)
    with open_corpus(corpus_path) as other:
        other.articles.add("Imported meanwhile", "Jiangmen joined the plan.\n")
        other.annotations.add(Annotation(None, 2, 1, 0, 9, "Guangzhou", "cli"))  # another article's span
    window.session.check_file()
    assert window.articles.total() == 3  # the list shows the new article
    assert window.editor.article.id == 1 and window.pane.selection_codepoints() == (5, 10)  # nothing taken away


def test_an_import_that_fills_the_disk_stops_with_a_message_and_keeps_what_was_stored(
    qtbot, window, corpus_path, tmp_path, warnings, monkeypatch
):
    from annotator.formats.jobs import run_import_batch
    from annotator.ui import corpus_files
    from annotator.ui.tasks import Task

    folder = tmp_path / "incoming"
    folder.mkdir()
    for i in range(6):
        (folder / f"a{i}.txt").write_text(f"Report {i} from Zhuhai.\n" + "Long body text. " * (3000 if i >= 2 else 5))
    db = window.session.corpus.db
    db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0] + 3}")  # room for a little
    # The page limit belongs to the window's connection: the import runs on it here (the job that
    # a process runs otherwise is the same function), so the disk fills under it.
    monkeypatch.setattr(
        corpus_files,
        "import_task",
        lambda corpus, paths, who: Task.inline(run_import_batch, window.session.corpus, paths, who),
    )
    task = corpus_files.run_import(window, [str(folder)], show_summary=False)
    assert task.wait()
    report, _ = task.result
    assert report.cancelled
    assert warnings and "full" in warnings[-1]
    with open_corpus(corpus_path) as corpus:
        titles = [a.title for a in corpus.articles.iter_all()]
    assert titles[:2] == ["Foshan visit", "Second article"] and len(titles) == 2 + report.imported
    assert integrity(corpus_path) == "ok"
    db.execute("PRAGMA max_page_count = 1073741823")
    press(qtbot, window.pane, K.Key_PageDown, M.ControlModifier)  # the window goes on working
    assert window.editor.article.title == "Second article"
