import json

from annotator.store import open_corpus


def test_import_the_foshan_sample(cli, db, foshan):
    result = cli("--db", db, "import", foshan)
    assert result.exit_code == 0
    assert result.stderr == "Imported 1 article.\n"
    assert result.stdout == ""
    stats = json.loads(cli("--db", db, "stats", "--json").stdout)
    assert stats["articles"] == 1
    with open_corpus(db) as corpus:
        (article,) = corpus.articles.iter_all()
    assert article.title.startswith("Huang Kunming went to Foshan")
    assert article.source == "south cn"
    assert article.meta == {"section": "Greater Bay Area", "source": "south cn", "editors": ["Hou Wenzhe", "WeiZe"]}
    assert article.text == foshan.read_text(encoding="utf-8")


def test_import_again_reports_the_duplicate_and_succeeds(cli, db, foshan):
    cli("--db", db, "import", foshan)
    result = cli("--db", db, "import", foshan)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{foshan}: Same text as article 1, already in the corpus.",
        "Imported 0 articles; 1 duplicate skipped.",
    ]


def test_rejections_are_listed_and_exit_1(cli, db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Zhaoqing High-tech Zone news.")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "records.jsonl").write_text('{"text": "one"}\n{oops\n')
    (folder / "slides.pptx").write_bytes(b"PK\x03\x04")
    result = cli("--db", db, "import", folder)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{folder / 'empty.txt'}: Empty file.",
        f"{folder / 'photo.txt'}: Binary file (a PNG image), not text.",
        f"{folder / 'records.jsonl'}, line 2: "
        "Not valid JSON (column 2: Expecting property name enclosed in double quotes).",
        "Imported 2 articles; 3 rejected; 1 file of unknown type skipped.",
    ]


def test_duplicates_within_one_run(cli, db, tmp_path):
    (tmp_path / "a.txt").write_text("Same words.\n")
    (tmp_path / "b.txt").write_text("Same words.\r\n")
    result = cli("--db", db, "import", tmp_path / "a.txt", tmp_path / "b.txt")
    assert result.exit_code == 0
    assert (
        f"{tmp_path / 'b.txt'}: Same text as article 1, imported from {tmp_path / 'a.txt'} in this batch."
        in result.stderr
    )


def test_forced_format_and_max_size(cli, db, tmp_path):
    log = tmp_path / "feed.log"
    log.write_text('{"text": "from a feed", "title": "Feed"}\n')
    result = cli("--db", db, "import", "--format", "jsonl", log)
    assert result.exit_code == 0 and result.stderr == "Imported 1 article.\n"
    big = tmp_path / "big.txt"
    big.write_text("y" * 3000)
    result = cli("--db", db, "import", "--max-size", "2kB", big)
    assert result.exit_code == 1
    assert f"{big}: Too large (3 kB; the limit is 2 kB)." in result.stderr
    assert cli("--db", db, "import", "--max-size", "1MiB", big).exit_code == 0


def test_missing_db_is_created_for_import_and_explicit_unknown_type_rejected(cli, db, tmp_path):
    doc = tmp_path / "report.docx"
    doc.write_bytes(b"PK\x03\x04")
    result = cli("--db", db, "import", doc)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{doc}: Unknown file type (.docx); known: .txt")
    assert db.exists()


def test_default_corpus_starts_with_the_sample(cli, default_corpus_in_tmp, tmp_path):
    (tmp_path / "a.txt").write_text("First article of a new analyst.")
    result = cli("import", tmp_path / "a.txt")
    assert result.exit_code == 0
    stats = json.loads(cli("stats", "--json").stdout)
    assert stats["articles"] == 2  # the sample article and the imported one
    assert default_corpus_in_tmp.exists()


def test_usage_errors_exit_2(cli, db, tmp_path):
    assert cli("--db", db, "import").exit_code == 2
    result = cli("--db", db, "import", "--format", "docx", tmp_path)
    assert result.exit_code == 2 and "Invalid value for '--format'" in result.stderr
    result = cli("--db", db, "import", "--max-size", "lots", tmp_path)
    assert result.exit_code == 2 and "is not a size" in result.stderr
    assert cli("--db", db, "frobnicate").exit_code == 2
    result = cli("--db", db, "--article", "3", "stats")
    assert result.exit_code == 2 and "--article applies only" in result.stderr
    assert not db.exists()


def test_ctrl_c_keeps_what_was_stored_and_says_so(cli, db, tmp_path, monkeypatch):
    from annotator.cli import import_cmd

    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Article {n}")
    real_next = import_cmd.ImportBatch.__next__
    calls = []

    def interrupted(self):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_next(self)

    monkeypatch.setattr(import_cmd.ImportBatch, "__next__", interrupted)
    result = cli("--db", db, "import", tmp_path / "0.txt", tmp_path / "1.txt", tmp_path / "2.txt")
    assert result.exit_code == 130
    assert result.stderr == "Cancelled. Imported 1 article.\n"
