"""annotator review lists who reviewed each annotation and when, as the Review view and the jsonl export do."""

import json
from datetime import datetime

from annotator.core.model import Annotation
from annotator.store import open_corpus

TEXT = "Foshan and Shunde signed a plan with Midea Group."


def _corpus(db):
    with open_corpus(db) as corpus:
        a = corpus.articles.add("Plan", TEXT)
        spans = [Annotation(None, a.id, label, TEXT.index(t), TEXT.index(t) + len(t), t, "li")
                 for t, label in (("Foshan", 1), ("Shunde", 1), ("Midea Group", 2))]
        corpus.annotations.add_many(spans)
        first = [r.id for r in corpus.review.page(limit=10) if r.text == "Shunde"]
        corpus.review.mark_reviewed(first, "mei")
        stamp = corpus.annotations.for_article(a.id)[1].reviewed_at
    return stamp


def test_review_json_and_table_show_the_review_state(cli, db):
    stamp = _corpus(db)
    assert stamp
    data = json.loads(cli("--db", db, "review", "--json").stdout)
    assert [(r["text"], r["reviewed_by"], r["reviewed_at"]) for r in data] == [
        ("Foshan", None, None), ("Shunde", "mei", stamp), ("Midea Group", None, None)]
    lines = cli("--db", db, "review").stdout.splitlines()
    assert lines[0].split()[-3:] == ["Last", "change", "Reviewed"]
    day = datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d")
    assert [line.split()[-2:] == ["mei", day] for line in lines[1:]] == [False, True, False]
