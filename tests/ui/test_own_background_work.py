"""The window's own work on connections of its own (an import's process, the search indexer's
thread, a merge) is not "another program": an edit made while it commits is not reloaded away
under the analyst with a false "changed by another program"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.model import Annotation
from annotator.ui import corpus_files
from tests.app_helpers import ARTICLE, second_connection


def _label(qtbot, window, text: str, key=Qt.Key.Key_1) -> None:
    start = ARTICLE.index(text)
    window.pane.select_codepoints(start, start + len(text))
    qtbot.keyClick(window.pane, key)


def _colleague_labels_midea(corpus_path) -> None:
    other = second_connection(corpus_path)
    try:
        start = ARTICLE.index("Midea Group")
        other.annotations.add(Annotation(None, 1, 2, start, start + 11, "Midea Group", "cli"))
    finally:
        other.db.conn.close()


def _start_import(window, tmp_path):
    """The window imports one more article in its own background process."""
    source = tmp_path / "more.txt"
    source.write_text("Zhuhai and Jiangmen signed a freight plan.\n", encoding="utf-8")
    return corpus_files.run_import(window, [str(source)], show_summary=False)


def test_an_edit_while_the_window_imports_is_not_reported_as_another_programs(qtbot, window, tmp_path):
    window.session.check_file()  # whatever opening wrote is absorbed
    task = _start_import(window, tmp_path)
    assert task.wait(60)  # the import's process committed (no event loop ran meanwhile)
    shown = window.editor.article
    _label(qtbot, window, "Foshan")  # an own edit, its signature not taken again yet
    window.session.check_file()  # what the timer does: the file's data_version moved (the import)
    assert "another program" not in window.status.currentMessage()
    assert window.editor.article is shown  # not reopened under the analyst
    assert window.annotations.rowCount() == 1 and window.articles.total() == 3


def test_another_programs_edit_beside_a_pending_own_edit_is_still_shown(qtbot, window, corpus_path):
    window.session.check_file()
    _label(qtbot, window, "Foshan")
    _colleague_labels_midea(corpus_path)
    window.session.check_file()
    assert "another program" in window.status.currentMessage()
    qtbot.waitUntil(lambda: window.annotations.rowCount() == 2)


def test_another_programs_edit_during_the_windows_own_import_is_still_shown(qtbot, window, corpus_path, tmp_path):
    window.session.check_file()
    task = _start_import(window, tmp_path)
    assert task.wait(60)
    _colleague_labels_midea(corpus_path)  # meanwhile a colleague labels the open article
    _label(qtbot, window, "Foshan")  # and the analyst labels too
    window.session.check_file()
    assert "another program" in window.status.currentMessage()
    qtbot.waitUntil(lambda: window.annotations.rowCount() == 2)


def test_a_colleagues_edit_while_the_window_imports_shows_without_an_own_edit(qtbot, window, corpus_path, tmp_path):
    window.session.check_file()
    task = _start_import(window, tmp_path)
    _colleague_labels_midea(corpus_path)  # meanwhile, on the open article
    qtbot.waitUntil(lambda: task.done and window.articles.total() == 3, timeout=60000)
    qtbot.waitUntil(lambda: window.annotations.rowCount() == 1, timeout=10000)  # shown once the import ends


def test_a_colleagues_edit_just_after_an_own_edit_shows_when_typing_pauses(qtbot, window, corpus_path):
    qtbot.waitUntil(lambda: not window.search.indexer.running)
    window.session.check_file()
    _label(qtbot, window, "Foshan")  # an own edit: its signature is taken once typing pauses
    _colleague_labels_midea(corpus_path)  # within that pause
    qtbot.waitUntil(lambda: window.annotations.rowCount() == 2, timeout=10000)
    assert not window.session._signature_timer.isActive()


def test_blind_mode_shows_suggest_from_my_labels_only_on_and_keeps_the_choice(qtbot, window):
    own = window.window_actions.suggest_own_only
    own.setChecked(False)
    window.team.blind.trigger()
    assert own.isChecked() and not own.isEnabled() and window.suggestions.own_only
    window.team.blind.trigger()
    assert not own.isChecked() and own.isEnabled()  # the analyst's own choice is back
