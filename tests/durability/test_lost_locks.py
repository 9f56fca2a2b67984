"""The window keeps SQLite's locks on its corpus, so that what it shows as saved is on disk.

On Linux SQLite's locks are POSIX locks, owned by the process: opening and closing one of the
corpus's files outside SQLite (Qt's file dialog sniffing a file's type, Python's open()) drops
them all, and the next program to open and close the corpus deletes the WAL the window writes
to. These tests use real (non-native) file dialogs, real key events, the real command line in a
separate process, and read the result back from yet another process, never through the app's
own connection.
"""

from __future__ import annotations

import sys
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QListView, QMessageBox

from annotator.store import open_corpus
from annotator.store.backup import list_backups
from tests.app_helpers import press
from tests.durability.outside import held_locks, read_elsewhere, run_cli, wal_inode
from tests.durability.test_window_guard import _answer_next_box

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX locks as /proc/locks shows them")

K = Qt.Key
M = Qt.KeyboardModifier


@pytest.fixture
def folder_with_articles(corpus_path):
    """The corpus's folder also holds articles to import, as an analyst's working folder does."""
    (corpus_path.parent / "report.txt").write_text("Zhuhai report\n\nZhuhai joined the plan.\n", encoding="utf-8")
    (corpus_path.parent / "notes").mkdir()
    return corpus_path.parent


@pytest.fixture
def app_window(qtbot, controller, corpus_path):
    """The window as the app opens it; at the end the app closes it as quitting does."""
    window = controller.open(corpus_path)
    qtbot.waitExposed(window)
    yield window
    controller.close()


def label_word(qtbot, window, last: bool = False) -> None:
    """Select the first word ("Kuka", label 2) or the last ("Foshan.", label 1) of the open article
    with the keyboard and label it."""
    window.activateWindow()  # label hotkeys act in the active window (a dialog was just closed)
    qtbot.waitUntil(window.isActiveWindow)
    window.pane.setFocus()
    if last:
        press(qtbot, window.pane, K.Key_End, M.ControlModifier)
        press(qtbot, window.pane, K.Key_Left, M.ShiftModifier, times=8)
        press(qtbot, window.pane, K.Key_1)
    else:
        press(qtbot, window.pane, K.Key_Home, M.ControlModifier)
        press(qtbot, window.pane, K.Key_Right, M.ShiftModifier, times=4)
        press(qtbot, window.pane, K.Key_2)


