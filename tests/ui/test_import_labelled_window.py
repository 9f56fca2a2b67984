import json

from PySide6.QtWidgets import QMessageBox

from annotator.ui import corpus_files


def test_labelled_import_reports_span_warnings_and_brings_new_labels(qtbot, window, tmp_path):
    text = "Hengqin and \U0001f1ed\U0001f1f0 Hong Kong joined the plan."
    start = len("Hengqin and \U0001f1ed\U0001f1f0 ".encode("utf-16-le")) // 2
    path = tmp_path / "doccano.jsonl"
    path.write_text(json.dumps({"text": text, "label": [[0, 7, "ZONE"], [start, start + 9, "LOCATION"], [13, 14, "ZONE"]]},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    report = corpus_files.run_import(window, [str(path)])
    assert report.imported == 1 and report.spans == 2 and len(report.warnings) == 1
    box = window.findChild(QMessageBox, "importReport")
    qtbot.waitUntil(box.isVisible)
    assert box.text() == "Imported 1 article with 2 spans; 1 span warning; 1 new label (ZONE)."
    assert "Some spans were left out" in box.informativeText()
    assert box.detailedText().splitlines() == [
        "Span warnings:",
        (f"  {path}, line 1, span 3: The start offset 13 falls inside a character outside the Basic Multilingual Plane "
        "(between the two halves of a UTF-16 surrogate pair); are these offsets code points?"),
    ]
    box.grab().save(str(tmp_path / "report.png"))
    box.close()
    zone = next(lab for lab in window.session.labels if lab.tag == "ZONE")
    assert zone.name == "Zone" and zone.hotkey is None
    corpus = window.session.corpus
    new_id = corpus.articles.count()
    anns = corpus.annotations.for_article(new_id)
    assert [(a.text, a.annotator) for a in anns] == [("Hengqin", "tester"), ("Hong Kong", "tester")]
