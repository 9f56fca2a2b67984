"""Label Studio: its JSON task export, and the labelling config that goes with it.

    [{"id": 1, "data": {"text": "...", "title": "...", "article_id": 1},
      "annotations": [{"result": [{"id": "s12", "from_name": "label", "to_name": "text",
                                   "type": "labels", "value": {"start": 0, "end": 6,
                                   "text": "Foshan", "labels": ["LOCATION"]}}]}]}]

Offsets are code points, as current Label Studio counts them. A span's note is kept
as the region's ``meta.text``. ``corpus.json`` gets ``corpus.config.xml`` beside it:
paste it into the project's Labeling Interface (Code view) before importing.
Tasks are written one by one, so the export never holds the corpus in memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.model import Label, Status
from annotator.formats.dataset import SPLIT_NAMES, ExportContext, ExportDoc, ExportSpan
from annotator.formats.jsonl import strict_dumps
from annotator.formats.label_names import export_names

FROM_NAME = "label"
TO_NAME = "text"


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
    article = doc.article
    data: dict[str, Any] = {"text": doc.text, "title": article.title, "article_id": article.id}
    for key in ("source", "url", "published"):
        value = getattr(article, key)
        if value is not None:
            data[key] = value
    data["status"] = str(article.status)
    if article.meta:
        data["meta"] = article.meta
    record: dict[str, Any] = {"id": article.id, "data": data, "annotations": []}
    layers: dict[str | None, list[ExportSpan]] = {}
    for span in doc.spans:
        layers.setdefault(span.annotator, []).append(span)
    if not layers and article.status == Status.DONE:  # a done article without spans is a real answer
        layers[None] = []
    for who, spans in layers.items():
        annotation: dict[str, Any] = {
            "result": [region(s, names) for s in spans],
            "was_cancelled": False,
            "ground_truth": False,
        }
        if who is not None:
            # Label Studio keeps a user id it knows, else the importing user; the e-mail field names the analyst.
            annotation["completed_by"] = {"email": who}
        created = [s.created for s in spans if s.created]
        updated = [s.updated for s in spans if s.updated]
        if created and updated:
            annotation["created_at"], annotation["updated_at"] = min(created), max(updated)
        record["annotations"].append(annotation)
    return record


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
        out.write(strict_dumps(task(doc, names)))
        first = False
    out.write("\n]\n")
