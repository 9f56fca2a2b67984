"""Started as a process by the start-up benchmark: exits as soon as the window is usable."""

from __future__ import annotations

import sys


def main() -> None:
    kind, db = sys.argv[1], sys.argv[2]
    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QPlainTextEdit

        app = QApplication([])
        w = QPlainTextEdit()
        w.setPlainText("ready")
        w.show()
        w.repaint()
        app.processEvents()
        return
    from PySide6.QtCore import QSettings

    from annotator.ui.app import AppController, make_app

    app = make_app([])
    controller = AppController(QSettings(), "bench")
    window = controller.open(db)
    window.repaint()
    app.processEvents()
    assert window.editor.article is not None and window.articles.total() > 0


if __name__ == "__main__":
    main()
