"""A long write (an import) copies its log into the file less often, and only while it runs."""

from __future__ import annotations

import pytest

from annotator.formats import batch as batch_module
from annotator.formats.batch import ImportBatch
from annotator.store import open_corpus
from annotator.store.groups import LONG_WRITE_CACHE_KIB, LONG_WRITE_CHECKPOINT_PAGES, long_write


def _interval(corpus) -> int:
    return corpus.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]


def _cache(corpus) -> int:
    return corpus.db.execute("PRAGMA cache_size").fetchone()[0]


def test_the_interval_is_raised_during_an_import_and_restored_after(tmp_path, monkeypatch):
    monkeypatch.setattr(batch_module, "GROUP_ARTICLES", 100)
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(500):  # more than one commit group: results come out while the import runs
        (folder / f"n{i:03}.txt").write_text(f"Dispatch {i} from Foshan.\nMidea and Shunde.\n", encoding="utf-8")
    with open_corpus(tmp_path / "c.db") as corpus:
        before = _interval(corpus)
        assert before < LONG_WRITE_CHECKPOINT_PAGES
        seen = []
        batch = ImportBatch(corpus, [folder])
        for _ in batch:
            seen.append(_interval(corpus))
        assert seen.count(LONG_WRITE_CHECKPOINT_PAGES) >= 200
        assert batch.report.imported == 500
        assert _interval(corpus) == before


def test_a_cancelled_import_restores_the_interval(tmp_path, monkeypatch):
    monkeypatch.setattr(batch_module, "GROUP_ARTICLES", 100)
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(500):
        (folder / f"n{i:03}.txt").write_text(f"Dispatch {i} from Foshan.\nMidea and Shunde.\n", encoding="utf-8")
    with open_corpus(tmp_path / "c.db") as corpus:
        before = _interval(corpus)
        batch = ImportBatch(corpus, [folder])
        next(batch)
        assert _interval(corpus) == LONG_WRITE_CHECKPOINT_PAGES
        batch.cancel()
        batch.run()
        assert batch.report.cancelled and 0 < batch.report.imported < 500
        assert _interval(corpus) == before


def test_a_failed_long_write_restores_the_interval_and_keeps_its_error(tmp_path):
    with open_corpus(tmp_path / "c.db") as corpus:
        before, cache = _interval(corpus), _cache(corpus)
        with pytest.raises(RuntimeError, match="disk"), long_write(corpus.db):
            raise RuntimeError("disk full")
        assert _interval(corpus) == before
        assert _cache(corpus) == cache


def test_the_page_cache_is_larger_during_an_import_and_restored_after(tmp_path, monkeypatch):
    monkeypatch.setattr(batch_module, "GROUP_ARTICLES", 100)  # more than one commit group
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(500):
        (folder / f"n{i:03}.txt").write_text(f"Dispatch {i} from Foshan.\nMidea and Shunde.\n", encoding="utf-8")
    with open_corpus(tmp_path / "c.db") as corpus:
        before = _cache(corpus)
        assert before == -2000  # SQLite's default, about 2 MB
        seen = []
        batch = ImportBatch(corpus, [folder])
        for _ in batch:
            seen.append(_cache(corpus))
        assert seen.count(-LONG_WRITE_CACHE_KIB) >= 200
        assert batch.report.imported == 500
        assert _cache(corpus) == before


@pytest.mark.parametrize("setting", [-(LONG_WRITE_CACHE_KIB * 2), 100_000])
def test_a_larger_page_cache_is_left_as_it_is(tmp_path, setting):
    """-131072 KiB, or 100,000 pages of 4 KiB: both above the long write's cache already."""
    with open_corpus(tmp_path / "c.db") as corpus:
        corpus.db.execute(f"PRAGMA cache_size = {setting}")
        with long_write(corpus.db):
            assert _cache(corpus) == setting
        assert _cache(corpus) == setting


def test_a_smaller_page_cache_in_pages_is_raised(tmp_path):
    with open_corpus(tmp_path / "c.db") as corpus:
        corpus.db.execute("PRAGMA cache_size = 500")  # 500 pages: 2 MB
        with long_write(corpus.db):
            assert _cache(corpus) == -LONG_WRITE_CACHE_KIB
        assert _cache(corpus) == 500
