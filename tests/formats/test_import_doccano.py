import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.formats import ImportBatch, Outcome, iter_import
from annotator.formats.import_jsonl import detect_jsonl, read_doccano

from .labelled_samples import (
    FAMILY,
    FIREFIGHTER,
    FLAG_HK,
    TEXT,
    expected_spans,
    find,
    stored_spans,
    utf16,
)


def doccano_line(text: str, spans, *, key: str = "label", units: str = "utf16", **extra) -> str:
    """A doccano record for spans given as code points into ``text``."""
    conv = (lambda cp: utf16(text, cp)) if units == "utf16" else (lambda cp: cp)
    return json.dumps(
        {"text": text, key: [[conv(s), conv(e), label] for s, e, label in spans], **extra}, ensure_ascii=False
    )


def write_lines(path, *lines):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_utf16_offsets_by_default_astral_cjk_nested_overlapping(corpus, tmp_path):
    spans = [(s, e, label) for s, e, label, _ in expected_spans()]
    path = write_lines(tmp_path / "project.jsonl", doccano_line(TEXT, spans, id=17, Comments=[]))
    batch = ImportBatch(corpus, [path])
    (result,) = batch
    assert result.outcome is Outcome.IMPORTED and result.spans == len(spans) and not result.warnings
    assert stored_spans(corpus, result.article_id) == expected_spans()
    article = corpus.articles.get(result.article_id)
    assert article.meta == {"source_id": 17}
    # the file names no annotator: its spans are credited to the file, never to the user importing it
    assert {a.annotator for a in corpus.annotations.for_article(article.id)} == {"import:project.jsonl"}
    created = {lab.tag: lab for lab in corpus.labels.list()}
    assert {"GROUP", "EMOJI", "OVERLAP"} <= set(created)
    new = [created[t] for t in ("GROUP", "EMOJI", "OVERLAP")]
    assert [lab.name for lab in new] == ["Group", "Emoji", "Overlap"]
    assert all(lab.hotkey is None for lab in new)
    colours = [lab.colour for lab in corpus.labels.list()]
    assert len(set(colours)) == len(colours)
    assert batch.report.summary() == "Imported 1 article with 9 spans; 3 new labels (GROUP, EMOJI, OVERLAP)."


def test_the_example_doccano_itself_gives():
    line = json.dumps({"text": f"{FIREFIGHTER} firemen drive firetrucks", "label": [[22, 32, "VEHICLE"]]})
    (record,) = read_doccano(line.encode())
    assert [(s.start, s.end, s.text) for s in record.spans] == [(19, 29, "firetrucks")]


def test_codepoint_offsets_on_request(corpus, tmp_path):
    spans = [(s, e, label) for s, e, label, _ in expected_spans()]
    path = write_lines(tmp_path / "cp.jsonl", doccano_line(TEXT, spans, key="labels", units="codepoints"))
    (result,) = iter_import(corpus, [path], offsets="codepoints")
    assert result.spans == len(spans) and not result.warnings
    assert stored_spans(corpus, result.article_id) == expected_spans()


def test_code_points_read_as_utf16_are_caught_where_they_split_a_character(tmp_path, corpus):
    text = f"{FLAG_HK} Foshan and Jiangmen"
    s, e = find(text, "Jiangmen")
    path = write_lines(tmp_path / "cp.jsonl", doccano_line(text, [(1, 2, "X"), (s, e, "LOCATION")], units="codepoints"))
    (result,) = iter_import(corpus, [path])
    assert "surrogate pair" in result.warnings[0].reason and result.warnings[0].span == "span 1"
    # nothing can tell a shifted span that still falls on whole characters: hence --offsets
    assert stored_spans(corpus, result.article_id) == [(s - 2, e - 2, "LOCATION", "d Jiangm")]


