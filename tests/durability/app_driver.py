"""Run the real app through its entry point (``annotator.cli.main``, what the ``annotator`` command
runs) and use it as an analyst would, with real key events, a real file dialog and a real quit.

    python app_driver.py edit CORPUS    list the corpus's folder in File › Import articles and cancel,
                                        let `annotator stats` run meanwhile, label three words, quit
    python app_driver.py count CORPUS   print how many annotations the window shows, quit
    python app_driver.py readonly CORPUS  try an edit and the review table in a read-only corpus, quit

Nothing here closes the corpus or calls into the store: what happens at quit is what the app does.
Lines on stdout: ``edited N`` / ``count N``, then the app's exit status is the process's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QListView, QMessageBox

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # the repository, for tests.durability.outside

from tests.durability.outside import annotator_command  # noqa: E402

MODE, CORPUS = sys.argv[1], Path(sys.argv[2])


def main_window():
    return next((w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()), None)


def settle(ms: int) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def browse_and_cancel(window) -> None:
    """File › Import articles, the dialog showing the corpus's folder (every entry drawn), then Cancel."""

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, handle)
            return
        dialog.setDirectory(str(CORPUS.parent))
        view = dialog.findChild(QListView, "listView")
        end = time.monotonic() + 5
        while view.model().rowCount(view.rootIndex()) == 0 and time.monotonic() < end:
            settle(20)
        dialog.grab()
        settle(300)
        dialog.reject()

    QTimer.singleShot(0, handle)
    window.window_actions.import_files.trigger()


def label(window, start: int, length: int, key: Qt.Key) -> None:
    pane = window.pane
    window.activateWindow()  # label keys act in the active window
    end = time.monotonic() + 5
    while not window.isActiveWindow() and time.monotonic() < end:
        settle(20)
    pane.setFocus()
    QTest.keyClick(pane, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(start):
        QTest.keyClick(pane, Qt.Key.Key_Right)
    for _ in range(length):
        QTest.keyClick(pane, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(pane, key)


def drive() -> None:
    try:
        _drive()
    except BaseException as exc:  # noqa: BLE001 - any failure ends the app, with the reason, not a hang
        print(f"driver failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        os._exit(3)


def _drive() -> None:
    window = main_window()
    if window is None or window.editor.article is None:
        QTimer.singleShot(50, drive)
        return
    if MODE == "edit":
        browse_and_cancel(window)
        done = subprocess.run([*annotator_command(), "--db", str(CORPUS), "stats"], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        before = window.annotations.rowCount()
        label(window, 0, 4, Qt.Key.Key_2)  # "Kuka"
        label(window, 5, 5, Qt.Key.Key_2)  # "Robot"
        label(window, 51, 6, Qt.Key.Key_1)  # "Foshan"
        settle(100)
        print(f"edited {window.annotations.rowCount() - before}", flush=True)
    elif MODE == "readonly":
        QMessageBox.warning = lambda parent, title, text, *a, **k: print(f"refused {text}", flush=True)
        print(f"title {window.windowTitle()}", flush=True)
        print(f"bar {window.status.saved.text()}", flush=True)
        label(window, 0, 4, Qt.Key.Key_2)  # "Kuka": refused, with a sentence
        window.window_actions.review.trigger()  # the review table reads the corpus on its own connection
        settle(500)
        print(f"review {window.review.dock.model.rowCount()}", flush=True)
        print(f"shown {window.annotations.rowCount()}", flush=True)
    else:
        settle(200)  # the spans are shown as they load
        print(f"count {window.annotations.rowCount()}", flush=True)
    window.window_actions.quit.trigger()  # File › Quit, as the analyst leaves


if __name__ == "__main__":
    import annotator.ui.app as app_module

    make_app = app_module.make_app

    def make_app_and_drive(*args, **kwargs):
        app = make_app(*args, **kwargs)
        QTimer.singleShot(0, drive)
        return app

    app_module.make_app = make_app_and_drive
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.argv = ["annotator", "--db", str(CORPUS), "--annotator", "analyst"]
    from annotator.cli import main

    main()
