"""Label Studio's JSON export: a list of tasks, each with its text and its annotations.

    [{"id": 7, "data": {"text": "..."},
      "annotations": [{"id": 3, "completed_by": 1, "was_cancelled": false,
                       "result": [{"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
                                   "value": {"start": 0, "end": 6, "text": "Foshan", "labels": ["LOCATION"]}}]}],
      "predictions": [...]}]

Every annotation that was not cancelled is imported (and the ``completions`` older
versions wrote instead), each span under its own annotator (the user's e-mail when
the export has it, else ``label-studio-user-N``), so a task labelled by two people
keeps both sets. Predictions are not imported.
Only ``labels`` results become spans; others (choices, relations, text areas) are
counted in a warning. A region's meta text becomes the span's note; a result with
several labels becomes one span per label.

The JSON-MIN export (``{"text": ..., "label": [{"start", "end", "text", "labels"}], "annotator": ...}``,
one row per annotation) is read too: every field holding regions is read, whatever the
labelling control is called (``"label"``, ``"ner"``...), and each row is its annotator's
layer of the task (a second annotator's row adds to the article the first one created).

The article text is the data field of the Text object the regions name (their ``to_name``:
``data.document`` after a CSV import), or ``--text-field NAME``; regions on another Text
object (a title) are counted in a warning and left out.

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
from annotator.core.text import plural
from annotator.formats.base import (
    BadRecord,
    InputError,
    Record,
    SpanRecord,
    SpanWarning,
    annotator_name,
    title_or_first_line,
)
from annotator.formats.decoding import decode_bytes
from annotator.formats.import_spans import SourceText, SpanError
from annotator.formats.streaming import loads


def _text_of(data: dict) -> tuple[str | None, str | None]:
    """The task's text and its data key: ``text``, or the one string field when there is no ``text``."""
    if isinstance(data.get("text"), str):
        return data["text"], "text"
    strings = [k for k, v in data.items() if isinstance(v, str) and k not in ("title", "url")]
    if len(strings) == 1:
        return data[strings[0]], strings[0]
    return None, None


def ls_annotator(completed_by: Any) -> str | None:
    """The annotator a Label Studio annotation names: the user's e-mail (or the name JSON-MIN
    gives), else ``label-studio-user-N`` for a bare user number."""
    if isinstance(completed_by, dict):
        email = annotator_name(completed_by.get("email"))
        if email:
            return email
        completed_by = completed_by.get("id")
    name = annotator_name(completed_by)
    if name is None:
        return None
    return f"label-studio-user-{name}" if name.isdigit() else name


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


_MIN_FIELDS = ("id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time")


def _is_region_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(r, dict) and "start" in r and "end" in r and "labels" in r for r in value
    )


def _region_keys(task: dict) -> list[str]:
    """The fields of a JSON-MIN row that hold regions: named after the labelling control ("label", "ner"...)."""
    return [k for k, v in task.items() if _is_region_list(v)]


def _is_min(task: Any) -> bool:
    """A JSON-MIN row: the text and its regions side by side, no "data" (an unlabelled row names its annotation)."""
    if not isinstance(task, dict) or "data" in task or not isinstance(task.get("text"), str):
        return False
    return bool(_region_keys(task)) or ("annotation_id" in task and "annotator" in task)


def _full_task(task: dict) -> dict:
    """A JSON-MIN row in the shape of the full export: one annotation, every region field its results."""
    keys = _region_keys(task)
    results = [
        {"id": f"{key} {k}", "from_name": key, "type": "labels", "value": r}
        for key in keys
        for k, r in enumerate(task[key], 1)
    ]
    who = task.get("annotator")
    annotation = {"id": task.get("annotation_id", 1), "completed_by": who, "result": results}
    full = {
        "data": {k: v for k, v in task.items() if k not in _MIN_FIELDS and k not in keys},
        "annotations": [annotation],
    }
    if "id" in task:
        full["id"] = task["id"]
    return full


def _annotations(task: dict) -> list[Any]:
    """The task's annotations, and the ``completions`` older Label Studio wrote instead."""
    out: list[Any] = []
    for key in ("annotations", "completions"):
        value = task.get(key)
        if isinstance(value, list):
            out.extend(value)
    return out


def label_results(task: Any) -> int:
    """How many labelled regions a task (or JSON-MIN row) holds, for the file's final check."""
    if _is_min(task):
        return sum(len(task[k]) for k in _region_keys(task))
    if not isinstance(task, dict):
        return 0
    return sum(
        1
        for a in _annotations(task)
        if isinstance(a, dict) and not a.get("was_cancelled") and isinstance(a.get("result"), list)
        for r in a["result"]
        if isinstance(r, dict) and r.get("type") == "labels"
    )


