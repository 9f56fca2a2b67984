"""annotator adjudicate: agreed spans into a gold layer, idempotent; the rest left open."""

from __future__ import annotations

import json

import pytest

from annotator.core.adjudication import plan, take
from annotator.core.agreement import Span
from annotator.core.model import Annotation
from annotator.store import open_corpus
from annotator.store.adjudication import read
from annotator.store.analyst_layers import settle
from tests.team_helpers import finish

TEXT = "Foshan and Midea Group agreed on the Greater Bay Area plan in Guangzhou."


@pytest.fixture
def three(db):
    with open_corpus(db) as corpus:
        ids = {lab.tag: lab.id for lab in corpus.labels.list()}
        art = corpus.articles.add("a", TEXT)

        def sp(needle, tag, who):
            s = TEXT.index(needle)
            return Annotation(None, art.id, ids[tag], s, s + len(needle), needle, who)

        corpus.annotations.add_many([
            *(sp("Foshan", "LOCATION", w) for w in ("li", "mei", "zhang")),  # all three
            *(sp("Midea Group", "COMPANY", w) for w in ("li", "mei")),  # two of three
            sp("Midea", "COMPANY", "zhang"),  # shorter
            sp("Greater Bay Area", "POLICY_TERM", "li"),
            sp("Greater Bay Area", "LOCATION", "mei"),  # another label
            sp("Guangzhou", "LOCATION", "zhang"),  # only zhang
        ])
        finish(corpus, art.id, "li", "mei", "zhang")
    return db


def _json(cli, db, *args):
    result = cli("--db", db, "adjudicate", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_auto_accepts_what_all_agree_on_and_is_idempotent(cli, three):
    out = _json(cli, three, "--auto")
    assert out["accepted"] == 1 and out["open"] == 3
    assert out["articles"][0]["analysts"] == ["li", "mei", "zhang"]
    again = _json(cli, three, "--auto")
    assert again["accepted"] == 0 and again["open"] == 3
    with open_corpus(three) as corpus:
        gold = [(a.text, a.annotator) for a in corpus.annotations.for_article(1) if a.annotator == "gold"]
    assert gold == [("Foshan", "gold")]


def test_min_agree_two_and_another_gold_name(cli, three):
    out = _json(cli, three, "--auto", "--gold", "final", "--min-agree", "2")
    assert out["gold"] == "final" and out["accepted"] == 2 and out["open"] == 3
    text = cli("--db", three, "adjudicate", "--auto", "--gold", "final", "--min-agree", "2").output
    assert "Accepted 0 spans into final; 3 disagreements still open in 1 article." in text
    exported = cli("--db", three, "export", "--format", "jsonl", "--out", "-", "--annotator", "final").output
    spans = json.loads(exported.splitlines()[0])["spans"]
    assert [(s["text"], s["annotator"]) for s in spans] == [("Foshan", "final"), ("Midea Group", "final")]


def test_without_auto_nothing_is_written_and_bad_input_is_refused(cli, three):
    out = _json(cli, three)
    assert out["accepted"] == 1 and out["open"] == 3  # what --auto would accept
    with open_corpus(three) as corpus:
        assert "gold" not in corpus.annotations.annotators()
    assert cli("--db", three, "adjudicate", "--min-agree", "2").exit_code == 2
    assert cli("--db", three, "adjudicate", "--article", "99").exit_code == 2
    assert cli("--db", three, "adjudicate", "--annotators", "li,gold").exit_code == 2


def test_unfinished_article_is_not_adjudicated(cli, db):
    with open_corpus(db) as corpus:
        art = corpus.articles.add("a", TEXT)
        loc = corpus.labels.list()[0].id
        corpus.annotations.add_many([Annotation(None, art.id, loc, 0, 6, "Foshan", w) for w in ("li", "mei")])
    out = cli("--db", db, "adjudicate", "--auto").output
    assert "nothing to adjudicate" in out


def test_taking_versions_settles_disagreements(three):
    with open_corpus(three) as corpus:
        state = read(corpus, 1, "gold")
        p = state.plan
        assert [len(d.versions) for d in p.disagreements] == [2, 3, 2]  # Greater Bay Area: two labels and none
        midea = p.disagreements[0]
        assert midea.versions[0].analysts == ("li", "mei") and midea.versions[1].analysts == ("zhang",)
        ids = {lab.tag: lab.id for lab in corpus.labels.list()}
        from annotator.store.adjudication import gold_annotations

        add, remove = take(midea, midea.versions[1], [])
        settle(corpus, 1, "gold", (midea.start, midea.end), gold_annotations(corpus, 1, "gold", add), [], True)
        after = read(corpus, 1, "gold").plan
        assert after.settled == 1 and after.open == 2
        # Taking the other version replaces the earlier choice.
        gold = [
            Span(a.start, a.end, {v: k for k, v in ids.items()}[a.label_id]) for a in read(corpus, 1, "gold").gold_layer
        ]
        add, remove = take(midea, midea.versions[0], gold)
        assert add == [Span(11, 22, "COMPANY")] and remove == [Span(11, 16, "COMPANY")]


def test_plan_rules():
    layers = {
        "li": [Span(0, 6, "LOCATION"), Span(10, 15, "COMPANY")],
        "mei": [Span(0, 6, "LOCATION"), Span(10, 18, "COMPANY")],
    }
    p = plan(layers)
    assert p.agreed == (Span(0, 6, "LOCATION"),) and p.accept == (Span(0, 6, "LOCATION"),)
    assert len(p.disagreements) == 1 and (p.disagreements[0].start, p.disagreements[0].end) == (10, 18)
    assert plan(layers, gold=[Span(0, 6, "LOCATION")]).accept == ()
    assert plan(layers, gold=[Span(10, 15, "COMPANY")]).open == 0  # gold edited by hand there
    assert plan(layers, decided=[(10, 18)]).open == 0  # "none" taken
    assert plan(layers, min_agree=1).open == 0


def test_against_gold_lists_what_the_adjudicator_changed(cli, three):
    with open_corpus(three) as corpus:
        from annotator.store.adjudication import accept_agreed

        accept_agreed(corpus, 1, "gold")
        ids = {lab.tag: lab.id for lab in corpus.labels.list()}
        s = TEXT.index("Midea Group")
        corpus.annotations.add(Annotation(None, 1, ids["COMPANY"], s, s + 11, "Midea Group", "gold"))
        finish(corpus, 1, "gold")
    out = json.loads(cli("--db", three, "agreement", "--json", "--against", "gold").output)
    assert out["against"] == "gold" and [p["a"] for p in out["pairs"]] == ["gold"] * 3
    zhang = out["corrections"]["zhang"]
    assert (zhang["kept"], zhang["resized"], zhang["removed"]) == (1, 1, 1)  # Foshan; Midea; Guangzhou
    assert zhang["changes"][0]["analyst"]["text"] == "Midea" and zhang["changes"][0]["gold"]["text"] == "Midea Group"
    li = out["corrections"]["li"]
    assert (li["kept"], li["removed"]) == (2, 1)  # Greater Bay Area left out of gold
    text = cli("--db", three, "agreement", "--against", "gold").output
    assert "What gold changed of zhang's work: kept 1, relabelled 0, resized 1, removed 1, added 0." in text
    assert cli("--db", three, "agreement", "--against", "nobody").exit_code == 2
