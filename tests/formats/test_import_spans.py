import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.formats.import_spans import SourceText, SpanError, first_match

from .labelled_samples import EXT_B, FAMILY, FIREFIGHTER, FLAG_HK, utf16


def test_crlf_before_a_span_shifts_it_onto_the_stored_text():
    original = "Line one\r\nLine two\r\nFoshan"
    source = SourceText(original)
    assert source.text == "Line one\nLine two\nFoshan"
    start = original.index("Foshan")
    assert source.span(start, start + 6, covered="Foshan") == (18, 24, "Foshan")


def test_a_span_across_a_crlf_keeps_one_line_break():
    original = "Hong\r\nKong"
    assert SourceText(original).span(0, 10, covered="Hong\r\nKong") == (0, 9, "Hong\nKong")


def test_a_span_ending_inside_a_crlf_loses_the_cr():
    original = "aaaa\r\nb"
    assert SourceText(original).span(0, 5, covered="aaaa\r") == (0, 4, "aaaa")
    assert SourceText(original).span(5, 7, covered="\nb") == (4, 6, "\nb")


def test_bom_and_lone_cr():
    original = "\ufeffA\rB\r\nC"
    source = SourceText(original)
    assert source.text == "A\nB\nC"
    assert source.span(6, 7) == (4, 5, "C")
    assert source.span(3, 4) == (2, 3, "B")  # a lone CR becomes LF: nothing shifts
    assert source.span(1, 2) == (0, 1, "A")
    with pytest.raises(SpanError, match="only a line break or byte-order mark"):
        source.span(0, 1)


def test_utf16_offsets_as_doccano_counts_them():
    text = f"{FIREFIGHTER} firemen drive firetrucks"
    source = SourceText(text)
    assert source.span(22, 32, units="utf16") == (19, 29, "firetrucks")
    with pytest.raises(SpanError, match="surrogate pair"):
        source.span(1, 5, units="utf16")
    with pytest.raises(SpanError, match=r"outside the text \(32 UTF-16 code units\)"):
        source.span(22, 33, units="utf16")


@pytest.mark.parametrize(
    "start, end, covered, message",
    [
        (3, 2, None, "not a span"),
        (0, 0, None, "not a span"),
        (-1, 2, None, "not a span"),
        (0, 99, None, r"outside the text \(6 characters\)"),
        ("0", 2, None, "whole numbers"),
        (True, 2, None, "whole numbers"),
        (0, 2, "XX", "cover 'Fo', but the file says 'XX'"),
    ],
)
def test_bad_spans_say_why(start, end, covered, message):
    with pytest.raises(SpanError, match=message):
        SourceText("Foshan").span(start, end, covered=covered)


def test_first_match_tries_each_reading():
    readings = [SourceText("\ufeffab\ncd"), SourceText("ab\ncd")]
    assert first_match(readings, 4, 6, "cd") == (3, 5, "cd")  # the byte-order mark counted
    assert first_match(readings, 3, 5, "cd") == (3, 5, "cd")  # not counted
    with pytest.raises(SpanError, match="cover 'a', but the file says 'zz'"):
        first_match(readings, 1, 2, "zz")


_PIECES = st.sampled_from(["a", "Bay ", "佛山", "\r\n", "\n", "\r", FAMILY, FLAG_HK, EXT_B, "é", " "])


@settings(max_examples=150)
@given(st.lists(_PIECES, min_size=1, max_size=30), st.data())
def test_any_span_of_the_stored_text_survives_crlf_and_utf16(pieces, data):
    """Offsets a tool computed on the CRLF original, in either unit, land on the same stored span."""
    original = "".join(pieces)
    source = SourceText(original)
    # pick a span on whole pieces of the original, so it never splits a CRLF or a character
    bounds = [0]
    for piece in pieces:
        bounds.append(bounds[-1] + len(piece))
    # a tool's span never starts or ends between the CR and the LF of one line break
    cuts = [
        k for k in range(len(pieces) + 1) if not (0 < k < len(pieces) and pieces[k - 1] == "\r" and pieces[k] == "\n")
    ]
    i = data.draw(st.sampled_from(cuts[:-1]))
    j = data.draw(st.sampled_from([k for k in cuts if k > i]))
    covered = original[bounds[i] : bounds[j]]
    expected = covered.replace("\r\n", "\n").replace("\r", "\n")
    try:
        s, e, text = source.span(bounds[i], bounds[j], covered=covered)
    except SpanError as exc:
        assert "only a line break" in str(exc) and expected in ("", "\n")
        return
    assert text == expected and source.text[s:e] == expected
    assert source.span(utf16(original, bounds[i]), utf16(original, bounds[j]), units="utf16") == (s, e, text)
