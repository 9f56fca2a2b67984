"""annotator search / review: find text and look back over labels already given."""

from __future__ import annotations

import click

from annotator.cli.common import Settings, clip, format_table, open_existing
from annotator.cli.queries import review, search
from annotator.store import Corpus


def _tag(corpus: Corpus, tag: str | None) -> str | None:
    """The label tag as stored (tags match in any case); an unknown tag is a user error."""
    if tag is None:
        return None
    tags = [label.tag for label in corpus.labels.list()]
    for known in tags:
        if known.lower() == tag.lower():
            return known
    raise click.ClickException(f"No label with tag {tag!r}. Tags: {', '.join(tags)}.")


def _flat(text: str) -> str:
    return text.replace("\n", " ")


@click.command("search")
@click.argument("query")
@click.option("--label", "tag", metavar="TAG", help="Only matches inside annotations with this label tag.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1), help="Show at most this many matches.")
@click.pass_obj
def search_command(settings: Settings, query: str, tag: str | None, limit: int) -> None:
    """Find QUERY in article texts; show where, in context, and how it is labelled.

    Letters A-Z match in either case.
    """
    if not query.strip():
        raise click.BadParameter("give some text to search for.", param_hint="QUERY")
    with open_existing(settings) as corpus:
        matches, more = search(corpus, query, tag=_tag(corpus, tag), limit=limit)
    rows = [
        [m.article_id, f"{m.start}-{m.end}", ",".join(m.tags) or "-",
         ("…" if m.more_before else "") + _flat(m.before) + "[" + _flat(m.text) + "]" + _flat(m.after)
         + ("…" if m.more_after else "")]
        for m in matches
    ]
    if rows:
        click.echo(format_table(["Article", "Offsets", "Label", "Context"], rows, right=[0]))
    click.echo(f"{len(matches)} match{'es' if len(matches) != 1 else ''}."
               + (" More not shown; raise --limit to see them." if more else ""), err=True)


@click.command("review")
@click.option("--annotator", help="Only annotations by this annotator.")
@click.option("--label", "tag", metavar="TAG", help="Only annotations with this label tag.")
@click.option("--article", "article_id", type=int, help="Only annotations of this article.")
@click.pass_obj
def review_command(settings: Settings, annotator: str | None, tag: str | None, article_id: int | None) -> None:
    """List annotations for review: article, span, label, text, annotator and note."""
    with open_existing(settings) as corpus:
        if article_id is not None and not corpus.articles.exists(article_id):
            raise click.ClickException(f"No article with id {article_id}.")
        rows = review(corpus, annotator=annotator, tag=_tag(corpus, tag), article_id=article_id)
    table = [
        [r.article_id, clip(r.title, 30), f"{r.start}-{r.end}", r.tag, clip(r.text, 40), r.annotator, clip(r.note or "", 40)]
        for r in rows
    ]
    if table:
        click.echo(format_table(["Article", "Title", "Offsets", "Label", "Text", "Annotator", "Note"], table, right=[0]))
    click.echo(f"{len(rows)} annotation{'s' if len(rows) != 1 else ''}.", err=True)
