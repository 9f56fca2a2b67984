"""Agreement on every core: worker processes give exactly the figures of one process, and progress
and cancel work while they count."""

from __future__ import annotations

import json
import logging
import random
from pathlib import Path

import pytest

from annotator.core.model import Annotation
from annotator.formats import agreement, parallel
from annotator.formats.agreement import Cancelled, compute
from annotator.store import open_corpus
from tests.team_helpers import agreement_on_workers, finish

SAMPLE = (Path(__file__).resolve().parents[2] / "resources" / "sample_article.txt").read_text(encoding="utf-8")
ANALYSTS = ("li", "mei", "zhang", "gold")


def _words(text):
    out, start = [], None
    for i, ch in enumerate(text + " "):
        if ch.isalnum() and start is None:
            start = i
        elif not ch.isalnum() and start is not None:
            out.append((start, i))
            start = None
    return out


@pytest.fixture(scope="module")
def team_file(tmp_path_factory):
    """30 articles, four layers that mostly agree: missed, relabelled, stretched spans, a span cut
    inside a word (units split there), a span twice; some articles left unfinished by some."""
    path = tmp_path_factory.mktemp("team") / "team.db"
    rnd = random.Random(7)
    with open_corpus(path) as corpus:
        tags = {lab.tag: lab.id for lab in corpus.labels.list()}
        for k in range(30):
            paragraphs = SAMPLE.split("\n\n")
            rnd.shuffle(paragraphs)
            art = corpus.articles.add(f"Article {k}", "\n\n".join(paragraphs[: rnd.randint(2, 6)]))
            words = _words(art.text)
            base = [(s, words[min(i + rnd.choice([0, 0, 1]), len(words) - 1)][1], rnd.choice(list(tags)))
                    for i, (s, _) in enumerate(words) if rnd.random() < 0.15]
            rows, done = [], []
            for who in ANALYSTS:
                for s, e, tag in base:
                    r = rnd.random()
                    if r < 0.1:
                        continue
                    if r < 0.2:
                        tag = rnd.choice(list(tags))
                    elif r < 0.25:
                        e = min(len(art.text), e + 2)  # may end inside the next word
                    rows.append(Annotation(None, art.id, tags[tag], s, e, art.text[s:e], who))
                    if r > 0.98:
                        rows.append(Annotation(None, art.id, tags[tag], s, e, art.text[s:e], who))  # twice
                if rnd.random() < 0.85:
                    done.append(who)
            corpus.annotations.add_many(rows)
            finish(corpus, art.id, *done)
    return path


CASES = {
    "all": ((["li", "mei", "zhang"]), {}),
    "labels": ((["li", "mei", "zhang"]), {"labels": ["LOCATION", "COMPANY"]}),
    "annotated": ((["li", "mei", "zhang"]), {"every_annotated": True}),
    "against": ((["li", "mei", "zhang"]), {"against": "gold"}),
}


def _figures(path, names, kwargs, **more):
    with open_corpus(path) as corpus:
        result = compute(corpus, names, tok=agreement.tokenizer("rules"), **kwargs, **more)
    return json.dumps(result.as_json(), sort_keys=True), result


@pytest.fixture
def pooled(monkeypatch):
    """Workers from the first batch on, batches of two articles; the batches sent to them."""
    return agreement_on_workers(monkeypatch, 2)


@pytest.mark.parametrize("case", sorted(CASES))
def test_workers_give_exactly_the_figures_of_one_process(team_file, pooled, caplog, case):
    names, kwargs = CASES[case]
    alone, one = _figures(team_file, names, kwargs, workers=1)
    assert not pooled
    with caplog.at_level(logging.WARNING):
        together, many = _figures(team_file, names, kwargs)
    assert len(pooled) >= 3  # batches went to the workers ...
    assert "worker processes stopped" not in caplog.text  # ... and the workers counted them
    assert together == alone  # every figure, to the last bit
    assert one.pairs[0].articles > 5 and one.tokens > 1000
    assert many.tokenize_seconds > 0 and 0 < many.tokenizing_share < 1


def test_progress_reaches_the_end_and_cancel_stops_the_workers(team_file, pooled, monkeypatch):
    monkeypatch.setattr(agreement, "PROGRESS_EVERY", 1)
    seen = []
    with open_corpus(team_file) as corpus:
        compute(corpus, ["li", "mei", "zhang"], tok=agreement.tokenizer("rules"),
                progress=lambda done, total: seen.append((done, total)) or True)
        total = seen[-1][1]
        assert seen[0] == (0, total) and seen[-1] == (total, total) and total >= 25
        assert [d for d, _ in seen] == sorted(d for d, _ in seen)
        asked = []
        with pytest.raises(Cancelled):
            compute(corpus, ["li", "mei", "zhang"], tok=agreement.tokenizer("rules"),
                    progress=lambda done, total: asked.append(done) or done < 4)
        assert max(asked) < total


@pytest.mark.parametrize(("load", "workers"), [(0.2, 4), (1.0, 4), (2.6, 2), (3.5, 1), (9.0, 1)])
def test_workers_only_on_cores_other_programs_leave_idle(monkeypatch, load, workers):
    monkeypatch.delenv("ANNOTATOR_WORKERS", raising=False)
    monkeypatch.setattr(parallel, "workers_available", lambda: 4)
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (load, load, load))
    assert parallel.idle_workers() == workers
    monkeypatch.setenv("ANNOTATOR_WORKERS", "3")  # a count asked for is taken as it is
    monkeypatch.setattr(parallel, "workers_available", lambda: 3)
    assert parallel.idle_workers() == 3


@pytest.mark.parametrize(("idle_share", "workers"), [(0.0, 1), (0.3, 1), (0.5, 2), (0.9, 2)])
def test_workers_only_on_cores_left_idle_meanwhile(monkeypatch, idle_share, workers):
    """Two cores, this process busy on one: the other idle half the time or more is worth a worker."""
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel, "_cpu_times", lambda: (1000 + int(idle_share * 1000), 2000))
    assert parallel._idle_since((1000, 1000), 4) == workers
