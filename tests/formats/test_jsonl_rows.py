"""The JSON Lines export writes each article straight from the rows it reads (``native_jsonl.row_line``):
byte for byte what building each article and span first (``record_line``) writes, whether the text
comes already quoted by SQLite or goes through orjson."""

import io

import pytest

from annotator.core.model import Annotation, Status
from annotator.formats import export_corpus, native_jsonl
from annotator.formats.dataset import ExportOptions, iter_docs, select_article_ids
from annotator.store import open_corpus
from annotator.store.edits import mark_reviewed
from tests.formats import golden_corpus

ODD = "A\u2028B\u2029C\x85 \x01\x1f\x7f \"q\" \\ / \t é 中 \U00020bb7 😀 \ufeff\uffff end"


def _fill(corpus, tmp_path):
    golden_corpus.fill(corpus, tmp_path / "sources")
    label = next(lab for lab in corpus.labels.list() if lab.tag == "LOCATION")
    odd = corpus.articles.add(
        f"Title {ODD}", f"Text {ODD}\nsecond line", source="wire \u2028", url="https://example.org/ü",
        published="2026-12-03", meta={"score": float("nan"), "big": 10**30, "nested": {"x": [1.5, "\u2029"]}},
    )
    floats = corpus.articles.add("Floats", "Foshan again, with a float in its metadata.", meta={"r": 0.1, "i": -1e300})
    spans = corpus.annotations.add_many([
        Annotation(None, odd.id, label.id, 0, 4, "Text", "mei", note="a note \u2028 here"),
        Annotation(None, odd.id, label.id, 5, 6, "A", "li"),
        Annotation(None, floats.id, label.id, 0, 6, "Foshan", "li", note=""),
    ])
    mark_reviewed(corpus, [spans[1].id], "chen")
    for name, status in (("zoe", Status.DONE), ("mei", Status.IN_PROGRESS), ("Émile", Status.DONE), ("li", Status.NEW)):
        corpus.layers.set_status(odd.id, status, name)
    corpus.layers.set_status(floats.id, Status.DONE, corpus.user)


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """The golden corpus and two odd articles, in a file (filled once: it takes a while)."""
    tmp = tmp_path_factory.mktemp("rows")
    with open_corpus(tmp / "c.db") as corpus:
        _fill(corpus, tmp)
    return tmp / "c.db"


def _by_docs(corpus, options: ExportOptions) -> bytes:
    ids = select_article_ids(corpus, options)
    return b"".join(native_jsonl.record_line(doc) for doc in iter_docs(corpus, ids, options, timestamps=False))


@pytest.mark.parametrize("quoted", [True, False])
@pytest.mark.parametrize(
    "options", [ExportOptions(), ExportOptions(labels={"LOCATION"}), ExportOptions(annotators={"li", "chen"})]
)
def test_rows_are_written_as_the_docs_would_be(filled, tmp_path, monkeypatch, quoted, options):
    with open_corpus(filled) as corpus:
        _check(corpus, tmp_path, monkeypatch, quoted, options)


def _check(corpus, tmp_path, monkeypatch, quoted, options):
    if quoted:
        assert native_jsonl.quotes_like_orjson(corpus.db)  # this SQLite quotes as orjson does
    else:
        monkeypatch.setattr(native_jsonl, "quotes_like_orjson", lambda db: False)
    out = tmp_path / "out.jsonl"
    report = export_corpus(corpus, out, "jsonl", options)
    expected = _by_docs(corpus, options)
    assert out.read_bytes() == expected
    assert report.articles == expected.count(b"\n") and report.spans > 0
    assert b"\xe2\x80\xa8" not in expected and b"\\u2028" in expected  # a line separator is escaped
    buf = io.StringIO()  # to a text stream too
    export_corpus(corpus, buf, "jsonl", options)
    assert buf.getvalue().encode("utf-8") == expected


def test_a_probe_that_differs_keeps_the_text_with_orjson(corpus, monkeypatch):
    from annotator.store import exporting

    monkeypatch.setattr(native_jsonl, "json_quote", lambda db, text: exporting.json_quote(db, text) + b" ")
    assert not native_jsonl.quotes_like_orjson(corpus.db)
    monkeypatch.setattr(native_jsonl, "json_quote", lambda db, text: (_ for _ in ()).throw(RuntimeError("no json")))
    assert not native_jsonl.quotes_like_orjson(corpus.db)
