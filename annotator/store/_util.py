from __future__ import annotations

from datetime import datetime, timezone


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def like_contains(text: str) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) for "contains ``text``" as a literal substring: ``%`` and
    ``_`` match only themselves. SQLite's LIKE reads a pattern only up to a NUL (so "0<NUL>" would mean
    "ends with 0"): the text before the first NUL is what is looked for."""
    text = text.split("\x00", 1)[0]
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
