"""Choosing one span per token: the quick way for copies of a span gives what the full rule gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Article
from annotator.formats import iob
from annotator.formats.dataset import ExportDoc, ExportReport, ExportSpan
from annotator.formats.token_docs import tokenize_doc
from annotator.formats.tokens import tokenizer

WORDS = 12
TEXT = " ".join(f"w{i}" for i in range(WORDS))  # token i is text[3 * i : 3 * i + 2]
LABELS = ("LOCATION", "COMPANY")


def _doc(spans: list[tuple[int, int, int]]) -> ExportDoc:
    """Spans as (first token, tokens, label number); ids in an order of their own, so that a copy
    with a lower id may come after another in the text order."""
    made = []
    for n, (first, length, label) in enumerate(spans):
        last = min(first + length, WORDS) - 1
        start, end = 3 * first, 3 * last + 2
        made.append(ExportSpan((n * 7) % 31 + 1, start, end, LABELS[label], TEXT[start:end], "ann"))
    made.sort(key=lambda s: (s.start, s.end, s.id))
    return ExportDoc(Article(1, "t", TEXT), tuple(made))


def _choose(doc: ExportDoc, quick: bool):
    report = ExportReport()
    tdoc = tokenize_doc(doc, report, tokenizer("rules"))
    if quick:
        kept, duplicates = iob.choose_non_overlapping(tdoc, report, "the IOB tags")
    else:
        saved = iob._without_copies
        iob._without_copies = lambda spans: None  # the full rule only
        try:
            kept, duplicates = iob.choose_non_overlapping(tdoc, report, "the IOB tags")
        finally:
            iob._without_copies = saved
    return kept, duplicates, report.warnings


spans = st.lists(st.tuples(st.integers(0, WORDS - 1), st.integers(1, 3), st.integers(0, 1)), max_size=10)


@settings(max_examples=300, deadline=None)
@given(spans=spans, copies=st.lists(st.integers(0, 9), max_size=6))
def test_copies_are_kept_once_as_the_full_rule_keeps_them(spans, copies):
    spans = spans + [spans[i] for i in copies if i < len(spans)]  # a second analyst's copies
    doc = _doc(spans)
    assert _choose(doc, quick=True) == _choose(doc, quick=False)


def test_copies_without_overlaps_keep_the_lowest_id():
    doc = _doc([(0, 2, 0), (4, 1, 1), (0, 2, 0), (4, 1, 1), (4, 1, 1)])
    report = ExportReport()
    kept, duplicates = iob.choose_non_overlapping(tokenize_doc(doc, report, tokenizer("rules")), report, "x")
    by_place = {}
    for span in doc.spans:
        by_place.setdefault((span.start, span.end), []).append(span.id)
    assert [p.span.id for p in kept] == [min(by_place[(0, 5)]), min(by_place[(12, 14)])]
    assert duplicates == 3 and report.warnings == []
