"""annotator agreement and annotator adjudicate: how far analysts agree, and a gold layer from their work."""

from __future__ import annotations

import json

import click

from annotator.cli.common import Settings, format_table, open_existing
from annotator.cli.export_cmd import _annotators, _labels
from annotator.formats.agreement import AgreementResult, compute
from annotator.store import Corpus
from annotator.store.adjudication import DEFAULT_GOLD, accept_agreed, candidate_articles, read


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _chosen_annotators(corpus: Corpus, values: tuple[str, ...], against: str | None) -> list[str]:
    if values:
        return sorted(_annotators(corpus, values))
    skip = {against or DEFAULT_GOLD}
    return [n for n in corpus.annotations.annotators() if n not in skip]


def print_result(result: AgreementResult, every_annotated: bool) -> None:
    basis = "annotated at least once by" if every_annotated else "finished by"
    click.echo(f"Analysts: {', '.join(result.annotators) or 'none'}"
               + (f"; compared with {result.against}" if result.against else ""))
    click.echo(f"Labels: {', '.join(result.labels)}. Units: tokens ({result.tokenizer} tokenizer).")
    click.echo("")
    rows = []
    for p in result.pairs:
        for name, counts in [("all labels", (p.spans.exact, p.spans.overlap))] + [
            (label, p.spans.labels.get(label)) for label in result.labels
        ]:
            if counts is None:
                continue
            ex, ov = counts
            rows.append([
                f"{p.a} / {p.b}", name, p.articles, ex.a_spans, ex.b_spans,
                _figure(ex.precision), _figure(ex.recall), _figure(ex.f1), _figure(ov.f1),
                f"{_figure(p.cohen_kappa)}" if name == "all labels" else "", p.tokens if name == "all labels" else "",
            ])
    if rows:
        click.echo(
            format_table(
                [
                    "Pair (A / B)", "Label", "Articles", "A spans", "B spans", "P", "R", "F1 exact", "F1 overlap",
                    "Kappa", "Tokens",
                ],
                rows,
                right=[2, 3, 4, 5, 6, 7, 8, 9, 10],
            )
        )
        nulls = [p for p in result.pairs if p.cohen_kappa is None]
        for p in nulls:
            why = (
                "no article " + basis + " both"
                if not p.articles
                else ("no tokens" if not p.tokens else "one category only")
            )
            click.echo(f"  {p.a} / {p.b}: kappa cannot be computed ({why}).")
    else:
        click.echo("No pair of analysts to compare.")
    if result.against is None:
        click.echo("")
        n = f"{result.articles} article{'s' if result.articles != 1 else ''}, {result.tokens:,} tokens"
        overall = (("Fleiss' kappa", result.fleiss_kappa), ("Krippendorff's alpha", result.krippendorff_alpha))
        for name, value in overall:
            if value is None:
                if len(result.annotators) < 2:
                    why = "fewer than two analysts"
                elif not result.articles:
                    why = f"no article {basis} all of them"
                elif not result.tokens:
                    why = "no tokens"
                else:
                    why = "one category only"
                click.echo(f"{name}: — ({why}; {n})")
            else:
                click.echo(f"{name}: {value:.3f} ({n})")
    else:
        click.echo("")
        for name, c in result.corrections.items():
            click.echo(
                f"What {result.against} changed of {name}'s work: kept {c['kept']}, relabelled {c['relabelled']}, "
                f"resized {c['resized']}, removed {c['removed']}, added {c['added']}."
            )
            for ch in c["changes"][:10]:
                mine, gold = ch["analyst"], ch["gold"]
                before = f"{mine['label']} “{mine['text']}”" if mine else "nothing"
                after = f"{gold['label']} “{gold['text']}”" if gold else "nothing"
                click.echo(f"  article {ch['article']}: {ch['kind']}: {before} → {after}")
            if len(c["changes"]) > 10:
                click.echo(f"  … and {len(c['changes']) - 10} more (--json lists them all).")


