"""annotator agreement: the JSON of the issue, figures checked against scikit-learn, statsmodels and
krippendorff on the same tokens as the token exports, and the cases that broke other tools."""

from __future__ import annotations

import json
import math
import random
import re
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters
from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss

from annotator.core.model import Annotation
from annotator.formats.tokens import split_at, tokenizer
from annotator.store import open_corpus
from tests.team_helpers import finish

SAMPLE = (Path(__file__).resolve().parents[2] / "resources" / "sample_article.txt").read_text(encoding="utf-8")
TAGS = ["LOCATION", "COMPANY", "POLICY_TERM"]
SHAPE_KEYS = {"precision", "recall", "f1", "a_spans", "b_spans", "matched"}


def _words(text):
    return [m.span() for m in re.finditer(r"[A-Za-z][A-Za-z'-]*", text)]


def _layers(text, seed):
    """Three analysts who mostly agree: the same base spans, each changed a little at random."""
    rnd = random.Random(seed)
    words = _words(text)
    base = []
    for i in sorted(rnd.sample(range(len(words) - 3), 25)):
        n = rnd.choice([1, 1, 2, 3])
        base.append((words[i][0], words[i + n - 1][1], rnd.choice(TAGS)))
    out = {}
    for name in ("li", "mei", "zhang"):
        spans = []
        for s, e, tag in base:
            r = rnd.random()
            if r < 0.1:
                continue  # missed
            if r < 0.2:
                tag = rnd.choice(TAGS)  # another label
            elif r < 0.3:
                e = min(len(text), e + 3)  # another extent (may cut a token: units split there)
            spans.append((s, e, tag))
        out[name] = spans
    return out


@pytest.fixture
def team(db):
    """Two finished articles labelled by li, mei and zhang; a third finished by li and mei only."""
    texts = [SAMPLE, SAMPLE.replace("Foshan", "Jiangmen"), "Zhuhai and Macau signed a port plan with Gree Electric."]
    layers = []
    with open_corpus(db) as corpus:
        ids = {lab.tag: lab.id for lab in corpus.labels.list()}
        for k, text in enumerate(texts):
            art = corpus.articles.add(f"Article {k}", text)
            lay = _layers(art.text, k) if k < 2 else {
                "li": [(0, 6, "LOCATION"), (41, 54, "COMPANY")], "mei": [(0, 6, "LOCATION"), (11, 16, "LOCATION")],
            }
            corpus.annotations.add_many(
                [
                    Annotation(None, art.id, ids[t], s, e, art.text[s:e], who)
                    for who, spans in lay.items()
                    for s, e, t in spans
                ]
            )
            finish(corpus, art.id, *lay)
            layers.append((art.text, lay))
    return db, layers


def _cats(starts, ends, spans):
    """The issue's rule, written the slow way: longest covering span, then the earliest, else O."""
    out = []
    for s, e in zip(starts, ends, strict=True):
        covering = [x for x in spans if x[0] <= s and e <= x[1]]
        covering.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
        out.append(covering[0][2] if covering else "O")
    return out


def _units(text, layers, names):
    tok = tokenizer()
    starts, ends = tok.tokens(text, tok.language(text) if tok.spacy is not None else "")
    points = [p for n in names for s, e, _ in layers.get(n, []) for p in (s, e)]
    starts, ends, _ = split_at(starts, ends, points)
    return [_cats(starts, ends, layers.get(n, [])) for n in names]


