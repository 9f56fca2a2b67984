"""The W3C export's TextQuoteSelector context, computed for all of an article's spans at once,
is exactly the one-span rule's (which searches the whole text for each span, too slow for a long
article with many spans)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.formats.export_w3c import QUOTE_CONTEXT, quote_context, quote_contexts

# Few letters, so quotes and their contexts repeat; an accent and an emoji sequence, which a
# context never cuts in two.
ALPHABET = st.sampled_from(["a", "b", " ", "e\u0301", "👩\u200d💻", "\n"])


@st.composite
def text_and_extents(draw):
    text = "".join(draw(st.lists(ALPHABET, min_size=1, max_size=400)))
    n = len(text)
    starts = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=30))
    extents = [(s, min(n, s + draw(st.integers(1, 6)))) for s in starts]
    return text, extents


@settings(max_examples=300, deadline=None)
@given(text_and_extents())
def test_all_at_once_is_the_one_span_rule(case):
    text, extents = case
    assert quote_contexts(text, extents) == {e: quote_context(text, *e) for e in extents}


def test_a_repetitive_text_needs_wide_contexts_and_gets_the_same():
    unit = "Foshan and Jiangmen. "
    text = unit * 300 + "Foshan and Zhuhai. " + unit * 300
    extents = [(i * len(unit), i * len(unit) + 6) for i in range(0, 600, 7)]
    got = quote_contexts(text, extents)
    assert got == {e: quote_context(text, *e) for e in extents}
    assert any(len(prefix) > QUOTE_CONTEXT for prefix, _ in got.values())  # widened until unique
