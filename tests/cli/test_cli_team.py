"""annotator assign, share and merge: a team's work split, taken away, and merged back."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from contextlib import closing

import pytest

from annotator.core.model import Annotation, Label, Status
from annotator.store import open_corpus

TEXTS = [f"Report {i}: Foshan and Jiangmen signed plan {i} with Midea Group." for i in range(9)]


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def lead_db(tmp_path):
    path = tmp_path / "lead.db"
    with open_corpus(path, user="lead") as corpus:
        for i, text in enumerate(TEXTS):
            corpus.articles.add(f"Report {i}", text)
    return path


def label(corpus, article_id, needle, who, tag="LOCATION", note=None):
    text = corpus.articles.get(article_id).text
    start = text.index(needle)
    label_id = next(lab.id for lab in corpus.labels.list() if lab.tag == tag)
    return corpus.annotations.add(Annotation(None, article_id, label_id, start, start + len(needle), needle, who, note))


def export(cli, db, out):
    assert cli("--db", db, "--annotator", "lead", "export", "--format", "jsonl", "--out", out).exit_code == 0
    return out.read_bytes()


def test_assign_is_balanced_reproducible_and_clears(cli, lead_db):
    first = cli("--db", lead_db, "assign", "--annotators", "mei,li,wu", "--per-article", "2", "--seed", "7")
    assert first.exit_code == 0 and "Gave 9 articles to 2 of 3 analysts each (seed 7)." in first.stdout
    with open_corpus(lead_db) as corpus:
        plan = corpus.team.plan()
    assert sorted(len(v) for v in plan.values()) == [6, 6, 6]
    assert set(Counter(i for v in plan.values() for i in v).values()) == {2}
    again = cli("--db", lead_db, "assign", "--annotators", "mei,li,wu", "--per-article", "2", "--seed", "7")
    assert "9 of these articles lost their earlier assignments." in again.stdout
    assert again.stdout.splitlines()[:4] == first.stdout.splitlines()[:4]
    shown = cli("--db", lead_db, "assign", "--show").stdout.splitlines()
    assert shown[:4] == first.stdout.splitlines()[:4] and shown[-1] == "9 articles assigned to 3 analysts."
    with open_corpus(lead_db) as corpus:
        assert corpus.team.plan() == plan  # the same seed, the same assignment
    lines = first.stdout.splitlines()
    assert lines[0].split() == ["Analyst", "Articles", "with", "li", "with", "mei", "with", "wu"]
    assert lines[1].split() == ["li", "6", "–", "3", "3"]
    dry = cli("--db", lead_db, "assign", "--annotators", "a,b", "--article-ids", "1-3", "--dry-run")
    assert "Would give 3 articles" in dry.stdout
    with open_corpus(lead_db) as corpus:
        assert corpus.team.plan() == plan
    assert cli("--db", lead_db, "assign", "--clear", "--article-ids", "1,2").stdout.startswith("Cleared ")
    with open_corpus(lead_db) as corpus:
        assert corpus.team.assignees(1) == [] and corpus.team.assignees(3)
    assert cli("--db", lead_db, "assign", "--clear").exit_code == 0
    with open_corpus(lead_db) as corpus:
        assert corpus.team.count() == 0


def test_assign_refuses_bad_requests(cli, lead_db):
    too_many = cli("--db", lead_db, "assign", "--annotators", "mei,li", "--per-article", "3")
    assert too_many.exit_code == 2 and "1 to 2 analysts" in too_many.stderr
    assert "Name the analysts" in cli("--db", lead_db, "assign").stderr
    missing = cli("--db", lead_db, "assign", "--annotators", "mei", "--article-ids", "1,99")
    assert missing.exit_code == 1 and "No article with id 99." in missing.stderr
    with open_corpus(lead_db, user="lead") as corpus:
        corpus.articles.set_status(1, Status.DONE)
    done = cli("--db", lead_db, "--annotator", "lead", "assign", "--annotators", "mei", "--status", "done")
    assert "Gave 1 article" in done.stdout


def test_share_writes_exactly_the_analysts_articles(cli, lead_db, tmp_path):
    with open_corpus(lead_db, user="lead") as corpus:
        corpus.team.assign({"li": [2, 4], "mei": [4, 5]})
        corpus.team.set_blind(True)
        corpus.labels.add(Label(None, "Vehicle", "VEHICLE", "#123456", "4"))
        label(corpus, 4, "Foshan", "mei")
    out = tmp_path / "li.db"
    result = cli("--db", lead_db, "share", "--annotator", "li", "--out", out)
    assert result.exit_code == 0
    assert result.stdout.strip() == (
        f"Wrote {out} for li: 2 articles assigned to them, 1 annotation. "
        "Blind mode is on: they see only their own layer."
    )
    with open_corpus(out, user="li") as shared:
        assert [a.title for a in shared.articles.iter_all()] == ["Report 1", "Report 3"]
        assert "VEHICLE" in {lab.tag for lab in shared.labels.list()}
        assert shared.team.plan() == {"li": [2, 4], "mei": [4]} and shared.team.blind
    assert not list(tmp_path.glob(".li.db*"))
    again = cli("--db", lead_db, "share", "--annotator", "li", "--out", out)
    assert again.exit_code == 1 and "already exists" in again.stderr
    everyone = cli("--db", lead_db, "share", "--annotator", "chen", "--out", tmp_path / "chen.db")
    assert "9 articles in the corpus (none is assigned to them)" in everyone.stdout


def _work_offline(path, who, needles, status=Status.DONE):
    with open_corpus(path, user=who) as corpus:
        for article in corpus.articles.iter_all():
            for needle in needles:
                label(corpus, article.id, needle, who, note=f"{who} was sure")
            corpus.articles.set_status(article.id, status)


def test_merge_brings_work_back_and_is_idempotent(cli, lead_db, tmp_path):
    with open_corpus(lead_db, user="lead") as corpus:
        corpus.team.assign({"li": [1, 2, 3], "mei": [3, 4]})
    li, mei = tmp_path / "li.db", tmp_path / "mei.db"
    cli("--db", lead_db, "share", "--annotator", "li", "--out", li)
    cli("--db", lead_db, "share", "--annotator", "mei", "--out", mei)
    _work_offline(li, "li", ["Foshan"])
    _work_offline(mei, "mei", ["Jiangmen", "Midea Group"], Status.IN_PROGRESS)
    with open_corpus(mei, user="mei") as corpus:  # mei adds an article and a label of her own
        corpus.articles.add("Mei's find", "Zhuhai opens a port.")
        corpus.labels.add(Label(None, "Port", "PORT", "#654321", None))
        label(corpus, corpus.articles.ids()[-1], "Zhuhai", "mei", tag="PORT")
    before = digest(li), digest(mei)
    first = cli("--db", lead_db, "merge", li, mei)
    assert first.exit_code == 0, first.output
    out = first.stdout.splitlines()
    assert out[0].startswith("Backup taken first: ")
    assert 'Article added: 10 "Mei\'s find"' in out and "Label added: PORT" in out
    assert out[-1] == (
        "Merged 2 files: 1 article added, 6 layers added, 0 replaced by newer ones, "
        "0 kept (newer here), 0 already here; 1 label added."
    )
    assert (digest(li), digest(mei)) == before  # the merged files are only read
    with open_corpus(lead_db, user="lead") as corpus:
        assert corpus.layers.statuses(3) == {"li": "done", "mei": "in_progress"}
        notes = {(a.annotator, a.text, a.note) for a in corpus.annotations.for_article(3)}
        assert notes == {
            ("li", "Foshan", "li was sure"),
            ("mei", "Jiangmen", "mei was sure"),
            ("mei", "Midea Group", "mei was sure"),
        }
        assert corpus.articles.get(3).status is Status.NEW  # the lead's own status is untouched
    once = export(cli, lead_db, tmp_path / "once.jsonl")
    second = cli("--db", lead_db, "merge", li, mei)
    assert second.stdout.splitlines()[-1].endswith(
        "0 layers added, 0 replaced by newer ones, 0 kept (newer here), 6 already here; 0 labels added."
    )
    assert export(cli, lead_db, tmp_path / "twice.jsonl") == once  # merging twice changes nothing
    records = [json.loads(line) for line in once.decode().splitlines()]
    assert records[2]["statuses"] == {"li": "done", "mei": "in_progress"}


def test_a_newer_layer_wins_and_an_older_one_is_kept(cli, lead_db, tmp_path):
    li = tmp_path / "li.db"
    cli("--db", lead_db, "share", "--annotator", "li", "--out", li)
    _work_offline(li, "li", ["Foshan"])
    cli("--db", lead_db, "merge", li)
    with open_corpus(li, user="li") as corpus:  # li goes on working on article 1: her layer there is newer
        corpus.annotations.add(
            Annotation(
                None,
                1,
                2,
                corpus.articles.get(1).text.index("Midea Group"),
                corpus.articles.get(1).text.index("Midea Group") + 11,
                "Midea Group",
                "li",
            )
        )
    with open_corpus(lead_db, user="lead") as corpus:  # and the lead corrects li's layer of article 2 here
        corpus.annotations.delete(corpus.annotations.for_article(2)[0].id)
        label(corpus, 2, "Jiangmen", "wu")  # another analyst's layer, never touched by li's file
    result = cli("--db", lead_db, "merge", li)
    assert 'Layer replaced (newer there): article 1 "Report 0" (li)' in result.stdout
    assert 'Layer kept (newer here): article 2 "Report 1" (li)' in result.stdout
    with open_corpus(lead_db) as corpus:
        assert sorted(a.text for a in corpus.annotations.for_article(1)) == ["Foshan", "Midea Group"]
        assert [(a.annotator, a.text) for a in corpus.annotations.for_article(2)] == [("wu", "Jiangmen")]


def test_merge_as_renames_the_incoming_analyst(cli, lead_db, tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    for path in (one, two):
        cli("--db", lead_db, "share", "--annotator", "analyst", "--out", path)
    _work_offline(one, "analyst", ["Foshan"])
    _work_offline(two, "analyst", ["Jiangmen"])
    assert cli("--db", lead_db, "merge", one, "--as", "mei").exit_code == 0
    result = cli("--db", lead_db, "merge", two, "--as", "analyst=li")
    assert "analyst in the merged files is li here." in result.stdout
    with open_corpus(lead_db) as corpus:
        assert {(a.annotator, a.text) for a in corpus.annotations.for_article(1)} == {
            ("mei", "Foshan"),
            ("li", "Jiangmen"),
        }
        assert "analyst" not in corpus.annotations.annotators()


def test_merge_refuses_with_a_sentence_and_touches_neither_file(cli, lead_db, tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"these are my notes, not a database" * 100)
    other_app = tmp_path / "other.db"
    conn = sqlite3.connect(other_app)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    newer = tmp_path / "newer.db"
    cli("--db", lead_db, "share", "--annotator", "li", "--out", newer)
    conn = sqlite3.connect(newer)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('annotator', 'm999_future', '2030')"
    )
    conn.commit()
    conn.close()
    damaged = tmp_path / "damaged.db"
    cli("--db", lead_db, "share", "--annotator", "li", "--out", damaged)
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\xff" * 4096
    damaged.write_bytes(bytes(data))
    files = [junk, other_app, newer, damaged, lead_db]
    before = {p: digest(p) for p in files}
    result = cli("--db", lead_db, "merge", *files[:-1], lead_db, tmp_path / "missing.db")
    assert result.exit_code == 1
    err = result.stderr
    assert f"Refused {junk}: {junk} is not a corpus Annotator can merge (not an SQLite database)." in err
    assert f"{other_app} is an SQLite database of another application" in err
    assert f"{newer} was written by a newer version of Annotator" in err
    assert f"Refused {damaged}: " in err and "damaged" in err.split(f"Refused {damaged}: ")[1].splitlines()[0]
    assert f"{lead_db} is this corpus itself" in err
    assert f"{tmp_path / 'missing.db'} does not exist." in err
    assert result.stdout.splitlines()[-1] == "Nothing merged: 6 files refused."
    assert {p: digest(p) for p in files} == before
    assert not list(tmp_path.glob("*-wal")) and not list(tmp_path.glob("*-shm"))


def test_a_copy_of_the_corpus_merges_nothing(cli, lead_db, tmp_path):
    with open_corpus(lead_db, user="lead") as corpus:
        label(corpus, 1, "Foshan", "lead")
    copy = tmp_path / "copy.db"
    copy.write_bytes(lead_db.read_bytes())
    before = export(cli, lead_db, tmp_path / "before.jsonl")
    result = cli("--db", lead_db, "merge", copy)
    assert result.exit_code == 0 and "0 layers added, 0 replaced" in result.stdout
    assert export(cli, lead_db, tmp_path / "after.jsonl") == before


def test_statuses_survive_a_jsonl_round_trip(cli, lead_db, tmp_path):
    with open_corpus(lead_db, user="lead") as corpus:
        label(corpus, 1, "Foshan", "mei")
        corpus.layers.set_status(1, Status.DONE, "mei")
        corpus.layers.set_status(1, Status.IN_PROGRESS, "li")
        corpus.layers.set_status(2, Status.DONE, "lead")
    first = export(cli, lead_db, tmp_path / "one.jsonl")
    fresh = tmp_path / "fresh.db"
    assert cli("--db", fresh, "import", tmp_path / "one.jsonl").exit_code == 0
    assert export(cli, fresh, tmp_path / "two.jsonl") == first
    records = [json.loads(line) for line in first.decode().splitlines()]
    assert records[0]["statuses"] == {"li": "in_progress", "mei": "done"} and records[0]["status"] == "new"
    assert records[1]["statuses"] == {"lead": "done"} and records[1]["status"] == "done"
    with open_corpus(fresh, user="mei") as corpus:
        assert corpus.articles.get(1).status is Status.DONE


def test_export_status_is_the_current_analysts(cli, lead_db, tmp_path):
    with open_corpus(lead_db, user="lead") as corpus:
        corpus.layers.set_status(1, Status.DONE, "mei")
        corpus.layers.set_status(2, Status.DONE, "li")
    out = tmp_path / "mei.jsonl"
    assert (
        cli(
            "--db", lead_db, "--annotator", "mei", "export", "--format", "jsonl", "--status", "done", "--out", out
        ).exit_code
        == 0
    )
    assert [json.loads(line)["title"] for line in out.read_text().splitlines()] == ["Report 0"]


def test_a_shared_file_is_used_as_its_analyst(cli, lead_db, tmp_path):
    with open_corpus(lead_db, user="lead") as corpus:
        corpus.team.assign({"li": [1, 2]})
    li = tmp_path / "li.db"
    cli("--db", lead_db, "share", "--annotator", "li", "--out", li)
    with open_corpus(li) as corpus:  # no name given: the analyst the file was shared for
        assert corpus.user == "li"
        corpus.articles.set_status(1, Status.DONE)
    stats = json.loads(cli("--db", li, "stats", "--json").stdout)
    assert stats["annotator"] == "li" and stats["articles_by_status"]["done"] == 1


def test_merge_as_needs_a_name_when_a_file_holds_several_analysts(cli, lead_db, tmp_path):
    with open_corpus(lead_db, user="lead") as corpus:
        label(corpus, 1, "Foshan", "mei")
        label(corpus, 1, "Jiangmen", "li")
    copy = tmp_path / "both.db"
    copy.write_bytes(lead_db.read_bytes())
    result = cli("--db", lead_db, "merge", copy, "--as", "wu")
    assert result.exit_code == 1
    assert "holds the work of several analysts (li, mei); say which one to rename, as --as OLD=NEW." in result.stderr


def test_an_older_corpus_file_merges_and_stays_as_it_was(cli, lead_db, tmp_path):
    from tests.store.test_layers import _old_corpus

    old = tmp_path / "old.db"
    _old_corpus(old)
    before = digest(old)
    result = cli("--db", lead_db, "merge", old)
    assert result.exit_code == 0, result.output
    assert digest(old) == before and not (tmp_path / "old.db-wal").exists()
    assert "5 articles added" in result.stdout.splitlines()[-1]
    with open_corpus(lead_db) as corpus:
        ident = corpus.articles.id_for_hash(
            next(a.content_hash for a in corpus.articles.iter_all() if a.title == "Labelled by two, done")
        )
        assert corpus.layers.statuses(ident) == {"li": "done", "mei": "done"}


def test_a_cancelled_merge_keeps_whole_articles(lead_db, tmp_path):
    from annotator.store.merge import merge_corpus

    li = tmp_path / "li.db"
    with open_corpus(lead_db) as corpus, closing(sqlite3.connect(li)) as copy:
        corpus.db.conn.backup(copy)
    _work_offline(li, "li", ["Foshan"])
    seen = []
    with open_corpus(lead_db, user="lead") as corpus:
        report = merge_corpus(
            corpus, [li], progress=lambda done, total: seen.append(done), cancelled=lambda: len(seen) >= 4
        )
        assert report.cancelled and not report.ok and "Cancelled" in report.summary()
        assert report.count("added") == 4
        assert [a.id for a in corpus.articles.iter_all() if corpus.layers.status(a.id, "li") == "done"] == [1, 2, 3, 4]
