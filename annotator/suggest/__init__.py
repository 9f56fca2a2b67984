"""Suggestions learnt from the corpus: a dictionary of labelled texts and trained taggers.

    model = train_model(corpus, TrainOptions(annotator="ana"), out_dir)   # writes a model folder
    model = load_model(out_dir)                                          # or an installed spaCy pipeline
    model.predict(text)  -> [Suggestion(start, end, tag, source, confidence), ...]

Offsets are code points into the article text, as everywhere. The machine-learning libraries
(python-crfsuite, scikit-learn, spaCy) are imported only when a model is trained or loaded.
"""

from annotator.suggest.model import Suggestion

__all__ = ["Suggestion"]
