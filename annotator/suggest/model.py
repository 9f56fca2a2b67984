"""A model is a folder: ``manifest.json`` (engine, labels, where it was trained from, held-out
figures, date) beside the engine's own files. The window, the CLI and the benchmark load it
the same way, with ``load_model``; any installed spaCy pipeline loads too.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol

MANIFEST = "manifest.json"
FORMAT_VERSION = 1


class Suggestion(NamedTuple):
    """A span a source proposes: code points into the article text, the label's tag, where it
    came from ("dictionary", "model") and how sure it is (0..1)."""

    start: int
    end: int
    tag: str
    source: str
    confidence: float | None  # None: the source gives none (a spaCy pipeline)


@dataclass
class Manifest:
    engine: str  # "crf" or "spacy"
    labels: list[str]  # the tags it predicts
    trained_from: dict[str, Any] = field(default_factory=dict)  # corpus, annotator, statuses, articles
    scores: dict[str, Any] = field(default_factory=dict)  # held-out precision/recall/F1 per label and overall
    created: str = ""
    seconds: float = 0.0
    version: int = FORMAT_VERSION

    def write(self, folder: Path) -> None:
        (folder / MANIFEST).write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def read(cls, folder: Path) -> "Manifest":
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if data.get("version", 0) > FORMAT_VERSION:
            raise ModelError(f"{folder} was written by a newer version of Annotator.")
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)

    @property
    def f1(self) -> float | None:
        overall = self.scores.get("overall") or {}
        return overall.get("f1")


class ModelError(Exception):
    """A model that cannot be loaded or trained, told in words for the user."""


class Tagger(Protocol):
    labels: list[str]

    def predict(self, text: str) -> list[Suggestion]: ...


def load_model(where: str | Path) -> Tagger:
    """A model folder written by ``train``, a spaCy pipeline folder, or an installed spaCy package name."""
    path = Path(where)
    if (path / MANIFEST).is_file():
        manifest = Manifest.read(path)
        if manifest.engine == "crf":
            from annotator.suggest.crf import CrfTagger

            return CrfTagger.load(path, manifest)
        if manifest.engine == "spacy":
            from annotator.suggest.spacy_engine import SpacyTagger

            return SpacyTagger.load(path)
        raise ModelError(f"{path}: unknown engine {manifest.engine!r}.")
    if not path.exists() and (path.is_absolute() or len(path.parts) > 1 or str(where).startswith(".")):
        raise ModelError(f"No model at {where}: give a folder written by annotator train, or a spaCy pipeline.")
    if path.is_dir() and not (path / "config.cfg").is_file():
        raise ModelError(f"{path} is not a model folder (no {MANIFEST}, no spaCy config.cfg).")
    from annotator.suggest.spacy_engine import SpacyTagger

    return SpacyTagger.load(where)
