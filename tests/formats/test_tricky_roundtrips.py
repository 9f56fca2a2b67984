"""The tricky corpus (corpora.py) exported for another tool and imported back keeps its spans."""

from annotator.formats import ImportBatch, export_corpus
from annotator.store import open_corpus


def _spans_by_text(corpus):
    tags = {lab.id: lab.tag for lab in corpus.labels.list()}
    return {
        article.text: sorted(
            (a.start, a.end, tags[a.label_id], a.text) for a in corpus.annotations.for_article(article.id)
        )
        for article in corpus.articles.iter_all()
    }


def test_brat_covered_text_with_a_tab_comes_back(tricky, tmp_path):
    # The crlf article has a span '\tTab': its .ann line holds a tab inside the covered text.
    export_corpus(tricky.corpus, tmp_path / "brat", "brat")
    expected = _spans_by_text(tricky.corpus)
    with open_corpus(None) as target:
        report = ImportBatch(target, [tmp_path / "brat"]).run()
        left_out = [str(w) for w in report.warnings if "left out" in str(w)]
        assert not left_out
        got = _spans_by_text(target)
    crlf = tricky.text("crlf")
    assert got[crlf] == expected[crlf]
    assert any(span[3] == "\tTab" for span in got[crlf])


def test_native_jsonl_says_what_a_round_trip_loses(tricky, tmp_path):
    """The jsonl format's 'loses' line (README table, export dialog) names every label and span
    attribute that export and import into an empty corpus do not bring back."""
    from annotator.core.model import Annotation, Label
    from annotator.formats import EXPORTERS

    source = tricky.corpus
    source.labels.add(Label(None, "Örtlichkeit 地名", "ORT", "#123456", None))
    ort = next(lab for lab in source.labels.list() if lab.tag == "ORT")
    text = tricky.text("empty")

    old = "2020-01-02T03:04:05.000+00:00"
    source.annotations.add(
        Annotation(None, tricky.ids["empty"], ort.id, 0, 2, text[:2], "dave", created=old, updated=old)
    )
    export_corpus(source, tmp_path / "corpus.jsonl", "jsonl")
    with open_corpus(None) as target:
        ImportBatch(target, [tmp_path / "corpus.jsonl"]).run()
        back = {lab.tag: lab for lab in target.labels.list()}["ORT"]
        (span,) = [a for a in target.annotations.for_article(tricky.ids["empty"]) if a.label_id == back.id]
    loses = EXPORTERS["jsonl"].loses
    assert back.name != ort.name and "label names" in loses
    assert back.colour != ort.colour and "colours" in loses
    assert span.created != old and "created" in loses
    assert "everything" not in EXPORTERS["jsonl"].keeps


def test_brat_span_across_a_line_break_comes_back_whole(tricky, tmp_path):
    # The export cuts '所在地。\n粤港澳大湾区' into two pieces (a brat line holds no line break);
    # pieces with only line breaks between them are one span again on import.
    export_corpus(tricky.corpus, tmp_path / "brat.zip", "brat")
    with open_corpus(None) as target:
        report = ImportBatch(target, [tmp_path / "brat.zip"]).run()
        assert not [str(w) for w in report.warnings if "Discontinuous" in str(w)]
        got = _spans_by_text(target)
    assert got == _spans_by_text(tricky.corpus)
    assert (17, 28, "POLICY_TERM", "所在地。\n粤港澳大湾区") in got[tricky.text("cjk")]


def test_brat_pieces_with_words_between_stay_separate_spans(corpus, tmp_path):
    (tmp_path / "doc.txt").write_text("North and\nSouth America\nmeet.", encoding="utf-8")
    (tmp_path / "doc.ann").write_text(
        "T1\tLOCATION 0 5;16 23\tNorth America\nT2\tLOCATION 10 23;24 28\tSouth America meet\n", encoding="utf-8"
    )
    report = ImportBatch(corpus, [tmp_path / "doc.txt"]).run()
    (article,) = corpus.articles.iter_all()
    got = sorted((a.start, a.end, a.text) for a in corpus.annotations.for_article(article.id))
    assert got == [(0, 5, "North"), (10, 28, "South America\nmeet"), (16, 23, "America")]
    assert sum("Discontinuous" in str(w) for w in report.warnings) == 1


def test_an_export_never_replaces_a_pipe_or_device_with_a_file(tricky, tmp_path):
    import os
    import stat

    import pytest

    from annotator.formats.sinks import SinkError

    for fmt, name in (("jsonl", "pipe.jsonl"), ("brat", "pipe.zip")):
        pipe = tmp_path / name
        os.mkfifo(pipe)
        with pytest.raises(SinkError, match="not a regular file"):
            export_corpus(tricky.corpus, pipe, fmt)
        assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.jsonl", "pipe.zip", "sources"]


def test_doccano_export_imports_back_with_statuses_and_notes_not_in_meta(tricky, tmp_path):
    export_corpus(tricky.corpus, tmp_path / "doccano.jsonl", "doccano")  # UTF-16 offsets
    with open_corpus(None) as target:
        report = ImportBatch(target, [tmp_path / "doccano.jsonl"]).run()
        assert report.ok and not report.warnings
        for key, source_id in tricky.ids.items():
            before = tricky.corpus.articles.get(source_id)
            # doccano names no annotator: spans and status are the file's (import:FILE), not the importer's
            assert target.layers.status(source_id, "import:doccano.jsonl") == before.status, key
            after = target.articles.get(source_id)
            assert "notes" not in after.meta and "status" not in after.meta
            def notes(c, i):
                return sorted((a.start, a.end, a.note or "") for a in c.annotations.for_article(i))

            assert notes(target, source_id) == notes(tricky.corpus, source_id), key