def _run(cli, db, *args):
    result = cli("--db", db, "agreement", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_json_has_the_shape_of_the_issue_and_the_reference_figures(cli, team):
    db, docs = team
    out = _run(cli, db)
    assert out["annotators"] == ["li", "mei", "zhang"]
    assert out["articles"] == 2
    assert [(p["a"], p["b"]) for p in out["pairs"]] == [("li", "mei"), ("li", "zhang"), ("mei", "zhang")]
    for pair in out["pairs"]:
        assert set(pair) == {"a", "b", "articles", "tokens", "exact", "overlap", "cohen_kappa", "labels"}
        assert set(pair["exact"]) == SHAPE_KEYS and set(pair["overlap"]) == SHAPE_KEYS
        assert set(pair["labels"]) == set(TAGS)
        shared = [d for d in docs if pair["a"] in d[1] and pair["b"] in d[1]]
        assert pair["articles"] == len(shared)
        a, b = [], []
        for text, lay in shared:
            ca, cb = _units(text, lay, [pair["a"], pair["b"]])
            a += ca
            b += cb
        assert pair["tokens"] == len(a)
        assert math.isclose(pair["cohen_kappa"], cohen_kappa_score(a, b), rel_tol=1e-9)
        sa = [(d, *s) for d, (_, lay) in enumerate(shared) for s in lay[pair["a"]]]
        sb = [(d, *s) for d, (_, lay) in enumerate(shared) for s in lay[pair["b"]]]
        matched = len(set(sa) & set(sb))
        assert pair["exact"]["matched"] == matched
        assert pair["exact"]["precision"] == pytest.approx(matched / len(sb))
        assert pair["exact"]["recall"] == pytest.approx(matched / len(sa))
        assert pair["exact"]["f1"] == pytest.approx(2 * matched / (len(sa) + len(sb)))
        assert pair["overlap"]["matched"] >= matched
        for tag in TAGS:
            per = pair["labels"][tag]["exact"]
            assert per["a_spans"] == sum(1 for x in sa if x[3] == tag)
            assert per["matched"] == len({x for x in sa if x[3] == tag} & set(sb))
    units = []
    for text, lay in docs[:2]:
        units += list(zip(*_units(text, lay, ["li", "mei", "zhang"]), strict=True))
    assert out["tokens"] == len(units)
    codes = {c: i for i, c in enumerate(["O", *TAGS])}
    table, _ = aggregate_raters(np.array([[codes[c] for c in u] for u in units]))
    assert math.isclose(out["fleiss_kappa"], sm_fleiss(table), rel_tol=1e-9)
    data = np.array([[codes[c] for c in u] for u in units], dtype=float).T
    assert math.isclose(
        out["krippendorff_alpha"],
        krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"),
        rel_tol=1e-9,
    )


def test_label_filter_and_overlap_matching(cli, team):
    db, _ = team
    out = _run(cli, db, "--annotators", "li,mei", "--label", "LOCATION")
    pair = out["pairs"][0]
    assert set(pair["labels"]) == {"LOCATION"}
    assert pair["articles"] == 3
    # Article 3: li's COMPANY is left out; LOCATION: li (0,6) = mei (0,6); mei's (11,16) alone.
    assert pair["exact"]["a_spans"] >= 1


def test_no_shared_document_is_null_not_one(cli, db):
    """Two analysts who never finished the same article: every figure null (other tools said 1.0)."""
    with open_corpus(db) as corpus:
        loc = corpus.labels.list()[0].id
        for who, text in (("li", "Foshan is a city."), ("mei", "Zhuhai is a city.")):
            art = corpus.articles.add(who, text)
            corpus.annotations.add(Annotation(None, art.id, loc, 0, 6, text[:6], who))
            finish(corpus, art.id, who)
    out = _run(cli, db)
    pair = out["pairs"][0]
    assert pair["articles"] == 0 and pair["tokens"] == 0
    assert pair["cohen_kappa"] is None and pair["exact"]["f1"] is None and pair["overlap"]["precision"] is None
    assert out["fleiss_kappa"] is None and out["krippendorff_alpha"] is None and out["articles"] == 0
    text = cli("--db", db, "agreement").output
    assert "kappa cannot be computed (no article finished by both)" in text
    assert "Fleiss' kappa: — (no article finished by all of them; 0 articles, 0 tokens)" in text


def test_one_analyst_empty_and_a_label_only_one_uses(cli, db):
    with open_corpus(db) as corpus:
        ids = {lab.tag: lab.id for lab in corpus.labels.list()}
        text = "Foshan and Midea Group agreed on the plan."
        art = corpus.articles.add("a", text)
        corpus.annotations.add_many([
            Annotation(None, art.id, ids["LOCATION"], 0, 6, "Foshan", "li"),
            Annotation(None, art.id, ids["COMPANY"], 11, 22, "Midea Group", "li"),
            Annotation(None, art.id, ids["LOCATION"], 0, 6, "Foshan", "mei"),
        ])
        finish(corpus, art.id, "li", "mei")
    out = _run(cli, db, "--all")
    pair = out["pairs"][0]
    company = pair["labels"]["COMPANY"]["exact"]
    assert company == {"precision": None, "recall": 0.0, "f1": 0.0, "a_spans": 1, "b_spans": 0, "matched": 0}
    policy = pair["labels"]["POLICY_TERM"]["exact"]
    assert policy["f1"] is None and policy["a_spans"] == 0  # nobody used it: undefined, not 1.0
    a = ["LOCATION", "O", "COMPANY", "COMPANY", "O", "O", "O", "O", "O"]
    b = ["LOCATION"] + ["O"] * 8
    assert pair["tokens"] == 9
    assert math.isclose(pair["cohen_kappa"], cohen_kappa_score(a, b), rel_tol=1e-9)
    # mei labels nothing in this article: her layer is empty, kappa is a computed number, not 1.0.
    with open_corpus(db) as corpus:
        art2 = corpus.articles.add("b", "Zhuhai signed a plan.")
        corpus.annotations.add(Annotation(None, art2.id, ids["LOCATION"], 0, 6, "Zhuhai", "li"))
    out = _run(cli, db, "--all", "--annotators", "li,mei")
    assert out["pairs"][0]["articles"] == 1  # mei never annotated article b: it is not shared


def test_one_analyst_and_unknown_names(cli, team):
    db, _ = team
    out = _run(cli, db, "--annotators", "li")
    assert out["pairs"] == [] and out["fleiss_kappa"] is None and out["krippendorff_alpha"] is None
    bad = cli("--db", db, "agreement", "--annotators", "li,nobody")
    assert bad.exit_code == 2 and "nobody" in bad.output
    bad = cli("--db", db, "agreement", "--label", "PERSON")
    assert bad.exit_code == 2 and "PERSON" in bad.output


def test_text_output_names_counts(cli, team):
    db, _ = team
    out = cli("--db", db, "agreement").output
    assert "li / mei" in out and "Fleiss' kappa:" in out and "2 articles" in out
