"""File › Export dataset: the dialog, its remembered choices, the progress dialog and the report."""

from __future__ import annotations

import csv
import dataclasses
import json

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox, QPushButton, QWidget

from annotator.core.model import Annotation, Status
from annotator.formats import EXPORTERS
from annotator.store import open_corpus
from annotator.ui import corpus_files
from annotator.ui.dialogs import export_dialog
from annotator.ui.dialogs.export_dialog import ExportDialog
from annotator.ui.widgets import task_bar
from tests.app_helpers import ARTICLE

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def corpus_path(tmp_path):
    """Two labelled articles (one done) by two annotators, and twenty more without spans."""
    path = tmp_path / "corpus.db"
    with open_corpus(path, user="tester") as corpus:  # the window's analyst: the status is theirs
        a = corpus.articles.add("Foshan visit", ARTICLE, source="Test Daily")
        b = corpus.articles.add("Second article", "Guangzhou and Shenzhen signed a plan.\n")
        tags = {lab.tag: lab.id for lab in corpus.labels.list()}

        def span(article, tag, needle, who, note=None):
            start = article.text.index(needle)
            return Annotation(None, article.id, tags[tag], start, start + len(needle), needle, who, note)

        corpus.annotations.add_many(
            [
                span(a, "LOCATION", "Foshan", "mei", "line one\nline two"),
                span(a, "COMPANY", "Midea Group", "li"),
                span(a, "POLICY_TERM", "Greater Bay Area plan", "mei"),
                span(b, "LOCATION", "Guangzhou", "mei"),
            ]
        )
        corpus.articles.set_status(a.id, Status.DONE)
        for i in range(20):
            corpus.articles.add(f"Filler {i}", f"Filler article number {i}.")
    return path


@pytest.fixture
def out_dir(tmp_path):
    d = tmp_path / "out"
    d.mkdir()
    return d


def open_dialog(qtbot, window) -> ExportDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL_SHIFT)

    def shown() -> list[ExportDialog]:
        return [d for d in window.findChildren(ExportDialog, "exportDialog") if d.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    return shown()[0]


def choose_format(qtbot, dialog, name: str) -> None:
    """Pick a format with the keyboard: Home, then Down to its row."""
    dialog.format.setFocus()
    qtbot.keyClick(dialog.format, Qt.Key.Key_Home)
    for _ in range(list(EXPORTERS).index(name)):
        qtbot.keyClick(dialog.format, Qt.Key.Key_Down)
    assert dialog.format.currentData() == name


def type_path(qtbot, dialog, path) -> None:
    dialog.path.setFocus()
    qtbot.keyClick(dialog.path, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.path, Qt.Key.Key_Delete)
    qtbot.keyClicks(dialog.path, str(path))


def toggle_row(qtbot, view, row: int) -> None:
    """Move to a row of a check list with the keyboard and toggle it with Space."""
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    for _ in range(row):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Space)


def click_export(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, "exportButton"), Qt.MouseButton.LeftButton)


def report_box(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "exportReport") is not None)
    return window.findChild(QMessageBox, "exportReport")


def test_export_with_filters_and_the_report(qtbot, window, out_dir):
    dialog = open_dialog(qtbot, window)
    choose_format(qtbot, dialog, "csv")
    assert "Keeps" in dialog.about_format.text() and EXPORTERS["csv"].loses in dialog.about_format.text()
    type_path(qtbot, dialog, out_dir / "spans.csv")
    # done articles only: what the dialog chooses by default once an article is done
    assert [s for s, box in dialog.statuses.items() if box.isChecked()] == ["done"]
    toggle_row(qtbot, dialog.labels, 2)  # Policy term off
    click_export(qtbot, dialog)
    box = report_box(qtbot, window)
    assert box.text() == f"Exported 1 article with 2 spans to {out_dir / 'spans.csv'}."
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()  # closed (and deleted)
    with (out_dir / "spans.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["label"], r["text"], r["annotator"]) for r in rows] == [
        ("LOCATION", "Foshan", "mei"),
        ("COMPANY", "Midea Group", "li"),
    ]
    assert "Exported 1 article" in window.status.currentMessage()
    box.close()


