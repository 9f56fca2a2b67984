"""annotator assign, share and merge: a team on one dataset, without a server."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.common import Settings, format_table, open_existing
from annotator.core.assign import overlaps, plan_assignments
from annotator.core.model import Status
from annotator.store.backup import create_backup
from annotator.store.merge import merge_corpus
from annotator.store.share import share_corpus


def _ids(text: str | None) -> list[int] | None:
    """'1,2,10-20' -> [1, 2, 10, ..., 20]."""
    if not text:
        return None
    out: list[int] = []
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        try:
            if "-" in part:
                lo, hi = (int(p) for p in part.split("-", 1))
                out.extend(range(lo, hi + 1))
            else:
                out.append(int(part))
        except ValueError:
            raise click.BadParameter(
                f"{part!r} is not an article id or a range like 10-20.", param_hint="--article-ids"
            ) from None
    return out


def plan_table(plan: dict[str, list[int]]) -> str:
    """Analyst, articles, and how many of them each other analyst also has."""
    names = sorted(plan)
    shared = overlaps(plan)
    rows = [[n, len(plan[n]), *[("–" if m == n else shared[n][m]) for m in names]] for n in names]
    return format_table(["Analyst", "Articles", *[f"with {m}" for m in names]], rows, right=range(1, len(names) + 2))


@click.command("assign")
@click.option("--annotators", metavar="NAMES", help="The analysts to give articles to, separated by commas.")
@click.option(
    "--per-article",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="How many analysts get each article.",
)
@click.option(
    "--status",
    "status",
    type=click.Choice([s.value for s in Status]),
    help="Only articles with this status (yours, see --annotator).",
)
@click.option("--article-ids", metavar="IDS", help="Only these articles: ids and ranges, like 1,5,10-20.")
@click.option("--seed", type=int, default=0, show_default=True, help="The same seed gives the same assignment.")
@click.option("--clear", is_flag=True, help="Take assignments away instead (of --article-ids, or all).")
@click.option("--dry-run", is_flag=True, help="Show the assignment without writing it.")
@click.option("--show", is_flag=True, help="Show the assignments as they are, and change nothing.")
@click.pass_obj
def assign_command(
    settings: Settings,
    annotators: str | None,
    per_article: int,
    status: str | None,
    article_ids: str | None,
    seed: int,
    clear: bool,
    dry_run: bool,
    show: bool,
) -> None:
    """Give articles to analysts, balanced: each chosen article goes to --per-article analysts,
    and the analysts' counts differ by at most one.

    The chosen articles lose their earlier assignments; others keep theirs. Each analyst then
    sees their articles first in the list ("My queue").

    \b
      annotator assign --annotators mei,li,wu --per-article 2 --seed 7
      annotator assign --clear
    """
    wanted = _ids(article_ids)
    with open_existing(settings) as corpus:
        if show:
            plan = corpus.team.plan()
            if not plan:
                click.echo("No article is assigned.")
                return
            click.echo(plan_table(plan))
            articles = len({i for ids in plan.values() for i in ids})
            click.echo(f"{articles:,} article{'s' if articles != 1 else ''} assigned to {len(plan)} analysts.")
            return
        if clear:
            if annotators:
                raise click.UsageError("--clear takes assignments away; it does not take --annotators.")
            if dry_run:
                raise click.UsageError("--clear cannot be a dry run.")
            gone = corpus.team.clear(wanted)
            click.echo(f"Cleared {gone:,} assignment{'s' if gone != 1 else ''}.")
            return
        if not annotators:
            raise click.UsageError("Name the analysts: --annotators mei,li,wu (or --clear).")
        names = [n.strip() for n in annotators.split(",") if n.strip()]
        ids = corpus.layers.article_ids([status]) if status else corpus.articles.ids()
        if wanted is not None:
            missing = sorted(set(wanted) - set(corpus.articles.ids()))
            if missing:
                raise click.ClickException(
                    f"No article with id {', '.join(map(str, missing[:10]))}{'…' if len(missing) > 10 else ''}."
                )
            ids = sorted(set(ids) & set(wanted))
        if not ids:
            raise click.ClickException("No article matches; nothing was assigned.")
        try:
            plan = plan_assignments(ids, names, per_article, seed)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
        earlier = len({i for given in corpus.team.plan().values() for i in given} & set(ids))
        if not dry_run:
            corpus.team.assign(plan)
    click.echo(plan_table(plan))
    if earlier:
        click.echo(f"{earlier:,} of these articles {'would lose' if dry_run else 'lost'} their earlier assignments.")
    verb = "Would give" if dry_run else "Gave"
    click.echo(
        f"{verb} {len(ids):,} article{'s' if len(ids) != 1 else ''} to {per_article} of {len(names)} analysts each "
        f"(seed {seed})."
    )


@click.command("share")
@click.option("--annotator", "for_", required=True, metavar="NAME", help="The analyst the file is for.")
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The corpus file to write (must not exist).",
)
@click.pass_obj
def share_command(settings: Settings, for_: str, out: Path) -> None:
    """Write a corpus file for one analyst: the articles assigned to them (every article when none
    is), with the label set, the assignments and the blind-mode setting. They open it with
    Annotator, work offline, and their file is merged back with annotator merge."""
    with open_existing(settings) as corpus:
        report = share_corpus(corpus, for_, out)
    click.echo(report.summary())


@click.command("merge")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--as",
    "rename",
    metavar="NAME",
    help="Rename the incoming analyst (the one the file was shared for) to NAME; or OLD=NEW.",
)
@click.pass_obj
def merge_command(settings: Settings, files: tuple[Path, ...], rename: str | None) -> None:
    """Bring other corpus files' work into this corpus.

    Articles are matched by their text, labels by tag. Each analyst's layer of an article (their
    annotations, notes, review marks and status) comes across whole; a layer both files have is
    replaced only by a newer one, and another analyst's layer is never touched. Merging the same
    file twice changes nothing. A backup of this corpus is taken first (annotator restore brings
    it back). A file that is not a corpus, is damaged or is newer is refused and left untouched;
    the exit status is 1 when a file was refused.
    """
    with open_existing(settings) as corpus:
        path = corpus.path

        def backup() -> str | None:
            return str(create_backup(corpus.db.conn, path)) if path is not None else None

        try:
            if sys.stderr.isatty():
                with click.progressbar(length=1, label="Merging", file=sys.stderr) as bar:

                    def progress(done: int, total: int) -> None:
                        bar.length = total
                        bar.update(done - bar.pos)

                    report = merge_corpus(corpus, files, rename=rename, backup=backup, progress=progress)
            else:
                report = merge_corpus(corpus, files, rename=rename, backup=backup)
        except KeyboardInterrupt:
            click.echo(
                "Interrupted: the articles merged so far stay merged; the backup taken first restores all.", err=True
            )
            sys.exit(130)
    for file, why in report.refused:
        click.echo(f"Refused {file}: {why}", err=True)
    for line in report.lines():
        click.echo(line)
    click.echo(report.summary())
    if not report.ok:
        sys.exit(1)
