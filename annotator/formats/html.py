"""HTML pages (.html, .htm): the main text and metadata, as trafilatura extracts them.

Only the given bytes are read: nothing is fetched and no script runs.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from annotator.core.text import normalise_text
from annotator.formats.base import InputError, Record, first_line_title
from annotator.formats.decoding import decode_bytes

log = logging.getLogger(__name__)

_DOCUMENT = re.compile(r"<\s*(html|body|head)\b", re.IGNORECASE)
# trafilatura logs every page it finds poor as an error; the result says it all here.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())
logging.getLogger("trafilatura").propagate = False

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page names in its first bytes, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def extract(html: str) -> Record:
    import trafilatura  # imported here: it is slow to load and only HTML needs it

    if not _DOCUMENT.search(html[:65536]):
        html = f"<html><body>{html}</body></html>"  # a fragment, as saved from part of a page
    options = dict(favor_recall=True, include_comments=False, include_tables=True)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, **options)
    except Exception:  # noqa: BLE001 - the metadata parsers trip over some broken markup (an lxml assert)
        log.debug("HTML metadata could not be read; the text alone is extracted", exc_info=True)
        try:
            doc = trafilatura.bare_extraction(html, with_metadata=False, **options)
        except Exception:  # noqa: BLE001 - then the plain-text fallback below decides
            log.debug("trafilatura could not extract the text; the plain-text fallback reads it", exc_info=True)
            doc = None
    text = normalise_text(doc.text or "") if doc is not None else ""
    if not text.strip():
        try:
            text = normalise_text(trafilatura.html2txt(html))
        except Exception as exc:  # noqa: BLE001 - markup lxml cannot take: one rejection, never a crash
            raise InputError(f"This HTML page cannot be parsed ({type(exc).__name__}).") from exc
    if not text.strip():
        raise InputError("No article text found in this HTML page.")
    meta: dict = {}
    title = ""
    source = url = published = None
    if doc is not None:
        title = " ".join((doc.title or "").split())
        source, url, published = doc.sitename or None, doc.url or None, doc.date or None
        for key in ("author", "description", "language"):
            value = getattr(doc, key, None)
            if value:
                meta[key] = value
        for key in ("categories", "tags"):
            values = [v for v in (getattr(doc, key, None) or []) if v]
            if values:
                meta[key] = values
    return Record(
        text=text,
        title=title or first_line_title(text),
        source=source,
        url=url,
        published=published,
        meta=meta,
    )


def read_html(data: bytes) -> Iterator[Record]:
    yield extract(decode_bytes(data, declared=declared_charset(data)))
