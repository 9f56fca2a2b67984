"""doccano sequence labelling: JSON Lines with ``text`` and ``label: [[start, end, LABEL], ...]``.

    {"id": 1, "text": "...", "label": [[0, 6, "LOCATION"]], "title": "...", "status": "done"}

doccano counts offsets in UTF-16 code units in its default mode (doccano #2290):
in "👨🏻‍🚒 firemen drive firetrucks", ``firetrucks`` is 22-32 for doccano and 19-29
in Python. That is what this writer produces unless ``offsets="codepoints"``.
Keys other than ``text`` and ``label`` become the example's metadata in doccano.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotator.core.offsets import OffsetMap
from annotator.formats import jsonl
from annotator.formats.dataset import ExportContext, ExportDoc
from annotator.formats.label_names import export_names

OFFSETS = ("utf16", "codepoints")


def doccano_record(doc: ExportDoc, offsets: str = "utf16", names: dict[str, str] | None = None) -> dict[str, Any]:
    """``names``: tag -> the label as written (the source name of a label imported in another script)."""
    if offsets not in OFFSETS:
        raise ValueError(f"doccano offsets are utf16 or codepoints, not {offsets!r}.")
    names = names or {}
    if offsets == "utf16":
        omap = OffsetMap(doc.text)
        spans = [[omap.to_utf16(s.start), omap.to_utf16(s.end), names.get(s.label, s.label)] for s in doc.spans]
    else:
        spans = [[s.start, s.end, names.get(s.label, s.label)] for s in doc.spans]
    article = doc.article
    record: dict[str, Any] = {"id": article.id, "text": doc.text, "label": spans, "title": article.title}
    for key in ("source", "url", "published"):
        value = getattr(article, key)
        if value is not None:
            record[key] = value
    record["status"] = str(article.status)
    if article.meta:
        record["meta"] = article.meta
    notes = [
        {"start": s.start, "end": s.end, "label": names.get(s.label, s.label), "note": s.note}
        for s in doc.spans
        if s.note
    ]
    if notes:
        record["notes"] = notes  # doccano has no span notes; kept as metadata, offsets as in "label"
        if offsets == "utf16":
            for n in notes:
                n["start"], n["end"] = omap.to_utf16(n["start"]), omap.to_utf16(n["end"])
    return record


def write_doccano(docs: Iterable[ExportDoc], sink: Any, ctx: ExportContext) -> None:
    """One article a line, spans in doccano's ``label`` list."""
    offsets = ctx.options.offsets or OFFSETS[0]
    names = export_names(ctx.labels)
    out = sink.text()
    for doc in docs:
        out.write(jsonl.dumps(doccano_record(doc, offsets, names)) + "\n")
