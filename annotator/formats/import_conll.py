"""CoNLL / IOB (.conll, .iob, .bio): one token a line, the entity tag in the last column.

    -DOCSTART- -X- O O

    Foshan NNP B-NP B-LOC
    hosts VBZ B-VP O
    Midea NNP B-NP B-ORG
    Group NNP I-NP I-ORG

Each ``-DOCSTART-`` line begins an article (a file without one is one article); a
blank line ends a sentence. The article's text is its tokens joined by one space,
its sentences by one line break, so it is exactly what the file spells. The token is
the first column and the tag the last; columns between (part of speech, chunk) are
ignored; columns are separated by spaces or tabs. IOB1 (CoNLL-2003's original),
IOB2 and BIOES/BILOU tags are read by one lenient rule (seqeval's): ``B-``/``S-``/``U-``
begin an entity, ``I-``/``E-``/``L-`` continue one of the same type or begin one,
``E-``/``L-``/``S-``/``U-`` end it. Each entity type becomes a label whose tag is the
type. A line the rule cannot read (no tag column, a tag that is neither ``O`` nor
``X-TYPE``) is reported with its line number; its token stays in the text, outside
any entity. A line beginning with ``#`` whose last column is not a tag is a comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from annotator.formats.base import (
    DEFAULT_MAX_BYTES,
    BadRecord,
    InputError,
    Record,
    SpanRecord,
    SpanWarning,
    first_line_title,
)
from annotator.formats.streaming import text_lines, too_large

DOCSTART = "-DOCSTART-"
_TAG = re.compile(r"^([BIESLUM])[-_](\S+)$")
_BEGIN, _INSIDE, _END, _SINGLE = "B", "IM", "EL", "SU"


def _split(line: str) -> list[str]:
    return line.split()


class TaggedTokens:
    """One article being read: its tokens (as sentences), entities and warnings."""

    def __init__(self, first_line: int) -> None:
        self.first_line = first_line
        self.sentences: list[list[str]] = [[]]
        self.size = 0  # characters so far
        self.spans: list[tuple[int, int, int, int, str]] = []  # (sentence, first token, end token, line, type)
        self.warnings: list[SpanWarning] = []
        self.open: list | None = None  # [sentence, first token, end token, line, type] of the entity being read
        self.too_large = False

    def close(self) -> None:
        if self.open is not None:
            self.spans.append(tuple(self.open))  # type: ignore[arg-type]
            self.open = None

    def end_sentence(self) -> None:
        self.close()
        if self.sentences[-1]:
            self.sentences.append([])

    def add(self, token: str, tag: str | None, n: int) -> None:
        sentence = len(self.sentences) - 1
        index = len(self.sentences[-1])
        self.sentences[-1].append(token)
        self.size += len(token) + 1
        if tag is None or tag == "O":
            self.close()
            return
        m = _TAG.match(tag)
        if m is None:
            self.close()
            self.warnings.append(
                SpanWarning(
                    f"Tag {tag!r} is neither O nor PREFIX-TYPE (B-, I-, E-, S-); "
                    f"the token {token!r} is outside any entity.",
                    f"line {n}",
                )
            )
            return
        prefix, kind = m.groups()
        current = self.open
        continues = current is not None and current[4] == kind and prefix in _INSIDE + _END
        if continues:
            current[2] = index + 1  # type: ignore[index]
        else:
            self.close()
            self.open = [sentence, index, index + 1, n, kind]
        if prefix in _END + _SINGLE:
            self.close()

    def record(self, where: str | None) -> Record | None:
        self.close()
        sentences = [s for s in self.sentences if s]
        if not sentences:
            return None
        # Character offsets of every token: tokens joined by one space, sentences by one line break.
        starts: list[list[int]] = []
        pos = 0
        for sentence in sentences:
            row = []
            for token in sentence:
                row.append(pos)
                pos += len(token) + 1
            starts.append(row)
        text = "\n".join(" ".join(s) for s in sentences)
        # Sentence indexes shift when empty sentences were dropped: map old -> new.
        index = {}
        k = 0
        for i, s in enumerate(self.sentences):
            if s:
                index[i] = k
                k += 1
        spans = []
        for sentence, first, end, line, kind in self.spans:
            row = starts[index[sentence]]
            s = row[first]
            e = row[end - 1] + len(sentences[index[sentence]][end - 1])
            spans.append(SpanRecord(s, e, kind, text[s:e], where=f"line {line}"))
        return Record(
            text=text,
            title=first_line_title(text),
            where=where,
            spans=tuple(spans),
            warnings=tuple(self.warnings),
            exact_tags=True,
        )


def read_conll_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, **_: object) -> Iterator[Record | BadRecord]:
    """Each document of a CoNLL / IOB file as one record, read line by line."""
    doc = TaggedTokens(1)
    docs = 0
    found = False

    def finish(doc: TaggedTokens) -> Iterator[Record | BadRecord]:
        nonlocal docs
        where = f"document {docs + 1} (line {doc.first_line})" if docs or started_with_docstart else None
        if doc.too_large:
            docs += 1
            yield BadRecord(too_large(doc.size, max_bytes, "article"), where)
            return
        record = doc.record(where)
        if record is not None:
            docs += 1
            yield record

    started_with_docstart = False
    for n, line in text_lines(path, max_bytes):
        if isinstance(line, BadRecord):
            doc.warnings.append(SpanWarning(line.reason.rstrip(".") + "; left out.", f"line {n}"))
            continue
        columns = _split(line)
        if not columns:
            doc.end_sentence()
            continue
        found = True
        if columns[0] == DOCSTART:
            if not docs and not any(doc.sentences) and not doc.spans:
                started_with_docstart = True
            yield from finish(doc)
            doc = TaggedTokens(n)
            continue
        if doc.too_large:
            doc.size += len(columns[0]) + 1
            continue
        if len(columns) == 1:
            doc.add(columns[0], None, n)
            doc.warnings.append(
                SpanWarning(
                    f"Only one column ({columns[0]!r}): a token without a tag, outside any entity.", f"line {n}"
                )
            )
        else:
            tag = columns[-1]
            if columns[0].startswith("#") and tag != "O" and not _TAG.match(tag):
                continue  # a comment line (# id ..., # sent_id = ...)
            doc.add(columns[0], tag, n)
        if doc.size > max_bytes:
            doc.too_large = True
            doc.sentences, doc.spans, doc.open = [[]], [], None  # memory stays bounded by the limit
    if not found:
        raise InputError("No tokens: every line is blank.")
    yield from finish(doc)
    if not docs:
        raise InputError("No tokens: only -DOCSTART- lines, comments and blank lines.")
