"""Where an import writes the details of an error it did not expect, so that the user gets a sentence.

The file is ``import-errors.log`` in the user log folder (``~/.local/state/Annotator/log``
on Linux); ``ANNOTATOR_LOG_DIR`` names another folder. Each entry is the time, the file
being imported and the traceback. Writing it never raises: without a log the message still
names the error.
"""

from __future__ import annotations

import datetime
import os
import traceback
from pathlib import Path

LOG_NAME = "import-errors.log"


def log_dir() -> Path:
    override = os.environ.get("ANNOTATOR_LOG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_log_path

    return user_log_path("Annotator", appauthor=False)


def log_failure(path: Path, exc: BaseException) -> Path | None:
    """Append ``exc``'s traceback, with the file it happened on, to the log; the log's path, or None."""
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / LOG_NAME
        stamp = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        entry = "".join(traceback.format_exception(exc))
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(f"{stamp} importing {path}\n{entry}\n")
        return target
    except Exception:  # noqa: BLE001 - a log that cannot be written must not hide the error itself
        return None
