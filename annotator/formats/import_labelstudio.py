"""Label Studio's JSON export: a list of tasks, each with its text and its annotations.

    [{"id": 7, "data": {"text": "..."},
      "annotations": [{"id": 3, "completed_by": 1, "was_cancelled": false,
                       "result": [{"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
                                   "value": {"start": 0, "end": 6, "text": "Foshan", "labels": ["LOCATION"]}}]}],
      "predictions": [...]}]

Every annotation that was not cancelled is imported, each span under its own
annotator (the user's e-mail when the export has it, else ``label-studio-user-N``),
so a task labelled by two people keeps both sets. Predictions are not imported.
Only ``labels`` results become spans; others (choices, relations, text areas) are
counted in a warning. A region's meta text becomes the span's note; a result with
several labels becomes one span per label.

The JSON-MIN export (``{"text": ..., "label": [{"start", "end", "text", "labels"}], "annotator": ...}``
per task) is read too, as one annotation per task.

Current Label Studio counts offsets in code points, older versions in UTF-16 code
units: unless told which, a span whose code points do not cover its ``text`` is read
again as UTF-16 before it is reported. The task's ``id`` is kept in meta as ``source_id``,
its other data fields and its ``meta`` in meta too. Tasks Annotator exported (``data.article_id``
equal to the task ``id``) bring back the article's source, url, published, status and meta as such.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

from annotator.core.model import Status
from annotator.formats.base import (
    BadRecord,
    InputError,
    Record,
    SpanRecord,
    SpanWarning,
    first_line_title,
)
from annotator.formats.decoding import decode_bytes
from annotator.formats.import_spans import SourceText, SpanError


def _text_of(data: dict) -> tuple[str | None, str | None]:
    """The task's text and its data key: ``text``, or the one string field when there is no ``text``."""
    if isinstance(data.get("text"), str):
        return data["text"], "text"
    strings = [k for k, v in data.items() if isinstance(v, str) and k not in ("title", "url")]
    if len(strings) == 1:
        return data[strings[0]], strings[0]
    return None, None


def annotator_name(completed_by: Any) -> str | None:
    if isinstance(completed_by, dict):
        email = completed_by.get("email")
        if isinstance(email, str) and email.strip():
            return email.strip()
        completed_by = completed_by.get("id")
    if isinstance(completed_by, (int, str)) and not isinstance(completed_by, bool) and str(completed_by).strip():
        return f"label-studio-user-{completed_by}"
    return None


def _note(result: dict) -> str | None:
    meta = result.get("meta")
    if not isinstance(meta, dict):
        return None
    text = meta.get("text")
    if isinstance(text, list):
        text = "\n".join(str(t) for t in text if str(t).strip())
    return text.strip() or None if isinstance(text, str) else None


def _span(source: SourceText, value: dict, offsets: str | None) -> tuple[int, int, str]:
    covered = value.get("text") if isinstance(value.get("text"), str) else None
    units = offsets or "codepoints"
    try:
        return source.span(value.get("start"), value.get("end"), units=units, covered=covered)
    except SpanError:
        if offsets is not None or covered is None or source.text.isascii():
            raise
        try:  # an export of an older Label Studio, which counted UTF-16 code units
            return source.span(value.get("start"), value.get("end"), units="utf16", covered=covered)
        except SpanError:
            pass
        raise


_MIN_FIELDS = ("id", "label", "annotator", "annotation_id", "created_at", "updated_at", "lead_time")


def _is_min(task: Any) -> bool:
    """A JSON-MIN task: the text and its regions side by side, no "data"."""
    if not isinstance(task, dict) or "data" in task or not isinstance(task.get("text"), str):
        return False
    regions = task.get("label")
    return isinstance(regions, list) and bool(regions) and all(
        isinstance(r, dict) and "start" in r and "labels" in r for r in regions
    )


def _full_task(task: dict) -> dict:
    """A JSON-MIN task in the shape of the full export."""
    who = task.get("annotator")
    results = [{"id": str(k), "type": "labels", "value": r} for k, r in enumerate(task["label"], 1)]
    annotation = {"id": task.get("annotation_id", 1), "completed_by": {"email": who} if isinstance(who, str) else who, "result": results}
    full = {"data": {k: v for k, v in task.items() if k not in _MIN_FIELDS}, "annotations": [annotation]}
    if "id" in task:
        full["id"] = task["id"]
    return full


