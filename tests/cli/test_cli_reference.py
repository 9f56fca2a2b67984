from pathlib import Path

from click.testing import CliRunner

from annotator.cli import main
from annotator.cli.reference import markdown

CLI_MD = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_docs_cli_md_is_the_generated_reference():
    assert CLI_MD.read_text(encoding="utf-8") == markdown(), (
        "docs/cli.md is out of date: python -m annotator.cli.reference > docs/cli.md"
    )


def test_every_command_is_in_the_reference_with_its_options():
    text = CLI_MD.read_text(encoding="utf-8")
    runner = CliRunner()
    for name in main.commands:
        assert f"## annotator {name}\n" in text
        out = runner.invoke(main, [name, "--help"], terminal_width=100).output
        for line in out.splitlines():
            if line.strip().startswith("--"):
                assert line.strip().split()[0] in text, f"{name}: {line.strip()} is not in docs/cli.md"
