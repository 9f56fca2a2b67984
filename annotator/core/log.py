"""The application's log: a rotating file in the user data folder, and stderr with ``--verbose``.

Every module logs through ``logging.getLogger(__name__)``; an ``except`` that handles an error
without re-raising it logs it (``log.warning(..., exc_info=True)`` where the traceback helps),
so a problem a user reports can be read back from ``annotator.log``.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_NAME = "annotator.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MAX_BYTES = 1_000_000
_BACKUPS = 3


class _Stderr(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time of each record (it can be replaced after set-up)."""

    def __init__(self) -> None:
        super().__init__()

    @property  # type: ignore[override]
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def configure(folder: Path | None, *, verbose: bool = False) -> Path | None:
    """Set up the ``annotator`` logger once per process; returns the log file, or None without one.

    A folder that cannot be created (a read-only home) leaves the file out; logging never stops the program.
    """
    root = logging.getLogger("annotator")
    for handler in list(root.handlers):
        if getattr(handler, "_annotator", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.propagate = False
    path = None
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / LOG_NAME
            file_handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8", delay=True
            )
        except OSError:
            path = None
        else:
            file_handler.setFormatter(logging.Formatter(_FORMAT))
            file_handler._annotator = True  # type: ignore[attr-defined]
            root.addHandler(file_handler)
    if verbose:
        stream = _Stderr()
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        stream._annotator = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    return path
