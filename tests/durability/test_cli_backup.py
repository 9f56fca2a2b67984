"""annotator backup / restore from the command line."""

from __future__ import annotations

from click.testing import CliRunner

from annotator.cli import main
from annotator.core.model import Annotation
from annotator.store import open_corpus
from annotator.store.backup import list_backups


def run(*args, input=None):
    result = CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def test_backup_list_and_restore(tmp_path):
    db = tmp_path / "corpus.db"
    with open_corpus(db) as corpus:
        corpus.articles.add("Foshan", "Midea is in Foshan.\n")
    assert run("--db", db, "backup").exit_code == 0
    with open_corpus(db) as corpus:
        corpus.annotations.add(Annotation(None, 1, 1, 12, 18, "Foshan", "mei"))
    listed = run("--db", db, "backup", "--list")
    assert listed.exit_code == 0 and "Annotations" in listed.output and "1" in listed.output
    refused = run("--db", db, "restore", "1", input="n\n")
    assert refused.exit_code == 1
    with open_corpus(db) as corpus:
        assert corpus.annotations.count() == 1  # nothing restored without a yes
    done = run("--db", db, "restore", "1", "--yes")
    assert done.exit_code == 0 and "Restored" in done.output
    with open_corpus(db) as corpus:
        assert corpus.annotations.count() == 0
    assert [(b.articles, b.annotations) for b in list_backups(db)][0] == (1, 1)  # the state before


def test_restore_errors_are_one_line(tmp_path):
    db = tmp_path / "corpus.db"
    open_corpus(db).close()
    missing = run("--db", db, "restore", "3", "--yes")
    assert missing.exit_code == 1 and "no backup number 3" in missing.output
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    bad = run("--db", db, "restore", junk, "--yes")
    assert bad.exit_code == 1 and "cannot be read" in bad.output
    assert run("--db", tmp_path / "none.db", "backup").exit_code == 1
