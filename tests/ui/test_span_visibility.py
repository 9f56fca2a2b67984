"""Labels you can see: span boundaries, View › Show label names tags, note markers, menu swatches."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QTextCursor

from annotator.core.model import Annotation
from annotator.ui.widgets.colours import MIN_CONTRAST, contrast, text_on
from tests.app_helpers import ARTICLE
from tests.ui.test_palette import DARK, LIGHT


def _add(window, text: str, label: int, *, nth: int = 0, note: str | None = None) -> Annotation:
    start = -1
    for _ in range(nth + 1):
        start = ARTICLE.index(text, start + 1)
    a = Annotation(None, 1, label, start, start + len(text), text, "tester", note=note)
    [saved] = window.session.corpus.annotations.add_many([a])
    window.editor.open_article(None)
    window.open_article(1)
    return saved


def _x(pane, cp: int) -> int:
    cur = QTextCursor(pane.document())
    cur.setPosition(pane.offsets.to_utf16(cp))
    return pane.cursorRect(cur).left()


def _y(pane, cp: int) -> int:
    cur = QTextCursor(pane.document())
    cur.setPosition(pane.offsets.to_utf16(cp))
    return pane.cursorRect(cur).center().y()


def test_label_names_are_off_for_separate_spans_and_on_for_adjacent_ones(qtbot, window):
    _add(window, "Foshan", 1)
    assert not window.window_actions.show_label_names.isChecked()
    assert not window.pane.shows_label_names
    # "Kuka Robot" and "(Guangdong)" would not touch; "Midea" + " Group" as two spans do not either:
    # a span inside another one does.
    _add(window, "Kuka Robot (Guangdong) Co., Ltd.", 2)
    _add(window, "Guangdong", 1)
    assert window.window_actions.show_label_names.isChecked() and window.pane.shows_label_names


def test_a_tag_takes_room_after_its_span_and_the_choice_is_remembered(qtbot, window):
    _add(window, "Midea Group", 2)
    pane = window.pane
    after = ARTICLE.index("Midea Group") + len("Midea Group")
    plain = _x(pane, after) - _x(pane, after - 1)  # the span's last character
    window.window_actions.show_label_names.trigger()
    assert pane.shows_label_names
    tagged = _x(pane, after) - _x(pane, after - 1)
    assert tagged - plain >= pane.overlay.tag_width(2) - 1
    assert window.settings.value("view/showLabelNames") == "on"
    window.editor.open_article(None)
    window.open_article(1)
    assert pane.shows_label_names


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_tags_are_readable_in_light_and_dark_themes(window, colours):
    for lab in window.session.labels:
        pill = QColor(lab.colour)
        assert contrast(text_on(pill), pill) >= MIN_CONTRAST, lab.name


def test_adjacent_spans_of_one_label_show_a_boundary(qtbot, window):
    pane = window.pane
    start = ARTICLE.index("Group")  # "Gro" + "up": no letter reaches above the x-height at the join
    first = Annotation(None, 1, 1, start, start + 3, "Gro", "tester")
    second = Annotation(None, 1, 1, start + 3, start + 5, "up", "tester")
    window.session.corpus.annotations.add_many([first, second])
    window.editor.open_article(None)
    window.open_article(1)
    window.window_actions.show_label_names.setChecked(False)
    qtbot.wait(10)
    image = pane.viewport().grab().toImage()
    cur = QTextCursor(pane.document())
    cur.setPosition(start + 3)
    top = pane.cursorRect(cur).top() + 4  # above the x-height
    inside = image.pixelColor(_x(pane, start + 4), top)
    join = _x(pane, start + 3)
    boundary = [image.pixelColor(x, top) for x in range(join - 2, join + 3)]
    assert any(contrast(c, inside) > 1.5 for c in boundary), "the two spans read as one block"


def test_a_note_leaves_a_marker_on_its_span(qtbot, window):
    pane = window.pane
    a = _add(window, "Midea Group", 2, note="appliance maker")
    window.window_actions.show_label_names.setChecked(False)
    qtbot.wait(10)
    image = pane.viewport().grab().toImage()
    cur = QTextCursor(pane.document())
    cur.setPosition(a.end)
    rect = pane.cursorRect(cur)
    corner = image.pixelColor(rect.left() - 3, rect.top() + 2)
    text_colour = pane.palette().color(pane.palette().ColorRole.Text)
    assert contrast(corner, text_colour) < 1.6, corner.name()


def test_the_context_menu_shows_each_labels_swatch_and_hotkey(qtbot, window):
    pane = window.pane
    start = ARTICLE.index("Foshan")
    pane.select_codepoints(start, start + 6)
    menu = pane.context_menu(QPoint(5, 5))
    labels = [a for a in menu.actions() if a.objectName().startswith("labelAction_")]
    assert [a.text() for a in labels] == ["Location", "Company", "Policy term"]
    for action, lab in zip(labels, window.session.labels, strict=True):
        assert not action.icon().isNull()
        assert action.icon().pixmap(14, 14).toImage().pixelColor(7, 7) == QColor(lab.colour)
        assert action.shortcut().toString() == lab.hotkey
        assert action.isIconVisibleInMenu()
    menu.deleteLater()
