"""docs/cli.md, generated from the click commands so the reference never disagrees with ``--help``.

    python -m annotator.cli.reference > docs/cli.md
"""

from __future__ import annotations

import click


def _help(command: click.Command, path: list[str], parent: click.Context | None) -> str:
    ctx = click.Context(command, info_name=path[-1], parent=parent, terminal_width=100, max_content_width=100)
    return command.get_help(ctx)


def markdown() -> str:
    from annotator.cli import main

    root = click.Context(main, info_name="annotator", terminal_width=100, max_content_width=100)
    parts = [
        "# Command-line reference",
        "",
        "Generated from the commands themselves (`python -m annotator.cli.reference > docs/cli.md`);",
        "a test fails when this page and `annotator COMMAND --help` disagree. The command line speaks English.",
        "",
        "## annotator",
        "",
        "```",
        main.get_help(root),
        "```",
    ]
    for name in sorted(main.list_commands(root)):
        command = main.get_command(root, name)
        if command is None or command.hidden:
            continue
        parts += ["", f"## annotator {name}", "", "```", _help(command, ["annotator", name], root), "```"]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(markdown(), end="")
