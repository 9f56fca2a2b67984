"""Render the README screenshot of the Review view headless: a few labelled articles, reviewed in part.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_review_screenshot.py docs/review.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from annotator.core.model import Annotation
from annotator.formats.sample import add_sample_article
from annotator.store import open_corpus
from annotator.ui.app import AppController, make_app

ARTICLES = {
    "Shunde appliance makers expand overseas": (
        "Shunde appliance makers expand overseas\n\n"
        "Midea Group and Galanz said on Tuesday that their plants in Shunde District will add export lines "
        "for Southeast Asia. Officials in Foshan called the move a model of high-quality development and "
        "promised one-window service for new investors. Analysts in Guangzhou expect more suppliers to "
        "follow as industrial transfer to Zhaoqing and Jiangmen continues.\n"
    ),
    "Nansha port opens new container berths": (
        "Nansha port opens new container berths\n\n"
        "Guangzhou Port Group opened four container berths at Nansha on Monday. The berths link the "
        "Greater Bay Area with Foshan and Zhongshan by river barge, and Bluewater Cold Chain Logistics "
        "will run a refrigerated service from the port. The city plans special-purpose bonds to fund a "
        "second phase.\n"
    ),
}
# (needle, label id, annotator, reviewed by)
SPANS = [
    ("Jiangmen", 1, "analyst", "mei"),
    ("Zhaoqing", 1, "analyst", "mei"),
    ("Foshan", 1, "jun", None),
    ("Guangzhou", 1, "analyst", "mei"),
    ("Heshan", 1, "jun", None),
    ("Greater Bay Area", 1, "jun", None),
    ("Shunde District", 1, "analyst", None),
    ("Nansha", 1, "jun", None),
    ("Zhongshan", 1, "jun", None),
    ("Lianshan Precision Machinery Co., Ltd.", 2, "analyst", "mei"),
    ("Hongtu New Energy Materials Group", 2, "jun", None),
    ("Bluewater Cold Chain Logistics", 2, "analyst", None),
    ("Midea Group", 2, "analyst", "mei"),
    ("Galanz", 2, "jun", None),
    ("Guangzhou Port Group", 2, "jun", None),
    ("industrial transfer", 3, "analyst", None),
    ("one-window service", 3, "jun", "mei"),
    ("special-purpose bonds", 3, "analyst", None),
    ("high-quality development", 3, "jun", None),
]


def build(path: Path) -> int:
    with open_corpus(path) as corpus:
        first = add_sample_article(corpus)
        ids = [first] + [corpus.articles.add(title, text).id for title, text in ARTICLES.items()]
        for article_id in ids:
            text = corpus.articles.get(article_id).text
            taken: list[tuple[int, int]] = []
            found = []
            for needle, label, who, _ in sorted(SPANS, key=lambda s: -len(s[0])):  # longest first: no overlaps
                start = text.find(needle)
                while start >= 0:
                    end = start + len(needle)
                    if not any(s < end and start < e for s, e in taken):
                        taken.append((start, end))
                        found.append(Annotation(None, article_id, label, start, end, needle, who))
                    start = text.find(needle, end)
            corpus.annotations.add_many(found)
        for needle, _, _, reviewer in SPANS:
            if reviewer:
                ids_ = [r.id for r in corpus.review.page(limit=1000) if r.text == needle][:2]
                corpus.review.mark_reviewed(ids_, reviewer)
    return first


def main(out: str) -> None:
    app = make_app([])
    work = Path(tempfile.mkdtemp())
    settings = QSettings(str(work / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("hints/firstRun", False)
    article_id = build(work / "demo.db")
    controller = AppController(settings, "mei")
    window = controller.open(work / "demo.db", article_id)
    window.resize(1440, 940)
    if getattr(window, "hint", None) is not None:
        window.hint.hide()
    window.review.show()
    dock = window.review.dock
    window.resizeDocks([dock], [470], Qt.Orientation.Vertical)
    app.processEvents()
    dock.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by covered text: the same name across articles
    dock.filters.annotator.setCurrentIndex(dock.filters.annotator.findText("analyst"))
    app.processEvents()
    dock.table.setFocus()
    dock.table.selectRow(2)
    app.processEvents()
    window.grab().save(out)
    window.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/review.png")
