"""spaCy v3 DocBin (.spacy): one article per Doc, its entities and span groups as spans.

    DocBin(store_user_data=True, docs=docs).to_disk("corpus.spacy")

The article text is ``doc.text`` exactly, so spaCy's character offsets are the corpus's own.
``doc.ents`` and every group of ``doc.spans`` (``"sc"`` and any other key) become spans,
nested and overlapping ones included; a span in both (Annotator's export puts every span
in ``doc.spans["sc"]`` and the non-overlapping ones in ``doc.ents`` too) is stored once. The
``user_data`` Annotator's spaCy export writes (article id, title, source, url, published,
status, metadata) comes back as the article's; other ``user_data`` is kept in metadata when
it is plain data. A DocBin is read whole: the file may be up to 200 MB (or ten times
``--max-size`` when that is more), each Doc's text at most ``--max-size``. spaCy is an
optional extra: ``pip install "annotator[spacy]"``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.model import Status
from annotator.formats.base import (
    DEFAULT_MAX_BYTES,
    BadRecord,
    InputError,
    Record,
    SpanRecord,
    title_or_first_line,
)
from annotator.formats.decoding import read_bytes
from annotator.formats.streaming import too_large

FILE_FACTOR = 10  # a DocBin file may be this many times the per-article limit ...
FILE_FLOOR = 200_000_000  # ... or this size, whichever is more
_COLUMNS = ("source", "url", "published")
_STATUSES = {status.value for status in Status}
_PLAIN = (str, int, float, bool, type(None))


def _plain(value: Any) -> bool:
    if isinstance(value, _PLAIN):
        return True
    if isinstance(value, (list, tuple)):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False


def _docs(data: bytes) -> Iterator[Any]:
    try:
        import spacy
        from spacy.tokens import DocBin
    except ImportError as exc:
        raise InputError('Reading .spacy files needs spaCy: pip install "annotator[spacy]".') from exc
    try:
        docbin = DocBin(store_user_data=True).from_bytes(data)
    except Exception as exc:  # noqa: BLE001 - msgpack, zlib, spaCy's own errors: not a DocBin
        raise InputError(f"Not a spaCy DocBin ({type(exc).__name__}: {exc}).") from exc
    return docbin.get_docs(spacy.blank("xx").vocab)


def doc_record(doc: Any, where: str) -> Record | BadRecord:
    text = doc.text
    if not text.strip():
        return BadRecord("Empty text.", where)
    user = {k: v for k, v in doc.user_data.items() if isinstance(k, str)}
    ours = isinstance(user.get("article_id"), int)
    meta: dict[str, Any] = {}
    columns: dict[str, str] = {}
    status = None
    title = None
    if ours:
        title = user.get("title") if isinstance(user.get("title"), str) else None
        columns = {k: user[k] for k in _COLUMNS if isinstance(user.get(k), str)}
        status = user["status"] if user.get("status") in _STATUSES else None
        if isinstance(user.get("meta"), dict):
            meta.update(user["meta"])
    else:
        meta.update({k: v for k, v in user.items() if _plain(v)})
    spans = []
    seen = set()
    groups = [("ents", doc.ents), *((f"spans[{key!r}]", group) for key, group in doc.spans.items())]
    for group_name, group in groups:
        for n, span in enumerate(group, 1):
            key = (span.start_char, span.end_char, span.label_)
            if key in seen or not span.label_:
                continue
            seen.add(key)
            spans.append(
                SpanRecord(
                    span.start_char,
                    span.end_char,
                    span.label_,
                    text[span.start_char : span.end_char],
                    where=f"{group_name} {n}",
                )
            )
    return Record(
        text=text,
        title=title_or_first_line(title, text),
        meta=meta,
        where=where,
        spans=tuple(sorted(spans, key=lambda s: (s.start, s.end))),
        status=status,
        exact_tags=ours,
        **columns,
    )


def read_spacy_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, **_: object) -> Iterator[Record | BadRecord]:
    data = read_bytes(path, max(max_bytes * FILE_FACTOR, FILE_FLOOR))
    for n, doc in enumerate(_docs(data), 1):
        where = f"doc {n}"
        if len(doc.text.encode("utf-8")) > max_bytes:
            yield BadRecord(too_large(len(doc.text.encode("utf-8")), max_bytes, "article"), where)
            continue
        yield doc_record(doc, where)
