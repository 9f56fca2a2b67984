"""Team › Agreement and Team › Adjudicate in the window."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import Annotation
from annotator.store import open_corpus
from tests.app_helpers import ARTICLE, close_window, stored
from tests.team_helpers import agreement_on_workers, finish

SHOTS = os.environ.get("ANNOTATOR_SCREENSHOTS")  # a folder: save screenshots there too


def _span(article_id, text, ids, needle, tag, who, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Annotation(None, article_id, ids[tag], start, start + len(needle), needle, who)


@pytest.fixture
def team_path(tmp_path) -> Path:
    path = tmp_path / "team.db"
    with open_corpus(path) as corpus:
        art = corpus.articles.add("Foshan visit", ARTICLE, source="Test Daily")
        ids = {lab.tag: lab.id for lab in corpus.labels.list()}
        t = art.text
        s = lambda *a, **k: _span(art.id, t, ids, *a, **k)  # noqa: E731
        corpus.annotations.add_many([
            *(s("Foshan", "LOCATION", w) for w in ("li", "mei", "zhang")),  # agreed by all
            *(s("Midea Group", "COMPANY", w) for w in ("li", "mei")),
            s("Midea", "COMPANY", "zhang"),
            s("Greater Bay Area", "POLICY_TERM", "li"),
            s("Greater Bay Area", "LOCATION", "mei"),
            s("Shunde District", "LOCATION", "zhang"),
        ])
        finish(corpus, art.id, "li", "mei", "zhang")
    return path


@pytest.fixture
def team_window(qtbot, controller, team_path):
    w = controller.open(team_path)
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    w.resize(1280, 820)
    w.activateWindow()  # the keys below go to the focused widget
    qtbot.waitUntil(w.isActiveWindow)
    yield w
    close_window(w)


def _shot(widget, name):
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / name))


def test_agreement_dock_shows_the_cli_figures_and_opens_disagreements(qtbot, team_window):
    w = team_window
    assert w.window_actions.menu_path(w.window_actions.agreement) == "Team › Agreement"
    assert w.window_actions.menu_path(w.window_actions.adjudicate) == "Team › Adjudicate this article"
    w.window_actions.agreement.trigger()
    ctl = w.agreement
    qtbot.waitUntil(lambda: ctl.result is not None, timeout=20000)
    model = ctl.dock.model
    assert model.rowCount() == 3  # li/mei, li/zhang, mei/zhang
    assert model.index(0, 0).data() == "li / mei"
    assert model.index(0, 1).data() == "1"
    li_mei = ctl.result.pairs[0]
    assert model.index(0, 4).data() == f"{li_mei.spans.exact.f1:.2f} / {li_mei.spans.overlap.f1:.2f}"
    assert "Fleiss' κ" in ctl.dock.summary.text() and "1 article finished by all" in ctl.dock.summary.text()
    # li / zhang, all labels: Midea Group vs Midea, Greater Bay Area vs nothing, nothing vs Shunde District.
    table = ctl.dock.table
    table.setCurrentIndex(model.index(1, 4))
    ctl._cell_index(table.currentIndex())  # what Enter or a double-click on the cell does
    qtbot.waitUntil(lambda: ctl.cell_job is None and bool(ctl.dock.details.items), timeout=20000)
    items = ctl.dock.details.items
    assert [(c.kind, c.gold_text, c.analyst_text) for c in items] == [
        ("resized", "Midea Group", "Midea"), ("added", "Greater Bay Area", ""), ("removed", "", "Shunde District"),
    ]
    assert ctl.dock.details.index(0, 0).data(Qt.ItemDataRole.UserRole + 20)[1] == "Midea Group"
    _shot(w, "agreement.png")
    ctl.dock.list.setCurrentIndex(ctl.dock.details.index(2, 0))
    ctl._open_row(ctl.dock.list.currentIndex().row())  # what Enter on a disagreement does
    assert w.editor.article.id == 1
    assert w.pane.selection_codepoints() == (ARTICLE.index("Shunde District"), ARTICLE.index("Shunde District") + 15)
    w.editor.apply_label(w.session.labels[1].id)  # relabels the span there: the figures are out of date
    assert "Out of date" in ctl.dock.summary.text()


def test_enter_lists_a_cells_disagreements_and_opens_one(qtbot, team_window):
    w = team_window
    w.window_actions.agreement.trigger()
    ctl = w.agreement
    qtbot.waitUntil(lambda: ctl.result is not None, timeout=20000)
    table = ctl.dock.table
    table.setCurrentIndex(ctl.dock.model.index(1, 4))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.cell_job is None and len(ctl.dock.details.items) == 3, timeout=20000)
    ctl.dock.list.setCurrentIndex(ctl.dock.details.index(2, 0))
    qtbot.keyClick(ctl.dock.list, Qt.Key.Key_Enter)
    assert w.pane.selection_codepoints() == (ARTICLE.index("Shunde District"), ARTICLE.index("Shunde District") + 15)


def test_no_shared_article_shows_dashes_with_the_reason(qtbot, controller, tmp_path):
    path = tmp_path / "apart.db"
    with open_corpus(path) as corpus:
        loc = corpus.labels.list()[0].id
        for who in ("li", "mei"):
            art = corpus.articles.add(who, f"{who} Foshan visit.")
            corpus.annotations.add(Annotation(None, art.id, loc, len(who) + 1, len(who) + 7, "Foshan", who))
            finish(corpus, art.id, who)
    w = controller.open(path)
    qtbot.addWidget(w)
    try:
        w.window_actions.agreement.trigger()
        qtbot.waitUntil(lambda: w.agreement.job is None, timeout=20000)
        assert w.agreement.result is not None, w.agreement.dock.summary.text()
        assert w.agreement.dock.model.index(0, 3).data() == "—"
        assert "no article finished by both" in w.agreement.dock.model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
        assert "— (no article finished by both)" in w.agreement.dock.summary.text()
    finally:
        close_window(w)


def test_adjudicate_takes_versions_with_keys_undoably(qtbot, team_window, team_path):
    w = team_window
    w.open_article(1)
    w.window_actions.adjudicate.trigger()
    ctl = w.adjudication
    assert ctl.active and w.session.annotator == "gold" and w.editor.layer == "gold"
    gold = [a for a in stored(team_path) if a.annotator == "gold"]
    assert [a.text for a in gold] == ["Foshan"]  # agreed by all: in gold at once, committed
    assert ctl.dock.counter.text() == "0 of 3 settled"
    assert [a.annotator for a in w.pane.index.annotations()] == ["gold"]  # the text shows the gold layer
    assert w.pane.extraSelections()  # the competing versions are marked
    _shot(w, "adjudication.png")
    tree = ctl.dock.tree
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    qtbot.keyClick(tree, Qt.Key.Key_A)  # Midea Group (li, mei)
    assert ctl.dock.counter.text() == "1 of 3 settled"
    assert sorted(a.text for a in stored(team_path) if a.annotator == "gold") == ["Foshan", "Midea Group"]
    qtbot.keyClick(tree, Qt.Key.Key_X)  # Greater Bay Area: none
    assert ctl.dock.counter.text() == "2 of 3 settled"
    qtbot.keyClick(tree, Qt.Key.Key_Tab)
    assert ctl.current == 2
    qtbot.keyClick(tree, Qt.Key.Key_A)  # Shunde District: zhang's (A; "no span" comes last)
    assert "3 of 3 settled" in ctl.dock.counter.text()
    assert sorted(a.text for a in stored(team_path) if a.annotator == "gold") == [
        "Foshan",
        "Midea Group",
        "Shunde District",
    ]
    w.undo_stack.undo()
    qtbot.waitUntil(lambda: ctl.dock.counter.text() == "2 of 3 settled")
    assert sorted(a.text for a in stored(team_path) if a.annotator == "gold") == ["Foshan", "Midea Group"]
    w.undo_stack.undo()  # the "none" decision
    qtbot.waitUntil(lambda: ctl.dock.counter.text() == "1 of 3 settled")
    ctl.stop()
    assert w.session.annotator == "tester" and w.editor.layer is None
    assert len(w.pane.index.annotations()) == len(stored(team_path))


def test_adjudicate_needs_two_finished_analysts(qtbot, window, monkeypatch):
    from annotator.ui import main_window

    shown = []
    monkeypatch.setattr(main_window.QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    errors = []
    window.adjudication.error.connect(errors.append)
    window.open_article(1)
    window.window_actions.adjudicate.trigger()
    assert not window.adjudication.active and "two or more analysts" in errors[0]
    assert shown == errors  # told in a box


def test_opening_another_article_while_adjudicating(qtbot, team_window, team_path, monkeypatch):
    from annotator.ui import main_window

    shown = []
    monkeypatch.setattr(main_window.QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    with open_corpus(team_path) as corpus:
        other = corpus.articles.add("Second", "Zhuhai and Macau signed a plan.")
        loc = corpus.labels.list()[0].id
        corpus.annotations.add_many([Annotation(None, other.id, loc, 0, 6, "Zhuhai", w) for w in ("li", "mei")])
        finish(corpus, other.id, "li", "mei")
    w = team_window
    w.articles.refresh()
    w.open_article(1)
    w.window_actions.adjudicate.trigger()
    w.open_article(other.id)  # adjudicated in turn: both agree, nothing open
    assert w.adjudication.active and w.adjudication.article_id == other.id
    assert w.adjudication.dock.counter.text() == "No disagreements"
    assert [a.text for a in stored(team_path, other.id) if a.annotator == "gold"] == ["Zhuhai"]
    w.open_article(1)
    assert w.adjudication.active and w.adjudication.dock.counter.text() == "0 of 3 settled"
    assert not shown


def test_agreement_dock_counts_on_worker_processes(qtbot, controller, team_path, monkeypatch, caplog):
    """From the window's pool thread, the figures come from worker processes (spawned, reading the
    file on their own connections), and are those of one process."""
    from annotator.formats import agreement

    with open_corpus(team_path) as corpus:  # five more articles like the first, labelled alike
        spans = corpus.annotations.for_article(1)
        for k in range(5):
            art = corpus.articles.add(f"Copy {k}", ARTICLE + f"\n\nCopy {k}.")
            corpus.annotations.add_many([a._replace(id=None, article_id=art.id) for a in spans])
            finish(corpus, art.id, "li", "mei", "zhang")
        alone = agreement.compute(corpus, ["li", "mei", "zhang"], workers=1).as_json()
    sent = agreement_on_workers(monkeypatch, 1)
    caplog.set_level("WARNING")
    w = controller.open(team_path)
    qtbot.addWidget(w)
    try:
        w.window_actions.agreement.trigger()
        ctl = w.agreement
        qtbot.waitUntil(lambda: ctl.result is not None, timeout=60000)
        assert sent  # articles went to the workers ...
        assert "worker processes stopped" not in caplog.text  # ... which counted them
        assert ctl.result.as_json() == alone
        assert "6 articles finished by all" in ctl.dock.summary.text()
    finally:
        close_window(w)


def test_a_long_article_with_hundreds_of_agreed_spans_and_disagreements(qtbot, controller, tmp_path):
    """Hundreds of agreed spans go into gold as one edit and all show; every disagreement is listed
    (a line each, its versions below), and a key takes the current one's version."""
    path = tmp_path / "long.db"
    words = [f"Place{i:03d}" for i in range(600)]
    text = " and ".join(words) + "."
    with open_corpus(path) as corpus:
        art = corpus.articles.add("Long list", text)
        loc, com = (lab.id for lab in corpus.labels.list()[:2])
        rows, pos = [], 0
        for i, word in enumerate(words):
            start = text.index(word, pos)
            pos = start + len(word)
            for who in ("li", "mei"):
                label = com if (i % 3 == 0 and who == "mei") else loc  # every third word: a disagreement
                rows.append(Annotation(None, art.id, label, start, pos, word, who))
        corpus.annotations.add_many(rows)
        finish(corpus, art.id, "li", "mei")
    w = controller.open(path)
    qtbot.addWidget(w)
    try:
        w.open_article(art.id)
        w.window_actions.adjudicate.trigger()
        ctl = w.adjudication
        assert ctl.active
        gold = [a for a in stored(path, art.id) if a.annotator == "gold"]
        assert len(gold) == 400  # agreed by both: in gold at once, committed
        assert len(w.pane.index.annotations()) == 400  # and shown
        assert ctl.dock.counter.text() == "0 of 200 settled"
        model = ctl.dock.model
        assert model.count() == 200 and model.rowCount() == 200 * 3  # a line, then version A and B
        assert model.index(0, 0).data().endswith("1. “Place000”")
        assert "li" in model.index(1, 0).data() or "mei" in model.index(1, 0).data()
        tree = ctl.dock.tree
        tree.setFocus()
        qtbot.waitUntil(tree.hasFocus)
        qtbot.keyClick(tree, Qt.Key.Key_Tab)  # the second disagreement
        assert ctl.current == 1 and tree.currentIndex().row() == model.head_row(1) == 3
        qtbot.keyClick(tree, Qt.Key.Key_A)
        assert ctl.dock.counter.text() == "1 of 200 settled"
        assert len([a for a in stored(path, art.id) if a.annotator == "gold"]) == 401
        w.undo_stack.undo()
        w.undo_stack.undo()  # the agreed spans' acceptance too
        qtbot.waitUntil(lambda: ctl.dock.counter.text() == "0 of 200 settled")
        assert [a for a in stored(path, art.id) if a.annotator == "gold"] == []
        assert w.pane.index.annotations() == []
    finally:
        close_window(w)
