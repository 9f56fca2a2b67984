"""A start-up self-check for builds: ANNOTATOR_SMOKE_TEST=1 annotator opens the window, checks it, quits.

Used by `make package-test` and the wheel test to prove that a built or installed app finds its
resources and Qt plugins and really shows a window, without anyone looking at it.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QApplication

ENV = "ANNOTATOR_SMOKE_TEST"


def wanted() -> bool:
    return os.environ.get(ENV, "") not in ("", "0")


def check(window) -> list[str]:
    """What is wrong with a freshly opened window (empty when all is well)."""
    problems = []
    if not window.isVisible():
        problems.append("the window is not shown")
    if window.editor.article is None:
        problems.append("no article is open")
    if not window.session.labels:
        problems.append("there are no labels")
    icon = QApplication.windowIcon()
    if icon.isNull() or icon.pixmap(256).isNull():
        problems.append("the application icon did not load")
    if b"svg" not in [bytes(f) for f in QImageReader.supportedImageFormats()]:
        problems.append("the SVG image plugin is missing")
    image = window.grab().toImage()
    if image.isNull() or image.width() < 200:
        problems.append("the window did not render")
    elif len({image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}) < 4:
        problems.append("the window rendered blank")
    return problems


def report_and_quit(window) -> None:
    def run() -> None:
        problems = check(window)
        article = window.editor.article
        if problems:
            print("smoke test FAILED: " + "; ".join(problems), file=sys.stderr)
        else:
            print(
                f"smoke test passed: {QApplication.platformName()} window, article {article.id} "
                f"“{article.title}”, labels {', '.join(f'{lab.hotkey} {lab.name}' for lab in window.session.labels)}, "
                f"corpus {window.session.corpus.path}"
            )
        window.close()
        QApplication.instance().exit(1 if problems else 0)

    QTimer.singleShot(200, run)  # after the first paint and the first article's spans
