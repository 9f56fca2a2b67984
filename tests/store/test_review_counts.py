"""The review counts the store keeps (store/review_counts.py) equal the annotations counted afresh
after every kind of write, and the review's counts from them equal counting the annotations."""

from __future__ import annotations

import json
import random
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import Annotation, Label
from annotator.formats.batch import ImportBatch
from annotator.store import open_corpus
from annotator.store import review_counts as rc
from annotator.store.corpus import APPLICATION_ID
from annotator.store.errors import CorpusError
from annotator.store.locking import CorpusDatabase
from annotator.store.merge import merge_corpus
from annotator.store.migrations import migrations
from annotator.store.review import ReviewFilter

TEXTS = [
    "Foshan and Zhaoqing signed; Midea Group praised Foshan and the Greater Bay Area plan.",
    "Hefei hosts NIO. Anhui province expands its new energy vehicle cluster around Hefei.",
    "Guangzhou and Shenzhen host the fair; Midea Group and BYD show robots in Guangzhou.",
    "Shunde District opens a logistics park beside the Pearl River; Foshan pays for it.",
]
WHO = ("alice", "bo", "chen")
STATUSES = ("new", "in_progress", "done")


def _stamp(rng: random.Random) -> str:
    """A time of change over a few days and hours, sometimes within the same hour."""
    hour, minute = rng.choice((0, 7, 15, 16, 23)), rng.choice((0, 29, 30, 59))
    return f"2026-01-0{rng.randint(4, 6)}T{hour:02d}:{minute:02d}:00.000+00:00"


def _at(text: str, needle: str, label):
    start = text.index(needle)
    return [start, start + len(needle), label]


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    """A file to import (new articles and spans on an article already there) and a colleague's
    corpus to merge (the same articles, their own spans and statuses)."""
    folder = tmp_path_factory.mktemp("sources")
    doccano = folder / "batch.jsonl"
    zhuhai = "Zhuhai links to Macau by bridge; Gree builds in Zhuhai."
    lines = [
        {"text": TEXTS[0], "label": [_at(TEXTS[0], "Foshan", "Location"), _at(TEXTS[0], "Midea Group", "Company")]},
        {"text": zhuhai, "label": [_at(zhuhai, "Zhuhai", "Location"), _at(zhuhai, "Gree", "Company")]},
    ]
    doccano.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    colleague = folder / "li.db"
    with open_corpus(colleague, user="li") as corpus:
        for i, text in enumerate(TEXTS):
            corpus.articles.add(f"Article {i}", text)
        corpus.annotations.add_many([
            Annotation(None, i + 1, label, *_at(TEXTS[i], needle, label)[:2], needle, "li")
            for i, needle, label in ((0, "Foshan", 1), (1, "Hefei", 1), (2, "BYD", 2))
        ])
        corpus.layers.set_status(1, "done", "li")
    return doccano, colleague


def _filled(rng: random.Random):
    corpus = open_corpus(None, user="alice")
    corpus.labels.add(Label(None, "Person", "PER", "#aa00aa", None, 9))
    for i, text in enumerate(TEXTS):
        corpus.articles.add(f"Article {i}", text)
    return corpus


def _random_annotations(corpus, rng: random.Random, n: int) -> list[Annotation]:
    articles = [r[0] for r in corpus.db.execute("SELECT id FROM articles")]
    labels = [r[0] for r in corpus.db.execute("SELECT id FROM labels")]
    out = []
    for _ in range(n):
        article = rng.choice(articles)
        text = corpus.articles.get(article).text
        start = rng.randrange(len(text) - 5)
        end = start + rng.randint(1, 5)
        reviewer = rng.choice((None, None, "bo"))
        out.append(Annotation(None, article, rng.choice(labels), start, end, text[start:end], rng.choice(WHO),
                              updated=_stamp(rng), created=_stamp(rng), reviewed_by=reviewer,
                              reviewed_at=_stamp(rng) if reviewer else None))
    return out


def _ids(corpus, rng: random.Random, k: int) -> list[int]:
    ids = [r[0] for r in corpus.db.execute("SELECT id FROM annotations")]
    return rng.sample(ids, min(k, len(ids)))


def _step(corpus, kind: str, rng: random.Random, undo: list, sources) -> None:
    """One write of the given kind; what it undoes is pushed on ``undo``."""
    review = corpus.review
    if kind == "add":
        added = corpus.annotations.add_many(_random_annotations(corpus, rng, rng.randint(1, 6)))
        undo.append(lambda: corpus.annotations.delete_many(a.id for a in added))
    elif kind == "delete":
        gone = review.annotations(_ids(corpus, rng, 3))
        corpus.annotations.delete_many(a.id for a in gone)
        undo.append(lambda: corpus.annotations.add_many(gone))
    elif kind == "update":
        for old in review.annotations(_ids(corpus, rng, 1)):
            new = old._replace(label_id=rng.choice([r[0] for r in corpus.db.execute("SELECT id FROM labels")]))
            corpus.annotations.update(new)
            undo.append(lambda old=old: corpus.annotations.update(old))
    elif kind in ("relabel", "review", "unreview"):
        ids = _ids(corpus, rng, 4)
        if kind == "relabel":
            before, _ = review.relabel(ids, rng.choice([r[0] for r in corpus.db.execute("SELECT id FROM labels")]))
        elif kind == "review":
            before, _ = review.mark_reviewed(ids, rng.choice(WHO))
        else:
            before, _ = review.unmark_reviewed(ids)
        undo.append(lambda: review.restore(before))
    else:
        _step_other(corpus, kind, rng, undo, sources)


