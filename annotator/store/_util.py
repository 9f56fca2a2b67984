from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def like_contains(text: str) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) for "contains ``text``" as a literal substring: ``%`` and
    ``_`` match only themselves. SQLite's LIKE reads a pattern only up to a NUL (so "0<NUL>" would mean
    "ends with 0"): the text before the first NUL is what is looked for."""
    text = text.split("\x00", 1)[0]
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@contextmanager
def collection_paused() -> Iterator[None]:
    """Garbage collection paused while a batch of rows is read: reading makes hundreds of thousands
    of tuples and nothing that refers back to itself, and collections triggered meanwhile would walk
    them again and again (a third of reading one article of a million spans). Whatever garbage there
    is waits for the next collection. Left on when another thread turned it back on meanwhile."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
