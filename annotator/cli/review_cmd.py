"""annotator review: the annotations, the texts labelled inconsistently, the mentions left unlabelled."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime

import click

from annotator.cli.common import Settings, format_table, open_existing
from annotator.cli.queries import review
from annotator.cli.search_cmd import flat, label_tag
from annotator.core.text import InContext, plural, shorten
from annotator.store import Corpus
from annotator.store.consistency import CONTEXT, conflicts, missed_mentions


def _around(start: int, before: str, text: str, after: str, width: int = 30) -> str:
    """``…left [text] right…`` on one line, the context cut at ``width`` characters each side."""
    left, right = InContext.around(start, before, text, after, CONTEXT).narrowed(width).sides()
    return flat(left) + "[" + flat(text) + "]" + flat(right)


def _reviewed(by: str | None, at: str | None) -> str:
    """Who reviewed an annotation and on which day (local time), or nothing."""
    if not at:
        return ""
    try:
        day = datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d")
    except ValueError:
        day = at[:10]
    return f"{by or '?'} {day}"


def _echo_json(data: object) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _list(corpus: Corpus, annotator: str | None, tag: str | None, article_id: int | None, as_json: bool) -> None:
    rows = review(corpus, annotator=annotator, tag=tag, article_id=article_id)
    if as_json:
        _echo_json([asdict(r) for r in rows])
        return
    table = [
        [r.article_id, shorten(r.title, 30), f"{r.start}-{r.end}", r.tag, shorten(r.text, 40), r.annotator, shorten(r.note or "", 40),
         _reviewed(r.reviewed_by, r.reviewed_at)]
        for r in rows
    ]
    if table:
        click.echo(format_table(["Article", "Title", "Offsets", "Label", "Text", "Annotator", "Note", "Reviewed"], table,
                                right=[0]))
    click.echo(f"{plural(len(rows), 'annotation')}.", err=True)


def _conflicts(corpus: Corpus, tag: str | None, as_json: bool) -> None:
    labels = {label.id: label for label in corpus.labels.list()}
    groups = [g for g in conflicts(corpus) if tag is None or any(labels[c.label_id].tag == tag for c in g.labels)]
    if as_json:
        _echo_json([
            {"text": g.text, "key": g.key, "total": g.total, "variants": list(g.variants),
             "labels": [{"label": labels[c.label_id].name, "tag": labels[c.label_id].tag, "count": c.count} for c in g.labels]}
            for g in groups
        ])
        return
    rows = [
        [shorten(g.text, 40), g.total, ", ".join(f"{labels[c.label_id].tag} {c.count}" for c in g.labels)]
        for g in groups
    ]
    if rows:
        click.echo(format_table(["Text", "Annotations", "Labels"], rows, right=[1]))
    click.echo(f"{plural(len(groups), 'text')} labelled in more than one way.", err=True)


def _missed(corpus: Corpus, tag: str | None, article_id: int | None, as_json: bool) -> None:
    labels = {label.id: label for label in corpus.labels.list()}
    found = [
        m for m in missed_mentions(corpus)
        if (tag is None or labels[m.label_id].tag == tag) and (article_id is None or m.article_id == article_id)
    ]
    if as_json:
        _echo_json([
            {"article_id": m.article_id, "title": m.title, "start": m.start, "end": m.end, "text": m.text,
             "label": labels[m.label_id].name, "tag": labels[m.label_id].tag, "before": m.before, "after": m.after}
            for m in found
        ])
        return
    rows = [
        [m.article_id, f"{m.start}-{m.end}", labels[m.label_id].tag,
         _around(m.start, m.before, m.text, m.after)]
        for m in found
    ]
    if rows:
        click.echo(format_table(["Article", "Offsets", "Label", "Context"], rows, right=[0]))
    click.echo(f"{plural(len(found), 'missed mention')}.", err=True)


@click.command("review")
@click.option("--annotator", help="Only annotations by this annotator.")
@click.option("--label", "tag", metavar="TAG", help="Only this label tag (with --conflicts: texts that carry it; with --missed: mentions it is suggested for).")
@click.option("--article", "article_id", type=int, help="Only this article.")
@click.option("--conflicts", "show_conflicts", is_flag=True, help="List texts labelled differently across the corpus, with counts per label.")
@click.option("--missed", "show_missed", is_flag=True, help="List unlabelled whole-word occurrences of labelled texts, with the label they most often carry.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_obj
def review_command(
    settings: Settings, annotator: str | None, tag: str | None, article_id: int | None,
    show_conflicts: bool, show_missed: bool, as_json: bool,
) -> None:
    """List annotations for review: article, span, label, text, annotator and note.

    With --conflicts or --missed, list what is inconsistent instead. The same text means the
    same words in any case and spacing.
    """
    if show_conflicts and show_missed:
        raise click.UsageError("Choose one of --conflicts and --missed.")
    if (show_conflicts or show_missed) and annotator is not None:
        raise click.UsageError("--annotator applies only to the list of annotations.")
    if show_conflicts and article_id is not None:
        raise click.UsageError("--article does not apply to --conflicts, which compare the whole corpus.")
    with open_existing(settings) as corpus:
        if article_id is not None and not corpus.articles.exists(article_id):
            raise click.ClickException(f"No article with id {article_id}.")
        tag = label_tag(corpus, tag)
        if show_conflicts:
            _conflicts(corpus, tag, as_json)
        elif show_missed:
            _missed(corpus, tag, article_id, as_json)
        else:
            _list(corpus, annotator, tag, article_id, as_json)