def test_choices_are_remembered(qtbot, window, out_dir, settings):
    dialog = open_dialog(qtbot, window)
    choose_format(qtbot, dialog, "doccano")
    type_path(qtbot, dialog, out_dir / "d.jsonl")
    dialog.offsets.setFocus()
    qtbot.keyClick(dialog.offsets, Qt.Key.Key_Down)
    assert dialog.offsets.currentData() == "codepoints"
    toggle_row(qtbot, dialog.annotators, 0)  # li off
    for name in ("status_new", "status_in_progress"):  # every article, not only the done one
        qtbot.mouseClick(dialog.findChild(QCheckBox, name), Qt.MouseButton.LeftButton)
    dialog.split_on.setFocus()
    qtbot.keyClick(dialog.split_on, Qt.Key.Key_Space)
    assert dialog.split_on.isChecked() and dialog.seed.isEnabled()
    dialog.seed.setFocus()
    qtbot.keyClick(dialog.seed, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.seed, "7")
    click_export(qtbot, dialog)
    report_box(qtbot, window).close()
    parts = {
        p: [json.loads(x) for x in (out_dir / f"d.{p}.jsonl").read_text().splitlines()]
        for p in ("train", "dev", "test")
    }
    assert [len(v) for v in parts.values()] == [18, 2, 2]
    labels = sorted(lab for v in parts.values() for r in v for _s, _e, lab in r["label"])
    assert labels == ["LOCATION", "LOCATION", "POLICY_TERM"]  # mei's spans; li's company is left out

    again = open_dialog(qtbot, window)
    assert again.format.currentData() == "doccano" and again.path.text() == str(out_dir / "d.jsonl")
    assert again.offsets.currentData() == "codepoints" and again.offsets.isVisibleTo(again)
    assert again.split_on.isChecked() and again.seed.value() == 7
    assert again.annotators.keys(checked=False) == ["li"]
    assert settings.value("export/format") == "doccano"
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert not again.isVisible()


