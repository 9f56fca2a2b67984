"""News-shaped plain text: section line, headline, body, then trailer lines.

    Greater Bay Area            <- section (short, one line)

    Huang Kunming went to ...   <- headline -> title

    On February 2, ...          <- body

    Edit:Hou Wenzhe Responsible editor:WeiZe
    Source:south cn

The shape counts only when trailer lines (``Edit:``, ``Responsible editor:``,
``Source:``, or their Chinese forms) close the file: a section line alone is too
weak a sign, since any plain text may start with a short line. Nothing is cut
from the text; the parts found only fill the title and the metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotator.formats.base import first_line_title

_KEYS = {
    "responsible editor": "editors",
    "edited by": "editors",
    "editors": "editors",
    "editor": "editors",
    "edit": "editors",
    "sources": "source",
    "source": "source",
    "责任编辑": "editors",
    "编辑": "editors",
    "来源": "source",
    "責任編輯": "editors",
    "編輯": "editors",
    "來源": "source",
}
_KEY = re.compile(
    r"(?<![^\W\d_])(" + "|".join(sorted(map(re.escape, _KEYS), key=len, reverse=True)) + r")\s*[:：]\s*",
    re.IGNORECASE,
)
_EDITORS_SEPARATOR = re.compile(r"\s*[,;/、，；]\s*")
_TRAILER_ZONE = 8  # trailers are looked for among the last non-empty lines only
_SECTION_MAX_CHARS = 40
_SECTION_MAX_WORDS = 5
_HEADLINE_MAX_CHARS = 300
_SENTENCE_END = tuple(".!?。！？:：,，;；")


@dataclass(frozen=True, slots=True)
class NewsParts:
    title: str
    section: str | None = None
    source: str | None = None
    editors: list[str] = field(default_factory=list)

    @property
    def meta(self) -> dict:
        meta: dict = {}
        if self.section:
            meta["section"] = self.section
        if self.source:
            meta["source"] = self.source
        if self.editors:
            meta["editors"] = list(self.editors)
        return meta


def _paragraphs(lines: list[str], most: int | None = None) -> list[tuple[int, list[str]]]:
    """(index of first line, stripped lines) for each run of non-blank lines; with ``most``, the
    first ``most`` of them only, the last one its first line only (enough to know it is there)."""
    paras: list[tuple[int, list[str]]] = []
    current: list[str] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped:
            if not current:
                paras.append((i, current))
                if most is not None and len(paras) == most:
                    current.append(stripped)
                    break
            current.append(stripped)
        else:
            current = []
    return paras


def parse_trailer(line: str) -> list[tuple[str, str]] | None:
    """``[(field, value), ...]`` when ``line`` is a trailer line, else None."""
    if ":" not in line and "：" not in line:  # most lines: no colon, so no key ends there
        return None
    if len(line) > 200 and not (line[0].isspace() or line[-1].isspace()):  # too long, stripped or not
        return None
    line = line.strip()
    if len(line) > 200 or _KEY.match(line) is None:  # the others: one failed match at the start
        return None
    matches = list(_KEY.finditer(line))
    pairs = []
    for m, following in zip(matches, [*matches[1:], None], strict=True):
        value = line[m.end() : following.start() if following else len(line)].strip()
        if value:
            pairs.append((_KEYS[m.group(1).lower()], value))
    return pairs


def _is_section(lines: list[str]) -> bool:
    line = lines[0]
    return (
        len(lines) == 1
        and len(line) <= _SECTION_MAX_CHARS
        and len(line.split()) <= _SECTION_MAX_WORDS
        and not line.endswith(_SENTENCE_END)
        and parse_trailer(line) is None
    )


def _is_headline(lines: list[str]) -> bool:
    return len(lines) == 1 and len(lines[0]) <= _HEADLINE_MAX_CHARS and parse_trailer(lines[0]) is None


def parse_news(text: str) -> NewsParts:
    """Title and metadata of LF-normalised ``text``; plain text gets its first line as title."""
    lines = text.split("\n")
    nonblank: list[int] = []  # the last _TRAILER_ZONE non-empty lines, found from the end
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip():
            nonblank.append(i)
            if len(nonblank) == _TRAILER_ZONE:
                break
    nonblank.reverse()
    trailer_lines: list[int] = []
    source: str | None = None
    editors: list[str] = []
    for i in nonblank:
        pairs = parse_trailer(lines[i])
        if not pairs:
            continue
        trailer_lines.append(i)
        for name, value in pairs:
            if name == "source":
                source = source or value
            else:
                for editor in _EDITORS_SEPARATOR.split(value):
                    if editor and editor not in editors:
                        editors.append(editor)
    if not trailer_lines:
        return NewsParts(title=first_line_title(text))
    first_trailer = trailer_lines[0]
    before = _paragraphs(lines[:first_trailer], most=3)  # a section and a headline, and a body after them
    if len(before) >= 3 and _is_section(before[0][1]) and _is_headline(before[1][1]):
        return NewsParts(first_line_title(before[1][1][0]), before[0][1][0], source, editors)
    return NewsParts(title=first_line_title(text), source=source, editors=editors)
