"""Who is annotating: the operating-system user unless told otherwise."""

from __future__ import annotations

import getpass
import os


def default_annotator() -> str:
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, no USER variable
        name = os.environ.get("USERNAME", "")
    return name.strip() or "annotator"
