"""Hugging Face token classification JSON Lines: ``tokens`` and ``ner_tags`` per sentence.

    {"id": "12-0", "tokens": ["Foshan", "hosts", "Midea", "Group", "."],
     "ner_tags": ["B-LOCATION", "O", "B-COMPANY", "I-COMPANY", "O"]}

Rows whose ``id`` is ``"<article>-<sentence>"`` (Annotator's own export) are gathered back
into their article, consecutive rows of the same article; any other row is an article of
its own. The text is built as for CoNLL (``import_conll``): tokens joined by one space,
sentences by one line break, and the tags read by the same IOB1/IOB2/BIOES rule. Integer
tags are names looked up in the label list beside the file (``<name>.labels.json``, or
``labels.json``, as Annotator's export and ``ClassLabel`` write it); without one they are refused.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.formats.base import BadRecord
from annotator.formats.import_conll import TaggedTokens
from annotator.formats.streaming import too_large

log = logging.getLogger(__name__)

_ROW_ID = re.compile(r"^(.+)-(\d+)$")


def is_hf(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and "text" not in value
        and isinstance(value.get("tokens"), list)
        and isinstance(value.get("ner_tags"), list)
    )


def tag_names_beside(path: Path) -> list[str] | None:
    """The tag list written beside a Hugging Face export (``corpus.labels.json`` for ``corpus.jsonl``
    and its split parts ``corpus.train.jsonl``...), or None."""
    stem = path.stem
    candidates = [path.with_name(f"{stem}.labels.json"), path.with_name("labels.json")]
    if "." in stem:
        candidates.insert(1, path.with_name(f"{stem.rsplit('.', 1)[0]}.labels.json"))
    for candidate in candidates:
        try:
            names = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.debug("No tag names in %s: %s", candidate, exc)
            continue
        if isinstance(names, list) and all(isinstance(n, str) for n in names):
            return names
    return None


def _tags(row: dict, names: list[str] | None) -> list[str] | str:
    """The row's tags as strings, or why they cannot be read."""
    out = []
    for tag in row["ner_tags"]:
        if isinstance(tag, str):
            out.append(tag)
        elif isinstance(tag, int) and not isinstance(tag, bool):
            if names is None:
                return "Integer tags, but no label list (NAME.labels.json) beside the file to name them."
            if not 0 <= tag < len(names):
                return f"Tag {tag} is outside the label list ({len(names)} names)."
            out.append(names[tag])
        else:
            return f"A tag must be a string or a number, not {tag!r}."
    return out


def hf_records(values: Iterator[tuple[str | None, Any]], names: list[str] | None, max_bytes: int) -> Iterator[Any]:
    """Articles from the rows (sentences) of a Hugging Face token classification file."""
    doc: TaggedTokens | None = None
    key: str | None = None
    where: str | None = None

    def finish() -> Iterator[Any]:
        if doc is None:
            return
        if doc.too_large:
            yield BadRecord(too_large(doc.size, max_bytes, "article"), where)
            return
        record = doc.record(where)
        if record is not None:
            yield record

    for at, row in values:
        if isinstance(row, BadRecord):
            yield row
            continue
        if not is_hf(row):
            yield BadRecord('Not a token classification row: it needs "tokens" and "ner_tags" lists.', at)
            continue
        tags = _tags(row, names)
        if isinstance(tags, str) or len(tags) != len(row["tokens"]):
            reason = tags if isinstance(tags, str) else f"{len(row['tokens'])} tokens but {len(tags)} tags."
            yield BadRecord(reason, at)
            continue
        m = _ROW_ID.match(str(row.get("id", "")))
        row_key = m.group(1) if m else None
        if doc is None or row_key is None or row_key != key:
            yield from finish()
            number = int((at or "line 0").split()[-1]) if at and at.split()[-1].isdigit() else 0
            doc, key, where = TaggedTokens(number), row_key, at
        line = int(at.split()[-1]) if at and at.split()[-1].isdigit() else 0
        for token, tag in zip(row["tokens"], tags, strict=True):
            if not isinstance(token, str):
                token = str(token)
            if doc.too_large:
                doc.size += len(token) + 1
                continue
            doc.add(token, tag, line)
        doc.end_sentence()
        if doc.size > max_bytes and not doc.too_large:
            doc.too_large = True
            doc.sentences, doc.spans, doc.open = [[]], [], None
    yield from finish()
