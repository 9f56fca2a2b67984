"""The review queries: filters, sorts, paging by offset, from the end and by key, bulk edits and their undo."""

from __future__ import annotations

from datetime import date

import pytest

from annotator.core.model import Annotation
from annotator.formats.dataset import ExportOptions, iter_docs
from annotator.formats.native_jsonl import doc_record
from annotator.store import review as review_module
from annotator.store.review import SORTS, ReviewFilter, ReviewQueryError

TEXTS = {
    "Zhaoqing news": "Foshan and Zhaoqing 🙂 signed; Midea Group praised foshan. 100% of Shunde_District agreed.",
    "Anhui brief": "Hefei hosts NIO. Foshan again.",
    "Guangzhou daily": "Guangzhou and Midea Group.",
}
SPANS = [  # (title, needle, occurrence, label, annotator)
    ("Zhaoqing news", "Foshan", 0, 1, "alice"),
    ("Zhaoqing news", "Zhaoqing", 0, 1, "bob"),
    ("Zhaoqing news", "Midea Group", 0, 2, "alice"),
    ("Zhaoqing news", "foshan", 0, 2, "bob"),
    ("Zhaoqing news", "100%", 0, 3, "alice"),
    ("Zhaoqing news", "Shunde_District", 0, 1, "chen"),
    ("Anhui brief", "Hefei", 0, 1, "bob"),
    ("Anhui brief", "NIO", 0, 2, "bob"),
    ("Anhui brief", "Foshan", 0, 2, "alice"),
    ("Guangzhou daily", "Guangzhou", 0, 1, "chen"),
    ("Guangzhou daily", "Midea Group", 0, 2, "alice"),
]


@pytest.fixture
def filled(corpus):
    ids = {}
    for title, text in TEXTS.items():
        ids[title] = corpus.articles.add(title, text).id
    stamps = iter(f"2026-0{m}-1{d}T10:00:00.000+00:00" for m in range(1, 10) for d in range(9))
    anns = []
    for title, needle, _, label, who in SPANS:
        text = corpus.articles.get(ids[title]).text
        s = text.index(needle)
        stamp = next(stamps)
        anns.append(Annotation(None, ids[title], label, s, s + len(needle), needle, who, created=stamp, updated=stamp))
    corpus.annotations.add_many(anns)
    for who in ("alice", "bob"):  # each analyst's own status: both finished the Anhui brief
        corpus.layers.set_status(ids["Anhui brief"], "done", who)
    return corpus


def texts(rows):
    return [r.text for r in rows]


def test_no_filter_lists_everything_with_context(filled):
    rows = filled.review.page()
    assert filled.review.count() == len(SPANS) == len(rows)
    zhaoqing = next(r for r in rows if r.text == "Zhaoqing")
    assert zhaoqing.left == "Foshan and "
    assert zhaoqing.right.startswith(" 🙂 signed; Midea Group")
    assert len(zhaoqing.right) == review_module.CONTEXT  # code points: the emoji counts once
    assert zhaoqing.title == "Zhaoqing news" and zhaoqing.annotator == "bob"
    midea = next(r for r in rows if r.text == "Midea Group" and r.title == "Guangzhou daily")
    assert midea.right == "." and midea.left == "Guangzhou and "


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (ReviewFilter(label_ids=(2,)), {"Midea Group", "foshan", "NIO", "Foshan"}),
        (ReviewFilter(label_ids=(3,)), {"100%"}),
        (ReviewFilter(annotators=("chen",)), {"Shunde_District", "Guangzhou"}),
        (ReviewFilter(statuses=("done",)), {"Hefei", "NIO", "Foshan"}),
        (ReviewFilter(text="FOSHAN"), {"Foshan", "foshan"}),
        (ReviewFilter(text="%"), {"100%"}),  # LIKE wildcards are literal
        (ReviewFilter(text="e_D"), {"Shunde_District"}),
        (ReviewFilter(text=r"^[A-Z]{3}$", regex=True), {"NIO"}),
        (ReviewFilter(text="group$", regex=True), set()),  # regex is case-sensitive unless (?i)
        (ReviewFilter(text="(?i)group$", regex=True), {"Midea Group"}),
        (ReviewFilter(label_ids=(1,), annotators=("bob",), statuses=("new", "in_progress")), {"Zhaoqing"}),
        (ReviewFilter(changed_from=date(2026, 1, 12), changed_to=date(2026, 1, 13)), {"Midea Group", "foshan"}),
    ],
)
@pytest.mark.parametrize("distinct_texts", [True, False], ids=["texts-in-python", "texts-in-sql"])
def test_filters(filled, monkeypatch, flt, expected, distinct_texts):
    if not distinct_texts:
        monkeypatch.setattr(review_module, "DISTINCT_LIMIT", 0)
    rows = filled.review.page(flt)
    assert set(texts(rows)) == expected
    assert filled.review.count(flt) == len(rows)