def test_cancel_writes_nothing(qtbot, window, out_dir, monkeypatch):
    monkeypatch.setattr(task_bar, "SHOW_AFTER_MS", 0)
    dialog = open_dialog(qtbot, window)
    choose_format(qtbot, dialog, "jsonl")
    type_path(qtbot, dialog, out_dir / "all.jsonl")
    click_export(qtbot, dialog)
    assert not dialog.isVisible()  # out of the way: the window is usable while the export runs
    qtbot.waitUntil(lambda: window.status.findChild(QWidget, "taskProgress") is not None)
    bar = window.status.findChild(QWidget, "taskProgress")
    qtbot.waitUntil(bar.isVisible)
    qtbot.mouseClick(bar.findChild(QPushButton, "taskCancel"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.tasks, timeout=30_000)
    assert list(out_dir.iterdir()) == []
    assert window.status.currentMessage() == "Export cancelled; nothing was written."
    assert dialog.isVisible()  # the choices are still there to run again
    assert window.findChild(QMessageBox, "exportReport") is None
    dialog.reject()


def test_browse_picks_a_file_or_a_folder_by_format(qtbot, window, out_dir, monkeypatch):
    calls = []
    monkeypatch.setattr(
        export_dialog.file_dialogs,
        "save_file_name",
        lambda *a, **k: calls.append(("file", a[3])) or str(out_dir / "picked"),
    )
    monkeypatch.setattr(
        export_dialog.file_dialogs,
        "existing_directory",
        lambda *a, **k: calls.append(("folder",)) or str(out_dir / "brat"),
    )
    dialog = open_dialog(qtbot, window)
    choose_format(qtbot, dialog, "w3c")
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert calls == [("file", "W3C Web Annotation JSON-LD (*.jsonld);;All files (*)")]
    assert dialog.path.text() == str(out_dir / "picked.jsonld")
    choose_format(qtbot, dialog, "brat")
    assert dialog.path.text() == str(out_dir / "picked")  # a folder of the same name
    assert not dialog.offsets.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert calls[-1] == ("folder",) and dialog.path.text() == str(out_dir / "brat")
    dialog.reject()


def test_extension_follows_the_format(qtbot, window, out_dir):
    dialog = open_dialog(qtbot, window)
    choose_format(qtbot, dialog, "jsonl")
    type_path(qtbot, dialog, out_dir / "set.jsonl")
    for name, expected in [("csv", "set.csv"), ("brat", "set"), ("w3c", "set.jsonld"), ("labelstudio", "set.json")]:
        choose_format(qtbot, dialog, name)
        assert dialog.path.text() == str(out_dir / expected)
    dialog.reject()


def test_brat_zip_and_warnings_in_the_details(qtbot, window, out_dir):
    dialog = open_dialog(qtbot, window)
    choose_format(qtbot, dialog, "brat")
    type_path(qtbot, dialog, out_dir / "brat.zip")
    click_export(qtbot, dialog)
    box = report_box(qtbot, window)
    assert box.icon() == QMessageBox.Icon.Warning
    assert "note has line breaks or tabs" in box.detailedText()
    assert (out_dir / "brat.zip").is_file()
    box.close()


@pytest.mark.parametrize(
    "setup, message",
    [
        ("split", "The split must add up to 100 %, not 110 %."),
        ("empty part", "A split needs at least a train and a dev part."),  # as `annotator export --split 0/100` says
        ("folder", "already holds other files"),
        ("nowhere", "does not exist"),
        ("statuses", "Choose at least one status."),
    ],
)
def test_mistakes_are_shown_in_the_dialog(qtbot, window, out_dir, setup, message):
    dialog = open_dialog(qtbot, window)
    choose_format(qtbot, dialog, "brat" if setup == "folder" else "csv")
    type_path(qtbot, dialog, out_dir / "x.csv")
    if setup == "split":
        dialog.split_on.setChecked(True)
        dialog.split_parts["dev"].setFocus()
        qtbot.keyClick(dialog.split_parts["dev"], Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.split_parts["dev"], "20")
    elif setup == "empty part":
        dialog.split_on.setChecked(True)
        for name, value in (("train", "0"), ("dev", "100"), ("test", "0")):
            dialog.split_parts[name].setFocus()
            qtbot.keyClick(dialog.split_parts[name], Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(dialog.split_parts[name], value)
    elif setup == "folder":
        (out_dir / "thesis.docx").write_text("mine")
        type_path(qtbot, dialog, out_dir)
    elif setup == "nowhere":
        type_path(qtbot, dialog, out_dir / "missing" / "x.csv")
    else:
        for box in dialog.statuses.values():
            if box.isChecked():
                qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    click_export(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.isVisible() and message in dialog.error.text()
    assert sorted(p.name for p in out_dir.iterdir()) in ([], ["thesis.docx"])
    qtbot.keyClicks(dialog.path, "v")
    assert not dialog.error.isVisible()  # editing clears it
    dialog.reject()


def test_a_failed_export_keeps_the_dialog_open_with_the_reason(qtbot, window, out_dir, monkeypatch):
    def full_disk(docs, sink, ctx):
        sink.text().write("partial")
        raise OSError(28, "No space left on device", str(out_dir / "x.csv"))

    monkeypatch.setitem(EXPORTERS, "csv", dataclasses.replace(EXPORTERS["csv"], write=full_disk))
    # The failing writer is patched in this process: the export runs here rather than in its own.
    monkeypatch.setattr(
        corpus_files, "export_task", lambda corpus, choice: corpus_files.Task.inline(
            corpus_files._export_here, corpus, str(choice.path), choice.format, choice.options
        )
    )
    dialog = open_dialog(qtbot, window)
    choose_format(qtbot, dialog, "csv")
    type_path(qtbot, dialog, out_dir / "x.csv")
    click_export(qtbot, dialog)
    qtbot.waitUntil(lambda: not window.tasks)
    assert dialog.isVisible()
    assert dialog.error.text() == f"Could not write the export: No space left on device ({out_dir / 'x.csv'})."
    assert list(out_dir.iterdir()) == []
    dialog.reject()


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_replacing_an_earlier_export_is_asked_first(qtbot, window, out_dir, monkeypatch, answer):
    asked = []
    monkeypatch.setattr(
        export_dialog.QMessageBox, "question", lambda parent, title, text: asked.append((title, text)) or answer
    )
    (out_dir / "spans.csv").write_text("earlier\n")
    dialog = open_dialog(qtbot, window)
    choose_format(qtbot, dialog, "csv")
    type_path(qtbot, dialog, out_dir / "spans.csv")
    click_export(qtbot, dialog)
    assert asked == [("Replace file?", "spans.csv already exists. Replace it with this export?")]
    if answer == QMessageBox.StandardButton.No:
        assert dialog.isVisible() and (out_dir / "spans.csv").read_text() == "earlier\n"
        dialog.reject()
    else:
        report_box(qtbot, window).close()
        assert (out_dir / "spans.csv").read_text().startswith("article_id,")


def test_replacing_the_parts_of_an_earlier_split_is_asked_first(qtbot, window, out_dir, monkeypatch):
    asked = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(
        export_dialog.QMessageBox, "question", lambda parent, title, text: asked.append((title, text)) or answer
    )
    (out_dir / "spans.train.csv").write_text("earlier\n")
    (out_dir / "spans.test.csv").write_text("earlier\n")
    dialog = open_dialog(qtbot, window)
    choose_format(qtbot, dialog, "csv")
    type_path(qtbot, dialog, out_dir / "spans.csv")
    if not dialog.split_on.isChecked():
        dialog.split_on.setFocus()
        qtbot.keyClick(dialog.split_on, Qt.Key.Key_Space)
    click_export(qtbot, dialog)
    assert asked == [
        ("Replace files?", "spans.train.csv, spans.test.csv already exist. Replace them with this export?")
    ]
    assert dialog.isVisible() and (out_dir / "spans.train.csv").read_text() == "earlier\n"
    assert sorted(p.name for p in out_dir.iterdir()) == ["spans.test.csv", "spans.train.csv"]
    dialog.reject()


def test_defaults_are_done_articles_the_path_is_per_corpus_and_unannotated_ones_are_counted(
    qtbot, window, out_dir, tmp_path
):
    dialog = open_dialog(qtbot, window)
    assert [s for s, box in dialog.statuses.items() if box.isChecked()] == ["done"]
    assert not dialog.unannotated.isVisibleTo(dialog)  # the done article has annotations
    qtbot.mouseClick(dialog.findChild(QCheckBox, "status_new"), Qt.MouseButton.LeftButton)
    assert dialog.unannotated.isVisibleTo(dialog)
    count = window.session.corpus.articles.count_unannotated(["new", "done"])
    assert count > 0 and f"{count:,} of the chosen articles have no annotations" in dialog.unannotated.text()
    assert "every token O" in dialog.unannotated.text()
    type_path(qtbot, dialog, out_dir / "mine.jsonl")
    dialog._save()
    dialog.reject()
    assert open_dialog(qtbot, window).path.text() == str(out_dir / "mine.jsonl")
    from annotator.ui import settings as keys

    other = keys.EXPORT_PATH.at(keys.corpus_key(tmp_path / "other.db")).read(window.settings)
    assert other == ""  # another corpus does not get this corpus's path
