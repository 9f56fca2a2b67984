"""annotator review: the annotations, the texts labelled inconsistently, the mentions left unlabelled."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import click

from annotator.cli.common import ID, Settings, format_table, open_existing, printable
from annotator.cli.search_cmd import flat, label_tag
from annotator.core.model import Status
from annotator.core.text import InContext, plural, shorten
from annotator.store import Corpus
from annotator.store.consistency import CONTEXT, conflicts, missed_mentions
from annotator.store.review import ReviewFilter, ReviewQueryError, ReviewRow

# The columns of the window's review table, in its order (the article shown by id and title).
COLUMNS = ("Text", "Label", "In context", "Article", "Annotator", "Last change", "Reviewed")
_PAGE = 500


def clip(text: str, width: int) -> str:
    """One printable line of at most ``width`` terminal columns, '…' where it was cut."""
    return shorten(printable(text), width)


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


def _local_time(stamp: str | None) -> str:
    """A stored UTC time as local time to the minute, as the window shows it."""
    if not stamp:
        return ""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp[:16]


def _rows(corpus: Corpus, f: ReviewFilter) -> list[ReviewRow]:
    """Every annotation the filter keeps, by article and position: the window's review query."""
    total = corpus.review.count(f)
    rows: list[ReviewRow] = []
    while len(rows) < total:
        page = corpus.review.page(f, "article", offset=len(rows), limit=_PAGE, total=total,
                                  after=rows[-1].key if rows else None)
        if not page:
            break
        rows.extend(page)
    return rows


def _list(corpus: Corpus, f: ReviewFilter, as_json: bool) -> None:
    labels = {label.id: label for label in corpus.labels.list()}
    rows = _rows(corpus, f)
    if as_json:
        _echo_json([
            {"id": r.id, "article_id": r.article_id, "title": r.title, "start": r.start, "end": r.end,
             "tag": labels[r.label_id].tag, "label": labels[r.label_id].name, "text": r.text,
             "before": r.left, "after": r.right, "annotator": r.annotator, "updated": r.updated, "note": r.note,
             "reviewed_by": r.reviewed_by, "reviewed_at": r.reviewed_at}
            for r in rows
        ])
        return
    table = [
        [clip(r.text, 30), labels[r.label_id].name, _around(r.start, r.left, r.text, r.right, 20),
         f"{r.article_id} {clip(r.title, 24)}", r.annotator, _local_time(r.updated),
         _reviewed(r.reviewed_by, r.reviewed_at)]
        for r in rows
    ]
    if table:
        click.echo(format_table(COLUMNS, table))
    click.echo(f"{plural(len(rows), 'annotation')}.", err=True)


def _day(value: datetime | None) -> datetime | None:
    """The first moment of a local day, in UTC, as the window's day filter takes it."""
    return value.astimezone().astimezone(timezone.utc) if value is not None else None


def _conflicts(corpus: Corpus, tag: str | None, as_json: bool) -> None:
    labels = {label.id: label for label in corpus.labels.list()}
    groups = [g for g in conflicts(corpus) if tag is None or any(labels[c.label_id].tag == tag for c in g.labels)]
    if as_json:
        _echo_json(
            [
                {
                    "text": g.text,
                    "key": g.key,
                    "total": g.total,
                    "variants": list(g.variants),
                    "labels": [
                        {"label": labels[c.label_id].name, "tag": labels[c.label_id].tag, "count": c.count}
                        for c in g.labels
                    ],
                }
                for g in groups
            ]
        )
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
@click.option("--annotator", "annotators", multiple=True, metavar="NAME",
              help="Only annotations by this annotator (repeat for several).")
@click.option(
    "--label",
    "tag",
    metavar="TAG",
    help="Only this label tag (with --conflicts: texts that carry it; with --missed: mentions it is suggested for).",
)
@click.option("--article", "article_id", type=ID, help="Only this article.")
@click.option("--status", "statuses", multiple=True, type=click.Choice([s.value for s in Status]),
              help="Only annotations in articles with this status (repeat for several).")
@click.option("--reviewed/--not-reviewed", default=None,
              help="Only annotations reviewed, or only those not reviewed yet.")
@click.option("--text", "text", metavar="TEXT", default="",
              help="Only annotations whose covered text contains TEXT (any case).")
@click.option("--regex", is_flag=True, help="Read --text as a regular expression.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Only annotations last changed on or after this day.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Only annotations last changed on or before this day.")
@click.option("--conflicts", "show_conflicts", is_flag=True,
              help="List texts labelled differently across the corpus, with counts per label.")
@click.option("--missed", "show_missed", is_flag=True,
              help="List unlabelled whole-word occurrences of labelled texts, with the label they most often carry.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_obj
def review_command(
    settings: Settings, annotators: tuple[str, ...], tag: str | None, article_id: int | None, statuses: tuple[str, ...],
    reviewed: bool | None, text: str, regex: bool, since: datetime | None, until: datetime | None,
    show_conflicts: bool, show_missed: bool, as_json: bool,
) -> None:
    """List annotations for review, with the filters and columns of the window's review table.

    With --conflicts or --missed, list what is inconsistent instead. The same text means the
    same words in any case and spacing.
    """
    if show_conflicts and show_missed:
        raise click.UsageError("Choose one of --conflicts and --missed.")
    listing_only = {"--annotator": annotators, "--status": statuses, "--text": text, "--since": since,
                    "--until": until, "--reviewed/--not-reviewed": reviewed is not None, "--regex": regex}
    if show_conflicts or show_missed:
        for option, given in listing_only.items():
            if given:
                raise click.UsageError(f"{option} applies only to the list of annotations.")
    if show_conflicts and article_id is not None:
        raise click.UsageError("--article does not apply to --conflicts, which compare the whole corpus.")
    if regex and not text:
        raise click.UsageError("--regex needs --text.")
    with open_existing(settings) as corpus:
        if article_id is not None and not corpus.articles.exists(article_id):
            raise click.ClickException(f"No article with id {article_id}.")
        tag = label_tag(corpus, tag)
        if show_conflicts:
            _conflicts(corpus, tag, as_json)
        elif show_missed:
            _missed(corpus, tag, article_id, as_json)
        else:
            label_ids = tuple(lab.id for lab in corpus.labels.list() if lab.tag == tag) if tag else ()
            f = ReviewFilter(
                label_ids=label_ids, annotators=annotators, statuses=statuses, text=text, regex=regex,
                changed_from=_day(since), changed_to=_day(until), reviewed=reviewed,
                article_ids=(article_id,) if article_id is not None else (),
            )
            try:
                _list(corpus, f, as_json)
            except ReviewQueryError as exc:
                raise click.BadParameter(str(exc), param_hint="--text") from exc
