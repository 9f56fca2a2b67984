"""The label set manager: every change is saved at once, shows everywhere, and can be undone."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QColorDialog, QMessageBox

from annotator.store import open_corpus
from tests.app_helpers import ARTICLE, press, stored

L = Qt.MouseButton.LeftButton


def labels_on_disk(path):
    with open_corpus(path) as corpus:
        return corpus.labels.list()


@pytest.fixture
def manager(qtbot, window):
    dialog = window.open_label_manager()
    qtbot.waitExposed(dialog)
    yield dialog
    if shiboken6.isValid(dialog):
        dialog.close()


def test_add_rename_and_set_hotkey(qtbot, window, manager, corpus_path):
    qtbot.mouseClick(manager.add_button, L)
    assert [lab.name for lab in labels_on_disk(corpus_path)][-1] == "New label 1"
    manager.name.clear()
    qtbot.keyClicks(manager.name, "Person")
    manager.tag.clear()
    qtbot.keyClicks(manager.tag, "PERSON")
    manager.hotkey.setCurrentIndex(manager.hotkey.findData("7"))
    qtbot.mouseClick(manager.apply_button, L)
    person = labels_on_disk(corpus_path)[-1]
    assert (person.name, person.tag, person.hotkey) == ("Person", "PERSON", "7")
    # Shows everywhere at once: palette, Label menu, hotkey.
    assert window.label_palette.button(person.id).text() == "Person  7"
    assert "Person" in [a.text() for a in window.label_menu.actions()]
    manager.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.pane.setFocus()
    s = ARTICLE.index("Kuka")
    window.pane.select_codepoints(s, s + 4)
    press(qtbot, window.pane, Qt.Key.Key_7)
    assert stored(corpus_path)[0].label_id == person.id


def test_duplicate_tag_is_refused_with_a_message(qtbot, manager, corpus_path):
    manager.list.setCurrentIndex(manager.model.index(1))
    manager.tag.clear()
    qtbot.keyClicks(manager.tag, "LOCATION")
    qtbot.keyClick(manager.tag, Qt.Key.Key_Return)
    assert "The label “Location” already has the tag LOCATION" in manager.error.text()
    assert "merge into one in every dataset" in manager.error.text()
    assert labels_on_disk(corpus_path)[1].tag == "COMPANY"


def test_a_new_labels_tag_follows_its_name_until_typed_by_hand(qtbot, manager, corpus_path):
    qtbot.mouseClick(manager.add_button, L)
    manager.name.selectAll()
    qtbot.keyClicks(manager.name, "Person")
    assert manager.tag.text() == "PERSON"
    qtbot.keyClick(manager.name, Qt.Key.Key_Return)
    assert labels_on_disk(corpus_path)[-1].tag == "PERSON"
    manager.tag.selectAll()
    qtbot.keyClicks(manager.tag, "PER")
    manager.name.selectAll()
    qtbot.keyClicks(manager.name, "Official")
    assert manager.tag.text() == "PER"  # typed by hand: it stays


def test_a_used_labels_tag_does_not_follow_a_rename(qtbot, window, manager, corpus_path):
    s = ARTICLE.index("Kuka")
    window.pane.select_codepoints(s, s + 4)
    window.editor.apply_label(2)
    manager.list.setCurrentIndex(manager.model.index(1))
    manager.name.selectAll()
    qtbot.keyClicks(manager.name, "Firm")
    assert manager.tag.text() == "COMPANY"


def test_recolour_repaints_spans(qtbot, window, manager, corpus_path, monkeypatch):
    window.pane.select_codepoints(0, 4)
    window.editor.apply_label(1)
    from PySide6.QtGui import QColor

    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    manager.list.setCurrentIndex(manager.model.index(0))
    qtbot.mouseClick(manager.colour, L)
    assert labels_on_disk(corpus_path)[0].colour == "#123456"
    assert "#123456" in window.label_palette.button(1).styleSheet()
    window.pane.place_caret(30)  # move off the span so the plain painted colour shows
    from annotator.ui.widgets.span_painter import blend

    ranges = window.pane.document().firstBlock().layout().formats()
    assert ranges[0].format.background().color() == blend("#123456", 0.28)


def test_reorder(qtbot, window, manager, corpus_path):
    manager.list.setCurrentIndex(manager.model.index(2))
    qtbot.mouseClick(manager.up_button, L)
    assert [lab.tag for lab in labels_on_disk(corpus_path)] == ["LOCATION", "POLICY_TERM", "COMPANY"]
    assert [a.text() for a in window.label_menu.actions()][:3] == ["Location", "Policy term", "Company"]
    assert manager.current().tag == "POLICY_TERM"  # the moved label stays selected
    window.undo_stack.undo()
    assert [lab.tag for lab in labels_on_disk(corpus_path)] == ["LOCATION", "COMPANY", "POLICY_TERM"]


def test_delete_in_use_says_how_many_and_undo_restores(qtbot, window, manager, corpus_path, monkeypatch):
    for word in ("Kuka", "Midea"):
        s = ARTICLE.index(word)
        window.pane.select_codepoints(s, s + len(word))
        window.editor.apply_label(2)
    asked = []

    def answer(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    manager.list.setCurrentIndex(manager.model.index(1))
    qtbot.mouseClick(manager.delete_button, L)
    assert "2 annotations carry it" in asked[0]
    assert [lab.tag for lab in labels_on_disk(corpus_path)] == ["LOCATION", "POLICY_TERM"]
    assert stored(corpus_path) == [] and window.annotations.rowCount() == 0
    assert window.label_palette.button(2) is None
    window.undo_stack.undo()
    assert [lab.tag for lab in labels_on_disk(corpus_path)] == ["LOCATION", "COMPANY", "POLICY_TERM"]
    assert sorted(a.text for a in stored(corpus_path)) == ["Kuka", "Midea"]
    assert window.annotations.rowCount() == 2


def test_delete_cancelled_changes_nothing(qtbot, manager, corpus_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(manager.delete_button, L)
    assert len(labels_on_disk(corpus_path)) == 3
