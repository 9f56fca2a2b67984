"""The review's keyword-in-context column marks context cut short with '…', and only that."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.model import Annotation
from annotator.store import open_corpus
from annotator.store.review import CONTEXT
from annotator.ui.review.model import ReviewTableModel
from tests.app_helpers import ARTICLE, close_window


def test_context_is_marked_where_it_was_cut(qtbot, controller, corpus_path):
    kuka = (0, len("Kuka Robot"))  # starts the article: nothing before it
    last = ARTICLE.rindex("Foshan")  # far into the article; a period and a line break after it
    midea = ARTICLE.index("Midea Group")
    assert last > CONTEXT and len(ARTICLE) - (last + 6) < CONTEXT and midea > CONTEXT
    with open_corpus(corpus_path) as corpus:
        corpus.annotations.add_many([
            Annotation(None, 1, 2, *kuka, "Kuka Robot", "mei"),
            Annotation(None, 1, 1, last, last + 6, "Foshan", "mei"),
            Annotation(None, 1, 2, midea, midea + 11, "Midea Group", "mei"),
        ])
    w = controller.open(corpus_path, 1)
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    w.window_actions.review.trigger()
    model = w.review.dock.model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    shown = {}
    for row in range(model.rowCount()):
        r = model.data(model.index(row, 0), ReviewTableModel.RowRole)
        shown[r.text] = (model.data(model.index(row, ReviewTableModel.CONTEXT)),
                         model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole).splitlines()[0])
    kuka_line, kuka_tip = shown["Kuka Robot"]
    assert kuka_line.startswith("[Kuka Robot]") and kuka_line.endswith("…")
    assert kuka_tip.startswith("[Kuka Robot]")
    foshan_line, foshan_tip = shown["Foshan"]
    assert foshan_line.startswith("…") and foshan_line.rstrip().endswith("[Foshan]. ⏎")  # the article ends there
    assert foshan_tip == foshan_line
    assert shown["Midea Group"][0].startswith("…") and shown["Midea Group"][0].endswith("…")
    close_window(w)
