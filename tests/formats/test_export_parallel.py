"""Token exports and JSON Lines on every core: the same bytes, warnings and notes as in one process, in order."""

from __future__ import annotations

import pytest

from annotator.formats import export_corpus, parallel
from annotator.formats.dataset import ExportCancelled, ExportOptions
from annotator.store import open_corpus
from tests.formats.corpora import fill


@pytest.fixture
def corpus_file(tmp_path):
    path = tmp_path / "c.db"
    with open_corpus(path) as corpus:
        fill(corpus, tmp_path / "sources")
        ids = corpus.articles.ids()
        for _ in range(3):  # enough articles for several batches of workers
            for article_id in ids:
                article = corpus.articles.get(article_id)
                new = corpus.articles.add(article.title, article.text + f" Copy {corpus.articles.count()}.")
                for ann in corpus.annotations.for_article(article_id):
                    corpus.annotations.add(ann._replace(id=None, article_id=new.id))
    return path


def _export(path, out, fmt, tokenizer=None):
    options = ExportOptions(extra={"tokenizer": tokenizer} if tokenizer else {})
    with open_corpus(path) as corpus:
        report = export_corpus(corpus, out, fmt, options)
    return out.read_bytes(), report


# spaCy's rules once (workers load spaCy: a few seconds), the rule-based tokenizer for the others.
@pytest.mark.parametrize(
    ("fmt", "tokenizer"),
    [("conll", None), ("hf", "rules"), ("prodigy", "rules"), ("spacy", "rules"), ("jsonl", None)],
)
def test_workers_write_what_one_process_writes(corpus_file, tmp_path, monkeypatch, fmt, tokenizer):
    monkeypatch.setattr(parallel, "BATCH_DOCS", 2)
    monkeypatch.setenv("ANNOTATOR_WORKERS", "1")
    alone, alone_report = _export(corpus_file, tmp_path / f"alone.{fmt}", fmt, tokenizer)
    monkeypatch.setenv("ANNOTATOR_WORKERS", "2")
    monkeypatch.setattr(parallel, "INLINE_SECONDS", 0.0)
    monkeypatch.setattr(parallel, "POOL_WORTH_SECONDS", 0.0)
    pools = []

    class Pool(parallel.ProcessPoolExecutor):
        def submit(self, *args, **kwargs):
            pools.append(self)
            return super().submit(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Pool)
    pooled, pooled_report = _export(corpus_file, tmp_path / f"pooled.{fmt}", fmt, tokenizer)
    assert len(pools) > 3  # the batches went to workers
    assert pooled == alone
    assert (pooled_report.articles, pooled_report.spans) == (alone_report.articles, alone_report.spans)
    assert pooled_report.warnings == alone_report.warnings
    assert pooled_report.warnings or fmt == "jsonl"  # (JSON Lines keeps every span as it is)
    assert pooled_report.notes == alone_report.notes


def test_a_cancelled_pooled_export_writes_nothing(corpus_file, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "BATCH_DOCS", 2)
    monkeypatch.setenv("ANNOTATOR_WORKERS", "2")
    monkeypatch.setattr(parallel, "INLINE_SECONDS", 0.0)
    monkeypatch.setattr(parallel, "POOL_WORTH_SECONDS", 0.0)
    with open_corpus(corpus_file) as corpus, pytest.raises(ExportCancelled):
        options = ExportOptions(extra={"tokenizer": "rules"})
        export_corpus(corpus, tmp_path / "out.conll", "conll", options, progress=lambda done, total: done < 5)
    assert list(tmp_path.glob("out.conll*")) == [] and not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]



def test_an_export_leaves_garbage_collection_as_it_found_it(corpus_file, tmp_path, monkeypatch):
    """The objects frozen while an export runs (``parallel.frozen_heap``) are collected as always after it,
    even when it fails, and exports that overlap thaw them only when the last one ends."""
    import gc

    monkeypatch.setenv("ANNOTATOR_WORKERS", "1")
    assert gc.get_freeze_count() == 0
    seen = []
    with parallel.frozen_heap():
        seen.append(gc.get_freeze_count())
        _export(corpus_file, tmp_path / "out.conll", "conll", "rules")
        seen.append(gc.get_freeze_count())  # still frozen: the outer context is open
    seen.append(gc.get_freeze_count())
    assert seen[0] > 0 and seen[1] >= seen[0] and seen[2] == 0

    during = []

    def cancel(done, total):
        during.append(gc.get_freeze_count())  # the export froze what was alive when it began
        return False

    options = ExportOptions(extra={"tokenizer": "rules"})
    with open_corpus(corpus_file) as corpus, pytest.raises(ExportCancelled):
        export_corpus(corpus, tmp_path / "x.conll", "conll", options, progress=cancel)
    assert during and during[0] > 0
    assert gc.get_freeze_count() == 0