def test_doccano_fields_of_other_shapes_stay_metadata(corpus, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(
        '{"text": "Foshan", "label": [[0, 6, "LOC"]], "status": "approved", "notes": ["n"]}\n', encoding="utf-8"
    )
    report = ImportBatch(corpus, [path]).run()
    (article,) = corpus.articles.iter_all()
    assert article.meta["status"] == "approved" and article.meta["notes"] == ["n"] and report.ok


def test_a_split_that_fails_while_flushing_a_later_part_replaces_no_part(tricky, tmp_path, monkeypatch):
    """Every part of a split is flushed to disk before any is moved into place: a disk that fills up
    while the last part is flushed leaves all the earlier files as they were."""
    import pytest

    from annotator.formats import sinks
    from annotator.formats.dataset import ExportOptions

    options = ExportOptions(split=(50, 50), seed=1)
    export_corpus(tricky.corpus, tmp_path / "out.jsonl", "jsonl", options)
    before = {p.name: p.read_bytes() for p in tmp_path.glob("out.*")}
    tricky.corpus.articles.add("Later", "An article added after the first export.")
    real, calls = sinks._sync_files, []

    def sync_then_fill(paths):
        calls.append(paths)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(paths)

    monkeypatch.setattr(sinks, "_sync_files", sync_then_fill)
    with pytest.raises(OSError, match="No space"):
        export_corpus(tricky.corpus, tmp_path / "out.jsonl", "jsonl", options)
    assert {p.name: p.read_bytes() for p in tmp_path.glob("out.*")} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.dev.jsonl", "out.train.jsonl", "sources"]


def test_status_fields_of_any_json_shape_stay_metadata(corpus, tmp_path):
    doccano = tmp_path / "d.jsonl"
    doccano.write_text('{"text": "Foshan", "label": [[0, 6, "LOC"]], "status": ["done"]}\n', encoding="utf-8")
    studio = tmp_path / "tasks.json"
    studio.write_text(
        '[{"data": {"text": "Shunde", "status": {"a": 1}, "url": 5}, "annotations": []}]', encoding="utf-8"
    )
    report = ImportBatch(corpus, [doccano, studio]).run()
    assert report.ok and report.imported == 2
    metas = sorted((a.text, a.meta.get("status"), a.url) for a in corpus.articles.iter_all())
    assert metas == [("Foshan", ["done"], None), ("Shunde", {"a": 1}, None)]


def test_label_studio_export_imports_back_with_status_columns_and_meta(tricky, tmp_path):
    source = tricky.corpus
    export_corpus(source, tmp_path / "tasks.json", "labelstudio")
    with open_corpus(None) as target:
        report = ImportBatch(target, [tmp_path / "tasks.json"]).run()
        assert report.ok and not report.warnings
        for key, article_id in tricky.ids.items():
            before, after = source.articles.get(article_id), target.articles.get(article_id)
            assert (after.source, after.url) == (before.source, before.url), key
            # the status goes to the annotators the tasks name, or to the file where they name none
            names = {a.annotator for a in target.annotations.for_article(article_id)} or {"import:tasks.json"}
            if before.status != "new" or before.statuses:
                assert {target.layers.status(article_id, n) for n in names} == {before.status}, key
            assert {k: v for k, v in after.meta.items() if k != "source_id"} == before.meta, key


def test_an_export_to_a_symbolic_link_writes_where_it_points(tricky, tmp_path):
    import os

    (tmp_path / "real.jsonl").write_text("old\n", encoding="utf-8")
    os.symlink("real.jsonl", tmp_path / "latest.jsonl")
    (tmp_path / "real-brat").mkdir()
    os.symlink("real-brat", tmp_path / "brat")
    export_corpus(tricky.corpus, tmp_path / "latest.jsonl", "jsonl")
    export_corpus(tricky.corpus, tmp_path / "brat", "brat")
    assert (tmp_path / "latest.jsonl").is_symlink() and (tmp_path / "brat").is_symlink()
    assert (tmp_path / "real.jsonl").read_text(encoding="utf-8").startswith('{"id":1,')
    assert (tmp_path / "real-brat" / "annotation.conf").is_file()


def test_the_csv_export_of_annotations_is_not_imported_as_articles(tricky, tmp_path):
    export_corpus(tricky.corpus, tmp_path / "spans.csv", "csv")
    with open_corpus(None) as target:
        report = ImportBatch(target, [tmp_path / "spans.csv"]).run()
        assert report.imported == 0 and target.articles.count() == 0
        (rejected,) = report.rejected
        assert "import the jsonl export" in str(rejected)


def test_forced_brat_reads_only_txt_and_ann(tricky, tmp_path):
    export_corpus(tricky.corpus, tmp_path / "brat", "brat")
    (tmp_path / "brat" / "readme.md").write_text("# not brat\n", encoding="utf-8")
    (tmp_path / "data.jsonl").write_text('{"text": "json"}\n', encoding="utf-8")
    with open_corpus(None) as target:
        report = ImportBatch(target, [tmp_path / "brat"], format="brat").run()
        assert report.imported == 4 and report.ok and [r.path.name for r in report.skipped] == ["readme.md"]
        report = ImportBatch(target, [tmp_path / "data.jsonl"], format="brat").run()
        assert report.imported == 0 and "Not a brat document" in str(report.rejected[0])
