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
