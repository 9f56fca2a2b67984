"""What Annotator exports for another tool comes back with the same spans when imported."""

import pytest

from annotator.formats import ImportBatch, export_corpus
from annotator.formats.dataset import ExportOptions
from annotator.store import open_corpus

from .test_import_native import build_corpus


def spans_by_text(corpus):
    tags = {lab.id: lab.tag for lab in corpus.labels.list()}
    out = {}
    for article in corpus.articles.iter_all():
        anns = corpus.annotations.for_article(article.id)
        out[article.text] = sorted((a.start, a.end, tags[a.label_id], a.text, a.note) for a in anns)
    return out


@pytest.mark.parametrize(
    "format, out, options, keeps_notes",
    [
        ("doccano", "data.jsonl", {}, True),  # notes come back from the metadata the export adds
        ("doccano", "data.jsonl", {"offsets": "codepoints"}, True),
        ("labelstudio", "tasks.json", {}, True),
        ("brat", "brat", {}, True),
        ("brat", "brat.zip", {}, True),
        ("jsonl", "native.jsonl", {}, True),
    ],
)
def test_an_export_imports_back_with_its_spans(tmp_path, format, out, options, keeps_notes):
    with open_corpus(None) as source:
        build_corpus(source)
        export_corpus(source, tmp_path / out, format, ExportOptions(**options))
        expected = spans_by_text(source)
    with open_corpus(None) as target:
        report = ImportBatch(target, [tmp_path / out], offsets=options.get("offsets")).run()  # format detected
        assert report.ok and report.imported == 3 and not report.warnings, [str(w) for w in report.warnings]
        got = spans_by_text(target)
    if not keeps_notes:
        expected = {text: [(*s[:4], None) for s in spans] for text, spans in expected.items()}
    assert got == expected
