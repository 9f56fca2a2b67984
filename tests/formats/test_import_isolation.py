"""One file's failure stays that file's; two imports creating the same new label at once both keep their spans."""

import json
import subprocess
import sys

from annotator.formats import ImportBatch, Outcome
from annotator.store import open_corpus


def test_an_unexpected_error_is_that_files_failure_with_a_pointer_to_the_log(corpus, tmp_path, monkeypatch):
    import annotator.formats.import_conll as conll
    from annotator.core.log import configure

    log = configure(tmp_path / "logs")

    def broken(self, token, tag, n):
        raise AttributeError("an importer bug")

    monkeypatch.setattr(conll.TaggedTokens, "add", broken)
    bad = tmp_path / "a.conll"
    bad.write_text("Foshan B-LOC\n", encoding="utf-8")
    good = tmp_path / "b.txt"
    good.write_text("Zhuhai news.", encoding="utf-8")
    try:
        failed, imported = ImportBatch(corpus, [bad, good])
    finally:
        configure(None)
    assert failed.outcome is Outcome.REJECTED
    assert failed.reason == (
        f"Cannot import this file: an unexpected error (AttributeError: an importer bug); the details are in {log}."
    )
    assert "an importer bug" in log.read_text(encoding="utf-8") and str(bad) in log.read_text(encoding="utf-8")
    assert imported.outcome is Outcome.IMPORTED


def test_no_traceback_reaches_the_terminal(tmp_path):
    script = (
        "import sys; import annotator.formats.import_conll as c\n"
        "def broken(*a): raise AttributeError('an importer bug')\n"
        "c.TaggedTokens.add = broken\n"
        "from annotator.cli import main\n"
        "sys.exit(main())\n"
    )
    bad = tmp_path / "a.conll"
    bad.write_text("Foshan B-LOC\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", script, "--db", str(tmp_path / "c.db"), "import", str(bad)],
        capture_output=True,
        text=True,
        env={"XDG_DATA_HOME": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "AttributeError: an importer bug" in proc.stderr
    log = tmp_path / "data" / "Annotator" / "logs" / "annotator.log"
    assert f"the details are in {log}." in proc.stderr
    assert "Traceback" in log.read_text(encoding="utf-8") and "an importer bug" in log.read_text(encoding="utf-8")


def test_two_imports_creating_the_same_new_label_at_once_both_keep_their_spans(tmp_path):
    path = tmp_path / "c.db"
    first_file = tmp_path / "one.jsonl"
    first_file.write_text(
        "".join(json.dumps({"text": t, "label": [[0, 6, "CITY"]]}) + "\n" for t in ("Foshan one", "Zhuhai two")),
        encoding="utf-8",
    )
    other_file = tmp_path / "other.jsonl"
    other_file.write_text(json.dumps({"text": "Jiangmen three", "label": [[0, 8, "CITY"]]}) + "\n", encoding="utf-8")
    with open_corpus(path) as a, open_corpus(path) as b:
        batch = ImportBatch(a, [first_file])
        # The first batch has read the label set (no CITY yet) ...
        batch._label_resolver()
        # ... when another program creates CITY with its own import.
        (other,) = ImportBatch(b, [other_file])
        assert other.outcome is Outcome.IMPORTED and other.spans == 1
        results = list(batch)
        assert [(r.outcome, r.spans, r.warnings) for r in results] == [
            (Outcome.IMPORTED, 1, ()),
            (Outcome.IMPORTED, 1, ()),
        ]
        assert [lab.tag for lab in a.labels.list()].count("CITY") == 1
        assert batch.report.labels_created == []


def test_a_reimport_after_a_lost_label_race_adds_the_spans(tmp_path):
    """The older failure mode: articles came in without their spans; importing again now adds them."""
    path = tmp_path / "c.db"
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps({"text": "Foshan one", "label": [[0, 6, "CITY"]]}) + "\n", encoding="utf-8")
    with open_corpus(path) as corpus:
        article = corpus.articles.add("", "Foshan one")  # the article without its span
        (result,) = ImportBatch(corpus, [source])
        assert result.outcome is Outcome.SPANS_ADDED and result.article_id == article.id and result.spans == 1
