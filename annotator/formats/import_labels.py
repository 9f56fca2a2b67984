"""The labels of imported spans: found in the corpus's label set, or created as the import goes.

A label a file names is looked up by tag, then by name, then loosely ("Policy term",
"policy_term" and "POLICY_TERM" are one label). A missing one is created with a
name derived from the tag, a colour unlike the colours already in use, and no hotkey.
Labels are created inside the caller's transaction: ``commit()`` once it is committed,
``rollback()`` when it is not, so the resolver never remembers a label that was undone.
"""

from __future__ import annotations

import colorsys
import re

from annotator.core.model import Label
from annotator.formats.label_names import TAG as _TAG
from annotator.formats.label_names import derive_tag
from annotator.store import CorpusError
from annotator.store.health import data_version
from annotator.store.labels import LabelRepository, make_tag

# Mid-tone colours a span background can carry under dark text, far from one another.
PALETTE = (
    "#c0392b",  # red
    "#8e44ad",  # purple
    "#16a085",  # teal
    "#d4ac0d",  # mustard
    "#e84393",  # pink
    "#8d6e63",  # brown
    "#0fb9b1",  # turquoise
    "#6ab04c",  # leaf green
    "#5f27cd",  # indigo
    "#ff7f50",  # coral
    "#7f8c8d",  # grey
    "#b33771",  # plum
)
_NEAR = 80  # RGB distance under which two colours read as the same


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _distance(a: str, b: str) -> float:
    return sum((x - y) ** 2 for x, y in zip(_rgb(a), _rgb(b), strict=True)) ** 0.5


def _grid() -> list[str]:
    out = []
    for hue in range(0, 360, 6):
        for sat, val in ((0.55, 0.85), (0.75, 0.7), (0.4, 0.95), (0.8, 0.55)):
            r, g, b = colorsys.hsv_to_rgb(hue / 360, sat, val)
            out.append(f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}")
    return out


_GRID = _grid()


def distinct_colour(used: list[str]) -> str:
    """A colour not close to any of ``used``: from the palette first, then the farthest mid-tone from all of them."""
    used = [c.lower() for c in used if re.fullmatch(r"#[0-9a-fA-F]{6}", c or "")]
    for colour in PALETTE:
        if all(_distance(colour, other) >= _NEAR for other in used):
            return colour
    return max(_GRID, key=lambda colour: min(_distance(colour, other) for other in used))


def name_from_tag(tag: str) -> str:
    """The name a new label gets: 'POLICY_TERM' -> 'Policy term', 'GPE' -> 'GPE', 'Place' -> 'Place'."""
    if not _TAG.match(tag) or tag != tag.upper() or not any(ch.isalpha() for ch in tag):
        return tag  # already written for people ("Policy term", "地点", "Location")
    words = [w for w in re.split(r"[_\-.]+", tag) if w]
    if len(words) == 1 and len(words[0]) <= 3:
        return words[0]
    return " ".join(words).capitalize()


def _fold(text: str) -> str:
    return make_tag(text).lower() or text.strip().casefold()


class LabelResolver:
    """Label ids for the label names and tags an import meets.

    A name or tag is matched exactly (tag, then name) against every label; loosely ("policy
    term" = "POLICY_TERM") only against the labels the corpus had before this import, so two
    labels a file tells apart ("LOC" and "loc", "Stadt_Ä" and "Stadt_Ö") stay two. ``begin()``
    inside each write transaction re-reads the label set when another program changed it, so
    two imports creating the same new label at once both find it.
    """

    def __init__(self, labels: LabelRepository) -> None:
        self.repo = labels
        self._labels = labels.list()
        self._version: int | None = None
        self._found: dict[tuple[str, bool], Label] = {}
        self._pending: list[Label] = []
        self.created: list[Label] = []  # labels this import created, committed
        self.notices: list[str] = []  # tag clashes to report, taken by the caller

    def begin(self) -> None:
        """Call inside the write transaction, before resolving: catch up with labels another program changed."""
        version = data_version(self.repo.db.conn)
        if version != self._version:
            mine = {lab.id for lab in self.created}
            self._labels = self.repo.list()
            self.created = [lab for lab in self._labels if lab.id in mine]
            self._found = {}
        self._version = version

    def resolve(self, given: str, *, exact: bool = False) -> Label:
        """The label ``given`` names, created when missing. Raises CorpusError when it cannot be created.

        ``exact``: ``given`` is a tag as Annotator exports it, matched exactly (so "loc" and
        "LOC" stay two labels); otherwise tags and names are matched loosely.
        """
        key = (given, exact)
        label = self._found.get(key) or self._lookup(given, exact)
        if label is None:
            label = self._create(given)
        self._found[key] = label
        return label

    def _lookup(self, given: str, exact: bool) -> Label | None:
        labels = self._labels + self._pending
        stripped = " ".join(given.split())
        if exact and _TAG.match(stripped):
            return next((lab for lab in labels if lab.tag == stripped), None)
        for match in (lambda lab: lab.tag == stripped, lambda lab: lab.name == stripped):
            found = next((lab for lab in labels if match(lab)), None)
            if found is not None:
                return found
        new = {lab.id for lab in self.created} | {lab.id for lab in self._pending}
        older = [lab for lab in self._labels if lab.id not in new]
        for match in (
            lambda lab: lab.tag.lower() == stripped.lower() or _fold(lab.tag) == _fold(stripped),
            lambda lab: _fold(lab.name) == _fold(stripped),
        ):
            found = next((lab for lab in older if match(lab)), None)
            if found is not None:
                return found
        return None

    def _create(self, given: str) -> Label:
        given = " ".join(given.split())
        if not given:
            raise CorpusError("The span has no label.")
        labels = self._labels + self._pending
        by_tag = {lab.tag: lab for lab in labels}
        names = {lab.name for lab in labels}
        base = derive_tag(given)
        tag = base
        if not tag:
            n = len(labels) + 1
            while f"LABEL_{n}" in by_tag:
                n += 1
            tag = f"LABEL_{n}"
        elif tag in by_tag:
            n = 2
            while f"{base}_{n}" in by_tag:
                n += 1
            tag = f"{base}_{n}"
            self.notices.append(
                f"Label {given!r} gets the tag {tag}: {base} is already the tag of label {by_tag[base].name!r}."
            )
        name = name_from_tag(given)
        if name in names:
            name = f"{name} ({tag})"
        colour = distinct_colour([lab.colour for lab in labels])
        label = self.repo.add(Label(None, name, tag, colour, None))
        self._pending.append(label)
        return label

    def commit(self) -> list[Label]:
        """The labels created since the last commit, now kept."""
        new, self._pending = self._pending, []
        self._labels.extend(new)
        self.created.extend(new)
        return new

    def rollback(self) -> None:
        """Forget the labels created since the last commit: their transaction was rolled back."""
        gone = {lab.id for lab in self._pending}
        self._pending = []
        self._found = {k: v for k, v in self._found.items() if v.id not in gone}
        self.notices = []
