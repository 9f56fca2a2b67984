"""An import's unexpected error: its traceback goes to the application's log (``core.log``), the user gets a sentence.

The message names the log file when one is set up (``annotator.log`` in the user data folder,
as the command configures it for the window and the command line alike).
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)


def log_failure(path: Path, exc: BaseException) -> Path | None:
    """Log ``exc`` with its traceback and the file it happened on; the log file's path, or None without one."""
    log.error("Importing %s failed", path, exc_info=exc)
    for handler in logging.getLogger("annotator").handlers:
        if isinstance(handler, logging.FileHandler):
            handler.flush()
            return Path(handler.baseFilename)
    return None
