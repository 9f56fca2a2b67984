"""The JSON Lines writer (orjson) against the json module: the documented difference and nothing else."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.formats import jsonl

# Every code point a stored text can hold (no lone surrogates), with the troublesome ones likely.
_text = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(
            ["\u2028", "\u2029", "\x00", "\x1f", "\x7f", "\x85", "\x0b", "\x1c", '"', "\\", "/",
             "\n", "\r", "\t", "𠮷", "👨", "\u200d"]
        ),
    )
)
_scalars = st.one_of(st.none(), st.booleans(), st.integers(-(2**63), 2**63 - 1), _text)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_text, inner, max_size=4)),
    max_leaves=20,
)


def _json_module(value):
    """What the line was, spelt by the json module: ensure_ascii off, compact, U+2028/9 and U+0085 escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


@settings(max_examples=300, deadline=None)
@given(_values)
def test_the_same_text_as_the_json_module_without_spaces(value):
    line = jsonl.dumps(value)
    assert line == _json_module(value)
    assert "\n" not in line and len(line.splitlines()) == 1
    assert json.loads(line) == value


@settings(max_examples=200, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_floats_read_back_the_same(number):
    assert json.loads(jsonl.dumps({"x": number})) == {"x": number}


def test_line_breaks_that_json_allows_are_escaped_and_nothing_else_is():
    line = jsonl.dumps({"text": "a\u2028b\u2029c é 中 \x01\x85"})
    assert line == '{"text":"a\\u2028b\\u2029c é 中 \\u0001\\u0085"}'


def test_nan_and_infinity_are_strings_never_invalid_json():
    value = {"a": float("nan"), "b": [float("inf"), -float("inf")], "c": None}
    assert jsonl.dumps(value) == '{"a":"NaN","b":["Infinity","-Infinity"],"c":null}'


def test_what_orjson_cannot_write_is_written_by_the_json_module_in_the_same_style():
    big = 10**30
    value = {"n": big, 1: "int key", "t": "x\u2028y", "f": float("nan")}
    line = jsonl.dumps(value)
    assert line == '{"n":1000000000000000000000000000000,"1":"int key","t":"x\\u2028y","f":"NaN"}'
    assert json.loads(line)["n"] == big


@settings(max_examples=200, deadline=None)
@given(text=_text, meta=st.dictionaries(_text, st.one_of(_scalars, st.floats()), max_size=4))
def test_a_record_whose_floats_are_in_its_metadata_is_written_the_same(text, meta):
    """The article record's writer looks for NaN only in the metadata: the same line as a full look."""
    record = {"id": 1, "text": text, "meta": meta, "spans": [{"start": 0, "end": 1, "text": text[:1]}]}
    assert jsonl.dumps_bytes(record, floats=meta) == jsonl.dumps_bytes(record)
