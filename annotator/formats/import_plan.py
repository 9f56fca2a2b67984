"""Which files an import visits: folders walked, and brat's .txt and .ann paired.

Folders are searched recursively in sorted order, hidden files and folders left out.
A link inside a folder is followed only to a file inside that same folder: a link out of
it (to a system file, say), to a folder, to nothing or to itself, and anything that is not
a regular file (a pipe, a device) is reported with the reason, never read and never
silently dropped. A file named on its own is read wherever a link to it points.
A .txt with an .ann beside it (or such an .ann) is one brat document, named once by
its .txt; brat's configuration files in a folder of such pairs are not articles, nor
is the tag list a Hugging Face export writes beside its .jsonl.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.formats.import_brat import CONF_FILES


@dataclass(frozen=True, slots=True)
class Source:
    path: Path
    explicit: bool  # named by the user, not found inside a folder
    problem: str | None = None
    brat: bool = False  # a brat document: this .txt (or .ann) with its pair beside it


def _walk(folder: Path, listed: dict[Path, set[str]]) -> Iterator[tuple[Path, os.DirEntry]]:
    """Entries under ``folder``, recursively, in sorted order (a folder's files, then each subfolder's),
    hidden files and folders left out. Links to folders are listed (to be reported), not descended
    into. ``listed`` gets every name of each folder read (hidden ones too), so that looking for a
    file beside another needs no system call. The entries come from ``os.scandir``: whether each is a
    link, a file or a folder is known from the listing, without a stat per file."""
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError:  # unreadable: left out, as os.walk leaves it
        return
    listed[folder] = {entry.name for entry in entries}
    files, dirs = [], []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir() and not entry.is_symlink()
        except OSError:
            is_dir = False
        (dirs if is_dir else files).append(entry)
    for entry in sorted(files, key=lambda e: e.name):
        yield Path(folder, entry.name), entry
    for entry in sorted(dirs, key=lambda e: e.name):
        yield from _walk(Path(folder, entry.name), listed)


def _inside(path: Path, entry: os.DirEntry, folder: Path) -> Source:
    """What a folder walk makes of one entry: a file to read, or a problem to report."""
    if entry.is_symlink():
        try:
            target = path.resolve(strict=True)
        except RuntimeError:
            return Source(path, False, "A link that loops back to itself; not followed.")
        except OSError:
            return Source(path, False, f"A link to nothing ({os.readlink(path)} does not exist); not followed.")
        if target.is_dir():
            return Source(path, False, "A link to a folder; links to folders are not followed.")
        if not target.is_relative_to(folder.resolve()):
            return Source(
                path, False,
                f"A link to {target}, outside the folder being imported; not followed. "
                "Name that file itself to import it.",
            )
        if not path.is_file():
            return Source(path, False, "Not a regular file (a pipe, socket or device); not read.")
        return Source(path, False)
    try:
        regular = entry.is_file()
    except OSError:
        regular = False
    if not regular:
        return Source(path, False, "Not a regular file (a pipe, socket or device); not read.")
    return Source(path, False)


def plan_sources(paths: Iterable[Path | str], *, pair_brat: bool = True) -> list[Source]:
    """Every file a batch will visit, folders expanded, in order.

    With ``pair_brat`` a .txt and the .ann beside it are one brat source (the .txt), and
    brat's configuration files in a folder of such pairs are left out.
    """
    plan: list[Source] = []
    listed: dict[Path, set[str]] = {}
    for path in map(Path, paths):
        if path.is_dir():
            found = [_inside(p, entry, path) for p, entry in _walk(path, listed)]
            files = _without_label_lists([source.path for source in found if source.problem is None])
            kept = set(_without_brat_conf(files) if pair_brat else files)
            plan.extend(source for source in found if source.problem is not None or source.path in kept)
        elif path.is_file():
            plan.append(Source(path, True))
        elif path.exists():
            plan.append(Source(path, True, "Not a regular file."))
        else:
            plan.append(Source(path, True, "No such file or folder."))
    return _pair(plan, listed) if pair_brat else plan


def _without_label_lists(files: list[Path]) -> list[Path]:
    """A folder walk without the tag lists of Hugging Face exports (``corpus.labels.json`` beside
    ``corpus.jsonl``, ``labels.json`` beside any .jsonl): they name tags, they hold no articles."""
    found = set(files)
    jsonl_dirs = {p.parent for p in files if p.suffix.lower() == ".jsonl"}

    def label_list(p: Path) -> bool:
        if p.name == "labels.json":
            return p.parent in jsonl_dirs
        if not p.name.endswith(".labels.json"):
            return False
        stem = p.name[: -len(".labels.json")]
        return any(q.parent == p.parent and q.name.startswith(stem + ".") and q.suffix == ".jsonl" for q in found)

    return [p for p in files if not label_list(p)]


def _without_brat_conf(files: list[Path]) -> list[Path]:
    """Files of a folder walk without the brat configuration files of folders that hold brat pairs."""
    found = set(files)
    brat_dirs = {p.parent for p in files if p.suffix.lower() == ".ann" and p.with_suffix(".txt") in found}
    return [p for p in files if not (p.name in CONF_FILES and p.parent in brat_dirs)]


def _pair(plan: list[Source], listed: dict[Path, set[str]]) -> list[Source]:
    """A .txt with an .ann beside it (or such an .ann) becomes one brat source, named once.
    (``listed``: the names in each folder walked, where an .ann that is not there is not looked for.)"""
    out: list[Source] = []
    seen: set[Path] = set()
    for source in plan:
        path = source.path
        suffix = path.suffix.lower()
        if source.problem is None and suffix in (".txt", ".ann") and _beside(path.with_suffix(".ann"), listed):
            txt = path.with_suffix(".txt")
            doc = txt if txt.is_file() else path
            if doc.resolve() not in seen:
                seen.add(doc.resolve())
                out.append(Source(doc, source.explicit, brat=True))
            continue
        out.append(source)
    return out


def _beside(path: Path, listed: dict[Path, set[str]]) -> bool:
    """``path`` is a file; looked up in the folder's listing first, when that folder was walked."""
    names = listed.get(path.parent)
    if names is not None and path.name not in names:
        return False
    return path.is_file()