def _when_dialog_shows(handle) -> None:
    """Call ``handle(dialog)`` once the app's modal file dialog is up."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, poll)
            return
        handle(dialog)

    QTimer.singleShot(0, poll)


def _settle(ms: int) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def _list_then(dialog: QFileDialog, finish) -> None:
    """Let the dialog list its folder and draw every entry (icon and type), then ``finish``."""
    view = dialog.findChild(QListView, "listView")
    model = view.model()

    def listed() -> bool:
        return model.rowCount(view.rootIndex()) > 0

    end = time.monotonic() + 5
    while not listed() and time.monotonic() < end:
        _settle(20)
    for row in range(model.rowCount(view.rootIndex())):  # what painting asks: each entry's icon and kind
        index = model.index(row, 0, view.rootIndex())
        index.data(Qt.ItemDataRole.DecorationRole)
        model.index(row, 2, view.rootIndex()).data()
    dialog.grab()
    _settle(300)  # the file-info thread answers meanwhile
    finish(dialog)


def assert_locks_intact(path, wal_before: int) -> None:
    assert held_locks(path) >= {"db", "shm"}, "the app process no longer holds SQLite's locks"
    assert wal_inode(path) == wal_before


def assert_edits_reach_the_file(qtbot, window, path) -> None:
    """Another program opens and closes the corpus, then an edit in the window; a separate process reads it."""
    before = read_elsewhere(path)
    stats = run_cli("--db", str(path), "stats")
    assert stats.returncode == 0, stats.stderr
    label_word(qtbot, window, last=True)
    assert read_elsewhere(path) == before + 1, "an edit shown as saved is not in the file"


def test_listing_the_corpus_folder_in_the_import_dialog_keeps_the_locks(
    qtbot, window, corpus_path, folder_with_articles
):
    wal = wal_inode(corpus_path)
    assert held_locks(corpus_path) >= {"db", "shm"}
    window.settings.setValue("import/lastFolder", str(folder_with_articles))
    _when_dialog_shows(lambda d: (d.setDirectory(str(folder_with_articles)), _list_then(d, QFileDialog.reject)))
    window.window_actions.import_files.trigger()
    assert_locks_intact(corpus_path, wal)
    assert_edits_reach_the_file(qtbot, window, corpus_path)


def test_a_path_typed_into_the_import_dialog_keeps_the_locks(qtbot, window, corpus_path, folder_with_articles):
    wal = wal_inode(corpus_path)

    def type_path(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(folder_with_articles.parent.parent))
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        edit.setFocus()
        typed = f"{folder_with_articles.parent.name}/{folder_with_articles.name}/corpus.db"
        QTest.keyClicks(edit, typed)  # the completer lists each folder as it goes
        _settle(100)
        QTest.keyClicks(edit, "-w")
        _settle(300)  # the file-info thread answers meanwhile
        dialog.reject()

    _when_dialog_shows(type_path)
    window.window_actions.import_files.trigger()
    assert_locks_intact(corpus_path, wal)
    assert_edits_reach_the_file(qtbot, window, corpus_path)


def test_the_export_dialog_browsing_the_corpus_folder_keeps_the_locks(qtbot, window, corpus_path, folder_with_articles):
    from annotator.ui import corpus_files

    wal = wal_inode(corpus_path)
    export = corpus_files.export_dataset(window)
    export.path.setText(str(folder_with_articles / "out.jsonl"))

    def type_over_the_corpus(dialog: QFileDialog) -> None:
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        QTest.keyClicks(edit, "x")
        _list_then(dialog, QFileDialog.reject)

    _when_dialog_shows(type_over_the_corpus)
    qtbot.mouseClick(export.browse, Qt.MouseButton.LeftButton)
    export.path.setText(str(corpus_path))  # typed by hand: the corpus itself
    with pytest.raises(ValueError, match="corpus"):
        export.choice()
    export.reject()
    assert_locks_intact(corpus_path, wal)
    assert_edits_reach_the_file(qtbot, window, corpus_path)


def test_opening_the_current_corpus_through_the_dialog_reopens_it_cleanly(
    qtbot, controller, app_window, corpus_path, folder_with_articles
):
    window = app_window
    label_word(qtbot, window)  # an edit before the reopen

    def type_and_open(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(corpus_path.parent))
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        QTest.keyClicks(edit, corpus_path.name)  # typed; the completer lists the folder meanwhile
        _list_then(dialog, QFileDialog.accept)

    _when_dialog_shows(type_and_open)
    window.window_actions.open_corpus.trigger()
    qtbot.waitUntil(lambda: controller.window is not None and controller.window is not window)
    reopened = controller.window
    assert held_locks(corpus_path) >= {"db", "shm"}
    assert read_elsewhere(corpus_path) == 1
    assert_edits_reach_the_file(qtbot, reopened, corpus_path)


def test_reopening_from_recent_corpora_closes_the_old_connection_first(qtbot, controller, app_window, corpus_path):
    window = app_window
    old = window.session.corpus
    [action] = [a for a in window.recent_menu.actions() if a.text().endswith(str(corpus_path.resolve()))]
    action.trigger()
    qtbot.waitUntil(lambda: controller.window is not window)
    reopened = controller.window
    assert old.files is None  # closed before the new connection opened
    reopened.activateWindow()
    reopened.pane.setFocus()
    wal = wal_inode(corpus_path)
    assert_locks_intact(corpus_path, wal)
    assert_edits_reach_the_file(qtbot, reopened, corpus_path)


def test_after_restore_from_backup_edits_reach_the_file(qtbot, controller, app_window, corpus_path):
    window = app_window
    window.guard.wait()  # the opening backup: 2 articles, no annotation
    label_word(qtbot, window)
    assert read_elsewhere(corpus_path) == 1
    dialog = window.open_restore_dialog()
    qtbot.mouseClick(
        dialog.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dialog.table.visualRect(dialog.model.index(0, 0)).center(),
    )
    _answer_next_box("Restore")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.window is not window)
    restored = controller.window
    assert read_elsewhere(corpus_path) == 0  # the backup's state, as another process reads it
    restored.activateWindow()
    restored.pane.setFocus()
    assert_locks_intact(corpus_path, wal_inode(corpus_path))
    assert_edits_reach_the_file(qtbot, restored, corpus_path)


def test_opening_an_open_corpus_again_in_the_process_keeps_the_first_ones_locks(window, corpus_path):
    """The header check reads nothing outside SQLite, so a second open (a test helper, a second
    window) cannot drop the first connection's locks."""
    wal = wal_inode(corpus_path)
    with open_corpus(corpus_path) as again:
        assert again.articles.count() == 2
    assert_locks_intact(corpus_path, wal)


