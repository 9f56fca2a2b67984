"""brat standoff: ``name.txt`` with ``name.ann`` beside it, in a folder or a .zip.

    T1<TAB>LOCATION 12 18<TAB>Foshan
    T2<TAB>COMPANY 0 5;16 23<TAB>North America       (discontinuous: one span per fragment)
    T3<TAB>LOCATION 30 35;36 40<TAB>Pearl Delta        (pieces with only line breaks between: one span)
    #1<TAB>AnnotatorNotes T1<TAB>the city, not the prefecture

Entities become spans and AnnotatorNotes their notes; relations, events, attributes
and normalisations are counted in one warning and left out. Offsets are characters of
the .txt; brat reads it with universal newlines and keeps a byte-order mark as a
character, other tools count CRLF or leave the mark out: each span is read under the
first of these readings whose offsets cover the text the .ann gives.

A .zip is read in memory, never extracted. An archive with an entry that points outside
it (an absolute path, a ``..`` step, a link) or that would expand beyond
``ARCHIVE_LIMIT`` or by more than ``MAX_RATIO`` to one is refused whole, before
anything is read from it.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
import stat
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path, PurePosixPath

from annotator.core.text import plural
from annotator.formats.base import (
    DEFAULT_MAX_BYTES,
    BadRecord,
    InputError,
    NotThisFormat,
    Record,
    SpanRecord,
    SpanWarning,
    format_size,
)
from annotator.formats.decoding import decode_bytes, read_bytes
from annotator.formats.import_spans import SourceText, SpanError, newlines_to_lf, short
from annotator.formats.txt import record_from_text

ARCHIVE_LIMIT = 200_000_000  # bytes an archive may expand to, all entries together
MAX_RATIO = 100  # expanded size / compressed size above which a large entry is a bomb
RATIO_FLOOR = 1_000_000  # entries smaller than this are not judged by their ratio
MAX_ENTRIES = 100_000
CONF_FILES = {"annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf"}
_IGNORED_KINDS = {
    "R": "relation",
    "*": "relation",
    "E": "event",
    "A": "attribute",
    "M": "attribute",
    "N": "normalisation",
}
_OFFSETS = re.compile(r"^\d+ \d+(;\d+ \d+)*$")
_ID = re.compile(r"^[TRENAM#*]\d*$")


# --- one document ---------------------------------------------------------------------


def _readings(raw: str, bom: bool) -> list[SourceText]:
    """The texts a tool may have counted offsets in, most likely first (brat's own reading first)."""
    lf = SourceText(raw).text
    mark = "\ufeff" if bom else ""
    seen, out = set(), []
    for original in (mark + lf, lf, mark + raw, raw):
        if original not in seen:
            seen.add(original)
            out.append(SourceText(original))
    return out


def _fragments(
    readings: list[SourceText], fragments: list[tuple[int, int]], covered: str | None
) -> list[tuple[int, int, str]]:
    first: SpanError | None = None
    for source in readings:
        try:
            parts = [source.span(s, e) for s, e in fragments]
        except SpanError as exc:
            first = first or exc
            continue
        joined = " ".join(text for _, _, text in parts)
        if covered is None or joined == newlines_to_lf(covered) or joined.replace("\n", " ") == covered:
            return parts
        if first is None:
            where = ";".join(f"{s}-{e}" for s, e in fragments)
            first = SpanError(f"Offsets {where} cover {short(joined)}, but the .ann says {short(covered)}.")
    assert first is not None
    raise first


def parse_ann(text: str, readings: list[SourceText], ann_name: str) -> tuple[list[SpanRecord], list[SpanWarning]]:
    """Spans and warnings from the text of an .ann file."""
    spans: dict[str, list[SpanRecord]] = {}
    notes: dict[str, list[str]] = {}
    warnings: list[SpanWarning] = []
    ignored: Counter[str] = Counter()
    for n, line in enumerate(newlines_to_lf(text.removeprefix("\ufeff")).split("\n"), 1):
        if not line.strip():
            continue
        fields = line.split("\t", 2)  # as brat splits: the covered text or a note may hold tabs
        ident = fields[0].strip()
        at = f"{ann_name} line {n}" + (f", {ident}" if _ID.match(ident) else "")
        kind = ident[:1]
        if kind == "T" and len(fields) >= 2:
            _entity(fields, readings, at, ident, spans, warnings)
        elif kind == "#" and len(fields) >= 2:
            what = fields[1].split()
            if len(what) == 2 and what[0] == "AnnotatorNotes":
                notes.setdefault(what[1], []).append(fields[2].strip() if len(fields) > 2 else "")
            else:
                ignored["comment"] += 1
        elif kind in _IGNORED_KINDS:
            ignored[_IGNORED_KINDS[kind]] += 1
        else:
            warnings.append(SpanWarning("Not a brat annotation line; left out.", at))
    for target, texts in notes.items():
        note = "\n".join(t for t in texts if t) or None
        if target in spans:
            spans[target] = [
                SpanRecord(s.start, s.end, s.label, s.text, note=note, where=s.where) for s in spans[target]
            ]
        else:
            warnings.append(SpanWarning(f"A note for {target}, which is not an imported span; left out.", ann_name))
    if ignored:
        kinds = ", ".join(plural(count, kind) for kind, count in sorted(ignored.items()))
        warnings.append(SpanWarning(f"Ignored {kinds}: Annotator keeps spans and their notes.", ann_name))
    return [span for group in spans.values() for span in group], warnings


def _entity(fields, readings, at, ident, spans, warnings) -> None:
    if ident in spans:
        warnings.append(SpanWarning(f"{ident} was given before; this line is left out.", at))
        return
    label, _, offsets = fields[1].strip().partition(" ")
    offsets = offsets.strip()
    covered = fields[2] if len(fields) > 2 else None
    if not label or not _OFFSETS.match(offsets):
        warnings.append(SpanWarning(f"Cannot read the label and offsets {fields[1]!r}; span left out.", at))
        return
    fragments = [tuple(map(int, part.split())) for part in offsets.split(";")]
    try:
        parts = _fragments(readings, fragments, covered)
    except SpanError as exc:
        warnings.append(SpanWarning(f"{exc} Span left out.", at))
        return
    stored = readings[0].text
    if len(parts) > 1 and all(set(stored[a[1]:b[0]]) == {"\n"} for a, b in pairwise(parts)):
        # Only line breaks between the pieces: one span across lines, as brat (and the brat export) cuts it.
        parts = [(parts[0][0], parts[-1][1], stored[parts[0][0]:parts[-1][1]])]
    if len(parts) > 1:
        warnings.append(SpanWarning(f"Discontinuous span ({len(parts)} fragments) imported as {len(parts)} spans.", at))
    spans[ident] = [SpanRecord(s, e, label, text, where=at) for s, e, text in parts]


def _decode_ann(data: bytes, name: str) -> str:
    try:
        return decode_bytes(data) if data.strip() else ""
    except InputError as exc:
        raise InputError(f"{PurePosixPath(name).name}: {exc}") from exc


def brat_record(txt: bytes, ann: bytes | None, ann_name: str, where: str | None = None) -> Record:
    """One article from the bytes of a .txt and its .ann (None: there is no .ann)."""
    raw = decode_bytes(txt)
    bom = txt.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    article = record_from_text(raw)
    if ann is None:
        spans, warnings = [], [SpanWarning(f"No {ann_name} beside it: imported without spans.")]
    else:
        spans, warnings = parse_ann(_decode_ann(ann, ann_name), _readings(raw, bom), ann_name)
    return Record(
        text=article.text,
        title=article.title,
        source=article.source,
        meta=article.meta,
        where=where,
        spans=tuple(spans),
        warnings=tuple(warnings),
    )


def read_brat_pair(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record]:
    """The document ``path`` (its .txt or its .ann) names on disk."""
    if path.suffix.lower() not in (".txt", ".ann"):
        raise NotThisFormat(
            "Not a brat document: brat reads a .txt with its .ann (or a .zip of them), "
            f"not {path.suffix or 'this file'}."
        )
    txt = path.with_suffix(".txt") if path.suffix.lower() == ".ann" else path
    ann = txt.with_suffix(".ann")
    if not txt.is_file():
        raise InputError(f"No {txt.name} beside this annotation file.")
    ann_data = None
    if ann.is_file():
        if ann.stat().st_size > max_bytes:
            raise InputError(f"{ann.name} is too large ({format_size(ann.stat().st_size)}).")
        ann_data = ann.read_bytes()
    yield brat_record(read_bytes(txt, max_bytes), ann_data, ann.name)


# --- archives --------------------------------------------------------------------------


def unsafe_name(name: str) -> bool:
    """An entry name that would point outside the folder it was extracted to."""
    parts = re.split(r"[\\/]", name)
    return (
        name.startswith(("/", "\\"))
        or bool(re.match(r"^[A-Za-z]:", name))
        or ".." in parts
        or "\x00" in name
    )


def check_archive(infos: list[zipfile.ZipInfo], limit: int | None = None) -> None:
    """Refuse an archive that points outside itself or expands too far; raises InputError."""
    if len(infos) > MAX_ENTRIES:
        raise InputError(
            f"Refused: the archive holds {len(infos):,} entries (the limit is {MAX_ENTRIES:,}). Nothing was imported."
        )
    for info in infos:
        if unsafe_name(info.filename):
            raise InputError(
                f"Refused: entry {info.filename!r} points outside the archive (an absolute path or '..'). "
                "Nothing was imported."
            )
        if stat.S_ISLNK(info.external_attr >> 16):
            raise InputError(f"Refused: entry {info.filename!r} is a symbolic link. Nothing was imported.")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise InputError(
                f"Refused: entry {info.filename!r} expands {ratio:,} times ({format_size(info.file_size)}), "
                "like a zip bomb. Nothing was imported."
            )
    total = sum(info.file_size for info in infos)
    limit = limit or ARCHIVE_LIMIT
    if total > limit:
        raise InputError(
            f"Refused: the archive expands to {format_size(total)} (the limit is {format_size(limit)}). "
            "Nothing was imported."
        )


def _entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, max_bytes: int) -> bytes:
    if info.flag_bits & 0x1:
        raise InputError(f"{info.filename} is encrypted.")
    if info.file_size > max_bytes:
        raise InputError(
            f"{info.filename} is too large ({format_size(info.file_size)}; the limit is {format_size(max_bytes)})."
        )
    try:
        with zf.open(info) as fh:
            data = fh.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError) as exc:
        raise InputError(f"Cannot read {info.filename} from the archive ({exc}).") from exc
    if len(data) > info.file_size:
        raise InputError(f"{info.filename} is larger than the archive says.")
    return data