def _body_key(data: dict, results: list[dict], text_field: str | None) -> tuple[str | None, str | None]:
    """The data key of the article text and the Text object (``to_name``) its regions name.

    ``text_field`` (``--text-field``) decides when given. Otherwise the Text object most regions
    name is the body: its data key is the field of that name, else ``text``, else the one string
    field, else the string field whose text the regions' quotes are found in.
    """
    names = Counter(r.get("to_name") for r in results if isinstance(r.get("to_name"), str))
    to_name = names.most_common(1)[0][0] if names else None
    if text_field is not None:
        body = text_field if text_field in names else to_name  # a Text object named like its field, as usual
        return (text_field if isinstance(data.get(text_field), str) else None), body
    if to_name and isinstance(data.get(to_name), str):
        return to_name, to_name
    key = _text_of(data)[1]
    if key is not None:
        return key, to_name
    quotes = [
        r["value"]
        for r in results
        if r.get("to_name") in (to_name, None)
        and isinstance(r.get("value"), dict)
        and isinstance(r["value"].get("text"), str)
    ]
    fields = [k for k, v in data.items() if isinstance(v, str)]
    scored = sorted(fields, key=lambda k: -sum(1 for q in quotes if q["text"] in data[k]))
    return (scored[0] if scored and quotes else None), to_name


_COLUMNS = ("source", "url", "published")
_STATUSES = {status.value for status in Status}


def _label_results_of(annotation: dict) -> list[dict]:
    results = annotation.get("result")
    return (
        [r for r in results if isinstance(r, dict) and r.get("type") == "labels"] if isinstance(results, list) else []
    )


def _regions(
    annotations: list[dict], source: SourceText, body: str | None, offsets: str | None
) -> tuple[list[SpanRecord], list[SpanWarning], Counter[str], Counter[str]]:
    """The spans of every annotation's ``labels`` results on the body text, the warnings about those
    that cannot be read, and counts of results of other kinds and of regions on other Text objects."""
    spans: list[SpanRecord] = []
    warnings: list[SpanWarning] = []
    ignored: Counter[str] = Counter()
    elsewhere: Counter[str] = Counter()
    for i, annotation in enumerate(annotations, 1):
        who = ls_annotator(annotation.get("completed_by"))
        results = annotation.get("result") or []
        for k, result in enumerate(results if isinstance(results, list) else [], 1):
            if not isinstance(result, dict):
                continue
            kind = result.get("type")
            if kind != "labels":
                ignored[str(kind)] += 1
                continue
            to_name = result.get("to_name")
            if body is not None and isinstance(to_name, str) and to_name != body:
                elsewhere[to_name] += 1  # a region of another Text object (a title): not the article's text
                continue
            at = f"annotation {annotation.get('id', i)}, result {result.get('id') or k}"
            value = result.get("value") if isinstance(result.get("value"), dict) else {}
            labels = value.get("labels")
            try:
                if (
                    not isinstance(labels, list)
                    or not labels
                    or not all(isinstance(x, str) and x.strip() for x in labels)
                ):
                    raise SpanError("The region has no labels.")
                s, e, text = _span(source, value, offsets)
            except SpanError as exc:
                warnings.append(SpanWarning(str(exc), at))
                continue
            note = _note(result)
            spans.extend(SpanRecord(s, e, label, text, annotator=who, note=note, where=at) for label in labels)
    return spans, warnings, ignored, elsewhere


def task_record(
    task: Any, n: int, offsets: str | None = None, *, where: str | None = None, text_field: str | None = None
) -> Record | BadRecord:
    if _is_min(task):
        task = _full_task(task)
    if isinstance(task, dict) and isinstance(task.get("id"), (int, str)) and not isinstance(task.get("id"), bool):
        where = f"task {task['id']}"
    where = where or f"record {n}"
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        return BadRecord("Not a Label Studio task: no \"data\" object.", where)
    data = task["data"]
    annotations = [a for a in _annotations(task) if isinstance(a, dict) and not a.get("was_cancelled")]
    key, body = _body_key(data, [r for a in annotations for r in _label_results_of(a)], text_field)
    if key is None:
        wanted = f"a \"{text_field}\" field" if text_field else "a \"text\" field (or name it with --text-field)"
        return BadRecord(f"The task has no text: \"data\" needs {wanted}.", where)
    source = SourceText(data[key])
    if not source.text.strip():
        return BadRecord("Empty text.", where)
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
    title = data.get("title")
    spans, warnings, ignored, elsewhere = _regions(annotations, source, body, offsets)
    if ignored:
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(ignored.items()))
        warnings.append(SpanWarning(f"Ignored results that are not span labels ({kinds})."))
    for name, count in sorted(elsewhere.items()):
        warnings.append(
            SpanWarning(
                f"{plural(count, 'region')} on the Text object {name!r}, not on the article text {body!r}: left out."
            )
        )
    return Record(
        text=source.text,
        title=title_or_first_line(title, source.text),
        meta=meta,
        where=where,
        spans=tuple(spans),
        warnings=tuple(warnings),
        status=status,
        **columns,
    )


def _load(data: bytes) -> Any:
    try:
        return loads(decode_bytes(data))
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
