"""Light and dark palettes: the window follows the system palette and label colours stay readable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

from annotator.core.model import DEFAULT_LABELS
from annotator.ui.widgets.colours import MIN_CONTRAST, contrast, luminance, span_tint, text_on
from annotator.ui.widgets.label_palette import text_colour_on
from tests.app_helpers import ARTICLE, press

LIGHT = {"Window": "#efefef", "WindowText": "#000000", "Base": "#ffffff", "Text": "#000000", "Button": "#efefef",
         "ButtonText": "#000000", "Highlight": "#308cc6", "HighlightedText": "#ffffff", "PlaceholderText": "#6b6b6b"}
DARK = {"Window": "#2b2b2b", "WindowText": "#e6e6e6", "Base": "#1e1e1e", "AlternateBase": "#262626", "Text": "#e6e6e6",
        "Button": "#333333", "ButtonText": "#e6e6e6", "Highlight": "#3d6fb4", "HighlightedText": "#ffffff",
        "PlaceholderText": "#9a9a9a", "Mid": "#444444", "Midlight": "#3a3a3a", "Light": "#505050", "Dark": "#151515"}


def make_palette(colours: dict[str, str]) -> QPalette:
    palette = QPalette(QApplication.palette())
    for role, colour in colours.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    return palette


@pytest.fixture
def system_palette(qapp):
    """Set the application palette as a system theme change would; put the original back afterwards."""
    original = QPalette(QApplication.palette())
    yield lambda colours: QApplication.setPalette(make_palette(colours))
    QApplication.setPalette(original)


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_default_label_tints_keep_text_readable(colours):
    base, text = colours["Base"], colours["Text"]
    for label in DEFAULT_LABELS:
        for depth in (1, 2, 3, 4):  # nested spans are painted a shade deeper
            background = span_tint(label.colour, depth, base)
            assert contrast(text_on(background, text), background) >= MIN_CONTRAST, (label.name, depth)
        # The tint is still the label's colour, visibly different from the plain text background.
        assert contrast(span_tint(label.colour, 1, base), base) > 1.2
        # Buttons in the palette and the selected span: text drawn straight on the label colour.
        assert contrast(text_colour_on(label.colour), label.colour) >= MIN_CONTRAST


def test_contrast_ratio_matches_the_wcag_definition():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#777777") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the usual AA grey
    assert luminance("#ffffff") == pytest.approx(1.0)


def _span_formats(window):
    ranges = window.pane.document().firstBlock().layout().formats()
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in ranges]


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_spans_painted_in_the_window_are_readable_in_both_palettes(qtbot, window, system_palette, colours):
    system_palette(colours)
    qtbot.waitUntil(lambda: window.pane.palette().color(QPalette.ColorRole.Base).name() == colours["Base"])
    pane = window.pane
    start = ARTICLE.index("Foshan")
    pane.select_codepoints(start, start + len("Foshan"))
    press(qtbot, pane, Qt.Key.Key_1)
    inner = ARTICLE.index("Kuka")
    pane.select_codepoints(0, ARTICLE.index(" opened"))
    press(qtbot, pane, Qt.Key.Key_2)
    pane.select_codepoints(inner, inner + 4)
    press(qtbot, pane, Qt.Key.Key_3)  # nested inside the company span
    pane.place_caret(len(ARTICLE) - 2)  # nothing selected: only the painted spans remain
    formats = _span_formats(window)
    assert len(formats) >= 3
    base = QColor(colours["Base"])
    for _, _, fmt in formats:
        background, foreground = fmt.background().color(), fmt.foreground().color()
        assert contrast(foreground, background) >= MIN_CONTRAST
        # The tint sits on the palette's own text background: dark on dark, light on light.
        assert (luminance(background) < 0.2) == (luminance(base) < 0.2)
    assert pane.palette().color(QPalette.ColorRole.Base) == base
    assert window.view.palette().color(window.view.backgroundRole()) == base
    image = window.view.grab().toImage()
    corner = image.pixelColor(image.width() - 30, 5)  # header background, beside the title
    assert contrast(corner, base) < 1.1


def test_a_palette_change_while_open_repaints_the_spans(qtbot, window, system_palette):
    pane = window.pane
    start = ARTICLE.index("Foshan")
    pane.select_codepoints(start, start + len("Foshan"))
    press(qtbot, pane, Qt.Key.Key_1)
    pane.place_caret(0)
    light = _span_formats(window)[0][2].background().color()
    system_palette(DARK)
    qtbot.waitUntil(lambda: luminance(_span_formats(window)[0][2].background().color()) < 0.2)
    dark = _span_formats(window)[0][2]
    assert dark.background().color() != light
    assert contrast(dark.foreground().color(), dark.background().color()) >= MIN_CONTRAST


def test_the_hint_and_selected_span_follow_the_palette(qtbot, window, system_palette):
    system_palette(DARK)
    hint = window.hint
    qtbot.waitUntil(lambda: luminance(hint.palette().color(QPalette.ColorRole.Window)) < 0.2)
    background = hint.palette().color(QPalette.ColorRole.Window)
    assert luminance(background) < 0.2
    assert contrast(hint.palette().color(QPalette.ColorRole.WindowText), background) >= MIN_CONTRAST
    pane = window.pane
    start = ARTICLE.index("Midea Group")
    pane.select_codepoints(start, start + len("Midea Group"))
    press(qtbot, pane, Qt.Key.Key_2)
    pane.place_caret(start + 2)  # the caret in a span selects it: drawn in the full label colour
    (selected,) = [s for s in pane.extraSelections() if s.cursor.selectedText() == "Midea Group"]
    assert contrast(selected.format.foreground().color(), selected.format.background().color()) >= MIN_CONTRAST


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("message", ["#2f855a", "#c0392b", "#d63031", "#b35900"])
def test_message_colours_are_made_readable_on_the_window(colours, message):
    from annotator.ui.widgets.colours import readable

    background = colours["Window"]
    shown = readable(message, background)
    assert contrast(shown, background) >= MIN_CONTRAST
    if contrast(message, background) >= MIN_CONTRAST:
        assert shown == QColor(message)  # already readable: left as it is


def test_the_saved_message_reads_well_in_a_dark_window(qtbot, controller, corpus_path, system_palette):
    system_palette(DARK)
    w = controller.open(corpus_path)
    qtbot.addWidget(w)
    sheet = w.status.saved.styleSheet()
    colour = QColor(sheet.removeprefix("color: ").rstrip(";"))
    assert contrast(colour, DARK["Window"]) >= MIN_CONTRAST
