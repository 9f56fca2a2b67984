import json

from PySide6.QtWidgets import QMessageBox

from annotator.ui import corpus_files


def test_labelled_import_reports_span_warnings_and_brings_new_labels(qtbot, window, tmp_path):
    text = "Hengqin and \U0001f1ed\U0001f1f0 Hong Kong joined the plan."
    start = len("Hengqin and \U0001f1ed\U0001f1f0 ".encode("utf-16-le")) // 2
    path = tmp_path / "doccano.jsonl"
    path.write_text(
        json.dumps(
            {"text": text, "label": [[0, 7, "ZONE"], [start, start + 9, "LOCATION"], [13, 14, "ZONE"]]},
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    task = corpus_files.run_import(window, [str(path)])
    assert task.wait()
    report, stopped = task.result
    assert stopped == ""
    assert report.imported == 1 and report.spans == 2 and len(report.warnings) == 2
    box = window.findChild(QMessageBox, "importReport")
    qtbot.waitUntil(box.isVisible)
    assert box.text() == "Imported 1 article with 2 spans; 1 span warning; 1 other warning; 1 new label (ZONE)."
    assert "Some spans were left out" in box.informativeText()
    assert box.detailedText().splitlines() == [
        "Warnings:",
        (f"  {path}, line 1, span 3: The start offset 13 falls inside a character outside the Basic Multilingual Plane "
        "(between the two halves of a UTF-16 surrogate pair); are these offsets code points?"),
        (f"  {path}, line 1: 1 span after a character outside the Basic Multilingual Plane (an emoji, a rare CJK "
         "character) read as UTF-16 code units, doccano's default; if this file counts code points, import it again "
         "with --offsets codepoints."),
    ]
    box.grab().save(str(tmp_path / "report.png"))
    box.close()
    zone = next(lab for lab in window.session.labels if lab.tag == "ZONE")
    assert zone.name == "Zone" and zone.hotkey is None
    corpus = window.session.corpus
    new_id = corpus.articles.count()
    anns = corpus.annotations.for_article(new_id)
    # the file names no annotator: its spans are credited to the file, never silently to the user
    credit = "import:doccano.jsonl"
    assert [(a.text, a.annotator) for a in anns] == [("Hengqin", credit), ("Hong Kong", credit)]


def test_spans_imported_onto_the_open_article_appear_in_it(qtbot, window, tmp_path):
    article = window.editor.article
    assert article is not None
    count = window.session.corpus.annotations.count(article.id)
    word_end = next(i for i, ch in enumerate(article.text) if not ch.isalnum())
    path = tmp_path / "more.jsonl"
    path.write_text(json.dumps({"text": article.text, "label": [[0, word_end, "LOCATION"]]}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    task = corpus_files.run_import(window, [str(path)], show_summary=False)
    assert task.wait()
    report, _ = task.result
    assert report.summary().endswith("1 span added to 1 existing article.")
    assert window.session.corpus.annotations.count(article.id) == count + 1
    assert window.editor.article.id == article.id
    qtbot.waitUntil(lambda: window.pane.loaded_upto > 0)
    shown = window.pane.annotations_at(0)  # what the text pane paints there, not only what the corpus holds
    assert any(a.end == word_end and a.annotator == "import:more.jsonl" for a in shown)


def test_the_progress_moves_within_one_large_file(qtbot, window, tmp_path):
    from annotator.formats.jobs import PROGRESS_STEPS

    path = tmp_path / "many.jsonl"
    # Results come out a committed group at a time (a group ends after 50 ms): enough records for several.
    lines = (json.dumps({"text": f"Article {n} on Jiangmen.", "label": [[0, 7, "DOC"]]}) + "\n" for n in range(3000))
    path.write_text("".join(lines), encoding="utf-8")
    values = []
    task = corpus_files.run_import(window, [str(path)], show_summary=False)
    task.progressed.connect(lambda done, total, text: values.append(done))
    assert task.wait()
    report, _ = task.result
    assert report.imported == 3000
    assert any(0 < v < PROGRESS_STEPS for v in values)  # not stuck at 0 until the one file is done
    assert values == sorted(values) and values[-1] == PROGRESS_STEPS


def _doccano(tmp_path, name="batch3.jsonl"):
    path = tmp_path / name
    path.write_text(json.dumps({"text": "Foshan signed with Zhuhai.", "label": [[0, 6, "LOCATION"]]}) + "\n", "utf-8")
    return path


def _credit_dialog(qtbot, window, paths):
    from annotator.ui.dialogs.import_credit import ImportCreditDialog

    dialog = corpus_files.ask_credit_then_import(window, [str(p) for p in paths])
    assert isinstance(dialog, ImportCreditDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _imported_annotators(qtbot, window) -> set[str]:
    qtbot.waitUntil(lambda: not window.tasks, timeout=30000)
    return {a.annotator for a in window.session.corpus.annotations.for_article(3)}


def test_the_window_asks_whom_to_credit_spans_that_name_no_annotator(qtbot, window, tmp_path):
    dialog = _credit_dialog(qtbot, window, [_doccano(tmp_path)])
    qtbot.keyClicks(dialog.name, "mei")  # typing a name chooses "This analyst"
    assert dialog.to_analyst.isChecked()
    dialog.import_button.click()
    assert _imported_annotators(qtbot, window) == {"mei"}


def test_by_default_each_file_is_credited_and_plain_text_is_not_asked_about(qtbot, window, tmp_path):
    dialog = _credit_dialog(qtbot, window, [_doccano(tmp_path)])
    assert dialog.by_file.isChecked()
    dialog.import_button.click()
    assert _imported_annotators(qtbot, window) == {"import:batch3.jsonl"}
    plain = tmp_path / "plain.txt"
    plain.write_text("Jiangmen joined the plan.\n", encoding="utf-8")
    task = corpus_files.ask_credit_then_import(window, [str(plain)])
    assert task.wait()  # no question for a file that brings no spans


def test_an_empty_name_is_not_taken_and_cancel_imports_nothing(qtbot, window, tmp_path):
    dialog = _credit_dialog(qtbot, window, [_doccano(tmp_path)])
    dialog.to_analyst.setChecked(True)
    dialog.import_button.click()
    assert dialog.isVisible()  # asked again for the name
    dialog.reject()
    assert not window.tasks and window.articles.total() == 2
