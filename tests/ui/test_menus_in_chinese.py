"""The menus are put together the same in any language: parts added after the menu bar is
built (View › Annotations of, the Suggestions menu) find their menus by name, not by their
English titles."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from annotator.ui import i18n


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    i18n.install(QApplication.instance(), request.param)
    yield request.param
    i18n.install(QApplication.instance(), "en")


def test_the_menu_bar_is_the_same_in_every_language(qtbot, controller, corpus_path, language):
    window = controller.open(corpus_path)
    qtbot.addWidget(window)
    try:
        bar = [a.menu().objectName() for a in window.menuBar().actions()]
        assert bar == ["menuFile", "menuEdit", "menuLabel", "menuArticle", "menuView", "menuTeam",
                       "menuSuggestions", "menuHelp"]
        view = window.window_actions.menus["&View"].actions()
        assert view[0].menu() is window.team.layers_menu  # Annotations of: mine, everyone's, chosen
        assert window.suggestions.actions.show in view
    finally:
        window.close()
        window.session.corpus.close()


def test_the_shortcut_list_names_commands_without_their_key_letters(qtbot, controller, corpus_path, language):
    import re

    window = controller.open(corpus_path)
    qtbot.addWidget(window)
    try:
        dialog = window.show_shortcuts()
        names = [name for name, _keys in dialog.shortcut_rows()]
        assert names and not [n for n in names if re.search(r"\([A-Z]\)$|&", n)]
        dialog.close()
    finally:
        window.close()
        window.session.corpus.close()
