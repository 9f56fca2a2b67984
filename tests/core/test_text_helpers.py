"""The small helpers every layer shares: plurals, shortening, keyword in context, folders one may replace."""

from __future__ import annotations

import pytest

from annotator.core.text import InContext, display_width, holds_other_files, plural, shorten


@pytest.mark.parametrize(
    "n, word, many, said",
    [(0, "span", None, "0 spans"), (1, "span", None, "1 span"), (2, "new label", None, "2 new labels"),
     (1, "entry", "entries", "1 entry"), (3, "entry", "entries", "3 entries")],
)
def test_plural(n, word, many, said):
    assert plural(n, word, many) == said


def test_shorten_collapses_white_space_and_marks_the_cut():
    assert shorten("Foshan\n  city", 20) == "Foshan city"
    assert shorten("Guangdong Province", 10) == "Guangdong…"
    assert len(shorten("x" * 100, 40)) == 40


def test_shorten_counts_wide_characters_twice():
    text = "佛山市南海区人民政府"  # ten wide characters: twenty columns
    assert display_width(text) == 20
    cut = shorten(text, 9)
    assert cut == "佛山市南…" and display_width(cut) <= 9


def test_context_before_a_span_is_cut_only_where_the_text_goes_on():
    text = "a" * 40 + "Foshan" + "b" * 10
    start = 40  # exactly the width of context before it: the article starts there, nothing is cut
    shown = InContext.around(start, text[start - 40 : start], "Foshan", text[start + 6 : start + 46], 40)
    assert shown.sides() == ("a" * 40, "b" * 10)
    later = InContext.around(41, "a" * 40, "Foshan", "", 40)  # one more character before: cut
    assert later.cut_before and later.sides()[0] == "…" + "a" * 40
    full_after = InContext.around(0, "", "Foshan", "b" * 40, 40)  # a full width after: marked as cut
    assert full_after.sides() == ("", "b" * 40 + "…")


def test_narrowed_context_keeps_the_marks():
    shown = InContext.around(35, "a" * 35, "X", "b" * 12, 40).narrowed(30)
    assert shown.sides() == ("…" + "a" * 30, "b" * 12)
    shown = InContext.around(5, "a" * 5, "X", "b" * 40, 40).narrowed(30)
    assert shown.sides() == ("a" * 5, "b" * 30 + "…")


def test_only_an_empty_folder_or_an_earlier_output_may_be_replaced(tmp_path):
    folder = tmp_path / "out"
    assert not holds_other_files(folder, ".marker")  # does not exist
    folder.mkdir()
    assert not holds_other_files(folder, ".marker")  # empty
    (folder / "thesis.docx").write_text("mine")
    assert holds_other_files(folder, ".marker")
    (folder / ".marker").write_text("")
    assert not holds_other_files(folder, ".marker")
