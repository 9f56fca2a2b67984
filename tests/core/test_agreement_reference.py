"""Every coefficient against a reference implementation on the same units: scikit-learn's
cohen_kappa_score, statsmodels' fleiss_kappa and the krippendorff package."""

from __future__ import annotations

import math
import warnings
from collections import Counter

import krippendorff
import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters
from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss

from annotator.core.agreement import OUTSIDE, Span, categories, cohen_kappa, fleiss_kappa, krippendorff_alpha

CATS = [OUTSIDE, "LOCATION", "COMPANY", "POLICY_TERM"]
rated = st.integers(2, 5).flatmap(
    lambda raters: st.lists(st.lists(st.sampled_from(CATS), min_size=raters, max_size=raters), min_size=1, max_size=60)
)


def _sklearn(a, b):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = cohen_kappa_score(a, b)
    return None if math.isnan(value) else value


def _statsmodels(units):
    codes = {c: i for i, c in enumerate(CATS)}
    table, _ = aggregate_raters(np.array([[codes[c] for c in u] for u in units]))
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        value = sm_fleiss(table)
    return None if math.isnan(value) else value


def _krippendorff(units):
    codes = {c: i for i, c in enumerate(CATS)}
    data = np.array([[codes[c] if c is not None else np.nan for c in u] for u in units], dtype=float).T
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    except ValueError:  # "There has to be more than one value in the domain."
        return None
    return None if math.isnan(value) else value


def _close(ours, theirs):
    if theirs is None:
        return ours is None
    return ours is not None and math.isclose(ours, theirs, rel_tol=1e-9, abs_tol=1e-9)


@given(rated)
def test_cohen_kappa_is_sklearns(units):
    a = [u[0] for u in units]
    b = [u[1] for u in units]
    assert _close(cohen_kappa(Counter(zip(a, b, strict=True))), _sklearn(a, b))


@given(rated)
def test_fleiss_kappa_is_statsmodels(units):
    assert _close(fleiss_kappa(Counter(map(tuple, units)), len(units[0])), _statsmodels(units))


@given(rated)
def test_krippendorff_alpha_is_the_packages(units):
    assert _close(krippendorff_alpha(Counter(map(tuple, units))), _krippendorff(units))


@given(st.lists(st.lists(st.one_of(st.none(), st.sampled_from(CATS)), min_size=3, max_size=3), min_size=1, max_size=40))
def test_krippendorff_alpha_with_missing_values_is_the_packages(units):
    assert _close(krippendorff_alpha(Counter(map(tuple, units))), _krippendorff(units))


def test_one_category_only_is_undefined_not_one():
    units = [[OUTSIDE, OUTSIDE, OUTSIDE]] * 10
    assert _sklearn([OUTSIDE] * 10, [OUTSIDE] * 10) is None
    assert cohen_kappa(Counter({(OUTSIDE, OUTSIDE): 10})) is None
    assert fleiss_kappa(Counter(map(tuple, units)), 3) is None and _statsmodels(units) is None
    assert krippendorff_alpha(Counter(map(tuple, units))) is None and _krippendorff(units) is None


def test_nothing_to_compare_is_undefined():
    assert cohen_kappa(Counter()) is None
    assert fleiss_kappa(Counter(), 3) is None
    assert krippendorff_alpha(Counter()) is None
    assert fleiss_kappa(Counter({("O",): 4}), 1) is None  # fewer than two analysts


def test_one_analyst_empty_is_a_real_zero():
    """B labelled nothing, A labelled some tokens: chance-level agreement, kappa 0 (as sklearn says)."""
    a = [OUTSIDE, "LOCATION", OUTSIDE, "COMPANY"]
    b = [OUTSIDE] * 4
    assert (
        _close(cohen_kappa(Counter(zip(a, b, strict=True))), _sklearn(a, b))
        and cohen_kappa(Counter(zip(a, b, strict=True))) == 0.0
    )


def test_category_is_longest_covering_span_then_earliest():
    starts, ends = [0, 4, 8, 12], [3, 7, 11, 15]
    spans = [Span(4, 7, "COMPANY"), Span(0, 11, "LOCATION"), Span(8, 15, "POLICY_TERM")]
    assert categories(starts, ends, spans) == ["LOCATION", "LOCATION", "LOCATION", "POLICY_TERM"]
    tie = [Span(4, 11, "COMPANY"), Span(0, 7, "LOCATION")]  # same length: the earliest wins
    assert categories(starts, ends, tie) == ["LOCATION", "LOCATION", "COMPANY", OUTSIDE]


def test_span_matching_exact_then_greedy_overlap_one_to_one():
    from annotator.core.agreement import SpanAgreement

    a = [Span(0, 10, "LOCATION"), Span(0, 10, "LOCATION"), Span(20, 30, "COMPANY"), Span(40, 50, "COMPANY")]
    b = [Span(0, 10, "LOCATION"), Span(22, 28, "COMPANY"), Span(18, 31, "COMPANY"), Span(40, 50, "LOCATION")]
    agree = SpanAgreement()
    agree.add_article(a, b, ["POLICY_TERM"])
    assert agree.exact.as_dict() == {
        "precision": 0.25,
        "recall": 0.25,
        "f1": 0.25,
        "a_spans": 4,
        "b_spans": 4,
        "matched": 1,
    }
    # (20,30) overlaps (18,31) by 10 and (22,28) by 6: the larger overlap wins, the other stays unmatched.
    assert agree.overlap.matched == 2
    assert agree.labels["COMPANY"][1].matched == 1 and agree.labels["LOCATION"][0].matched == 1
    assert agree.labels["POLICY_TERM"][0].f1 is None  # nobody used it
