"""How a label's name and tag relate when labels come from other tools' files, and go back to them.

A label keeps the name the file gives, in any script; its tag (letters, digits, ``_ - .``)
is derived from it. Formats that carry names (doccano, Label Studio, brat) get the source
name back when the tag was only derived from it, so a Chinese label set survives
doccano -> Annotator -> doccano.
"""

from __future__ import annotations

import re
import unicodedata

from annotator.core.model import Label
from annotator.store.labels import make_tag

TAG = re.compile(r"^[A-Za-z0-9_\-.]+$")


def derive_tag(given: str) -> str:
    """The tag a label named ``given`` gets: itself when it is one, else its letters in ASCII
    ('Stadt_Ä' -> 'STADT_A', 'Policy term' -> 'POLICY_TERM'); '' when nothing is left ('人名')."""
    given = given.strip()
    if TAG.match(given):
        return given
    ascii_form = unicodedata.normalize("NFKD", given).encode("ascii", "ignore").decode("ascii")
    return make_tag(ascii_form)


_NUMBERED = re.compile(r"^LABEL_\d+$")


def export_name(label: Label) -> str:
    """The label as a format that carries names writes it (doccano, Label Studio, brat).

    Its tag, except for a label named in another script whose tag was only derived from
    that name ('人名' with tag LABEL_4, 'Stadt_Ä' with STADT_A): the name the source file gave
    is written back, so a Chinese label set survives doccano -> Annotator -> doccano.
    """
    name = label.name.strip()
    if name.isascii():
        return label.tag
    derived = derive_tag(name)
    if _NUMBERED.match(label.tag) or (derived and re.fullmatch(re.escape(derived) + r"(_\d+)?", label.tag)):
        return name
    return label.tag


def export_names(labels: list[Label], *, spaces: bool = True) -> dict[str, str]:
    """Tag -> the label as a format writes it.

    ``spaces=False``: a name with white space keeps its tag, as brat's type names need."""
    out = {}
    for label in labels:
        name = export_name(label)
        out[label.tag] = name if spaces or not any(ch.isspace() for ch in name) else label.tag
    return out
