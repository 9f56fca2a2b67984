"""What the window tests share: the sample article, closing a window as the app does, reading
the corpus as another program would, and pressing keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.core.model import Annotation
from annotator.ui.main_window import MainWindow

ARTICLE = (
    "Kuka Robot (Guangdong) Co., Ltd. opened a plant in Foshan.\n"
    "\n"
    "Midea Group and Foshan officials discussed the Greater Bay Area plan. "
    "Foshan is a big manufacturing city, and Shunde District lies in Foshan.\n"
)


def close_window(window: MainWindow) -> None:
    """Close a window, then its corpus, as the app does (a window the app replaced is gone already)."""
    from shiboken6 import isValid

    session = window.session
    if isValid(window):
        window.close()
    session.corpus.close()


def second_connection(path: Path):
    """The corpus file through a second SQLite connection, as another program sees it.

    Not ``open_corpus``: its look at the file's header with Python's ``open()`` would drop
    every lock this process (the window's) holds on the file, and the next program to close
    the corpus (a background task's process) would then delete the WAL under the window."""
    import sqlite3

    from annotator.store.corpus import Corpus
    from annotator.store.locking import CorpusDatabase

    conn = sqlite3.connect(str(path), timeout=10)
    conn.execute("PRAGMA foreign_keys = ON")
    return Corpus(CorpusDatabase(conn, execute_plugins=False), Path(path))


def stored(path: Path, article_id: int = 1) -> list[Annotation]:
    """What another process reading the corpus file sees right now (read by a separate process,
    never through the app's connection or this process's)."""
    from tests.durability.outside import annotations_elsewhere

    return annotations_elsewhere(path, article_id)


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(widget, key, modifier)
