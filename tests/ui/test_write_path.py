"""One write path: every edit returns its Changes, and the session alone announces them."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.model import Annotation, Label
from annotator.store import open_corpus
from annotator.store.changes import Changes
from annotator.ui.session import CorpusSession

UI = Path(__file__).resolve().parents[2] / "annotator" / "ui"
DATA_SIGNALS = ("annotations_added", "annotations_removed", "annotations_changed", "labels_changed",
                "article_changed", "articles_imported", "saved")
EMIT = re.compile(r"\.(" + "|".join(DATA_SIGNALS) + r")\.emit\(")


def test_only_the_session_emits_its_data_signals():
    emitting = sorted(
        str(path.relative_to(UI)) for path in UI.rglob("*.py") if EMIT.search(path.read_text(encoding="utf-8"))
    )
    assert emitting == ["session.py"]
    session_source = (UI / "session.py").read_text(encoding="utf-8")
    body = session_source[session_source.index("def announce"):]
    body = body[: body.index("\n    def ", 10)]
    assert len(EMIT.findall(session_source)) == len(EMIT.findall(body))  # all of them in announce()


def test_the_session_announces_what_an_edit_changed(qtbot, tmp_path):
    corpus = open_corpus(tmp_path / "c.db")
    article = corpus.articles.add("A", "Foshan and Midea.\n")
    session = CorpusSession(corpus, "mei")
    heard: list[tuple[str, object]] = []
    for name in DATA_SIGNALS:
        getattr(session, name).connect(lambda *args, name=name: heard.append((name, args[0] if args else None)))
    label = session.add_label(Label(None, "City", "CITY", "#123456"))
    assert [name for name, _ in heard] == ["labels_changed", "saved"] and session.label(label.id) == label
    heard.clear()
    stored = session.add_annotations([Annotation(None, article.id, label.id, 0, 6, "Foshan", "mei")])
    assert heard == [("annotations_added", stored), ("article_changed", article.id), ("saved", None)]
    heard.clear()
    gone = session.delete_label(label.id)
    assert gone == stored
    assert [name for name, _ in heard] == ["annotations_removed", "labels_changed", "article_changed", "saved"]
    assert session.label(label.id) is None
    heard.clear()
    session.announce(Changes())
    assert heard == []  # nothing changed, nothing said
    corpus.close()


WRITES = re.compile(
    r"corpus\.(articles|labels|annotations|review)\.(add|add_many|update|delete|delete_many|set_status|reorder|relabel"
    r"|mark_reviewed|unmark_reviewed|restore)\(|consistency\.(make_consistent|undo_consistent|redo_consistent"
    r"|reject|unreject)\("
)


def test_the_window_writes_only_through_store_edits():
    writing = sorted(
        str(path.relative_to(UI)) for path in UI.rglob("*.py") if WRITES.search(path.read_text(encoding="utf-8"))
    )
    assert writing == []
