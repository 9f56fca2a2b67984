"""Run as a child process by the start-up and memory scenarios.

    python -m benchmarks.probe app|bare CORPUS [SETTLE_SECONDS]

Opens the corpus in the app's window (or, for ``bare``, shows a bare QPlainTextEdit) exactly as
``annotator`` starts, and prints one JSON line as soon as the window is usable: the wall-clock
time then, and the resident memory after letting the event loop run SETTLE_SECONDS more.
"""

from __future__ import annotations

import json
import os
import sys
import time


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident set size of this process in MB, from /proc/self/status."""
    fields = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


def main() -> None:
    kind, db = sys.argv[1], sys.argv[2]
    settle = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QPlainTextEdit

        app = QApplication([])
        window = QPlainTextEdit()
        window.setPlainText("ready")
        window.show()
        window.repaint()
        app.processEvents()
    else:
        from PySide6.QtCore import QSettings

        from annotator.ui.app import AppController, make_app

        app = make_app([])
        controller = AppController(QSettings(), "bench")
        window = controller.open(db)
        window.repaint()
        app.processEvents()
        if window.editor.article is None or window.articles.total() == 0:
            raise SystemExit("the window shows no article")
    usable_at = time.time()
    if settle:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(settle * 1000), app.quit)
        app.exec()
    rss, peak = rss_mb()
    print(json.dumps({"usable_at": usable_at, "rss_mb": rss, "peak_rss_mb": peak}), flush=True)
    os._exit(0)  # the figure is taken: skip tearing down the window


if __name__ == "__main__":
    main()
