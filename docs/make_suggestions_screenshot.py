"""Render the README screenshot of suggestions in the text pane, headless, over the seeded labelled news corpus.

QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python docs/make_suggestions_screenshot.py docs/suggestions.png
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.store.search import catch_up
from annotator.suggest.training import TrainOptions, train_model
from annotator.ui.app import AppController, make_app
from annotator.ui.suggest.trainer import model_folder
from benchmarks.labelled_news import build_corpus


def main(out: str) -> None:
    folder = Path(tempfile.mkdtemp())
    path = folder / "news.db"
    with build_corpus(path, 120, 300, annotator="mei") as corpus:
        catch_up(corpus.db)  # searchable, as a corpus in use is
        train_model(corpus, TrainOptions(annotator="mei"), model_folder(path, "mei"))
    make_app([])
    controller = AppController(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat), "mei")
    window = controller.open(path)
    window.resize(1280, 720)
    window.hint.hide()
    window.show()
    window.open_article(122)
    for _ in range(30):  # let the start-up backup settle before the first edit
        QApplication.processEvents()
        time.sleep(0.1)
    s = window.suggestions
    window.pane.setFocus()
    s.step(1)
    s.accept()  # one accepted: a filled span beside the dashed suggestions
    s.step(1)
    for _ in range(5):
        QApplication.processEvents()
    window.grab().save(out)
    window.close()
    window.session.corpus.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/suggestions.png")