_COLUMNS = ("source", "url", "published")
_STATUSES = {status.value for status in Status}


def task_record(task: Any, n: int, offsets: str | None = None) -> Record | BadRecord:
    if _is_min(task):
        task = _full_task(task)
    where = f"task {task['id']}" if isinstance(task, dict) and isinstance(task.get("id"), (int, str)) else f"record {n}"
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        return BadRecord("Not a Label Studio task: no \"data\" object.", where)
    original, key = _text_of(task["data"])
    if original is None:
        return BadRecord("The task has no text: \"data\" needs a \"text\" field.", where)
    source = SourceText(original)
    if not source.text.strip():
        return BadRecord("Empty text.", where)
    data = task["data"]
    columns: dict[str, str] = {}
    status = None
    own = {key, "title"}
    ours = key == "text" and task.get("id") is not None and data.get("article_id") == task["id"]
    if ours:
        # Annotator's own export (its tasks carry the article id twice): the article's columns,
        # status and meta come back as such, not as metadata.
        columns = {k: data[k] for k in _COLUMNS if isinstance(data.get(k), str)}
        status = data["status"] if isinstance(data.get("status"), str) and data["status"] in _STATUSES else None
        own |= {"article_id", *columns, *(["status"] if status else [])}
    meta = {k: v for k, v in data.items() if k not in own}
    if ours and isinstance(meta.get("meta"), dict):
        meta.update(meta.pop("meta"))
    if isinstance(task.get("meta"), dict):
        meta.update(task["meta"])
    if task.get("id") is not None:
        meta["source_id"] = task["id"]
    title = task["data"].get("title")
    spans: list[SpanRecord] = []
    warnings: list[SpanWarning] = []
    ignored: Counter[str] = Counter()
    annotations = task.get("annotations") or []
    for i, annotation in enumerate(annotations if isinstance(annotations, list) else [], 1):
        if not isinstance(annotation, dict) or annotation.get("was_cancelled"):
            continue
        who = annotator_name(annotation.get("completed_by"))
        results = annotation.get("result") or []
        for k, result in enumerate(results if isinstance(results, list) else [], 1):
            if not isinstance(result, dict):
                continue
            kind = result.get("type")
            if kind != "labels":
                ignored[str(kind)] += 1
                continue
            at = f"annotation {annotation.get('id', i)}, result {result.get('id') or k}"
            value = result.get("value") if isinstance(result.get("value"), dict) else {}
            labels = value.get("labels")
            try:
                if not isinstance(labels, list) or not labels or not all(isinstance(x, str) and x.strip() for x in labels):
                    raise SpanError("The region has no labels.")
                s, e, text = _span(source, value, offsets)
            except SpanError as exc:
                warnings.append(SpanWarning(str(exc), at))
                continue
            note = _note(result)
            spans.extend(SpanRecord(s, e, label, text, annotator=who, note=note, where=at) for label in labels)
    if ignored:
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(ignored.items()))
        warnings.append(SpanWarning(f"Ignored results that are not span labels ({kinds})."))
    return Record(
        text=source.text,
        title=" ".join(title.split()) if isinstance(title, str) and title.strip() else first_line_title(source.text),
        meta=meta,
        where=where,
        spans=tuple(spans),
        warnings=tuple(warnings),
        status=status,
        **columns,
    )


def _load(data: bytes) -> Any:
    try:
        return json.loads(decode_bytes(data))
    except json.JSONDecodeError as exc:
        raise InputError(f"Not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from exc


def read_labelstudio(data: bytes, offsets: str | None = None) -> Iterator[Record | BadRecord]:
    value = _load(data)
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise InputError("Expected a Label Studio export: a list of tasks.")
    if not value:
        raise InputError("The export holds no tasks.")
    for n, task in enumerate(value, 1):
        yield task_record(task, n, offsets)


def is_labelstudio(value: Any) -> bool:
    first = value[0] if isinstance(value, list) and value else value
    return (isinstance(first, dict) and isinstance(first.get("data"), dict) and "text" not in first) or _is_min(first)


def detect_json(data: bytes) -> str:
    """'labelstudio' for a Label Studio export, else 'json' (records)."""
    try:
        value = json.loads(decode_bytes(data))
    except (InputError, ValueError, RecursionError):
        return "json"
    return "labelstudio" if is_labelstudio(value) else "json"
