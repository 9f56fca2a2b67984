from pathlib import Path

from annotator.formats import EXPORTERS
from annotator.formats.format_table import DETAILS, markdown_table

FORMATS_MD = Path(__file__).resolve().parents[2] / "docs" / "formats.md"


def test_formats_page_has_the_generated_table_of_export_formats():
    text = FORMATS_MD.read_text(encoding="utf-8")
    assert markdown_table() in text, (
        "docs/formats.md: the format table is out of date: python -m annotator.formats.format_table"
    )
    for name, exp in EXPORTERS.items():
        assert f"| `{name}` |" in text
        assert exp.keeps and exp.loses, f"{name} needs keeps and loses lines"
        assert name in DETAILS, f"{name} needs its offsets and readers in format_table.DETAILS"
