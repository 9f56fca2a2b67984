"""Fill the English catalogue's plural forms from the source text: "%n article(s)" -> "%n article" / "%n articles".

Run by `make translations` after lupdate; every counted string of the window is written with "(s)" or "(es)",
or "[has|have]" where the word itself changes.
"""

from __future__ import annotations

import re
import sys
from xml.etree import ElementTree as ET


def forms(source: str) -> tuple[str, str]:
    """"(s)" and "(es)" are added for many; "[one|many]" chooses between two words."""
    one = re.sub(r"\[([^|\]]*)\|[^\]]*\]", r"\1", re.sub(r"\((?:e?s)\)", "", source))
    many = re.sub(r"\[[^|\]]*\|([^\]]*)\]", r"\1", re.sub(r"\((e?s)\)", r"\1", source))
    return one, many


def main(path: str) -> None:
    tree = ET.parse(path)
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        one, many = forms(message.findtext("source") or "")
        for node in list(translation):
            translation.remove(node)
        for text in (one, many):
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    with open(path, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")


if __name__ == "__main__":
    main(sys.argv[1])