# --- when the locks are lost anyway --------------------------------------------------------
def _drop_locks(path, suffixes=("", "-wal", "-shm")) -> None:
    """What Qt's dialog or a stray open() did: open and close the corpus's files outside SQLite."""
    for suffix in suffixes:
        with open(f"{path}{suffix}", "rb") as fh:
            fh.read(16)


@pytest.mark.parametrize("suffixes", [("", "-wal", "-shm"), ("-shm",)], ids=["all files", "the shm only"])
def test_dropped_locks_are_taken_again_before_another_program_can_delete_the_wal(qtbot, window, corpus_path, suffixes):
    _drop_locks(corpus_path, suffixes)
    assert held_locks(corpus_path) < {"db", "shm"}
    window.session.check_file()  # what the timer does every few seconds
    assert held_locks(corpus_path) >= {"db", "shm"} and window.session.locks_restored == 1
    assert_edits_reach_the_file(qtbot, window, corpus_path)


def test_dropped_locks_are_taken_again_before_the_next_edit(qtbot, window, corpus_path):
    _drop_locks(corpus_path)
    label_word(qtbot, window)
    assert window.session.locks_restored == 1 and held_locks(corpus_path) >= {"db", "shm"}
    assert read_elsewhere(corpus_path) == 1
    assert_edits_reach_the_file(qtbot, window, corpus_path)


def test_a_wal_taken_over_stops_edits_rescues_a_backup_and_offers_to_reopen(qtbot, controller, app_window, corpus_path):
    window = app_window
    window.guard.wait()
    label_word(qtbot, window)  # saved: in the WAL
    _drop_locks(corpus_path)
    stats = run_cli("--db", str(corpus_path), "stats")  # believes it is the last user: checkpoints, deletes the WAL
    assert stats.returncode == 0
    assert not (corpus_path.parent / "corpus.db-wal").exists()
    label_word(qtbot, window, last=True)  # refused: it would go into a WAL no one reads
    box = window.findChild(QMessageBox, "corpusLostBox")
    assert box is not None and box.isVisible()
    assert "another program took over" in box.text() and "Reopen" in box.informativeText()
    assert "not saving" in window.windowTitle()
    assert "Not saving" in window.status.saved.text()  # never "All changes saved" any more
    window.session.saved.emit()
    assert "Not saving" in window.status.saved.text()
    assert window.annotations.rowCount() == 1  # the refused edit is not shown
    assert read_elsewhere(corpus_path) == 1  # the edit before the loss reached the file (the CLI checkpointed it)
    rescue = list_backups(corpus_path)[0]
    assert str(rescue.path) in box.informativeText() and rescue.annotations == 1
    box.grab().save(str(corpus_path.parent / "lost_box.png"))
    [reopen] = [b for b in box.buttons() if b.text() == "Reopen corpus"]
    reopen.click()
    qtbot.waitUntil(lambda: controller.window is not window)
    reopened = controller.window
    reopened.activateWindow()
    reopened.pane.setFocus()
    assert_edits_reach_the_file(qtbot, reopened, corpus_path)


