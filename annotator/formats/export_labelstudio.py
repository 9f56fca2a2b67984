"""Label Studio: its JSON task export, and the labelling config that goes with it.

    [{"id": 1, "data": {"text": "...", "title": "...", "article_id": 1},
      "annotations": [{"result": [{"id": "s12", "from_name": "label", "to_name": "text",
                                   "type": "labels", "value": {"start": 0, "end": 6,
                                   "text": "Foshan", "labels": ["LOCATION"]}}]}]}]

Offsets are code points, as current Label Studio counts them. A span's note is kept
as the region's ``meta.text``. ``corpus.json`` gets ``corpus.config.xml`` beside it:
paste it into the project's Labeling Interface (Code view) before importing.
Tasks are written one by one, so the export never holds the corpus in memory, and each
task piece by piece, so a long article never stands in memory as one record either.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.model import Label, Status
from annotator.formats.dataset import SPLIT_NAMES, ExportContext, ExportDoc, ExportSpan
from annotator.formats.jsonl import strict_dumps
from annotator.formats.label_names import export_names

FROM_NAME = "label"
TO_NAME = "text"
TEXT_PIECE = 1_000_000  # characters of an article's text escaped at a time
REGIONS_AT_ONCE = 2_000  # regions serialized at a time


def labelling_config(labels: list[Label]) -> str:
    """The project's labelling interface: one Labels control over one Text object."""
    from xml.sax.saxutils import quoteattr  # here, not at the top: it loads urllib and http at start-up

    names = export_names(labels)
    lines = ["<View>", f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">']
    for label in labels:
        attrs = f"value={quoteattr(names[label.tag])} background={quoteattr(label.colour)}"
        if label.hotkey:
            attrs += f" hotkey={quoteattr(label.hotkey)}"
        lines.append(f"    <Label {attrs}/>")
    lines += ["  </Labels>", f'  <Text name="{TO_NAME}" value="$text"/>', "</View>", ""]
    return "\n".join(lines)


def region(span: ExportSpan, names: dict[str, str] | None = None) -> dict[str, Any]:
    label = names.get(span.label, span.label) if names else span.label
    result: dict[str, Any] = {
        "id": f"s{span.id}",
        "from_name": FROM_NAME,
        "to_name": TO_NAME,
        "type": "labels",
        "origin": "manual",
        "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [label]},
    }
    if span.note:
        result["meta"] = {"text": [span.note]}
    return result


def task(doc: ExportDoc, names: dict[str, str] | None = None) -> dict[str, Any]:
    """One task; each analyst's spans are one annotation of it, ``completed_by`` naming the analyst."""
    data = {"text": doc.text, **_data_after_text(doc)}
    annotations = [{"result": [region(s, names) for s in spans], **_annotation_after_result(who, spans)}
                   for who, spans in _layers(doc).items()]
    return {"id": doc.article.id, "data": data, "annotations": annotations}


def task_pieces(doc: ExportDoc, names: dict[str, str] | None = None) -> Iterator[str]:
    """``strict_dumps(task(doc, names))`` in pieces, the same bytes: the text ``TEXT_PIECE`` characters
    and the regions ``REGIONS_AT_ONCE`` at a time, so that a long article never stands as one record
    (its regions as dicts, then as one string) in memory."""
    text = doc.text
    yield f'{{"id": {strict_dumps(doc.article.id)}, "data": {{"text": "'
    for i in range(0, len(text), TEXT_PIECE):  # escaping is character by character: pieces join up exactly
        yield strict_dumps(text[i : i + TEXT_PIECE])[1:-1]
    yield '", ' + strict_dumps(_data_after_text(doc))[1:] + ', "annotations": ['
    for n, (who, spans) in enumerate(_layers(doc).items()):
        yield '{"result": [' if n == 0 else ', {"result": ['
        for i in range(0, len(spans), REGIONS_AT_ONCE):
            piece = strict_dumps([region(s, names) for s in spans[i : i + REGIONS_AT_ONCE]])[1:-1]
            yield piece if i == 0 else ", " + piece
        yield "], " + strict_dumps(_annotation_after_result(who, spans))[1:]
    yield "]}"


def _data_after_text(doc: ExportDoc) -> dict[str, Any]:
    article = doc.article
    data: dict[str, Any] = {"title": article.title, "article_id": article.id}
    for key in ("source", "url", "published"):
        value = getattr(article, key)
        if value is not None:
            data[key] = value
    data["status"] = str(article.status)
    if article.meta:
        data["meta"] = article.meta
    return data


def _layers(doc: ExportDoc) -> dict[str | None, list[ExportSpan]]:
    """Each analyst's spans, in the doc's order; a done article without spans is one empty layer (a real answer)."""
    layers: dict[str | None, list[ExportSpan]] = {}
    for span in doc.spans:
        layers.setdefault(span.annotator, []).append(span)
    if not layers and doc.article.status == Status.DONE:
        layers[None] = []
    return layers


def _annotation_after_result(who: str | None, spans: list[ExportSpan]) -> dict[str, Any]:
    annotation: dict[str, Any] = {"was_cancelled": False, "ground_truth": False}
    if who is not None:
        # Label Studio keeps a user id it knows, else the importing user; the e-mail field names the analyst.
        annotation["completed_by"] = {"email": who}
    created = min((s.created for s in spans if s.created), default=None)
    updated = max((s.updated for s in spans if s.updated), default=None)
    if created and updated:
        annotation["created_at"], annotation["updated_at"] = created, updated
    return annotation


def config_name(sink: Any, ctx: ExportContext) -> str | None:
    """``corpus.json`` -> ``corpus.config.xml`` (one for all parts of a split); None for a stream."""
    target = getattr(sink, "target", None)
    if target is None:
        return None
    stem = Path(target).stem
    if ctx.part and stem.endswith(f".{ctx.part}"):
        stem = stem[: -len(ctx.part) - 1]
    return f"{stem}.config.xml"


def write_labelstudio(docs: Iterable[ExportDoc], sink: Any, ctx: ExportContext) -> None:
    """A JSON list of tasks, written task by task, and the labelling config beside it."""
    name = config_name(sink, ctx)
    if ctx.part not in ("", SPLIT_NAMES[0]):
        pass  # one config for every part of a split, written with the first
    elif name is None:
        ctx.report.warnings.append(
            "The labelling config was not written (standard output holds one file); write to a file to get it."
        )
    else:
        with sink.text(name) as fh:
            fh.write(labelling_config(ctx.labels))
    names = export_names(ctx.labels)
    out = sink.text()
    out.write("[")
    first = True
    for doc in docs:
        out.write("\n" if first else ",\n")
        for piece in task_pieces(doc, names):
            out.write(piece)
        first = False
    out.write("\n]\n")
