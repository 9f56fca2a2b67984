from pathlib import Path

from annotator.formats import EXPORTERS
from annotator.formats.format_table import DETAILS, markdown_table

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_has_the_generated_table_of_export_formats():
    text = README.read_text(encoding="utf-8")
    assert markdown_table() in text, "README's format table is out of date: python -m annotator.formats.format_table"
    for name, exp in EXPORTERS.items():
        assert f"| `{name}` |" in text
        assert exp.keeps and exp.loses, f"{name} needs keeps and loses lines"
        assert name in DETAILS, f"{name} needs its offsets and readers in format_table.DETAILS"