def test_a_stale_connection_closing_never_writes_over_another_programs_work(qtbot, controller, app_window, corpus_path):
    window = app_window
    """After the WAL was taken over, closing the window's connection (at quit) must not checkpoint
    its outdated WAL into the file, nor delete the new -wal of the program now writing."""
    label_word(qtbot, window)
    _drop_locks(corpus_path)
    assert run_cli("--db", str(corpus_path), "stats").returncode == 0  # WAL deleted
    import sqlite3

    other = sqlite3.connect(corpus_path)  # another program goes on writing, with its own WAL
    other.execute("UPDATE articles SET title = 'Renamed elsewhere' WHERE id = 1")
    other.commit()
    other.close()
    window.session.check_file()  # the window notices, and stops
    assert window.session.lost == "locks"
    controller.close()  # what quitting does
    assert read_elsewhere(corpus_path, "SELECT title FROM articles WHERE id = 1") == "Renamed elsewhere"
    assert (corpus_path.parent / "corpus.db-wal").exists() or read_elsewhere(corpus_path) == 1


def test_dropping_the_corpus_files_on_the_window_reads_none_of_them(qtbot, window, corpus_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    wal = wal_inode(corpus_path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(f"{corpus_path}{suffix}") for suffix in ("", "-wal", "-shm")])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    assert "open corpus itself" in window.status.currentMessage()
    assert_locks_intact(corpus_path, wal)
    assert_edits_reach_the_file(qtbot, window, corpus_path)


def test_every_file_dialog_of_the_app_goes_through_the_one_that_reads_no_content():
    """Qt's static QFileDialog functions (and a platform dialog) sniff file content: only
    ui/file_dialogs.py may build a QFileDialog."""
    from pathlib import Path

    import annotator

    root = Path(annotator.__file__).parent
    users = sorted(
        str(p.relative_to(root)) for p in root.rglob("*.py") if "QFileDialog" in p.read_text(encoding="utf-8")
    )
    assert users == ["ui/file_dialogs.py"]


def test_quitting_closes_the_corpus_so_its_wal_is_checkpointed_into_the_file(
    qtbot, controller, app_window, corpus_path
):
    label_word(qtbot, app_window)
    assert (corpus_path.parent / "corpus.db-wal").stat().st_size > 0  # the edit is in the WAL
    app_window.window_actions.quit.trigger()  # File › Quit closes the window; the app then closes the corpus
    controller.close()
    assert not (corpus_path.parent / "corpus.db-wal").exists()  # checkpointed into corpus.db, then removed
    assert not held_locks(corpus_path)
    assert read_elsewhere(corpus_path) == 1


def test_an_import_into_a_corpus_deleted_meanwhile_stops_and_rescues(qtbot, window, corpus_path, tmp_path, monkeypatch):
    from annotator.ui import corpus_files

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    window.guard.wait()
    label_word(qtbot, window)
    folder = tmp_path / "incoming"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"Report {i}\n\nZhuhai item {i}.\n", encoding="utf-8")
    for p in list(corpus_path.parent.glob("corpus.db*")):
        p.unlink()
    task = corpus_files.run_import(window, [str(folder)], show_summary=False)
    assert task.wait()
    if task.error is None:  # the import's process stopped with a report
        report, _ = task.result
        assert report.cancelled and report.imported == 0
    assert len(shown) == 1 and "is gone" in shown[0]  # one sentence, no second "Import stopped" box
    rescue = list_backups(corpus_path)[0]
    assert rescue.annotations == 1 and str(rescue.path) in shown[0]
    assert "Not saving" in window.status.saved.text()
