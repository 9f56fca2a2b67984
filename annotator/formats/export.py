"""Running an export: choose the articles, split them, stream them through a writer into a sink.

    report = export_corpus(corpus, "out.conll", "conll", ExportOptions(statuses={"done"}))
    print(report.summary())

Output goes through ``formats.sinks``: staged beside the target and moved into
place only when every part is complete, so a failed or cancelled export leaves
nothing half-written. ``progress(done, total)`` is called after each article;
returning False cancels (``ExportCancelled`` is raised, nothing is written).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO

from annotator.formats.dataset import (
    DocStream,
    ExportCancelled,
    ExportContext,
    ExportOptions,
    ExportReport,
    labels_for,
    select_article_ids,
    split_ids,
)
from annotator.formats.parallel import frozen_heap
from annotator.formats.registry import exporter
from annotator.formats.sinks import FolderSink, SinkError, StreamSink, commit_all, make_sink, part_path
from annotator.store import Corpus

Progress = Callable[[int, int], "bool | None"]


def export_corpus(
    corpus: Corpus,
    out: Path | str | IO[str],
    format: str = "jsonl",
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Export ``corpus`` in ``format`` to a path (file, folder or .zip) or a text stream."""
    exp = exporter(format)
    options = options or ExportOptions()
    if options.offsets is not None and options.offsets not in exp.offsets:
        choices = ", ".join(exp.offsets) or "none"
        raise ValueError(f"The {format} format has no offset option {options.offsets!r} (choices: {choices}).")
    report = ExportReport(format=format)
    labels = labels_for(corpus, options)
    parts = split_ids(select_article_ids(corpus, options), options)
    total = sum(len(ids) for ids in parts.values())
    is_stream = not isinstance(out, (str, Path))
    if is_stream and len(parts) > 1:
        raise SinkError("A split writes several files; give an output path instead of '-'.")
    if is_stream and exp.folder:
        raise SinkError(f"The {format} format writes a folder or a .zip; give an output path instead of '-'.")

    sinks: list = []
    if exp.folder or is_stream:
        main = make_sink(out, exp.folder)
        sinks.append(main)
        targets = {part: (main.within(part) if part and isinstance(main, FolderSink) else main) for part in parts}
    else:
        targets = {}
        for part in parts:
            sink = make_sink(part_path(Path(out), part), folder=False)  # type: ignore[arg-type]
            sinks.append(sink)
            targets[part] = sink

    def counted(spans: int) -> None:
        report.articles += 1
        report.spans += spans
        if progress is not None and progress(report.articles, total) is False:
            raise ExportCancelled("Export cancelled; nothing was written.")

    try:
        with frozen_heap():
            for part, ids in parts.items():
                ctx = ExportContext(options=options, report=report, labels=labels, part=part, articles=len(ids))
                docs = DocStream(corpus, ids, options, timestamps=exp.timestamps, on_doc=counted)
                exp.write(docs, targets[part], ctx)
        commit_all(sinks)
    except BaseException:
        for sink in sinks:
            sink.discard()
        raise
    report.files = [str(p) for sink in sinks for p in sink.written] if not isinstance(sinks[0], StreamSink) else []
    return report


EXTRAS = {"spacy": "spacy"}  # a module an exporter may need -> the extra of annotator that installs it


def missing_library_message(format: str, exc: ImportError) -> str:
    """One line for an export that needs a library that is not installed."""
    module = (exc.name or "").split(".")[0]
    extra = EXTRAS.get(module)
    hint = f" Install it with: pip install 'annotator[{extra}]'" if extra else ""
    return f"The {format} format needs {module or 'a library'}, which is not installed.{hint}"
