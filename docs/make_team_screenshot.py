"""Render the screenshots of the team views headless: a text with three analysts' layers (the
user's filled, the others' outlined), the assignment preview and the merge dialog.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_team_screenshot.py docs/team.png [--dark] [--size 900x600]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.model import Annotation, Status
from annotator.store import open_corpus
from annotator.store.corpus import second_connection
from annotator.store.share import share_corpus
from annotator.ui.app import AppController, make_app

TEXT = (
    "Foshan signs Greater Bay Area deal with Midea Group\n\n"
    "Foshan officials and Midea Group agreed on high-quality development of the Shunde District "
    "industrial park. Kuka Robot will open a plant in Foshan next year, and Jiangmen port will ship "
    "its machines. The plan follows the village-level industrial park renovation.\n"
)
LAYERS = {
    "mei": [
        ("Foshan", 1, 0),
        ("Midea Group", 2, 0),
        ("Shunde District", 1, 0),
        ("high-quality development", 3, 0),
        ("Kuka Robot", 2, 0),
    ],
    "li": [("Foshan", 1, 1), ("Midea Group", 2, 1), ("Jiangmen", 1, 0), ("Shunde District industrial park", 1, 0)],
    "wu": [("Kuka Robot", 2, 0), ("Foshan", 1, 2), ("village-level industrial park renovation", 3, 0)],
}


def build(path: Path) -> None:
    with open_corpus(path, user="mei") as corpus:
        article = corpus.articles.add("Foshan signs Greater Bay Area deal with Midea Group", TEXT)
        for i in range(2, 13):
            corpus.articles.add(f"Report {i}: Jiangmen port and Zhuhai", f"Report {i}. Jiangmen port ships to Zhuhai.")
        for who, spans in LAYERS.items():
            anns = []
            for needle, label, nth in spans:
                start = -1
                for _ in range(nth + 1):
                    start = TEXT.index(needle, start + 1)
                anns.append(Annotation(None, article.id, label, start, start + len(needle), needle, who))
            corpus.annotations.add_many(anns)
        corpus.team.assign({"mei": [1, 3, 5, 7, 9, 11], "li": [1, 2, 4, 6, 8, 10], "wu": [2, 3, 12]})
        corpus.layers.set_status(3, Status.DONE, "mei")


def dark(app: QApplication) -> None:
    pal = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
    ):
        pal.setColor(role, QColor(colour))
    app.setPalette(pal)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="docs/team.png")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--size", default="1280x760")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    folder = Path(tempfile.mkdtemp())
    build(folder / "corpus.db")
    app = make_app([])
    if args.dark:
        dark(app)
    controller = AppController(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat), "mei")
    window = controller.open(folder / "corpus.db", 1)
    window.resize(width, height)
    window.show()
    window.hint.hide()
    QTest.qWait(300)
    print(window.windowTitle())
    out = Path(args.out)
    window.grab().save(str(out))
    dialog = window.team.open_assign_dialog()
    dialog.names.setText("mei, li, wu, chen")
    dialog.per_article.setValue(2)
    QTest.qWait(200)
    dialog.grab().save(str(out.with_name(out.stem + "-assign.png")))
    dialog.close()
    shared = []
    for name in ("li", "wu"):  # their files come back with work in them
        path = folder / f"{name}.db"
        with second_connection(window.session.corpus) as corpus:
            share_corpus(corpus, name, path)
        with open_corpus(path) as theirs:
            for article in theirs.articles.iter_all():
                start = article.text.find("Jiangmen")
                if start >= 0:
                    theirs.annotations.add(Annotation(None, article.id, 1, start, start + 8, "Jiangmen", name))
                    theirs.articles.set_status(article.id, Status.DONE)
        shared.append(str(path))
    dialog = window.team.merge_files(shared)
    QTest.qWait(200)
    dialog.grab().save(str(out.with_name(out.stem + "-merge.png")))
    dialog.close()
    task = window.team.merge_files(shared, "", ask=False)
    while not task.done:
        QTest.qWait(50)
    QTest.qWait(200)
    box = window.findChild(QMessageBox, "teamReport")
    box.grab().save(str(out.with_name(out.stem + "-merge-report.png")))
    box.close()
    window.stats.show_now()
    window.stats.setFloating(True)
    window.stats.resize(480, 900)
    QTest.qWait(200)
    window.stats.grab().save(str(out.with_name(out.stem + "-statistics.png")))
    window.close()
    window.session.corpus.close()


if __name__ == "__main__":
    main()
