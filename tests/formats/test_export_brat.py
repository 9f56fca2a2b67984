import zipfile

import pytest
from bratsubset.annotation import TextAnnotations
from bratsubset.projectconfig import ProjectConfiguration

from annotator.formats import export_corpus
from annotator.formats.dataset import ExportOptions
from annotator.formats.sinks import SinkError


def _read_back(folder, article_id):
    """Spans as brat's own reader sees them: (start, end, type) per entity, joined over its pieces."""
    doc = TextAnnotations(str(folder / f"article-{article_id:06d}"), read_only=True)
    assert doc.failed_lines == []
    spans, pieces, notes = [], {}, {}
    for t in doc.get_textbounds():
        spans.append((t.spans[0][0], t.spans[-1][1], t.type))
        pieces[t.id] = t.spans
    for c in doc.get_oneline_comments():
        assert c.type == "AnnotatorNotes"
        notes[c.target] = c.tail.strip("\t\n")
    return sorted(spans), pieces, notes, doc.get_document_text()


def _check_collection(folder, tricky):
    config = ProjectConfiguration(str(folder))
    assert config.get_entity_types() == ["LOCATION", "COMPANY", "POLICY_TERM"]
    assert config.get_labels_by_type("POLICY_TERM") == ["Policy term"]
    assert config.get_drawing_config_by_type("COMPANY")["bgColor"] == "#e67e22"
    for key, article_id in tricky.ids.items():
        spans, _pieces, _notes, text = _read_back(folder, article_id)
        assert text == tricky.text(key)
        assert spans == tricky.spans(key)
        raw = (folder / f"article-{article_id:06d}.txt").read_bytes()
        assert raw == tricky.text(key).encode("utf-8")  # no BOM, LF only
        assert not (folder / f"article-{article_id:06d}.ann").read_bytes().startswith(b"\xef\xbb\xbf")


def test_brat_folder_loads_in_brats_reader(tricky, tmp_path):
    out = tmp_path / "brat"
    report = export_corpus(tricky.corpus, out, "brat")
    assert report.files == [str(out)]
    _check_collection(out, tricky)
    names = sorted(p.name for p in out.iterdir())
    assert names == [".annotator-export", "annotation.conf"] + [
        f"article-{i:06d}.{ext}" for i in range(1, 5) for ext in ("ann", "txt")
    ] + ["visual.conf"]


def test_brat_line_breaks_in_spans_and_notes(tricky, tmp_path):
    out = tmp_path / "brat"
    report = export_corpus(tricky.corpus, out, "brat")
    _spans, pieces, _notes, text = _read_back(out, tricky.ids["cjk"])
    across = [p for p in pieces.values() if len(p) > 1]
    assert len(across) == 1 and [text[s:e] for s, e in across[0]] == ["所在地。", "粤港澳大湾区"]
    _spans, pieces, notes, text = _read_back(out, tricky.ids["astral"])
    assert sorted(notes.values()) == ["Yoshinoya, with the rare 𠮷", "multi line note"]
    (flag_id,) = [tid for tid, p in pieces.items() if text[p[0][0] : p[-1][1]] == "🇨🇳 Foshan"]
    assert notes[flag_id] == "multi line note"
    _spans, _pieces, notes, _text = _read_back(out, tricky.ids["crlf"])
    assert sorted(notes.values()) == ['+1', '-', '=HYPERLINK("http://x")', '@x']
    assert len(report.warnings) == 2
    assert any("crosses a line break" in w and "article 2" in w for w in report.warnings)
    assert any("note has line breaks or tabs" in w for w in report.warnings)


def test_brat_zip(tricky, tmp_path):
    out = tmp_path / "brat.zip"
    export_corpus(tricky.corpus, out, "brat")
    with zipfile.ZipFile(out) as zf:
        names = sorted(zf.namelist())
        assert "annotation.conf" in names and "article-000003.ann" in names
        assert all("/" not in n and not n.startswith(".") for n in names)
        zf.extractall(tmp_path / "unpacked")
    _check_collection(tmp_path / "unpacked", tricky)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brat.zip", "sources", "unpacked"]


def test_brat_split_makes_one_collection_per_part(tricky, tmp_path):
    out = tmp_path / "brat"
    export_corpus(tricky.corpus, out, "brat", ExportOptions(split=(50, 25, 25), seed=3))
    parts = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert parts == ["dev", "test", "train"]
    anns = [p for part in parts for p in (out / part).glob("*.ann")]
    assert len(anns) == 4
    for part in parts:
        assert ProjectConfiguration(str(out / part)).get_entity_types() == ["LOCATION", "COMPANY", "POLICY_TERM"]


def test_brat_label_filter_declares_only_those_labels(tricky, tmp_path):
    out = tmp_path / "brat"
    export_corpus(tricky.corpus, out, "brat", ExportOptions(labels={"COMPANY"}))
    assert ProjectConfiguration(str(out)).get_entity_types() == ["COMPANY"]
    spans, *_ = _read_back(out, tricky.ids["astral"])
    assert spans == tricky.spans("astral", labels={"COMPANY"})


def test_brat_cannot_go_to_standard_output(tricky):
    import io

    with pytest.raises(SinkError, match="folder or a .zip"):
        export_corpus(tricky.corpus, io.StringIO(), "brat")


def test_brat_leaves_out_a_span_of_line_breaks_only(corpus, tmp_path):
    from annotator.core.model import Annotation

    a = corpus.articles.add("Gaps", "Foshan\n\nShunde")
    label = corpus.labels.list()[0]
    corpus.annotations.add(Annotation(None, a.id, label.id, 6, 8, "\n\n", "mei"))
    corpus.annotations.add(Annotation(None, a.id, label.id, 8, 14, "Shunde", "mei"))
    report = export_corpus(corpus, tmp_path / "brat", "brat")
    spans, pieces, _notes, _text = _read_back(tmp_path / "brat", a.id)
    assert spans == [(8, 14, "LOCATION")] and list(pieces) == ["T2"]
    assert report.warnings == ["article 1, LOCATION 6-8 '\\n\\n': covers only line breaks; left out"]
