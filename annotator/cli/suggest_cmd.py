"""annotator train / pre-annotate: a model learnt from a layer, and its spans stored as a layer."""

from __future__ import annotations

import signal
import sys
import threading
import time
from pathlib import Path

import click

from annotator.cli.common import COUNT, SEED, BoundedInt, Settings, open_existing
from annotator.cli.export_cmd import _labels, _statuses, _values
from annotator.core.identity import default_annotator
from annotator.store.layers import article_statuses
from annotator.suggest.model import ModelError


class _Progress:
    """A progress line on standard error (rewritten in place on a terminal); Ctrl+C asks to stop."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.stop = False
        self._last = 0.0
        self._tty = sys.stderr.isatty()

    def line(self, text: str, force: bool = False) -> None:
        now = time.monotonic()
        if self.quiet or (not force and now - self._last < (0.2 if self._tty else 2.0)):
            return
        self._last = now
        click.echo(("\r" + text.ljust(60)) if self._tty else text, err=True, nl=not self._tty)

    def done(self) -> None:
        if self._tty and not self.quiet:
            click.echo("", err=True)


def _interruptible(progress: _Progress):
    """Ctrl+C (and kill) ask the work to stop at its next step instead of killing it mid-write."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def ask(signum, frame):
        if progress.stop:
            raise KeyboardInterrupt
        progress.stop = True
        click.echo("\nStopping after the current step (press Ctrl+C again to abort)…", err=True)

    before = (signal.signal(signal.SIGINT, ask), signal.signal(signal.SIGTERM, ask))

    def restore():
        signal.signal(signal.SIGINT, before[0])
        signal.signal(signal.SIGTERM, before[1])

    return restore


@click.command("train")
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the model to (replaced when it holds an earlier model).",
)
@click.option(
    "--annotator",
    "layer",
    metavar="NAME",
    help="Train from this annotator's layer (default: yours); 'all' for everyone's.",
)
@click.option(
    "--label",
    "labels",
    multiple=True,
    metavar="TAG",
    help="Only these labels, by tag or name (repeat, or separate with commas).",
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    metavar="STATUS",
    help="Articles with this status (default: done; repeat, or separate with commas; 'any' for all).",
)
@click.option(
    "--engine",
    type=click.Choice(["crf", "spacy"]),
    default="crf",
    show_default=True,
    help="crf: fast, a few seconds to a minute; spacy: a spaCy pipeline spacy.load() reads, slower to train.",
)
@click.option("--seed", type=SEED, default=0, show_default=True, help="Seed of the held-out tenth.")
@click.option("--iterations", type=COUNT, help="CRF iterations or spaCy epochs (default: the engine's).")
@click.option("--no-clusters", is_flag=True, help="Do not learn word clusters from the corpus's text.")
@click.option(
    "--rank",
    type=BoundedInt(0, 2**31 - 1),
    default=0,
    metavar="N",
    help="Also rank up to N unfinished articles by how unsure the model is (for Next article, least sure first).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the manifest (with the held-out figures) as JSON.")
@click.option("--quiet", is_flag=True, help="No progress lines.")
@click.pass_obj
def train_command(
    settings: Settings,
    out: Path,
    layer: str | None,
    labels,
    statuses,
    engine: str,
    seed: int,
    iterations: int | None,
    no_clusters: bool,
    rank: int,
    as_json: bool,
    quiet: bool,
) -> None:
    """Train a tagger from the labelled articles and print its held-out precision, recall and F1.

    A seeded tenth of the articles is held out; the model written is the one scored on it.

    \b
    Examples:
      annotator train --out models/mine
      annotator train --annotator gold --status any --label LOCATION,COMPANY --out models/gold
      annotator train --engine spacy --out models/spacy-ner   # then spacy.load("models/spacy-ner")
    """
    from annotator.suggest.crf import Cancelled
    from annotator.suggest.evaluate import format_scores
    from annotator.suggest.training import TrainOptions, train_model

    who = layer or settings.annotator or default_annotator()
    wanted = [v.lower() for v in _values(statuses)]
    progress = _Progress(quiet)
    with open_existing(settings) as corpus:
        options = TrainOptions(
            annotator=None if who == "all" else who,
            tags=sorted(_labels(corpus, labels)) or None,
            statuses=None if "any" in wanted else (sorted(_statuses(statuses)) if wanted else ["done"]),
            engine=engine,
            seed=seed,
            clusters=not no_clusters,
            iterations=iterations,
            rank=max(0, rank),
        )

        def step(stage: str, done: int, total: int):
            if stage == "clusters":
                progress.line("Learning word clusters from the corpus's text…", force=True)
            elif done:
                progress.line(f"Training: iteration {done} of {total}")
            return not progress.stop

        restore = _interruptible(progress)
        try:
            manifest = train_model(corpus, options, out, step)
        except Cancelled:
            raise click.ClickException("Training stopped; nothing was written.") from None
        except ModelError as exc:
            raise click.ClickException(str(exc)) from None
        finally:
            restore()
            progress.done()
    if as_json:
        import json
        from dataclasses import asdict

        click.echo(json.dumps(asdict(manifest), indent=2, ensure_ascii=False))
        return
    t = manifest.trained_from
    click.echo(
        f"Trained {engine} on {t['articles']:,} article(s) in {manifest.seconds:.1f} s; "
        f"held out {t['held_out_articles']:,} (seed {seed}):"
    )
    click.echo(
        format_scores(manifest.scores) if manifest.scores.get("labels") else "  (too few articles to hold any out)"
    )
    click.echo(f"Model written to {out}")


