"""Every setting the window keeps between runs, declared once: key, type and default.

Reads are typed (a setting of type bool always reads as a bool, whatever QSettings stored:
INI files give back "true", the registry 1, a fresh QSettings the Python value), and writes
go through the same declaration. Settings kept per corpus or per format are declared as a
family (``LAST_ARTICLE.at(key)``).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

log = logging.getLogger(__name__)

T = TypeVar("T")

_TRUE = frozenset({"true", "1", "yes", "on"})
_FALSE = frozenset({"false", "0", "no", "off", ""})


def parse_bool(value: Any, default: bool) -> bool:
    """The one way a stored boolean is read."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    return default


def _parse_int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        log.info("A setting of %r is not a number: the default, %d, is used", value, default)
        return default


def _parse_str(value: Any, default: str) -> str:
    return value if isinstance(value, str) else default


def _parse_list(value: Any, default: list[str]) -> list[str]:
    """A list of strings (an INI file gives a single-item list back as a plain string)."""
    if value is None:
        return list(default)
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return list(default)


def _parse_bytes(value: Any, default: QByteArray | None) -> QByteArray | None:
    return value if isinstance(value, (QByteArray, bytes)) else default


def corpus_key(path: Path | str | None) -> str:
    """A stable, QSettings-safe key for a corpus path, for settings kept per corpus."""
    return hashlib.sha1(str(Path(path).resolve() if path else "").encode()).hexdigest()[:16]


_PARSERS = {bool: parse_bool, int: _parse_int, str: _parse_str, list: _parse_list, bytes: _parse_bytes}


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T
    doc: str = ""

    def read(self, settings: QSettings) -> T:
        value = settings.value(self.key)
        if value is None:
            return self.default
        return _PARSERS[self.type](value, self.default)

    def write(self, settings: QSettings, value: T) -> None:
        if self.type is list:
            value = [str(v) for v in value]
        settings.setValue(self.key, value)

    def remove(self, settings: QSettings) -> None:
        settings.remove(self.key)

    def at(self, suffix: str) -> Setting[T]:
        """One member of a family of settings (the key ends in '/')."""
        if not self.key.endswith("/"):
            raise ValueError(f"{self.key} is not a family of settings")
        return Setting(self.key + suffix, self.type, self.default, self.doc)


# --- who and what was open ---------------------------------------------------------------------
ANNOTATOR = Setting("annotator", str, "", "the name recorded with new annotations")
LAST_CORPUS = Setting("lastCorpus", str, "", "the corpus opened at start")
RECENT_CORPORA = Setting("recentCorpora", list, [], "File › Recent corpora, newest first")
LAST_ARTICLE = Setting("lastArticle/", int, -1, "per corpus: the article open when it was last closed")
HINT_DISMISSED = Setting("hints/firstRunDismissed", bool, False, "the getting-started hint was dismissed for good")

# --- the window ---------------------------------------------------------------------------------
WINDOW_GEOMETRY = Setting("window/geometry", bytes, None, "size and place of the window")
WINDOW_STATE = Setting("window/state", bytes, None, "docks and toolbars")
ZOOM = Setting("view/zoom", int, 0, "text size steps from the default")
SHOW_LABEL_NAMES = Setting(
    "view/showLabelNames",
    str,
    "auto",
    "label tags on spans: on, off, or auto (on for an article with nested or adjacent spans)",
)
SNAP_TO_WORDS = Setting("edit/snapToWords", bool, True, "snap selections to whole tokens")
LANGUAGE = Setting("language", str, "", "the window's language (en, zh_CN), or empty to follow the system")

# --- the export dialog ------------------------------------------------------------------------------
EXPORT_FORMAT = Setting("export/format", str, "jsonl", "the format chosen last")
EXPORT_PATH = Setting("export/path/", str, "", "per corpus: the file or folder written last")
EXPORT_STATUSES = Setting(
    "export/statuses",
    list,
    [],
    "the article statuses exported (none stored: done, or in progress when nothing is done)",
)
EXPORT_EXCLUDED_LABELS = Setting("export/excludedLabels", list, [], "label tags left out")
EXPORT_EXCLUDED_ANNOTATORS = Setting("export/excludedAnnotators", list, [], "annotators left out")
EXPORT_SPLIT = Setting("export/split", list, ["80", "10", "10"], "train/dev/test percentages")
EXPORT_SPLIT_ON = Setting("export/splitOn", bool, False, "write a train/dev/test split")
EXPORT_SEED = Setting("export/seed", int, 0, "the split's random seed")
EXPORT_OFFSETS = Setting("export/offsets/", str, "", "per format: the offset unit chosen last")

# --- suggestions ----------------------------------------------------------------------------------
SUGGEST_SHOW = Setting("suggest/show", bool, True, "View › Show suggestions")
SUGGEST_OWN_ONLY = Setting("suggest/ownLabelsOnly", bool, False, "the dictionary holds only the analyst's own labels")
SUGGEST_LEAST_SURE = Setting("suggest/leastSureFirst", bool, False, "Next article: the one the model is least sure of")
SUGGEST_RETRAIN_EVERY = Setting("suggest/retrainEvery", int, 5, "newly finished articles that start a training")

ALL: tuple[Setting, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Setting))
