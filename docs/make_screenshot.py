"""Render the README screenshots headless: the sample article, labelled, in the real window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshot.py docs/screenshot.png
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshot.py docs/screenshot-dark.png --dark
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette

from annotator.core.model import Annotation
from annotator.formats.sample import add_sample_article
from annotator.store import open_corpus
from annotator.ui.app import AppController, make_app

SPANS = [
    ("Jiangmen", 1), ("Zhaoqing", 1), ("Foshan", 1), ("Guangzhou", 1), ("Heshan", 1), ("Greater Bay Area", 1),
    ("Lianshan Precision Machinery Co., Ltd.", 2), ("Hongtu New Energy Materials Group", 2),
    ("Bluewater Cold Chain Logistics", 2), ("industrial transfer and upgrading", 3), ("one-window", 3),
    ("special-purpose bonds", 3), ("Zhaoqing High-tech Zone", 1),
]


# A dark desktop theme, as the system would hand it to Qt.
DARK = {"Window": "#2b2b2b", "WindowText": "#e6e6e6", "Base": "#1e1e1e", "AlternateBase": "#262626",
        "Text": "#e6e6e6", "Button": "#333333", "ButtonText": "#e6e6e6", "Highlight": "#3d6fb4",
        "HighlightedText": "#ffffff", "ToolTipBase": "#333333", "ToolTipText": "#e6e6e6", "PlaceholderText": "#9a9a9a",
        "Mid": "#444444", "Midlight": "#3a3a3a", "Light": "#505050", "Dark": "#151515", "Shadow": "#000000"}


def main(out: str, dark: bool = False) -> None:
    app = make_app([])
    if dark:
        app.setStyle("Fusion")
        palette = QPalette()
        for role, colour in DARK.items():
            palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
        app.setPalette(palette)
    work = Path(tempfile.mkdtemp())
    with open_corpus(work / "demo.db") as corpus:
        article_id = add_sample_article(corpus)
        text = corpus.articles.get(article_id).text
        found = []
        for needle, label in SPANS:
            start = text.find(needle)
            while start >= 0:
                found.append(Annotation(None, article_id, label, start, start + len(needle), needle, "analyst"))
                start = text.find(needle, start + len(needle))
        corpus.annotations.add_many(found)
        corpus.articles.add(
            "Shunde appliance makers expand overseas", "Shunde appliance makers expand overseas.\n\nText."
        )
        corpus.articles.add(
            "Nansha port opens new container berths", "Nansha port opens new container berths.\n\nText."
        )
    settings = QSettings(str(work / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("hints/firstRunDismissed", True)  # the labelled article, without the first-run hint
    controller = AppController(settings, "analyst")
    window = controller.open(work / "demo.db", article_id)
    window.resize(1440, 900)
    app.processEvents()
    pane = window.pane
    s = text.find("Foshan")
    pane.place_caret(s + 2)  # the caret in a span selects it
    app.processEvents()
    window.grab().save(out)
    window.close()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--dark"]
    main(args[0] if args else "docs/screenshot.png", dark="--dark" in sys.argv)
