"""Plain text files (.txt, .text): one article per file, news-shaped or not."""

from __future__ import annotations

from collections.abc import Iterator

from annotator.core.text import normalise_text
from annotator.formats.base import InputError, Record
from annotator.formats.decoding import decode_bytes
from annotator.formats.news import parse_news


def record_from_text(text: str) -> Record:
    """One article from the text of a file: the whole text is kept, the shape fills title and meta."""
    text = normalise_text(text)
    if not text or text.isspace():  # (strip() would copy the text to tell)
        raise InputError("No text: the file holds only white space.")
    parts = parse_news(text)
    return Record(text=text, title=parts.title, source=parts.source, meta=parts.meta)


def read_txt(data: bytes) -> Iterator[Record]:
    yield record_from_text(decode_bytes(data))
