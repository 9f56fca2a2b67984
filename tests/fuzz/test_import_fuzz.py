"""Hostile and broken input for every single-file importer: imported correctly or refused with a
reason; never an exception out of the batch, never a partial article. ``--long`` tries more."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import example, given
from hypothesis import strategies as st

from annotator.core.text import normalise_text
from annotator.formats import Outcome
from annotator.store import open_corpus
from tests.fuzz.conftest import FUZZ, import_bytes

EXTENSIONS = [".txt", ".html", ".json", ".jsonl", ".csv"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030", "big5", "cp1252",
             "latin-1", "shift_jis", "euc-kr", "koi8-r", "cp437"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(
        ["text", "title", "id", "meta", "spans", "label", "start", "end", "url", "published", "source", "status", "x"]
    ) | st.text(max_size=8), inner, max_size=6),
    max_leaves=20,
)

VALID = {
    ".txt": "NEWS\nFoshan opens a robot park\n\nMidea and Kuka signed in Shunde, 佛山. 🚀\nEdit: Li\nSource: Daily\n",
    ".html": "<html><head><title>Foshan</title></head><body><article><h1>Foshan opens a park</h1>"
    "<p>Midea and Kuka signed an agreement in Shunde District on Tuesday, officials said.</p>"
    "<p>The Greater Bay Area plan names 佛山 as a manufacturing centre. 🚀</p></article></body></html>",
    ".json": json.dumps(
        [{"title": "A", "text": "Foshan 佛山 𠀀 text."}, {"text": "Second record about Midea."}], ensure_ascii=False
    ),
    ".jsonl": '{"text": "Foshan and Shunde.", '
    '"spans": [{"start": 0, "end": 6, "label": "LOCATION", "text": "Foshan"}]}\n'
    '{"title": "B", "text": "Guangzhou 广州.", "meta": {"k": [1, 2]}}\n',
    ".csv": 'id,title,text\n1,Foshan,"Midea, in Foshan, said ""yes""."\n2,Zhuhai,Zhuhai joined 珠海.\n',
}


@FUZZ
@given(data=st.binary(max_size=3000), ext=st.sampled_from(EXTENSIONS))
def test_random_bytes(data, ext):
    import_bytes(data, "input" + ext)


@FUZZ
@given(text=st.text(max_size=600), encoding=st.sampled_from(ENCODINGS), ext=st.sampled_from(EXTENSIONS))
def test_random_text_in_random_encodings(text, encoding, ext):
    import_bytes(text.encode(encoding, errors="replace"), "input" + ext)


@FUZZ
@given(
    ext=st.sampled_from(EXTENSIONS),
    cut=st.integers(min_value=0, max_value=10_000),
    encoding=st.sampled_from(ENCODINGS[:6]),
)
def test_truncated_valid_files(ext, cut, encoding):
    data = VALID[ext].encode(encoding)
    import_bytes(data[: cut % (len(data) + 1)], "input" + ext)


@FUZZ
@given(value=json_values, ext=st.sampled_from([".json", ".jsonl"]), lines=st.integers(1, 3))
def test_malformed_json_structures(value, ext, lines):
    body = json.dumps(value, ensure_ascii=False, allow_nan=True)
    data = ("\n".join([body] * lines) if ext == ".jsonl" else body).encode()
    import_bytes(data, "input" + ext)


@FUZZ
@given(rows=st.lists(st.lists(st.text(max_size=30), min_size=0, max_size=5), max_size=6),
       header=st.lists(st.sampled_from(["text", "title", "id", "TEXT", "meta", "", "x"]), min_size=0, max_size=5),
       delimiter=st.sampled_from([",", ";", "\t", "|"]))
def test_malformed_csv(rows, header, delimiter):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    import_bytes(out.getvalue().encode(), "input.csv")


@FUZZ
@given(parts=st.lists(st.sampled_from([
    "<html>", "</html>", "<body>", "<p>", "</p>", "<div>", "<script>alert(1)</script>", "<!--", "-->", "<![CDATA[",
    "<style>p{}</style>", "<table><tr><td>", "&amp;", "&#0;", "&#xD800;", "&nosuch;", "<", ">", "\"", "'",
    "Foshan 佛山", "Midea signed in Shunde. ", "\x00", "\r\n", "<meta charset='big5'>", "<?xml version='1.0'?>",
    "<!DOCTYPE html>", "<svg><foreignObject>", "<title>", "</title>", "<noscript>", "<a href='javascript:x'>",
]), max_size=40))
@example(parts=["<svg><foreignObject>", "<html>"])  # once an AssertionError from lxml, deep in the metadata parser
def test_malformed_html(parts):
    import_bytes("".join(parts).encode("utf-8", errors="replace"), "page.html")


@FUZZ
@given(text=st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), min_size=1, max_size=400)
       .filter(lambda t: t.strip()))
def test_valid_text_is_imported_exactly(text):
    """A UTF-8 text file with some text is stored whole: the file's text, LF-normalised."""
    corpus, [result] = import_bytes(text.encode("utf-8"), "article.txt", open_corpus(None))
    if result.outcome is Outcome.IMPORTED:
        assert corpus.articles.get(result.article_id).text == normalise_text(text)
    else:  # only text that is not text at all (mostly control characters) may be refused
        assert result.outcome is Outcome.REJECTED and "text" in result.reason.lower()


