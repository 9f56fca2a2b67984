"""Export reports that say what happened: one tokens line for every part of a split."""

import re

import pytest

from annotator.formats import export_corpus
from annotator.formats.dataset import ExportOptions

pytest.importorskip("spacy", reason="spaCy is in the test extra: pip install -e '.[test]'")


@pytest.mark.parametrize(
    "fmt, name", [("conll", "out.conll"), ("spacy", "out.spacy"), ("prodigy", "out.jsonl"), ("hf", "out.jsonl")]
)
def test_the_tokens_line_counts_every_part_of_a_split(corpus, tmp_path, fmt, name):
    for n in range(6):
        corpus.articles.add(f"t{n}", f"Foshan report number {n} names Midea Group.")
    corpus.articles.add(
        "es", "La Sra. García y el Dr. López llegaron al puerto de Cantón con la delegación de la provincia."
    )
    report = export_corpus(
        corpus, tmp_path / name, fmt, ExportOptions(split=(50, 50), seed=3, extra={"tokenizer": "spacy"})
    )
    lines = [note for note in report.notes if note.startswith("Tokens:")]
    assert len(lines) == 1
    counts = dict(
        (lang, int(n)) for lang, n in re.findall(r"\b([a-z]{2}) (\d+)", lines[0].split("articles per language:")[1])
    )
    assert counts == {"en": 6, "es": 1}
