"""annotator backup / annotator restore: the same backups the app takes, from the command line."""

from __future__ import annotations

import re
from pathlib import Path

import click

from annotator.cli.common import Settings, corpus_path, echo, format_table
from annotator.store.backup import backup_folder, create_backup, list_backups, restore_backup


def _existing(settings: Settings) -> Path:
    path = corpus_path(settings)
    if not path.is_file():
        raise click.ClickException(f"No corpus at {path}.")
    return path


def _when(backup) -> str:
    return backup.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")


@click.command("backup")
@click.option("--list", "show", is_flag=True, help="List the backups (newest first) instead of taking one.")
@click.pass_obj
def backup_command(settings: Settings, show: bool) -> None:
    """Back up the corpus now (SQLite's backup API: safe while the app is using it).

    Backups are kept in the user data folder, the newest 10 per corpus, and are
    listed by the app under File › Restore from backup.
    """
    path = _existing(settings)
    if not show:
        made = create_backup(path)
        echo(f"Backed up {path} to {made}")
        return
    backups = list_backups(path)
    if not backups:
        echo(f"No backups of {path} yet (they go to {backup_folder(path)}).")
        return
    rows = [
        [
            i,
            _when(b),
            "?" if b.articles is None else f"{b.articles:,}",
            "?" if b.annotations is None else f"{b.annotations:,}",
            b.path.name,
        ]
        for i, b in enumerate(backups, 1)
    ]
    click.echo(format_table(["#", "Taken", "Articles", "Annotations", "File"], rows, right=[0, 2, 3]))
    click.echo()
    echo(f"In {backup_folder(path)}")


@click.command("restore")
@click.argument("backup")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def restore_command(settings: Settings, backup: str, yes: bool) -> None:
    """Replace the corpus with a backup: a number from `backup --list` (1 is the newest) or a file.

    The corpus as it is now is backed up first, so a restore can be undone by restoring that backup.
    """
    path = _existing(settings)
    if not backup.strip():
        raise click.BadParameter(
            "give a backup number from `annotator backup --list`, or a backup file.", param_hint="BACKUP"
        )
    if re.fullmatch(r"[0-9]+", backup):  # ASCII digits only: '¹' or '٣' is a file name, not a number
        backups = list_backups(path)
        index = int(backup) if len(backup) <= 18 else 0
        if not 1 <= index <= len(backups):
            raise click.ClickException(
                f"There is no backup number {backup}; `annotator backup --list` shows {len(backups)}."
            )
        chosen = backups[index - 1]
        source, label = chosen.path, f"the backup taken {_when(chosen)}"
    else:
        source = Path(backup)
        label = str(source)
    if not yes:
        click.confirm(f"Replace {path} with {label}?", abort=True, err=True)
    before = restore_backup(source, path)
    echo(f"Restored {path} from {label}. What it held before is the backup {before}")
