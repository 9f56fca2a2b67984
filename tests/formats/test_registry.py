import pytest

from annotator.formats import (
    EXPORTERS,
    IMPORTERS,
    exporter,
    import_extensions,
    importer,
    importer_for_path,
)


def test_importers_by_name_and_extension():
    assert list(IMPORTERS) == [
        "txt", "html", "json", "jsonl", "csv", "doccano", "labelstudio", "prodigy", "hf", "brat", "conll", "spacy",
    ]
    assert import_extensions() == [
        ".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".csv", ".ann", ".zip", ".conll", ".iob",
        ".bio", ".spacy",
    ]
    for name, ext in [("txt", "a.TXT"), ("txt", "b.text"), ("html", "c.Htm"), ("json", "d.json"),
                      ("jsonl", "e.ndjson"), ("jsonl", "f.jsonl"), ("csv", "g.CSV"), ("brat", "h.ann"),
                      ("brat", "i.ZIP"), ("conll", "j.CoNLL"), ("conll", "k.iob"), ("conll", "l.bio")]:
        assert importer_for_path(ext) is importer(name)
    assert importer_for_path("h.docx") is None and importer_for_path("README") is None
    known = "known: txt, html, json, jsonl, csv, doccano, labelstudio, prodigy, hf, brat, conll, spacy"
    with pytest.raises(ValueError, match=known):
        importer("docx")


def test_exporters_by_name():
    assert "jsonl" in EXPORTERS and exporter("jsonl").extension == ".jsonl"
    with pytest.raises(ValueError, match="Unknown export format"):
        exporter("no-such-format")


def test_the_registrys_types_resolve():
    """The declarations name only what exists (a type checker and get_type_hints can read them)."""
    import typing

    from annotator.formats import registry
    from annotator.formats.dataset import ExportContext, ExportDoc

    for cls in (registry.Importer, registry.Exporter):
        typing.get_type_hints(cls)  # a NameError for an undefined name
    (docs, _sink, ctx), _ = typing.get_args(typing.get_type_hints(registry.Exporter)["write"])
    assert typing.get_args(docs) == (ExportDoc,) and ctx is ExportContext
