"""`annotator review` runs the window's review query: the same filter object, every filter the
window has, the same rows."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from annotator.core.model import Annotation, Status
from annotator.store import open_corpus
from annotator.store.review import ReviewFilter

TEXT = "Foshan and Jiangmen signed. Midea Group of Foshan and Gree of Zhuhai agreed."


@pytest.fixture
def corpus_db(db):
    with open_corpus(db) as corpus:
        one = corpus.articles.add("One", TEXT)
        two = corpus.articles.add("Two", "Zhuhai hosts Gree; Jiangmen hosts a port.")
        spans = [(one, "Foshan", 1, "li"), (one, "Jiangmen", 1, "wu"), (one, "Midea Group", 2, "li"),
                 (one, "Zhuhai", 1, "wu"), (two, "Zhuhai", 1, "li"), (two, "Gree", 2, "wu")]
        stored = corpus.annotations.add_many([
            Annotation(None, a.id, label, a.text.index(t), a.text.index(t) + len(t), t, who)
            for a, t, label, who in spans
        ])
        corpus.review.mark_reviewed([stored[0].id, stored[5].id], "mei")
        corpus.layers.set_status(two.id, Status.DONE, "li")  # li's layer of Two is done, wu's is not
    return db


def _window_ids(db, f: ReviewFilter) -> list[int]:
    with open_corpus(db) as corpus:
        return [r.id for r in corpus.review.page(f, "article", limit=1000)]


@pytest.mark.parametrize(
    ("args", "f"),
    [
        ([], ReviewFilter()),
        (["--annotator", "li"], ReviewFilter(annotators=("li",))),
        (["--annotator", "li", "--annotator", "wu"], ReviewFilter(annotators=("li", "wu"))),
        (["--label", "COMPANY"], ReviewFilter(label_ids=(2,))),
        (["--status", "done"], ReviewFilter(statuses=("done",))),
        (["--reviewed"], ReviewFilter(reviewed=True)),
        (["--not-reviewed"], ReviewFilter(reviewed=False)),
        (["--text", "zhu"], ReviewFilter(text="zhu")),
        (["--text", "^(Gree|Midea)", "--regex"], ReviewFilter(text="^(Gree|Midea)", regex=True)),
        (["--article", "2"], ReviewFilter(article_ids=(2,))),
    ],
)
def test_each_filter_gives_the_rows_of_the_window_query(cli, corpus_db, args, f):
    result = cli("--db", corpus_db, "review", "--json", *args)
    assert result.exit_code == 0, result.stderr
    ids = [row["id"] for row in json.loads(result.stdout)]
    assert ids == _window_ids(corpus_db, f) and ids


def test_day_range_filters_by_the_local_day_of_the_last_change(cli, corpus_db):
    today = datetime.now(timezone.utc).astimezone().date()
    assert len(json.loads(cli("--db", corpus_db, "review", "--json", "--since", today.isoformat()).stdout)) == 6
    tomorrow = (today + timedelta(days=1)).isoformat()
    assert json.loads(cli("--db", corpus_db, "review", "--json", "--since", tomorrow).stdout) == []
    assert json.loads(cli("--db", corpus_db, "review", "--json", "--until", str(date(2000, 1, 1))).stdout) == []


def test_filter_mistakes_are_usage_errors(cli, corpus_db):
    assert "Invalid regular expression" in cli("--db", corpus_db, "review", "--text", "(", "--regex").stderr
    assert cli("--db", corpus_db, "review", "--regex").exit_code == 2
    assert cli("--db", corpus_db, "review", "--conflicts", "--status", "done").exit_code == 2
    assert cli("--db", corpus_db, "review", "--since", "yesterday").exit_code == 2