def _hidden(name: str) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in PurePosixPath(name).parts)


def read_brat_archive(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, limit: int | None = None
) -> Iterator[Record | BadRecord]:
    """Every document of a .zip of brat files, read in memory after the whole archive was checked."""
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise InputError(f"Not a valid ZIP archive ({exc}).") from exc
    except OSError as exc:
        raise InputError(f"Cannot read the file: {exc.strerror or exc}.") from exc
    with zf:
        infos = zf.infolist()
        check_archive(infos, limit)
        docs: dict[str, dict[str, zipfile.ZipInfo]] = {}
        others = 0
        for info in infos:
            if info.is_dir() or _hidden(info.filename):
                continue
            name = PurePosixPath(info.filename.replace("\\", "/"))
            suffix = name.suffix.lower()
            if suffix in (".txt", ".ann"):
                docs.setdefault(str(name.with_suffix("")), {})[suffix] = info
            elif name.name not in CONF_FILES:
                others += 1
        if not docs:
            raise NotThisFormat("No brat documents (.txt with .ann) in this archive.")
        notice = [SpanWarning(f"Ignored {plural(others, 'other file')} in the archive.")] if others else []
        for stem in sorted(docs):
            entries = docs[stem]
            txt, ann = entries.get(".txt"), entries.get(".ann")
            if txt is None:
                yield BadRecord(
                    f"No {PurePosixPath(stem).name}.txt in the archive for this annotation file.", ann.filename
                )
                continue
            try:
                if txt.file_size == 0:  # the same sentence as for an empty file in a folder
                    raise InputError("Empty file.")
                ann_data = _entry(zf, ann, max_bytes) if ann is not None else None
                ann_name = ann.filename if ann is not None else f"{stem}.ann"
                record = brat_record(_entry(zf, txt, max_bytes), ann_data, ann_name, where=txt.filename)
            except InputError as exc:
                yield BadRecord(str(exc), txt.filename)
                continue
            if notice:
                record = dataclasses.replace(record, warnings=(*notice, *record.warnings))
                notice = []
            yield record


def read_brat_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record | BadRecord]:
    """A .zip of brat documents, or the one document a .txt or .ann names."""
    if path.suffix.lower() == ".zip":
        return read_brat_archive(path, max_bytes)
    return read_brat_pair(path, max_bytes)
