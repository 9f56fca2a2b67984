"""The `annotator` command: with no command it starts the desktop interface."""

from __future__ import annotations

from pathlib import Path

import click

from annotator import __version__
from annotator.cli.agreement_cmd import adjudicate_command, agreement_command
from annotator.cli.backup_cmd import backup_command, restore_command
from annotator.cli.common import ID, AnnotatorGroup, Settings
from annotator.cli.export_cmd import export_command
from annotator.cli.import_cmd import import_command
from annotator.cli.review_cmd import review_command
from annotator.cli.search_cmd import search_command
from annotator.cli.stats_cmd import stats_command
from annotator.cli.suggest_cmd import preannotate_command, train_command
from annotator.cli.team_cmd import assign_command, merge_command, share_command
from annotator.core.log import configure as configure_log
from annotator.formats.sample import log_folder


def start_gui(db: Path | None, article_id: int | None, annotator: str | None) -> int:
    try:
        from annotator.ui.app import run_gui  # Qt is loaded only here
    except ImportError as exc:
        raise click.ClickException(
            f"The desktop interface cannot start ({exc}). The commands work without it: annotator --help."
        ) from exc
    return run_gui(db, article_id, annotator)


@click.group(cls=AnnotatorGroup, invoke_without_command=True)
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    help="Corpus file to use (default: corpus.db in the user's data folder).",
)
@click.option("--annotator", "annotator_name", metavar="NAME", help="Who is annotating (default: the system user).")
@click.option("--article", "article_id", type=ID, metavar="ID", help="Open this article (desktop interface only).")
@click.option(
    "--verbose", "-v", is_flag=True, help="Also print the log (kept in annotator.log in the user data folder)."
)
@click.version_option(__version__, prog_name="annotator")
@click.pass_context
def main(
    ctx: click.Context, db: Path | None, annotator_name: str | None, article_id: int | None, verbose: bool
) -> None:
    """Label spans in news articles, kept in a local SQLite corpus.

    Run without a command to open the desktop interface.
    """
    configure_log(log_folder(), verbose=verbose)
    ctx.obj = Settings(db=db, annotator=annotator_name)
    if ctx.invoked_subcommand is None:
        ctx.exit(start_gui(db, article_id, annotator_name))
    if article_id is not None:
        raise click.UsageError("--article applies only when opening the desktop interface (no command).")


main.add_command(import_command)
main.add_command(export_command)
main.add_command(stats_command)
main.add_command(search_command)
main.add_command(review_command)
main.add_command(backup_command)
main.add_command(restore_command)
main.add_command(train_command)
main.add_command(preannotate_command)
main.add_command(assign_command)
main.add_command(share_command)
main.add_command(merge_command)
main.add_command(agreement_command)
main.add_command(adjudicate_command)
