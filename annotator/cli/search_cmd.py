"""annotator search: full-text search over the corpus, each match shown in context with its labels."""

from __future__ import annotations

import logging
import sqlite3

import click

from annotator.cli.common import COUNT, Settings, echo, format_table, open_existing
from annotator.store import Corpus
from annotator.store.search import Hit, catch_up, plain_words, search, unindexed_count

log = logging.getLogger(__name__)

_PAGE = 100  # articles read per search call


def label_tag(corpus: Corpus, tag: str | None) -> str | None:
    """The label tag as stored (tags match in any case); an unknown tag is a user error."""
    if tag is None:
        return None
    tags = [label.tag for label in corpus.labels.list()]
    for known in tags:
        if known.lower() == tag.lower():
            return known
    raise click.ClickException(f"No label with tag {tag!r}. Tags: {', '.join(tags)}.")


def flat(text: str) -> str:
    return text.replace("\n", " ")


def context(hit: Hit) -> str:
    before, after = hit.in_context.sides()
    return flat(before) + "[" + flat(hit.text) + "]" + flat(after)


def _matches(corpus: Corpus, query: str, tag: str | None, limit: int) -> tuple[list[list[object]], bool, str | None]:
    """Rows (article, offsets, labels, context) for up to ``limit`` matches, whether there are more, the query note."""
    tags = {label.id: label.tag for label in corpus.labels.list()}
    rows: list[list[object]] = []
    after = 0
    while True:
        page = search(corpus.db, query, limit=_PAGE, after=after, max_hits=limit + 1, context=30)
        for result in page.results:
            spans = [(a.start, a.end, tags[a.label_id]) for a in corpus.annotations.for_article(result.article_id)]
            for hit in result.hits:
                covering = list(dict.fromkeys(t for s, e, t in spans if s <= hit.start and hit.end <= e))
                if tag is not None and tag not in covering:
                    continue
                if len(rows) == limit:
                    return rows, True, page.message
                rows.append([result.article_id, f"{hit.start}-{hit.end}", ",".join(covering) or "-", context(hit)])
        if page.resume_after is None:
            return rows, False, page.message
        after = page.resume_after


@click.command("search")
@click.argument("query")
@click.option("--label", "tag", metavar="TAG", help="Only matches inside annotations with this label tag.")
@click.option("--limit", default=50, show_default=True, type=COUNT, help="Show at most this many matches.")
@click.pass_obj
def search_command(settings: Settings, query: str, tag: str | None, limit: int) -> None:
    """Find QUERY in the articles; show each match in context with the labels that cover it.

    \b
    Words match whole words in any case; Chinese matches inside longer runs of characters.
      Foshan port        both words
      "Greater Bay Area" the phrase
      Guang*             words starting with Guang
      Foshan OR Jiangmen, Foshan NOT Midea, ( ) to group
    """
    if not plain_words(query):
        raise click.BadParameter("give a word to search for.", param_hint="QUERY")
    with open_existing(settings) as corpus:
        pending = unindexed_count(corpus.db)
        if pending > 100:
            click.echo(f"Indexing {pending:,} new articles for search (once)…", err=True)
            try:
                catch_up(corpus.db)
            except sqlite3.OperationalError as exc:  # read-only or busy: unindexed articles are read directly
                log.info("The search index could not catch up: %s", exc)
        rows, more, note = _matches(corpus, query, label_tag(corpus, tag), limit)
    if note:
        echo(note, err=True)
    if rows:
        click.echo(format_table(["Article", "Offsets", "Label", "Context"], rows, right=[0]))
    click.echo(f"{len(rows)} match{'es' if len(rows) != 1 else ''}."
               + (" More not shown; raise --limit to see them." if more else ""), err=True)