@FUZZ
@given(
    texts=st.lists(
        st.text(
            st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), min_size=1, max_size=80
        ).filter(lambda t: t.strip()),
        min_size=1,
        max_size=5,
        unique_by=normalise_text,
    )
)
def test_valid_jsonl_records_are_imported_exactly(texts):
    data = "\n".join(json.dumps({"title": f"R{i}", "text": t}) for i, t in enumerate(texts)).encode()
    corpus, results = import_bytes(data, "records.jsonl", open_corpus(None))
    stored = [corpus.articles.get(r.article_id).text for r in results if r.outcome is Outcome.IMPORTED]
    assert stored == [normalise_text(t) for t in texts]


span_lists = st.lists(st.one_of(
    st.fixed_dictionaries({"start": st.integers(-3, 40), "end": st.integers(-3, 40), "label": st.text(max_size=12)}),
    st.tuples(st.integers(-3, 40), st.integers(-3, 40), st.text(max_size=12)).map(list),
    json_values,
), max_size=5)


@FUZZ
@given(text=st.text(max_size=40), spans=span_lists, fmt=st.sampled_from(["doccano", "jsonl"]),
       offsets=st.sampled_from(["utf16", "codepoints"]))
def test_labelled_records_with_broken_spans(text, spans, fmt, offsets):
    """Spans out of range, reversed, of the wrong type or with odd labels: stored only when they fit."""
    record = {"text": text, "label" if fmt == "doccano" else "spans": spans}
    options = {"offsets": offsets} if fmt == "doccano" else {}
    import_bytes(json.dumps(record, ensure_ascii=False).encode(), "records.jsonl", format=fmt, **options)


@FUZZ
@given(value=json_values, results=st.lists(json_values, max_size=3))
def test_label_studio_exports_of_any_shape(value, results):
    task = {"data": {"text": value if not isinstance(value, dict) else "Foshan text"},
            "annotations": [{"result": results}]}
    import_bytes(json.dumps([task, value]).encode(), "export.json", format="labelstudio")


_CONLL_LINE = st.one_of(
    st.just(""),
    st.just("-DOCSTART- -X- O O"),
    st.tuples(
        st.text(alphabet=st.characters(blacklist_categories=("Zs", "Cc")), min_size=1, max_size=8),
        st.sampled_from(["O", "B-LOC", "I-LOC", "E-ORG", "S-PER", "I-", "B_X", "LOC", "U-A", "-"]),
    ).map(" ".join),
    st.text(max_size=20),
)


@FUZZ
@given(lines=st.lists(_CONLL_LINE, max_size=30), ext=st.sampled_from([".conll", ".iob", ".bio"]))
def test_conll_of_any_shape(lines, ext):
    corpus, results = import_bytes("\n".join(lines).encode("utf-8"), f"f{ext}")
    for r in results:
        if r.outcome is Outcome.IMPORTED:
            text = corpus.articles.get(r.article_id).text
            assert "\n\n" not in text and not text.startswith(" ")  # tokens by one space, sentences by one break


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes_as_a_spacy_docbin(data):
    import_bytes(data, "f.spacy")
