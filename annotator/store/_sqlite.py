"""Load sqlite-utils without letting it pull in pandas and numpy.

sqlite-utils imports pandas and numpy whenever they are installed, only to map their scalar
types to column types, which Annotator never inserts. Where they are installed (with the spaCy
extra, the test readers, or any data-science environment) they would add about two seconds
and well over 100 MB to every start of the app. They are hidden from that one import only; an
``import pandas`` anywhere later works as usual.
"""

from __future__ import annotations

import sys

_HIDDEN = ("pandas", "numpy")


def load_sqlite_utils() -> None:
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in _HIDDEN if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError, which sqlite-utils expects
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
