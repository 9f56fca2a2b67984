"""Render the guide's screenshots of Team › Agreement and Team › Adjudicate headless, over the sample
article labelled by three analysts who mostly agree.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_agreement_screenshot.py docs/
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.core.model import Annotation, Status
from annotator.store import open_corpus
from annotator.ui.app import AppController, make_app

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample_article.txt"
PLACES = ("Jiangmen", "Zhaoqing", "Heshan", "Foshan", "Guangzhou", "Gaosha", "Sihui", "Deqing")
COMPANIES = (
    "Lianshan Precision Machinery Co., Ltd.",
    "Hongtu New Energy Materials Group",
    "Bluewater Cold Chain Logistics",
)
POLICIES = ("industrial transfer and upgrading", "carbon peaking and carbon neutrality", "one-window")


def build(path: Path) -> None:
    rng = random.Random(3)
    text = SAMPLE.read_text(encoding="utf-8")
    with open_corpus(path) as corpus:
        art = corpus.articles.add("Jiangmen and Zhaoqing sign freight corridor agreement", text)
        ids = {lab.tag: lab.id for lab in corpus.labels.list()}
        t = art.text
        base = []
        for tag, names in (("LOCATION", PLACES), ("COMPANY", COMPANIES), ("POLICY_TERM", POLICIES)):
            for name in names:
                base += [(m.start(), m.end(), tag) for m in re.finditer(re.escape(name), t)]
        spans = []
        for who in ("li", "mei", "zhang"):
            for s, e, tag in base:
                r = rng.random()
                if r < 0.08:
                    continue
                if r < 0.14:
                    tag = "COMPANY" if tag == "LOCATION" else "LOCATION"
                elif r < 0.18 and " " in t[s:e]:
                    e = t.index(" ", s)  # a shorter extent
                spans.append(Annotation(None, art.id, ids[tag], s, e, t[s:e], who))
        corpus.annotations.add_many(spans)
        layers = getattr(corpus, "layers", None)
        if layers is not None and hasattr(layers, "set_status"):
            for who in ("li", "mei", "zhang"):
                layers.set_status(art.id, Status.DONE, annotator=who)
        else:
            corpus.articles.set_status(art.id, Status.DONE)


def main(out: Path) -> None:
    app = make_app([])
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "team.db"
        build(db)
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("hints/firstRunDismissed", True)
        window = AppController(settings, "lead").open(db)
        window.hint.hide()
        window.resize(1400, 900)
        window.show()
        window.window_actions.agreement.trigger()
        deadline = time.monotonic() + 30
        while window.agreement.result is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        window.agreement.dock.table.setCurrentIndex(window.agreement.dock.model.index(1, 4))
        window.agreement.show_cell(1, None)
        while window.agreement.cell_job is not None and time.monotonic() < deadline + 30:
            app.processEvents()
            time.sleep(0.02)
        app.processEvents()
        window.grab().save(str(out / "agreement.png"))
        window.agreement.dock.hide()
        window.open_article(1)
        window.window_actions.adjudicate.trigger()
        window.adjudication.dock.tree.setFocus()
        app.processEvents()
        window.grab().save(str(out / "adjudication.png"))
        window.adjudication.stop()
        window.close()
        window.session.corpus.close()
    QApplication.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