@click.command("agreement")
@click.option(
    "--annotators",
    "annotators",
    multiple=True,
    metavar="A,B,...",
    help="The analysts to compare (default: all but the gold layer).",
)
@click.option(
    "--label", "labels", multiple=True, metavar="TAG,...", help="Only these labels, by tag or name (default: all)."
)
@click.option(
    "--all",
    "every_annotated",
    is_flag=True,
    help="Use every article all of them annotated at least once, not only those each marked done.",
)
@click.option(
    "--against",
    metavar="NAME",
    help="Compare each analyst with this layer (e.g. gold) and list what it changed of their work.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def agreement_command(settings: Settings, annotators: tuple[str, ...], labels: tuple[str, ...],
                      every_annotated: bool, against: str | None, as_json: bool) -> None:
    """How far analysts agree: span F1 (exact and overlap) and Cohen's kappa for every pair,
    Fleiss' kappa and Krippendorff's alpha over all of them.

    By default an article counts for a set of analysts only when each of them finished it.
    A figure that cannot be computed is shown as — (null in JSON), with the reason.

    \b
    Examples:
      annotator agreement
      annotator agreement --annotators li,mei --label LOCATION --json
      annotator agreement --against gold
    """
    with open_existing(settings) as corpus:
        if against is not None and against not in corpus.annotations.annotators():
            raise click.BadParameter(f"no layer named {against!r} in this corpus.", param_hint="--against")
        names = _chosen_annotators(corpus, annotators, against)
        tags = _labels(corpus, labels)
        order = [lab.tag for lab in corpus.labels.list() if lab.tag in tags] if tags else None
        result = compute(corpus, names, order, every_annotated=every_annotated, against=against)
    if as_json:
        click.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        print_result(result, every_annotated)


@click.command("adjudicate")
@click.option(
    "--gold", default=DEFAULT_GOLD, show_default=True, metavar="NAME", help="The gold layer (an annotator name)."
)
@click.option("--auto", is_flag=True, help="Accept into gold every span enough analysts made identically.")
@click.option(
    "--min-agree",
    type=click.IntRange(min=1),
    metavar="K",
    help="With --auto: at least K analysts made the span (default: all who finished the article).",
)
@click.option(
    "--annotators",
    "annotators",
    multiple=True,
    metavar="A,B,...",
    help="The analysts whose layers count (default: all but the gold layer).",
)
@click.option(
    "--article",
    "article_ids",
    multiple=True,
    type=int,
    metavar="ID",
    help="Only this article (repeat for more; default: every article two or more analysts finished).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures per article as JSON.")
@click.pass_obj
def adjudicate_command(settings: Settings, gold: str, auto: bool, min_agree: int | None,
                       annotators: tuple[str, ...], article_ids: tuple[int, ...], as_json: bool) -> None:
    """Build a gold layer from the analysts' layers of the articles they finished.

    Without --auto, shows per article how many spans the analysts agree on and how many
    disagreements are open. With --auto, accepts the agreed spans into gold (running it again
    changes nothing); the disagreements are settled in the window (Team › Adjudicate).
    """
    if min_agree is not None and not auto:
        raise click.UsageError("--min-agree applies with --auto.")
    with open_existing(settings) as corpus:
        names = sorted(_annotators(corpus, annotators)) if annotators else None
        if names and gold in names:
            raise click.BadParameter(f"{gold!r} is the gold layer, not an analyst.", param_hint="--annotators")
        ids = list(dict.fromkeys(article_ids)) or candidate_articles(corpus, gold, names)
        rows, out = [], []
        accepted_total = open_total = 0
        for article_id in ids:
            if not corpus.articles.exists(article_id):
                raise click.BadParameter(f"no article with id {article_id}.", param_hint="--article")
            if auto:
                added, state = accept_agreed(corpus, article_id, gold, names, min_agree)
            else:
                added, state = [], read(corpus, article_id, gold, names)
            p = state.plan
            if not auto:
                added = list(p.accept)  # what --auto would accept
            accepted_total += len(added)
            open_total += p.open
            out.append({"article": article_id, "analysts": list(state.analysts), "accepted": len(added),
                        "agreed": len(p.agreed), "disagreements": len(p.disagreements), "open": p.open})
            rows.append(
                [
                    article_id,
                    ", ".join(state.analysts) or "(fewer than two finished)",
                    len(added),
                    len(p.agreed),
                    f"{p.settled} of {len(p.disagreements)}",
                    p.open,
                ]
            )
    if as_json:
        click.echo(json.dumps({"gold": gold, "articles": out, "accepted": accepted_total, "open": open_total},
                              ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("No article was finished by two or more analysts: nothing to adjudicate.")
        return
    click.echo(
        format_table(
            ["Article", "Analysts", "Accepted" if auto else "To accept", "Agreed", "Settled", "Open"],
            rows,
            right=[0, 2, 3, 5],
        )
    )
    verb = "Accepted" if auto else "Would accept (with --auto)"
    click.echo(
        f"\n{verb} {accepted_total} span{'s' if accepted_total != 1 else ''} into {gold}; "
        f"{open_total} disagreement{'s' if open_total != 1 else ''} still open in "
        f"{len(rows)} article{'s' if len(rows) != 1 else ''}."
    )