def test_reviewed_filter_and_mark_unmark_restore(filled):
    r = filled.review
    ids = [row.id for row in r.page(ReviewFilter(text="foshan"))]
    before, after = r.mark_reviewed(ids, "dana")
    assert {a.id for a in before} == set(ids) and all(a.reviewed_at is None for a in before)
    assert all(a.reviewed_by == "dana" and a.reviewed_at for a in after)
    assert r.count(ReviewFilter(reviewed=True)) == len(ids)
    assert r.count(ReviewFilter(reviewed=False)) == len(SPANS) - len(ids)
    row = r.rows([ids[0]])[0]
    assert row.reviewed_by == "dana" and row.reviewed_at == after[0].reviewed_at
    assert filled.annotations.get(ids[0]).reviewed_by == "dana"
    r.restore(before)
    assert r.count(ReviewFilter(reviewed=True)) == 0
    r.restore(after)
    assert r.count(ReviewFilter(reviewed=True)) == len(ids)
    gone, cleared = r.unmark_reviewed(ids + [99999])
    assert len(gone) == len(ids) and all(a.reviewed_by is None for a in cleared)
    assert r.count(ReviewFilter(reviewed=True)) == 0


def test_relabel_and_restore(filled):
    r = filled.review
    ids = [row.id for row in r.page(ReviewFilter(text="Foshan"))]
    before, _ = r.relabel(ids, 3)
    assert {a.label_id for a in before} == {1, 2}
    assert r.count(ReviewFilter(label_ids=(3,))) == 1 + len(ids)
    again, _ = r.relabel(ids, 3)
    assert again == []  # nothing left to change
    r.restore(before)
    assert [filled.annotations.get(a.id) for a in before] == before


def test_reviewed_state_round_trips_through_delete_undo_and_export(filled):
    r = filled.review
    ident = r.page(ReviewFilter(text="NIO"))[0].id
    _, (marked,) = r.mark_reviewed([ident], "erin")
    filled.annotations.delete(ident)
    filled.annotations.add(marked)  # undo of a delete puts back the review too
    assert filled.annotations.get(ident).reviewed_by == "erin"
    docs = iter_docs(filled, [a.id for a in filled.articles.iter_all()], ExportOptions())
    spans = [s for doc in docs for s in doc_record(doc)["spans"]]
    nio = next(s for s in spans if s["text"] == "NIO")
    assert nio["reviewed_by"] == "erin" and nio["reviewed_at"] == marked.reviewed_at
    assert "reviewed_by" not in next(s for s in spans if s["text"] == "Hefei")


def test_text_filters_follow_new_and_changed_texts(filled):
    r = filled.review
    assert r.count(ReviewFilter(text="hefei")) == 1
    a = filled.annotations.for_article(2)[0]
    assert a.text == "Hefei"
    filled.annotations.update(a.with_changes(end=a.end - 1, text="Hefe"))
    assert r.count(ReviewFilter(text="hefei")) == 0
    assert r.count(ReviewFilter(text="^Hefe$", regex=True)) == 1
    filled.annotations.add(Annotation(None, 2, 1, 0, 5, "Hefei", "dana"))
    assert r.count(ReviewFilter(text="hefei")) == 1


