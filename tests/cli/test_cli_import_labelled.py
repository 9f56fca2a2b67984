import json
import zipfile

from annotator.store import open_corpus

FIREFIGHTER = "\U0001f468\U0001f3fb\u200d\U0001f692"
TEXT = f"{FIREFIGHTER} firemen drive firetrucks in 佛山\U00020bb7."


def doccano(path, text=TEXT, labels=([22, 32, "VEHICLE"], [36, 40, "LOCATION"])):
    path.write_text(json.dumps({"text": text, "label": list(labels)}, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def spans(db):
    with open_corpus(db) as corpus:
        tags = {lab.id: lab.tag for lab in corpus.labels.list()}
        return [(a.text, tags[a.label_id], a.annotator) for a in corpus.annotations.for_article(1)]


def test_doccano_import_reports_spans_and_new_labels(cli, db, tmp_path):
    path = doccano(tmp_path / "project.jsonl")
    result = cli("--db", db, "--annotator", "mei", "import", path)
    assert result.exit_code == 0
    assert result.stderr == "Imported 1 article with 2 spans; 1 new label (VEHICLE).\n"
    # the file names no annotator: its spans are the file's, not those of the analyst who imports it
    credit = "import:project.jsonl"
    assert spans(db) == [("firetrucks", "VEHICLE", credit), ("佛山\U00020bb7", "LOCATION", credit)]


def test_import_as_credits_unnamed_spans_and_keeps_named_ones(cli, db, tmp_path):
    path = doccano(tmp_path / "batch3.jsonl")
    assert cli("--db", db, "import", "--as", "contractor", path).exit_code == 0
    assert {who for *_, who in spans(db)} == {"contractor"}
    native = tmp_path / "named.jsonl"
    text = "Foshan and Jiangmen."
    native.write_text(json.dumps({"text": text, "status": "done", "spans": [
        {"start": 0, "end": 6, "label": "LOCATION", "text": "Foshan", "annotator": "li"}]}) + "\n", encoding="utf-8")
    assert cli("--db", db, "import", "--as", "contractor", native).exit_code == 0
    with open_corpus(db) as corpus:
        article = corpus.articles.get(2)
        assert [a.annotator for a in corpus.annotations.for_article(2)] == ["li"]
        assert article.statuses == {"li": "done"}  # a single status goes to the annotators of the spans


def test_span_warnings_on_stderr_and_the_article_still_imported(cli, db, tmp_path):
    path = doccano(tmp_path / "bad.jsonl", labels=([22, 32, "VEHICLE"], [1, 4, "X"], [0, 400, "X"]))
    result = cli("--db", db, "import", path)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        (f"{path}, line 1, span 2: The start offset 1 falls inside a character outside the Basic Multilingual Plane "
        "(between the two halves of a UTF-16 surrogate pair); are these offsets code points?"),
        f"{path}, line 1, span 3: Offsets 0-400 fall outside the text (41 UTF-16 code units).",
        "Imported 1 article with 1 span; 2 span warnings; 1 new label (VEHICLE).",
    ]


def test_offsets_option(cli, db, tmp_path):
    path = doccano(tmp_path / "cp.jsonl", labels=([19, 29, "VEHICLE"],))
    assert cli("--db", db, "import", "--offsets", "codepoints", path).exit_code == 0
    assert spans(db)[0][0] == "firetrucks"
    result = cli("--db", db, "import", "--offsets", "bytes", path)
    assert result.exit_code == 2 and "Invalid value for '--offsets'" in result.stderr


def test_native_round_trip_through_the_command_line(cli, db, tmp_path):
    source = tmp_path / "labelled.jsonl"
    doccano(source)
    cli("--db", db, "--annotator", "li", "import", source)
    first, second = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert cli("--db", db, "export", "--format", "jsonl", "--out", first).exit_code == 0
    fresh = tmp_path / "fresh.db"
    result = cli("--db", fresh, "import", first)
    assert result.exit_code == 0 and result.stderr == "Imported 1 article with 2 spans; 1 new label (VEHICLE).\n"
    cli("--db", fresh, "export", "--format", "jsonl", "--out", second)
    assert second.read_bytes() == first.read_bytes()
    assert spans(fresh) == spans(db)


def test_brat_folder_and_refused_zip(cli, db, tmp_path):
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_text("Foshan and Jiangmen", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tLOCATION 0 6\tFoshan\nT2\tLOCATION 11 19\tJiangmen\nR1\tNear Arg1:T1 Arg2:T2\n")
    result = cli("--db", db, "import", folder)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{folder / 'a.txt'}, a.ann: Ignored 1 relation: Annotator keeps spans and their notes.",
        "Imported 1 article with 2 spans; 1 span warning.",
    ]
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("b.txt", "Zhaoqing")
        zf.writestr("b.ann", "")
        zf.writestr("../../outside.txt", "x")
    result = cli("--db", db, "import", bad)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        (f"{bad}: Refused: entry '../../outside.txt' points outside the archive (an absolute path or '..'). "
        "Nothing was imported."),
        "Imported 0 articles; 1 rejected.",
    ]
    assert json.loads(cli("--db", db, "stats", "--json").stdout)["articles"] == 1
    assert not (tmp_path.parent / "outside.txt").exists()


def test_label_studio_export_detected_from_its_content(cli, db, tmp_path):
    tasks = [{"id": 9, "data": {"text": "Hengqin zone"}, "annotations": [{"completed_by": 3, "result": [
        {"type": "labels", "value": {"start": 0, "end": 7, "text": "Hengqin", "labels": ["LOCATION"]}}]}]}]
    path = tmp_path / "project-1-at-2024.json"
    path.write_text(json.dumps(tasks))
    result = cli("--db", db, "import", path)
    assert result.exit_code == 0 and result.stderr == "Imported 1 article with 1 span.\n"
    assert spans(db) == [("Hengqin", "LOCATION", "label-studio-user-3")]
