"""annotator stats: what the corpus holds."""

from __future__ import annotations

import json

import click

from annotator.cli.common import Settings, corpus_path, echo, format_table, open_existing
from annotator.core.model import Status


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_obj
def stats_command(settings: Settings, as_json: bool) -> None:
    """Articles by your status (each analyst has their own; see --annotator), annotations by label
    and by annotator, and each analyst's progress: articles assigned, in progress and done."""
    with open_existing(settings) as corpus:
        stats = corpus.stats()
    if as_json:
        click.echo(json.dumps(stats, indent=2, ensure_ascii=False))
        return
    rows: list[list[object]] = [["Articles", stats["articles"]]]
    rows += [[f"  {Status(s).display}", n] for s, n in stats["articles_by_status"].items()]
    rows[0][0] = f"Articles (status for {stats['annotator']})"
    rows += [["", ""], ["Annotations", stats["annotations"]]]
    rows += [[f"  {r['label']} ({r['tag']})", r["count"]] for r in stats["annotations_by_label"]]
    if stats["annotations_by_annotator"]:
        rows += [["", ""], ["Annotators", len(stats["annotations_by_annotator"])]]
        rows += [[f"  {name}", n] for name, n in stats["annotations_by_annotator"].items()]
    echo(f"Corpus: {corpus_path(settings)}{' (blind mode)' if stats['blind'] else ''}")
    click.echo()
    click.echo(format_table(None, rows, right=[1]))
    if stats["progress"]:
        headers = ["Analyst", "Assigned", "New", "In progress", "Done", "Annotations"]
        progress = [
            [p["annotator"], p["assigned"] or "–", p["new"] if p["assigned"] else "–", p["in_progress"], p["done"],
             p["annotations"]]
            for p in stats["progress"]
        ]
        click.echo("\nProgress\n" + format_table(headers, progress, right=[1, 2, 3, 4, 5]))
