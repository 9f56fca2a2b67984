from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings

from annotator.formats import ImportBatch, Outcome
from annotator.formats.batch import ImportResult
from annotator.store import Corpus, open_corpus

LONG = bool(os.environ.get("ANNOTATOR_LONG_TESTS"))
# A quick default for every run of the suite; --long (or ANNOTATOR_LONG_TESTS=1) tries many more.
FUZZ = settings(
    max_examples=1000 if LONG else 30,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

def import_bytes(data: bytes, name: str, corpus: Corpus | None = None, **options) -> tuple[Corpus, list[ImportResult]]:
    """Import one file holding ``data`` through the batch importer; check what every input must satisfy.

    Each result is an article stored whole (with every span it reports) or a one-line reason;
    nothing escapes the batch; no article is stored that no result reports.
    """
    corpus = corpus or open_corpus(None)  # a fresh corpus per example (about 2 ms): no example sees another's articles
    before = corpus.articles.count()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        results = list(ImportBatch(corpus, [path], **options))  # any exception fails the test
    assert results, "every input gets at least one result"
    imported = [r for r in results if r.outcome is Outcome.IMPORTED]
    assert corpus.articles.count() - before == len(imported)
    for r in results:
        if r.outcome is Outcome.REJECTED:
            assert r.reason.strip(), "a rejection says why"
            # The batch turns an importer's bug into one file's failure: here it must still fail the test.
            assert "an unexpected error" not in r.reason, r.reason
        elif r.outcome is Outcome.IMPORTED:
            article = corpus.articles.get(r.article_id)
            assert article.text.strip() and "\x00" not in article.text and "\r" not in article.text
            spans = corpus.annotations.for_article(r.article_id)
            # the article came with all the spans it reports, or none (plus those a later record of the
            # same text added to it)
            added = sum(x.spans for x in results if x.outcome is Outcome.SPANS_ADDED and x.article_id == r.article_id)
            assert len(spans) == r.spans + added
            assert all(article.text[a.start : a.end] == a.text for a in spans)
    return corpus, results