def _step_other(corpus, kind: str, rng: random.Random, undo: list, sources) -> None:
    if kind == "status":
        article = rng.choice([r[0] for r in corpus.db.execute("SELECT id FROM articles")])
        corpus.layers.set_status(article, rng.choice(STATUSES), rng.choice(WHO))
    elif kind == "delete_article":
        articles = [r[0] for r in corpus.db.execute("SELECT id FROM articles")]
        if len(articles) > 1:
            corpus.articles.delete(rng.choice(articles))
    elif kind == "delete_label":
        labels = [r[0] for r in corpus.db.execute("SELECT id FROM labels")]
        if len(labels) > 1:
            corpus.labels.delete(rng.choice(labels))
    elif kind == "import":
        ImportBatch(corpus, [sources[0]], annotator=rng.choice(WHO)).run()
    elif kind == "merge":
        merge_corpus(corpus, [sources[1]])
    elif kind == "undo":
        if undo:
            try:
                undo.pop()()
            except (CorpusError, sqlite3.IntegrityError):  # refused: its article or label is gone since
                pass
    elif kind == "move_layer":
        _move_layer(corpus, rng)
    elif kind == "other_program":
        _other_program(corpus, rng)


def _move_layer(corpus, rng: random.Random) -> None:
    """Another program gives a layer to another analyst."""
    layers = corpus.db.execute("SELECT article_id, annotator_id FROM layers ORDER BY 1, 2").fetchall()
    if layers:
        article, owner = rng.choice(layers)
        free = [r[0] for r in corpus.db.execute(
            "SELECT id FROM annotators WHERE id NOT IN (SELECT annotator_id FROM layers WHERE article_id = ?)",
            [article])]
        if free:
            with corpus.db.atomic():
                corpus.db.execute("UPDATE layers SET annotator_id = ? WHERE article_id = ? AND annotator_id = ?",
                                  [rng.choice(free), article, owner])


def _other_program(corpus, rng: random.Random) -> None:
    """Plain SQL, as another program could write."""
    layers = corpus.db.execute("SELECT article_id, annotator_id FROM layers ORDER BY 1, 2").fetchall()
    who = [r[0] for r in corpus.db.execute("SELECT id FROM annotators ORDER BY id")]
    ids = sorted(_ids(corpus, rng, 2))
    layer = rng.choice(layers) if layers else (0, 0)
    statements = [
        ("DELETE FROM layers WHERE article_id = ? AND annotator_id = ?", layer),
        ("UPDATE layers SET status = ?", (rng.choice(STATUSES),)),
        (f"DELETE FROM annotations WHERE id IN ({','.join('?' * len(ids))})", ids),
        (f"UPDATE annotations SET updated = '2026-02-01 08:00' WHERE id IN ({','.join('?' * len(ids))})", ids),
    ]
    if who:
        statements.append((f"UPDATE annotations SET annotator_id = ? WHERE id IN ({','.join('?' * len(ids))})",
                           (rng.choice(who), *ids)))
    sql, params = rng.choice(statements)
    with corpus.db.atomic():
        corpus.db.execute(sql, list(params))


KINDS = ("add", "delete", "update", "relabel", "review", "unreview", "status", "delete_article",
         "delete_label", "import", "merge", "undo", "other_program", "move_layer")


def _counted(corpus, f: ReviewFilter) -> int:
    """The count of a filter over the annotations themselves (the review's query, without the kept counts)."""
    review = corpus.review
    c = review._compile(f)
    return corpus.db.execute(f"SELECT count(*) FROM annotations a{c.where}", c.params).fetchone()[0]


def _filters(corpus, rng: random.Random) -> list[ReviewFilter]:
    labels = [r[0] for r in corpus.db.execute("SELECT id FROM labels")]
    foshan = timezone(timedelta(hours=8))
    mumbai = timezone(timedelta(hours=5, minutes=30))
    out = [ReviewFilter()]
    for _ in range(6):
        day = date(2026, 1, rng.randint(3, 7))
        bound = rng.choice((
            None, (day, day), (day, day + timedelta(days=1)),
            (datetime(2026, 1, day.day, tzinfo=foshan), datetime(2026, 1, day.day, tzinfo=foshan)),
            (datetime(2026, 1, day.day, tzinfo=mumbai), datetime(2026, 1, day.day + 1, tzinfo=mumbai)),
            (datetime(2026, 1, day.day, 16, 30, tzinfo=UTC), None),
        ))
        out.append(ReviewFilter(
            label_ids=tuple(rng.sample(labels, rng.randint(0, min(2, len(labels))))),
            annotators=tuple(rng.sample((*WHO, "li", "nobody"), rng.randint(0, 2))),
            statuses=tuple(rng.sample(STATUSES, rng.randint(0, 2))),
            reviewed=rng.choice((None, True, False)),
            changed_from=bound[0] if bound else None,
            changed_to=bound[1] if bound else None,
        ))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=12), seed=st.integers(0, 2**16))
