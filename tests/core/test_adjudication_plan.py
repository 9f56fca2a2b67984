"""The adjudication plan against its definition, written the slow and obvious way."""

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.adjudication import plan
from annotator.core.agreement import Span

spans = st.lists(
    st.builds(lambda s, n, lab: Span(s, s + n, lab), st.integers(0, 60), st.integers(1, 9), st.sampled_from("XYZ")),
    max_size=12,
)


def _reference(layers, gold, decided, k):
    """Agreed: made identically by at least ``k``; the rest grouped where they overlap, in a chain;
    a group settled by a decision over its extent, or by any gold span that is not agreed overlapping it."""
    names = sorted(layers)
    made = {}
    for name in names:
        for s in set(layers[name]):
            made.setdefault(s, set()).add(name)
    agreed = sorted(s for s, who in made.items() if len(who) >= k) if names and k <= len(names) else []
    rest = sorted((s, n) for s, who in made.items() if s not in set(agreed) for n in who)
    groups = []
    for s, n in rest:
        if groups and s.start < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], s.end)
            groups[-1][2].append((s, n))
        else:
            groups.append([s.start, s.end, [(s, n)]])
    hand = [g for g in set(gold) if g not in set(agreed)]
    out = []
    for start, end, members in groups:
        settled = (start, end) in decided or any(h.start < end and h.end > start for h in hand)
        versions = {}
        for name in names:
            versions.setdefault(tuple(sorted(s for s, n in members if n == name)), []).append(name)
        out.append((start, end, settled, sorted(versions.items(), key=lambda kv: (not kv[0], -len(kv[1]), kv[0]))))
    return agreed, [s for s in agreed if s not in set(gold)], out


@settings(max_examples=300, deadline=None)
@given(
    layers=st.dictionaries(st.sampled_from(["li", "mei", "zhang", "wu"]), spans, max_size=4),
    gold=spans,
    decided=st.sets(st.tuples(st.integers(0, 60), st.integers(1, 70)), max_size=3),
    k=st.sampled_from([None, 1, 2, 3]),
)
def test_plan_is_its_definition(layers, gold, decided, k):
    layers = layers or {"li": []}
    gold = gold + sorted(set(layers[min(layers)]))[:2]  # some gold spans are agreed ones, as after accepting them
    want = len(layers) if k is None else k
    agreed, accept, groups = _reference(layers, gold, decided, want)
    got = plan(layers, gold, decided, k)
    assert list(got.agreed) == agreed and list(got.accept) == accept
    assert [
        (d.start, d.end, d.settled, [(v.spans, list(v.analysts)) for v in d.versions]) for d in got.disagreements
    ] == [(s, e, settled, [(v, w) for v, w in versions]) for s, e, settled, versions in groups]


def test_a_hand_made_gold_span_far_before_still_settles_a_disagreement_it_reaches():
    """A long gold span that starts early and ends inside a later disagreement settles it, though
    shorter gold spans start between them (the furthest end so far counts, not the latest start)."""
    layers = {"li": [Span(100, 110, "X")], "mei": [Span(100, 112, "X")]}
    gold = [Span(0, 105, "Y"), Span(20, 30, "Y"), Span(40, 50, "Y")]
    (d,) = plan(layers, gold).disagreements
    assert d.settled
    (d,) = plan(layers, gold[1:]).disagreements
    assert not d.settled
