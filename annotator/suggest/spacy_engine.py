"""The spaCy engine: a blank pipeline with an entity recogniser trained on the layer, written
where ``spacy.load(folder)`` reads it (its entity labels are the corpus's tags), so an analyst
can take the model into their own pipeline. Any installed spaCy pipeline predicts too.

spaCy is an optional extra (``pip install "annotator[spacy]"``) and is imported only here.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from pathlib import Path

from annotator.store.layers import LayerDoc
from annotator.suggest.model import ModelError, Suggestion

EPOCHS = 10
BATCH = 8


def _spacy():
    try:
        import spacy
    except ImportError as exc:
        raise ModelError('The spaCy engine needs spaCy: pip install "annotator[spacy]"') from exc
    return spacy


def _language(docs: Sequence[LayerDoc]) -> str:
    sample = "".join(d.text[:2000] for d in docs[:50])
    ascii_share = sum(ch.isascii() for ch in sample) / max(1, len(sample))
    return "en" if ascii_share > 0.9 else "xx"


def train_spacy(
    docs: Sequence[LayerDoc],
    labels: Sequence[str],
    folder: Path,
    *,
    seed: int = 0,
    epochs: int | None = None,
    progress: Callable[[int, int], bool | None] | None = None,
) -> None:
    spacy = _spacy()
    from spacy.training import Example
    from spacy.util import filter_spans, fix_random_seed, minibatch

    from annotator.suggest.crf import Cancelled

    fix_random_seed(seed)
    nlp = spacy.blank(_language(docs))
    ner = nlp.add_pipe("ner")
    for lab in labels:
        ner.add_label(lab)
    examples = []
    for d in docs:
        predicted = nlp.make_doc(d.text)
        reference = nlp.make_doc(d.text)
        spans = [reference.char_span(s, e, label=t, alignment_mode="expand") for s, e, t in d.spans]
        reference.ents = filter_spans([sp for sp in spans if sp is not None])
        examples.append(Example(predicted, reference))
    if not examples:
        raise ModelError("Nothing to train from.")
    optimizer = nlp.initialize(lambda: examples)
    epochs = epochs or EPOCHS
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=BATCH):
            nlp.update(batch, sgd=optimizer, drop=0.2)
        if progress is not None and progress(epoch + 1, epochs) is False:
            raise Cancelled()
    nlp.meta["name"] = "annotator_ner"
    nlp.meta["description"] = "Entity recogniser trained by Annotator from a corpus layer"
    nlp.to_disk(folder)


class SpacyTagger:
    """A spaCy pipeline's entities as suggestions (spaCy gives no per-entity confidence)."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
        self.labels = sorted(ner.labels) if ner is not None else []

    @classmethod
    def load(cls, where: str | Path) -> "SpacyTagger":
        spacy = _spacy()
        try:
            nlp = spacy.load(where)
        except OSError as exc:
            raise ModelError(f"{where} is neither a model folder nor an installed spaCy pipeline ({exc}).") from exc
        if not any(name in nlp.pipe_names for name in ("ner", "entity_ruler", "span_finder")):
            raise ModelError(f"{where} has no entity recogniser (its pipes: {', '.join(nlp.pipe_names) or 'none'}).")
        return cls(nlp)

    def predict(self, text: str) -> list[Suggestion]:
        doc = self.nlp(text)
        return [Suggestion(e.start_char, e.end_char, e.label_, "model", None) for e in doc.ents]


__all__ = ["train_spacy", "SpacyTagger"]
