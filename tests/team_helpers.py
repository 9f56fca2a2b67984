"""Marking an analyst's work on an article finished, whichever way the corpus keeps statuses."""

from __future__ import annotations

from annotator.core.model import Status


def finish(corpus, article_id: int, *analysts: str) -> None:
    """Each of ``analysts`` finished the article: their own status where the corpus keeps one per
    analyst, else the article's status."""
    layers = getattr(corpus, "layers", None)
    if layers is not None and hasattr(layers, "set_status"):
        for name in analysts:
            layers.set_status(article_id, Status.DONE, annotator=name)
    else:
        corpus.articles.set_status(article_id, Status.DONE)


def agreement_on_workers(monkeypatch, batch_docs: int) -> list:
    """Agreement counted by worker processes from the first batch on, ``batch_docs`` articles a batch;
    returns the list of batches sent to the workers (filled as they are sent)."""
    from annotator.formats import agreement, parallel

    monkeypatch.setenv("ANNOTATOR_WORKERS", "2")
    monkeypatch.setattr(parallel, "BATCH_DOCS", batch_docs)
    monkeypatch.setattr(agreement, "INLINE_SECONDS", 0.0)
    monkeypatch.setattr(agreement, "POOL_WORTH_SECONDS", 0.0)
    sent: list = []

    class Pool(parallel.ProcessPoolExecutor):
        def submit(self, *args, **kwargs):
            sent.append(args)
            return super().submit(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Pool)
    return sent
