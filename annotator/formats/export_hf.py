"""Hugging Face token classification: JSON Lines of sentences, with string IOB2 tags, and the label list.

    {"id": "12-0", "tokens": ["Foshan", "hosts", "Midea", "Group", "."],
     "ner_tags": ["B-LOCATION", "O", "B-COMPANY", "I-COMPANY", "O"]}

One row per sentence, as in Hugging Face's NER datasets (conll2003, wikiann);
``id`` is ``"<article id>-<sentence number>"``, counting sentences from 0 in each
article. Tags are strings, so a mistake cannot hide as an out-of-range integer;
beside the data, ``<name>.labels.json`` lists every tag (``"O"``, then ``B-`` and
``I-`` for each label in the user's order) for
``ClassLabel(names=json.load(open("corpus.labels.json")))``. A split writes
``corpus.train.jsonl``, ``corpus.dev.jsonl``, ``corpus.test.jsonl`` and one
``corpus.labels.json``. Load with
``datasets.load_dataset("json", data_files="corpus.jsonl", split="train")``.
Tokens, sentences and the choice among overlapping spans are those of the
CoNLL export (``formats.tokens``, ``formats.iob``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.formats import jsonl
from annotator.formats.dataset import SPLIT_NAMES, ExportContext, ExportDoc, ExportReport
from annotator.formats.iob import choose_non_overlapping, iob2_tags
from annotator.formats.sinks import SinkError
from annotator.formats.token_docs import TokenDoc
from annotator.formats.token_jobs import Rendered, local_report, rendered_windows, write_rendered


def tag_names(labels: Iterable[str]) -> list[str]:
    """``O`` and each label's ``B-`` and ``I-`` tag: the ``ClassLabel`` names."""
    names = ["O"]
    for label in labels:
        names += [f"B-{label}", f"I-{label}"]
    return names


def labels_file_name(sink: Any, part: str) -> str:
    """``corpus.labels.json`` for ``corpus.jsonl`` (and for each part of a split of it)."""
    target = getattr(sink, "target", None)
    if target is None:
        raise SinkError("The hf format writes a label list beside the data; give an output path instead of '-'.")
    stem = Path(target).stem
    if part and stem.endswith("." + part):
        stem = stem[: -len(part) - 1]
    return f"{stem}.labels.json"


def write_hf(docs: Iterable[ExportDoc], sink: Any, ctx: ExportContext) -> None:
    names = tag_names(label.tag for label in ctx.labels)
    labels_name = labels_file_name(sink, ctx.part)
    write_rendered(render_hf, docs, sink.text(), ctx, "{n} duplicate span(s) (same place and label) written once.")
    if ctx.part in ("", SPLIT_NAMES[0]):  # one list for every part of a split
        sink.text(labels_name).write(json.dumps(names, ensure_ascii=False, indent=1) + "\n")


def render_hf(doc: ExportDoc, choice: str | None) -> Rendered:
    """One article's rows, a sentence each (written a window at a time for a long article)."""
    report = local_report()
    result = Rendered("", report.warnings)
    result.text = _hf_pieces(doc, choice, report, result)
    return result


def _hf_pieces(doc: ExportDoc, choice: str | None, report: ExportReport, result: Rendered) -> Iterator[bytes]:
    n = 0
    for rows, duplicates, language in rendered_windows(doc, choice, report, hf_window):
        result.duplicates += duplicates
        result.language = language
        if rows:  # each row is its sentence's JSON after the "id", numbered here, in the article's order
            yield b"".join([b'{"id":"%d-%d",%b' % (doc.id, k, row) for k, row in enumerate(rows, n)])
            n += len(rows)


def hf_window(tdoc: TokenDoc, report: ExportReport) -> tuple[list[bytes], int]:
    """A window's sentences as rows without their "id" (``{"id": ..., `` is written before each), and
    its duplicate spans: the same JSON as ``jsonl.dumps({"id": ..., "tokens": ..., "ner_tags": ...})``."""
    kept, duplicates = choose_non_overlapping(tdoc, report, "the IOB tags")
    words = tdoc.words()
    tags = iob2_tags(len(words), kept)
    rows = [jsonl.dumps_bytes({"tokens": words[i:j], "ner_tags": tags[i:j]})[1:] + b"\n" for i, j in tdoc.sentences]
    return rows, duplicates