def _label_map(values) -> dict[str, str]:
    out = {}
    for item in _values(values):
        ent, sep, tag = item.partition("=")
        if not sep or not ent.strip() or not tag.strip():
            raise click.BadParameter(f"{item!r}: write ENT=TAG, e.g. ORG=COMPANY.", param_hint="--label-map")
        out[ent.strip()] = tag.strip()
    return out


@click.command("pre-annotate")
@click.option(
    "--model",
    "model",
    required=True,
    metavar="DIR|PACKAGE",
    help="A folder written by annotator train, a spaCy pipeline folder, or an installed spaCy package.",
)
@click.option(
    "--as",
    "name",
    required=True,
    metavar="NAME",
    help="Store the spans as this annotator's layer (e.g. model); it is replaced on the chosen articles.",
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    metavar="STATUS",
    help="Only articles with this status (repeat, or separate with commas).",
)
@click.option(
    "--article-ids",
    "article_ids",
    multiple=True,
    metavar="ID,...",
    help="Only these articles (repeat, or separate with commas).",
)
@click.option(
    "--label-map",
    "label_map",
    multiple=True,
    metavar="ENT=TAG",
    help="Store the model's ENT spans with label TAG (repeat, or separate with commas).",
)
@click.option("--quiet", is_flag=True, help="No progress lines.")
@click.pass_obj
def preannotate_command(
    settings: Settings, model: str, name: str, statuses, article_ids, label_map, quiet: bool
) -> None:
    """Run a model over articles and store its spans as an annotator's layer, to review or compare.

    Each article is one transaction; running again replaces that layer on those articles only.

    \b
    Examples:
      annotator pre-annotate --model models/mine --as model --status new
      annotator pre-annotate --model en_core_web_sm --as spacy --label-map GPE=LOCATION,ORG=COMPANY
    """
    from annotator.suggest.model import load_model
    from annotator.suggest.preannotate import preannotate

    name = name.strip()
    if not name:
        raise click.BadParameter("give a name.", param_hint="--as")
    mapping = _label_map(label_map)
    try:
        ids = sorted({int(v) for v in _values(article_ids)})
    except ValueError:
        raise click.BadParameter("article ids are numbers, e.g. 3,7,12.", param_hint="--article-ids") from None
    wanted = _statuses(statuses)
    try:
        tagger = load_model(model)
    except (ModelError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    except ImportError as exc:
        raise click.ClickException(f'{model} needs spaCy: pip install "annotator[spacy]" ({exc}).') from None
    progress = _Progress(quiet)
    with open_existing(settings) as corpus:
        chosen = _articles(corpus, ids, wanted)
        if not chosen:
            raise click.ClickException("No articles match; nothing to do.")

        def step(done: int, total: int):
            progress.line(f"Pre-annotating: {done:,} of {total:,} articles")
            return not progress.stop

        restore = _interruptible(progress)
        try:
            report = preannotate(corpus, tagger, chosen, name, label_map=mapping, progress=step)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
        finally:
            restore()
            progress.done()
    click.echo(report.summary(name), err=True)
    if report.cancelled:
        sys.exit(130)


def _articles(corpus, ids: list[int], statuses: set[str]) -> list[int]:
    known = article_statuses(corpus)
    missing = [i for i in ids if i not in known]
    if missing:
        raise click.BadParameter(
            f"no article {', '.join(map(str, missing[:5]))} in this corpus.", param_hint="--article-ids"
        )
    chosen = ids or list(known)
    return [i for i in chosen if not statuses or known[i] in statuses]