def test_the_kept_counts_follow_every_write(sources, kinds, seed):
    rng = random.Random(seed)
    with _filled(rng) as corpus:
        corpus.annotations.add_many(_random_annotations(corpus, rng, 12))
        undo: list = []
        for kind in kinds:
            _step(corpus, kind, rng, undo, sources)
            assert rc.kept(corpus.db) == rc.recount(corpus.db), kind
        for f in _filters(corpus, rng):
            assert corpus.review.kept_count(f) == _counted(corpus, f), f


def test_a_filter_on_text_or_articles_is_counted_from_the_annotations(corpus):
    assert corpus.review.kept_count(ReviewFilter(text="Foshan")) is None
    assert corpus.review.kept_count(ReviewFilter(article_ids=(1,))) is None
    assert corpus.review.kept_count(ReviewFilter(label_ids=(1,))) == 0


def test_a_filter_within_an_hour_counts_the_stamps_of_that_hour(corpus):
    """Days in a time zone half an hour off UTC start within an hour: the stamps of that hour are
    counted one by one, the others from the kept counts."""
    corpus.articles.add("A", TEXTS[0])
    stamps = ["2026-01-04T18:10:00.000+00:00", "2026-01-04T18:40:00.000+00:00", "2026-01-05T03:00:00.000+00:00",
              "2026-01-05T18:29:59.999+00:00", "2026-01-05T18:30:00.000+00:00"]
    corpus.annotations.add_many([Annotation(None, 1, 1, 0, 6, "Foshan", "alice", updated=s) for s in stamps])
    mumbai = timezone(timedelta(hours=5, minutes=30))
    day = ReviewFilter(changed_from=datetime(2026, 1, 5, tzinfo=mumbai), changed_to=datetime(2026, 1, 5, tzinfo=mumbai))
    assert corpus.review.kept_count(day) == 3 == _counted(corpus, day)
    assert corpus.review.count(day) == 3 and len(corpus.review.page(day)) == 3


def _old_corpus(path) -> None:
    """A corpus file as the version before the kept counts wrote it, with annotations and statuses."""
    with closing(sqlite3.connect(path)) as conn:
        db = CorpusDatabase(conn, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        with db.atomic():
            migrations.apply(db, stop_before="m006_review_counts")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute("INSERT INTO annotators (name, created) VALUES ('alice', 'x'), ('bo', 'x')")
            for i, text in enumerate(TEXTS):
                db.execute(
                    "INSERT INTO articles (title, text, meta, content_hash, created, updated)"
                    " VALUES (?, ?, '{}', ?, 'x', 'x')",
                    [f"A{i}", text, f"h{i}"],
                )
            rng = random.Random(3)
            for n in range(700):
                article = rng.randint(1, len(TEXTS))
                start = rng.randrange(40)
                db.execute(
                    """INSERT INTO annotations (article_id, label_id, start, "end", text, annotator_id, created,
                       updated, reviewed_by, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, 'x', ?, ?, ?)""",
                    [article, rng.randint(1, 3), start, start + 2, TEXTS[article - 1][start:start + 2],
                     rng.randint(1, 2), _stamp(rng), 2 if n % 3 else None, "2026-01-09" if n % 3 else None],
                )
            db.execute("UPDATE layers SET status = 'done' WHERE article_id IN (1, 3)")


def test_the_migration_counts_an_old_corpus_with_progress(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    _old_corpus(path)
    monkeypatch.setattr(rc, "FILL_STEP", 100)  # several steps, as in a large corpus
    heard = []
    with open_corpus(path, progress=lambda done, total: heard.append((done, total))) as corpus:
        assert rc.kept(corpus.db) == rc.recount(corpus.db)
        assert sum(rc.kept(corpus.db).values()) == 700
        for f in _filters(corpus, random.Random(5)):
            assert corpus.review.count(f) == _counted(corpus, f), f
        corpus.layers.set_status(1, "new", "alice")  # the triggers keep them from here on
        corpus.annotations.delete_many([1, 2, 3])
        assert rc.kept(corpus.db) == rc.recount(corpus.db)
    assert len(heard) == 7 and heard[-1] == (700, 700)
    assert [done for done, _ in heard] == sorted(done for done, _ in heard)


def test_a_migration_stopped_leaves_the_old_corpus_as_it_was(tmp_path):
    path = tmp_path / "old.db"
    _old_corpus(path)

    def stop(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        open_corpus(path, progress=stop)
    with closing(sqlite3.connect(path)) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")}
        assert "m006_review_counts" not in names
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'review_counts'").fetchall()
    with open_corpus(path) as corpus:
        assert rc.kept(corpus.db) == rc.recount(corpus.db)
