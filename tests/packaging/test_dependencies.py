"""Dependencies an older pip (23.x, Debian's) still installs: no extra that it would drop."""

import re
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_the_html_cleaner_trafilatura_needs_is_declared_directly():
    deps = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    names = [re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0].lower().replace("-", "_") for d in deps]
    assert "lxml_html_clean" in names
    import lxml.html.clean  # noqa: F401 - what trafilatura imports; an ImportError here is the bug


def test_html_import_works_end_to_end():
    from annotator.formats.html import extract

    record = extract(
        "<html><body><article><h1>Foshan</h1><p>" + "Foshan makes appliances. " * 20 + "</p></article></body></html>"
    )
    assert "Foshan makes appliances." in record.text
