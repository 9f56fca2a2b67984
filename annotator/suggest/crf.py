"""The CRF tagger (CRFsuite through python-crfsuite, which sklearn-crfsuite wraps).

Training feeds CRFsuite one sentence at a time (``Trainer.append``), so the features of the
whole corpus never sit in Python: about 950 articles train in a few hundred megabytes.
The dictionary feature is *jackknifed*: each training article sees the dictionary of the
other folds' labels, as a new article will see the dictionary of everything labelled before
it; otherwise the tagger would learn that the dictionary is always right.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from annotator.store.layers import LayerDoc
from annotator.suggest.dictionary import Dictionary
from annotator.suggest.features import FeatureBuilder, dictionary_tags
from annotator.suggest.model import Manifest, ModelError, Suggestion
from annotator.suggest.tokens import sentences, spans_of, token_tags, tokenize

MODEL_FILE = "crf.model"
CLUSTERS_FILE = "clusters.json"
DICTIONARY_FILE = "dictionary.json"
FOLDS = 4
PARAMS = {"c1": 0.05, "c2": 0.02, "max_iterations": 120, "feature.possible_transitions": True}


class Cancelled(Exception):
    """Training was stopped by the user."""


def _pycrfsuite():
    try:
        import pycrfsuite
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ModelError("The CRF engine needs sklearn-crfsuite: pip install sklearn-crfsuite") from exc
    return pycrfsuite


def _whole_sentences(bounds: list[tuple[int, int]], tags: list[str]) -> list[tuple[int, int]]:
    """Join sentences where a labelled span runs over the boundary."""
    out: list[tuple[int, int]] = []
    for a, b in bounds:
        if out and tags[a].startswith("I-"):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def fold_dictionaries(docs: Sequence[LayerDoc], folds: int = FOLDS) -> list[Dictionary]:
    """For fold k, the dictionary of every document not in fold k (document i is in fold i % folds)."""
    out = []
    for k in range(folds):
        d = Dictionary()
        for i, doc in enumerate(docs):
            if i % folds != k:
                for s, e, tag in doc.spans:
                    d.add(doc.text[s:e], tag)
        out.append(d)
    return out


def full_dictionary(docs: Sequence[LayerDoc]) -> Dictionary:
    d = Dictionary()
    for doc in docs:
        for s, e, tag in doc.spans:
            d.add(doc.text[s:e], tag)
    return d


def train_crf(
    docs: Sequence[LayerDoc],
    folder: Path,
    clusters: dict[str, list[str]],
    *,
    params: dict | None = None,
    progress: Callable[[int, int], bool | None] | None = None,
) -> Dictionary:
    """Train on ``docs`` and write the CRF, the clusters and the dictionary into ``folder``.

    ``progress(iteration, iterations)`` returning False stops (raises Cancelled)."""
    pycrfsuite = _pycrfsuite()
    params = {**PARAMS, **(params or {})}
    iterations = int(params["max_iterations"])

    class _Trainer(pycrfsuite.Trainer):
        def message(self, message):  # CRFsuite's log, line by line: an exception here stops the training
            if self.logparser.feed(message) == "iteration" and progress is not None:
                if progress(int(self.logparser.last_iteration.get("num", 0)), iterations) is False:
                    raise Cancelled()

    trainer = _Trainer(verbose=False)
    trainer.set_params(params)
    features = FeatureBuilder(clusters)
    folds = fold_dictionaries(docs)
    for i, doc in enumerate(docs):
        starts, ends = tokenize(doc.text)
        words = [doc.text[s:e] for s, e in zip(starts, ends, strict=True)]
        tags = token_tags(starts, ends, doc.spans)
        dtags = dictionary_tags(folds[i % FOLDS], doc.text, starts, ends)
        for a, b in _whole_sentences(sentences(doc.text, starts, ends), tags):
            trainer.append(features.sequence(words[a:b], dtags[a:b]), tags[a:b])
        if progress is not None and i % 50 == 0 and progress(0, iterations) is False:
            raise Cancelled()
    trainer.train(str(folder / MODEL_FILE))
    dictionary = full_dictionary(docs)
    (folder / CLUSTERS_FILE).write_text(json.dumps(clusters, ensure_ascii=False), encoding="utf-8")
    (folder / DICTIONARY_FILE).write_text(json.dumps(dictionary.to_json(), ensure_ascii=False), encoding="utf-8")
    return dictionary


class CrfTagger:
    """A trained CRF with the clusters and dictionary its features were built from."""

    def __init__(
        self, model_file: Path, labels: list[str], clusters: dict[str, list[str]], dictionary: Dictionary | None
    ) -> None:
        pycrfsuite = _pycrfsuite()
        self.labels = labels
        self.dictionary = dictionary
        self.features = FeatureBuilder(clusters)
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(model_file))
        except (OSError, ValueError) as exc:
            raise ModelError(f"Cannot read the CRF model {model_file}: {exc}") from exc

    @classmethod
    def load(cls, folder: Path, manifest: Manifest | None = None) -> "CrfTagger":
        manifest = manifest or Manifest.read(folder)
        clusters = _read_json(folder / CLUSTERS_FILE) or {}
        data = _read_json(folder / DICTIONARY_FILE)
        dictionary = Dictionary.from_json(data) if data else None
        return cls(folder / MODEL_FILE, list(manifest.labels), clusters, dictionary)

    def predict(self, text: str) -> list[Suggestion]:
        starts, ends = tokenize(text)
        if not starts:
            return []
        words = [text[s:e] for s, e in zip(starts, ends, strict=True)]
        low = [w.casefold() for w in words]
        dtags = dictionary_tags(self.dictionary, text, starts, ends, low)
        tagger = self._tagger
        out = []
        for a, b in sentences(text, starts, ends):
            tagger.set(self.features.sequence(words[a:b], dtags[a:b]))
            yseq = tagger.tag()
            if all(t == "O" for t in yseq):
                continue
            for s, e, tag, i, j in spans_of(yseq, starts[a:b], ends[a:b]):
                confidence = min(tagger.marginal(yseq[k], k) for k in range(i, j))
                out.append(Suggestion(s, e, tag, "model", round(confidence, 3)))
        return out

    def uncertainty(self, text: str) -> float:
        """How unsure the tagger is about an article: 1 minus its least sure token's marginal, at most."""
        starts, ends = tokenize(text)
        words = [text[s:e] for s, e in zip(starts, ends, strict=True)]
        dtags = dictionary_tags(self.dictionary, text, starts, ends)
        tagger = self._tagger
        worst = 0.0
        for a, b in sentences(text, starts, ends):
            tagger.set(self.features.sequence(words[a:b], dtags[a:b]))
            yseq = tagger.tag()
            worst = max(worst, 1.0 - tagger.probability(yseq) ** (1.0 / max(1, b - a)))
        return worst


def _read_json(path: Path):
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))
