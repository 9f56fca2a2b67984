"""Render the README screenshot of the Statistics view headless, over a seeded corpus of short reports.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_statistics_screenshot.py docs/statistics.png
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.core.model import Annotation, Status
from annotator.store import open_corpus
from annotator.ui.app import AppController, make_app

PLACES = ["Foshan", "Guangzhou", "Shunde District", "Jiangmen", "Zhaoqing", "佛山"]
COMPANIES = ["Midea Group", "Kuka Robot", "Lianshan Precision Machinery", "美的集团"]
POLICIES = ["high-quality development", "industrial transfer", "innovation consortium"]
FILLER = "the city will promote manufacturing and improve its parks".split()
ANNOTATORS = ["mei", "li", "chen"]


def build(path: Path) -> None:
    rng = random.Random(5)
    with open_corpus(path, user="mei") as corpus:  # the statuses are mei's, who the window opens as
        for i in range(24):
            words, spans, pos = [], [], 0
            for _ in range(60):
                r = rng.random()
                kind, word = ((1, rng.choice(PLACES)) if r < 0.12 else (2, rng.choice(COMPANIES)) if r < 0.18
                              else (3, rng.choice(POLICIES)) if r < 0.22 else (0, rng.choice(FILLER)))
                if kind and rng.random() < 0.8:
                    spans.append((pos, pos + len(word), kind, word))
                words.append(word)
                pos += len(word) + 1
            article = corpus.articles.add(f"Report {i + 1}", " ".join(words) + ".")
            who = (lambda: rng.choice(ANNOTATORS)) if i % 3 else (lambda: "mei")
            corpus.annotations.add_many([Annotation(None, article.id, k, s, e, w, who()) for s, e, k, w in spans])
            if i < 9:
                corpus.articles.set_status(article.id, Status.DONE)


def main(out: str) -> None:
    folder = Path(tempfile.mkdtemp())
    build(folder / "corpus.db")
    make_app([])
    controller = AppController(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat), "mei")
    window = controller.open(folder / "corpus.db")
    window.resize(1400, 900)
    window.show()
    window.actions.statistics.trigger()
    window.stats.setFloating(True)
    window.stats.resize(480, 900)
    QApplication.processEvents()
    window.stats.grab().save(out)
    window.close()
    window.session.corpus.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/statistics.png")