def test_invalid_regex_is_a_clear_message(filled):
    with pytest.raises(ReviewQueryError, match="Invalid regular expression: missing \\), unterminated subpattern"):
        filled.review.count(ReviewFilter(text="(Foshan", regex=True))
    with pytest.raises(ReviewQueryError, match="Invalid regular expression"):
        filled.review.page(ReviewFilter(text="[", regex=True))


def _python_order(rows, sort, annotator_ids):
    key = {
        "id": lambda r: (r.id,),
        "article": lambda r: (r.article_id, r.start, r.end, r.id),
        "text": lambda r: (r.text, r.id),
        "label": lambda r: ({1: "Location", 2: "Company", 3: "Policy term"}[r.label_id], annotator_ids[r.annotator],
                            r.article_id, r.id),
        "title": lambda r: (r.title, r.article_id, r.start, r.end, r.id),
        "annotator": lambda r: (r.annotator, r.article_id, r.id),
        "updated": lambda r: (r.updated, r.id),
        "reviewed": lambda r: (r.reviewed_at or "", r.id),
    }[sort]
    return [r.id for r in sorted(rows, key=key)]


@pytest.mark.parametrize("sort", list(SORTS))
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("plan", ["walk", "indexes", "interrupted"])
def test_sorts_and_every_way_of_paging_agree(filled, monkeypatch, sort, descending, plan):
    r = filled.review
    r.mark_reviewed([1, 5, 7], "dana")
    if plan == "indexes":
        monkeypatch.setattr(review_module, "FEW_MATCHES", 10_000)
    elif plan == "interrupted":
        monkeypatch.setattr(review_module, "WALK_BUDGET", -1.0)  # the walk is stopped at once
    annotator_ids = dict(filled.db.execute("SELECT name, id FROM annotators").fetchall())
    expected = _python_order(r.page(limit=100), sort, annotator_ids)
    if descending:
        expected = expected[::-1]
    total = len(expected)
    assert [row.id for row in r.page(sort=sort, descending=descending, limit=100)] == expected
    by_offset, by_key, from_end = [], [], []
    after = None
    for offset in range(0, total, 3):
        by_offset += [row.id for row in r.page(sort=sort, descending=descending, offset=offset, limit=3)]
        from_end += [row.id for row in r.page(sort=sort, descending=descending, offset=offset, limit=3, total=total)]
        page = r.page(sort=sort, descending=descending, offset=offset, limit=3, total=None, after=after)
        by_key += [row.id for row in page]
        after = page[-1].key
    assert by_offset == expected
    assert from_end == expected
    assert by_key == expected


def test_unknown_sort_is_refused(filled):
    with pytest.raises(ReviewQueryError, match="Cannot sort by 'colour'"):
        filled.review.page(sort="colour")


def test_rows_keep_the_order_asked_and_skip_deleted(filled):
    filled.annotations.delete(3)
    assert [row.id for row in filled.review.rows([5, 3, 1])] == [5, 1]
    assert filled.review.annotators() == ["alice", "bob", "chen"]


def test_a_reader_on_its_own_connection_counts_the_same(tmp_path):
    from annotator.store import open_corpus
    from annotator.store.review import ReviewRepository

    path = tmp_path / "c.db"
    with open_corpus(path) as corpus:
        article = corpus.articles.add("T", "Foshan and Foshan.")
        corpus.annotations.add_many([Annotation(None, article.id, 1, 0, 6, "Foshan", "a"),
                                     Annotation(None, article.id, 2, 11, 17, "Foshan", "b")])
        reader = ReviewRepository.open_reader(path)
        try:
            assert reader.count(ReviewFilter(annotators=("b",))) == 1
            assert reader.count(ReviewFilter(text="o.h", regex=True)) == 2
        finally:
            reader.close()
