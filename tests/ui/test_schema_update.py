"""Opening an older corpus whose update takes a while shows its progress; Cancel leaves the file as it was."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from annotator.store import review_counts
from annotator.ui import schema_update
from tests.app_helpers import close_window
from tests.store.test_review_counts import _old_corpus


@pytest.fixture
def slow_update(monkeypatch):
    """The update of a small corpus in as many steps as a large one's, with the dialog shown at once."""
    monkeypatch.setattr(review_counts, "FILL_STEP", 50)
    monkeypatch.setattr(schema_update, "SHOW_AFTER", 0.0)


def _dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def _applied(path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")}


def test_the_update_shows_its_progress_and_the_corpus_opens(qtbot, controller, tmp_path, slow_update):
    path = tmp_path / "old.db"
    _old_corpus(path)
    seen: list[tuple[str, int]] = []

    def look() -> None:
        seen.extend((d.labelText(), d.value()) for d in _dialogs())

    timer = QTimer(interval=0)
    timer.timeout.connect(look)
    timer.start()
    w = controller.open(path)
    timer.stop()
    qtbot.addWidget(w)
    assert seen and seen[0][0] == "Updating the corpus for this version of Annotator…"
    assert 0 < max(value for _, value in seen) <= 1000
    assert not _dialogs()  # closed once the corpus is open
    assert "m006_review_counts" in _applied(path)
    close_window(w)


def test_cancel_leaves_the_older_corpus_as_it_was(qtbot, controller, tmp_path, slow_update):
    path = tmp_path / "old.db"
    _old_corpus(path)
    before = _applied(path)

    def cancel() -> None:
        for dialog in _dialogs():
            dialog.cancel()

    timer = QTimer(interval=0)
    timer.timeout.connect(cancel)
    timer.start()
    with pytest.raises(schema_update.SchemaUpdateStopped, match="left as it was"):
        controller.open(path)
    timer.stop()
    assert _applied(path) == before and "m006_review_counts" not in before
    assert not _dialogs()
