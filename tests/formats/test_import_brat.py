import io
import os
import zipfile

import pytest

from annotator.formats import ImportBatch, Outcome, import_brat, iter_import
from annotator.formats.import_brat import brat_record, unsafe_name

from .labelled_samples import TEXT, expected_spans, find, stored_spans


def ann_lines(text: str, spans) -> str:
    """brat entity lines for code point spans of ``text``."""
    return "".join(f"T{n}\t{label} {s} {e}\t{text[s:e]}\n" for n, (s, e, label, _) in enumerate(spans, 1))


def write_pair(folder, name, text: str | bytes, ann: str | bytes):
    folder.mkdir(parents=True, exist_ok=True)
    for suffix, content in ((".txt", text), (".ann", ann)):
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / f"{name}{suffix}").write_bytes(data)
    return folder / f"{name}.txt"


def make_zip(path, entries: dict, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, content in entries.items():
            zf.writestr(name, content)
    return path


def test_a_folder_of_pairs_with_astral_cjk_nested_overlapping(corpus, tmp_path):
    folder = tmp_path / "brat"
    write_pair(folder, "a", TEXT, ann_lines(TEXT, expected_spans()) + "#1\tAnnotatorNotes T1\tthe group, 佛山\n")
    write_pair(folder, "b", "Jiangmen news.", "T1\tLOCATION 0 8\tJiangmen\n")
    (folder / "annotation.conf").write_text("[entities]\nLOCATION\n")
    (folder / "visual.conf").write_text("")
    (folder / "notes.md").write_text("not brat")
    batch = ImportBatch(corpus, [folder])
    results = list(batch)
    assert [(r.path.name, r.outcome) for r in results] == [
        ("a.txt", Outcome.IMPORTED), ("b.txt", Outcome.IMPORTED), ("notes.md", Outcome.SKIPPED),
    ]
    assert stored_spans(corpus, results[0].article_id) == expected_spans()
    notes = {a.text: a.note for a in corpus.annotations.for_article(results[0].article_id) if a.note}
    assert notes == {"firemen of 佛山市": "the group, 佛山"}
    assert batch.report.spans == len(expected_spans()) + 1 and not batch.report.warnings


def test_discontinuous_spans_notes_and_ignored_lines(corpus, tmp_path):
    text = "North and South America meet."
    ann = (
        "T1\tLOCATION 0 5;16 23\tNorth America\n"
        "T2\tLOCATION 10 23\tSouth America\n"
        "R1\tPart-of Arg1:T1 Arg2:T2\n"
        "A1\tNegated T2\n"
        "E1\tMeet:T2\n"
        "#1\tAnnotatorNotes T1\tjoined\n"
        "#2\tAnnotatorNotes T9\tnothing there\n"
        "garbage line\n"
        "T2\tLOCATION 0 5\tNorth\n"
    )
    txt = write_pair(tmp_path, "doc", text, ann)
    (result,) = iter_import(corpus, [txt])
    got = [(a.text, a.note) for a in corpus.annotations.for_article(result.article_id)]
    assert got == [("North", "joined"), ("South America", None), ("America", "joined")]
    assert [(w.span, w.reason) for w in result.warnings] == [
        ("doc.ann line 1, T1", "Discontinuous span (2 fragments) imported as 2 spans."),
        ("doc.ann line 8", "Not a brat annotation line; left out."),
        ("doc.ann line 9, T2", "T2 was given before; this line is left out."),
        ("doc.ann", "A note for T9, which is not an imported span; left out."),
        ("doc.ann", "Ignored 1 attribute, 1 event, 1 relation: Annotator keeps spans and their notes."),
    ]


def test_bad_spans_are_skipped_with_where_they_were(corpus, tmp_path):
    text = "佛山 and Jiangmen"
    ann = "T1\tLOCATION 0 2\t佛山\nT2\tLOCATION 3 6\tJiangmen\nT3\tLOCATION 5 500\tx\nT4\tLOCATION five 6\tx\n"
    txt = write_pair(tmp_path, "bad", text, ann)
    (result,) = iter_import(corpus, [txt])
    assert result.outcome is Outcome.IMPORTED and result.spans == 1
    assert [str(w) for w in result.warnings] == [
        f"{txt}, bad.ann line 2, T2: Offsets 3-6 cover 'and', but the .ann says 'Jiangmen'. Span left out.",
        f"{txt}, bad.ann line 3, T3: Offsets 5-500 fall outside the text (15 characters). Span left out.",
        f"{txt}, bad.ann line 4, T4: Cannot read the label and offsets 'LOCATION five 6'; span left out.",
    ]


@pytest.mark.parametrize("bom_txt", [False, True])
@pytest.mark.parametrize("bom_ann", [False, True])
@pytest.mark.parametrize("crlf_offsets", [False, True])
def test_byte_order_marks_and_crlf(corpus, tmp_path, bom_txt, bom_ann, crlf_offsets):
    raw = "Greater Bay Area\r\n佛山 and 江门\r\n"
    lf = raw.replace("\r\n", "\n")
    counted = raw if crlf_offsets else lf  # the text the tool that wrote the .ann counted in
    if bom_txt:
        counted = "\ufeff" + counted  # brat keeps the mark as a character
    spans = [(*find(counted, "江门"), "LOCATION", ""), (*find(counted, "Greater Bay Area"), "POLICY_TERM", "")]
    ann = ("\ufeff" if bom_ann else "") + ann_lines(counted, spans)
    txt = write_pair(tmp_path, "doc", ("\ufeff" if bom_txt else "") + raw, ann)
    (result,) = iter_import(corpus, [txt])
    assert not result.warnings
    assert corpus.articles.get(result.article_id).text == lf
    assert sorted(t for *_, t in stored_spans(corpus, result.article_id)) == ["Greater Bay Area", "江门"]


def test_a_txt_alone_or_an_ann_alone(corpus, tmp_path):
    (tmp_path / "lonely.ann").write_text("T1\tX 0 1\ta\n")
    (tmp_path / "plain.txt").write_text("Plain text without annotations.")
    results = list(iter_import(corpus, [tmp_path]))
    assert [(r.path.name, r.outcome, r.reason) for r in results] == [
        ("lonely.ann", Outcome.REJECTED, "No lonely.txt beside this annotation file."),
        ("plain.txt", Outcome.IMPORTED, ""),  # no .ann beside it: an ordinary text file
    ]
    (forced,) = iter_import(corpus, [tmp_path / "plain.txt"], format="brat")
    assert forced.outcome is Outcome.DUPLICATE


def test_naming_the_txt_or_the_ann_imports_the_pair_once(corpus, tmp_path):
    txt = write_pair(tmp_path, "a", "Foshan", "T1\tLOCATION 0 6\tFoshan\n")
    results = list(iter_import(corpus, [txt, txt.with_suffix(".ann")]))
    assert [(r.path.name, r.spans) for r in results] == [("a.txt", 1)]
    (forced,) = iter_import(corpus, [txt], format="txt")  # forced: the .txt is only text
    assert forced.outcome is Outcome.DUPLICATE


def test_empty_ann_is_a_document_without_spans():
    record = brat_record(b"Some text", b"", "x.ann")
    assert record.spans == () and record.warnings == ()


# --- archives ----------------------------------------------------------------------


def test_a_zip_of_pairs_read_in_memory(corpus, tmp_path):
    path = make_zip(tmp_path / "corpus.zip", {
        "docs/a.txt": TEXT,
        "docs/a.ann": "\ufeff" + ann_lines(TEXT, expected_spans()),
        "docs/b.txt": "Only text here.",
        "docs/annotation.conf": "[entities]",
        "__MACOSX/docs/._a.txt": "junk",
        "docs/readme.pdf": "x",
        "orphan.ann": "T1\tX 0 1\ta\n",
    })
    before = sorted(os.listdir(tmp_path))
    results = list(iter_import(corpus, [path]))
    assert [(r.where, r.outcome) for r in results] == [
        ("docs/a.txt", Outcome.IMPORTED), ("docs/b.txt", Outcome.IMPORTED), ("orphan.ann", Outcome.REJECTED),
    ]
    assert stored_spans(corpus, results[0].article_id) == expected_spans()
    assert [str(w) for w in results[0].warnings] == [f"{path}, docs/a.txt: Ignored 1 other file in the archive."]
    assert [w.reason for w in results[1].warnings] == ["No docs/b.ann beside it: imported without spans."]
    assert str(results[2]) == f"{path}, orphan.ann: No orphan.txt in the archive for this annotation file."
    assert sorted(os.listdir(tmp_path)) == before  # nothing extracted


@pytest.mark.parametrize("name", ["../evil.txt", "docs/../../evil.ann", "/etc/evil.txt", "C:/evil.txt", "..\\evil.txt"])
def test_entries_pointing_outside_are_refused_before_anything_is_written(corpus, tmp_path, name):
    path = make_zip(tmp_path / "bad.zip", {"a.txt": "Foshan", "a.ann": "T1\tNEWLABEL 0 6\tFoshan\n", name: "x"})
    labels = corpus.labels.list()
    (result,) = iter_import(corpus, [path])
    assert result.outcome is Outcome.REJECTED
    assert (
        result.reason
        == f"Refused: entry {name!r} points outside the archive (an absolute path or '..'). Nothing was imported."
    )
    assert corpus.articles.count() == 0 and corpus.labels.list() == labels
    assert sorted(os.listdir(tmp_path)) == ["bad.zip"]


def test_a_zip_bomb_is_refused(corpus, tmp_path):
    path = make_zip(tmp_path / "bomb.zip", {"a.txt": "Foshan", "a.ann": "", "z/big.txt": b"\0" * 5_000_000})
    (result,) = iter_import(corpus, [path])
    assert result.outcome is Outcome.REJECTED and "like a zip bomb. Nothing was imported." in result.reason
    assert corpus.articles.count() == 0


def test_an_archive_over_the_size_limit_is_refused(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(import_brat, "ARCHIVE_LIMIT", 1000)
    text = "".join(f"{n} " for n in range(400))  # about 1.5 kB, compresses well under 100:1
    path = make_zip(tmp_path / "big.zip", {"a.txt": "Foshan", "a.ann": "", "b.txt": text, "b.ann": ""})
    (result,) = iter_import(corpus, [path])
    assert result.reason.startswith("Refused: the archive expands to 1.5 kB (the limit is 1 kB)")
    assert corpus.articles.count() == 0


def test_links_and_broken_archives(corpus, tmp_path):
    path = tmp_path / "link.zip"
    with zipfile.ZipFile(path, "w") as zf:
        info = zipfile.ZipInfo("a.txt")
        info.external_attr = (0o120777 << 16)
        zf.writestr(info, "/etc/passwd")
    (result,) = iter_import(corpus, [path])
    assert result.reason == "Refused: entry 'a.txt' is a symbolic link. Nothing was imported."
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really")
    (result,) = iter_import(corpus, [tmp_path / "broken.zip"])
    assert result.outcome is Outcome.REJECTED and result.reason.startswith("Not a valid ZIP archive")
    buf = io.BytesIO()
    make_zip(buf, {"readme.md": "no brat here"})
    (tmp_path / "empty.zip").write_bytes(buf.getvalue())
    (result,) = iter_import(corpus, [tmp_path / "empty.zip"])
    assert result.outcome is Outcome.REJECTED and result.reason == "No brat documents (.txt with .ann) in this archive."


def test_a_zip_without_brat_documents_inside_a_folder_is_skipped(corpus, tmp_path):
    make_zip(tmp_path / "photos.zip", {"a.jpg": "not brat"})
    make_zip(tmp_path / "evil.zip", {"../a.txt": "x"})
    (tmp_path / "note.txt").write_text("An article.")
    results = list(iter_import(corpus, [tmp_path]))
    assert [(r.path.name, r.outcome) for r in results] == [
        ("evil.zip", Outcome.REJECTED), ("note.txt", Outcome.IMPORTED), ("photos.zip", Outcome.SKIPPED),
    ]


def test_unsafe_names():
    assert not unsafe_name("docs/a.txt") and not unsafe_name("a..b.txt")
    assert all(unsafe_name(n) for n in ["../a", "a/../../b", "/a", "\\a", "c:\\a", "a/..\\..\\b"])


def test_brat_own_reader_agrees(tmp_path):
    """bratiaa ships brat's own annotation reader: it accepts the pairs we import, with the same spans."""
    bratsubset = pytest.importorskip("bratsubset.annotation", reason="bratiaa (test extra) is not installed")
    txt = write_pair(tmp_path, "doc", TEXT, ann_lines(TEXT, expected_spans()))
    doc = bratsubset.TextAnnotations(str(txt.with_suffix("")), read_only=True)
    assert not doc.failed_lines
    theirs = sorted((e.spans[0][0], e.spans[0][1], e.type) for e in doc.get_textbounds())
    record = brat_record(txt.read_bytes(), txt.with_suffix(".ann").read_bytes(), "doc.ann")
    assert sorted((s.start, s.end, s.label) for s in record.spans) == theirs


def test_an_unreadable_ann_names_itself(corpus, tmp_path):
    txt = write_pair(tmp_path, "doc", "Foshan", b"\x00\x01\x02 binary")
    (result,) = iter_import(corpus, [txt])
    assert str(result) == f"{txt}: doc.ann: Binary file (contains NUL bytes), not text."
    assert corpus.articles.count() == 0


def test_an_empty_txt_gets_the_same_sentence_in_a_folder_and_in_a_zip(corpus, tmp_path):
    import zipfile

    from annotator.formats import ImportBatch

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "empty.ann").write_text("", encoding="utf-8")
    (folder / "blank.txt").write_text(" \n", encoding="utf-8")
    (folder / "blank.ann").write_text("", encoding="utf-8")
    archive = tmp_path / "docs.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name in ("empty.txt", "empty.ann", "blank.txt", "blank.ann"):
            zf.write(folder / name, name)
    in_folder = {r.path.name: r.reason for r in ImportBatch(corpus, [folder])}
    in_zip = {r.where: r.reason for r in ImportBatch(corpus, [archive])}
    assert in_folder == in_zip == {"empty.txt": "Empty file.", "blank.txt": "No text: the file holds only white space."}