def test_crlf_source_text_shifts_spans_after_each_line_break(corpus, tmp_path):
    original = f"佛山 news\r\n{FLAG_HK} Hong Kong\r\n\r\nGreater Bay Area\r\n"
    stored = original.replace("\r\n", "\n")
    spans = [
        (*find(original, n), lab)
        for n, lab in [
            ("佛山", "LOCATION"),
            (f"{FLAG_HK} Hong Kong", "LOCATION"),
            ("Greater Bay Area", "POLICY_TERM"),
            ("Kong\r\n\r\nGreater", "X"),
        ]
    ]
    path = write_lines(tmp_path / "crlf.jsonl", doccano_line(original, spans))
    (result,) = iter_import(corpus, [path])
    assert corpus.articles.get(result.article_id).text == stored
    got = stored_spans(corpus, result.article_id)
    assert [t for *_, t in got] == ["佛山", f"{FLAG_HK} Hong Kong", "Kong\n\nGreater", "Greater Bay Area"]
    assert all(stored[s:e] == t for s, e, _, t in got)


def test_bad_spans_warn_with_file_line_and_span(corpus, tmp_path):
    good = find(TEXT, "佛山市")
    line = json.dumps(
        {
            "text": TEXT,
            "label": [
                [utf16(TEXT, good[0]), utf16(TEXT, good[1]), "LOCATION"],
                [0, 10_000, "LOCATION"],
                [5, 2, "X"],
                ["a", 3, "X"],
                [0, 2, ""],
                [1, 2],
            ],
        },
        ensure_ascii=False,
    )
    path = write_lines(tmp_path / "bad.jsonl", line, '{"text": "second", "label": []}')
    results = list(iter_import(corpus, [path]))
    assert [r.outcome for r in results] == [Outcome.IMPORTED, Outcome.IMPORTED]
    assert results[0].spans == 1
    assert [(w.where, w.span) for w in results[0].warnings] == [("line 1", f"span {n}") for n in range(2, 7)]
    assert str(results[0].warnings[0]).startswith(f"{path}, line 1, span 2: Offsets 0-10000 fall outside the text (")


def test_detection_and_forcing(corpus, tmp_path):
    doccano = doccano_line("Foshan", [(0, 6, "LOCATION")])
    assert detect_jsonl((json.dumps({"text": "plain"}) + "\n" + doccano).encode()) == "doccano"
    assert detect_jsonl(json.dumps({"text": "x", "label": "sports"}).encode()) == "jsonl"  # a class, not spans
    assert detect_jsonl(json.dumps({"text": "x", "spans": []}).encode()) == "jsonl"
    log = write_lines(tmp_path / "export.log", doccano)
    (result,) = iter_import(corpus, [log], format="doccano")
    assert result.spans == 1
    forced_jsonl = write_lines(tmp_path / "other.jsonl", doccano_line("Jiangmen", [(0, 8, "LOCATION")]))
    (result,) = iter_import(corpus, [forced_jsonl], format="jsonl")  # read as a plain record: no spans
    assert result.spans == 0 and corpus.articles.get(result.article_id).meta == {"label": [[0, 8, "LOCATION"]]}


def test_entities_and_a_json_list():
    value = [
        {
            "text": "Foshan and Jiangmen",
            "entities": [{"id": 1, "label": "LOCATION", "start_offset": 11, "end_offset": 19}],
            "relations": [],
        }
    ]
    (record,) = read_doccano(json.dumps(value).encode())
    assert [(s.start, s.end, s.label) for s in record.spans] == [(11, 19, "LOCATION")]
    assert record.where == "record 1" and record.meta == {}  # relations are counted, not kept


@pytest.mark.parametrize("units", ["utf16", "codepoints"])
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pieces=st.lists(
        st.sampled_from(["Foshan", " ", "佛山", "\r\n", "\n", FAMILY, FLAG_HK, "\U00020bb7", "é"]),
        min_size=1,
        max_size=20,
    ),
    data=st.data(),
)
def test_any_span_lands_on_its_text(units, pieces, data):
    original = "".join(pieces)
    if not original.strip():
        return
    bounds = [0]
    for piece in pieces:
        bounds.append(bounds[-1] + len(piece))
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(pieces)), min_size=2, max_size=6))))
    spans = [(bounds[a], bounds[b], "X") for a, b in itertools.pairwise(cuts) if original[bounds[a]:bounds[b]].strip()]
    (record,) = read_doccano(doccano_line(original, spans, units=units).encode(), offsets=units)
    # no span left out (a record may be told it could count either way)
    assert not [w for w in record.warnings if w.where]
    assert [s.text for s in record.spans] == [original[a:b].replace("\r\n", "\n") for a, b, _ in spans]
    assert all(record.text[s.start:s.end] == s.text for s in record.spans)
