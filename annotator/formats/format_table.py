"""The table of export formats in docs/formats.md, generated from the registry so the two never disagree.

    python -m annotator.formats.format_table      # prints the Markdown table

What each format keeps and loses comes from the exporters' own ``keeps``/``loses`` lines
(also shown in the export dialog); the unit of its offsets and the readers it loads in are here.
"""

from __future__ import annotations

from annotator.formats.registry import EXPORTERS

# format -> (offsets, loads in)
DETAILS: dict[str, tuple[str, str]] = {
    "jsonl": ("code points", "`annotator import`; any JSON Lines reader"),
    "doccano": (
        "UTF-16 code units, as doccano counts (`--offsets codepoints` for code points)",
        "doccano (sequence labelling)",
    ),
    "brat": (
        "code points of the `.txt`, as brat counts",
        "brat; brat's own reader (`bratsubset`, shipped with bratiaa)",
    ),
    "labelstudio": (
        "code points",
        "Label Studio (import the tasks after pasting the config); label-studio-sdk's converter",
    ),
    "csv": ("code points", "spreadsheets; Python's `csv`, pandas"),
    "w3c": ("code points (TextPositionSelector), and a TextQuoteSelector", "Web Annotation tools; anchorpoint"),
    "spacy": ("tokens; `span.start_char` in code points", "spaCy v3 (`DocBin().from_disk`, `spacy train`)"),
    "prodigy": ("code points, and token indices (`token_end` inclusive)", "Prodigy (`db-in`), spaCy"),
    "conll": ("tokens (no character offsets)", "`spacy convert -c conll`, seqeval, NER trainers"),
    "hf": ("tokens (no character offsets)", 'Hugging Face `datasets.load_dataset("json")`'),
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").strip() or "—"


def markdown_table() -> str:
    rows = [
        "| Format | Writes | Keeps | Loses | Offsets | Loads in |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for exp in EXPORTERS.values():
        writes = "a folder, or a `.zip`" if exp.folder else f"a `{exp.extension}` file" if exp.extension else "a file"
        offsets, reader = DETAILS.get(exp.name, ("", ""))
        rows.append(
            f"| `{exp.name}` | {writes} | {_cell(exp.keeps)} | {_cell(exp.loses)} "
            f"| {_cell(offsets)} | {_cell(reader)} |"
        )
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
