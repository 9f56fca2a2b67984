"""Training a model from a layer of the corpus, with held-out figures, into a model folder.

The training articles are the chosen annotator's (or everyone's) articles in the chosen statuses
that hold at least one span of the chosen labels. A seeded tenth of them is held out: the model
is trained on the rest and scored on it, entity by entity (exact start, end and label), so the
figures printed are the figures of the model written. The folder is written beside its final
place and swapped in at the end: a model being used is never half written.
"""

from __future__ import annotations

import logging
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.text import holds_other_files
from annotator.store.layers import article_texts, finished_count, layer_article_ids, layer_docs, unfinished_articles
from annotator.suggest.evaluate import score
from annotator.suggest.model import Manifest, ModelError

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from annotator.store.corpus import Corpus

ENGINES = ("crf", "spacy")
CLUSTER_TEXT = 30_000_000  # characters of the corpus's text the word clusters are learnt from
REUSE_CLUSTERS = 0.2  # clusters are learnt again once the corpus has grown by this share

Progress = Callable[[str, int, int], bool | None]  # (stage, done, total) -> False to stop


@dataclass
class TrainOptions:
    annotator: str | None = None  # None: every annotator's spans
    tags: list[str] | None = None  # None: every label
    statuses: list[str] | None = field(default_factory=lambda: ["done"])  # None: any status
    engine: str = "crf"
    seed: int = 0
    held_out: float = 0.1
    clusters: bool = True
    iterations: int | None = None  # CRF iterations, or spaCy epochs; None: the engine's default
    article_ids: list[int] | None = None  # only these articles (None: every article of the layer)
    rank: int = 0  # rank this many unfinished articles by the model's uncertainty (active learning)


def split(ids: Sequence[int], share: float, seed: int) -> tuple[list[int], list[int]]:
    """(training, held-out) article ids: a seeded shuffle, the held-out part at least one article
    when there are two or more."""
    ids = sorted(ids)
    if len(ids) < 2 or share <= 0:
        return ids, []
    rng = random.Random(seed)
    shuffled = ids[:]
    rng.shuffle(shuffled)
    n = max(1, round(len(ids) * share))
    return sorted(shuffled[n:]), sorted(shuffled[:n])


def _clusters(corpus: Corpus, folder: Path, progress: Progress | None) -> dict[str, list[str]]:
    """Word clusters of the corpus's text; those of the model already in ``folder`` while the
    corpus has not grown much since."""
    import json

    articles = corpus.articles.count()
    old = folder / "clusters.json"
    if old.is_file() and (folder / "manifest.json").is_file():
        try:
            before = Manifest.read(folder).trained_from.get("corpus_articles", 0)
        except (ValueError, ModelError) as exc:
            log.info("The earlier model's manifest could not be read (%s): word clusters are learnt again", exc)
            before = 0
        if before and articles <= before * (1 + REUSE_CLUSTERS):
            return json.loads(old.read_text(encoding="utf-8"))
    from annotator.suggest.clusters import learn_clusters

    if progress is not None and progress("clusters", 0, 1) is False:
        from annotator.suggest.crf import Cancelled

        raise Cancelled()
    return learn_clusters(article_texts(corpus, CLUSTER_TEXT))


def train_model(corpus: Corpus, options: TrainOptions, out: Path, progress: Progress | None = None) -> Manifest:
    """Train, score on the held-out articles, and write the model folder ``out``."""
    if options.engine not in ENGINES:
        raise ModelError(f"Unknown engine {options.engine!r}; use {' or '.join(ENGINES)}.")
    started = time.perf_counter()
    out = Path(out)
    _check_out(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    ids = layer_article_ids(corpus, options.annotator, options.statuses, options.tags)
    if options.article_ids is not None:
        wanted = set(options.article_ids)
        ids = [i for i in ids if i in wanted]
    if not ids:
        who = f"{options.annotator}'s" if options.annotator else "any"
        where = f" on articles marked {'/'.join(options.statuses)}" if options.statuses else ""
        raise ModelError(
            f"Nothing to train from: no {who} annotations{where} "
            "(choose whose layer with --annotator NAME, and which articles with --status)."
        )
    train_ids, held_ids = split(ids, options.held_out, options.seed)
    train_docs = list(layer_docs(corpus, train_ids, options.annotator, options.tags))
    labels = sorted({t for d in train_docs for _, _, t in d.spans})
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        if options.engine == "crf":
            from annotator.suggest.crf import CrfTagger, train_crf

            clusters = _clusters(corpus, out, progress) if options.clusters else {}
            params = {"max_iterations": options.iterations} if options.iterations else None
            step = (lambda i, n: progress("training", i, n)) if progress else None
            dictionary = train_crf(train_docs, work, clusters, params=params, progress=step)
            tagger = CrfTagger(work / "crf.model", labels, clusters, dictionary)
        else:
            from annotator.suggest.spacy_engine import SpacyTagger, train_spacy

            step = (lambda i, n: progress("training", i, n)) if progress else None
            train_spacy(train_docs, labels, work, seed=options.seed, epochs=options.iterations, progress=step)
            tagger = SpacyTagger.load(work)
        del train_docs
        scores = evaluate(tagger, layer_docs(corpus, held_ids, options.annotator, options.tags), options.tags)
        manifest = Manifest(
            engine=options.engine,
            labels=labels,
            trained_from={
                "corpus": corpus.path.name if corpus.path else None,
                "corpus_articles": corpus.articles.count(),
                "annotator": options.annotator,
                "statuses": options.statuses,
                "tags": options.tags,
                "articles": len(train_ids),
                "held_out_articles": len(held_ids),
                "seed": options.seed,
                "finished_articles": finished_count(corpus),
            },
            scores=scores,
            created=datetime.now(UTC).isoformat(timespec="seconds"),
            seconds=round(time.perf_counter() - started, 2),
        )
        if options.rank and hasattr(tagger, "uncertainty"):
            rank_unfinished(corpus, tagger, work, options.rank)
        manifest.write(work)
        _swap_in(work, out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return manifest


def evaluate(tagger, docs, tags: Sequence[str] | None = None) -> dict:
    """Entity-level exact scores of a tagger over layer documents (its labels outside ``tags`` ignored)."""
    wanted = set(tags) if tags else None

    def pairs():
        for doc in docs:
            predicted = [(s.start, s.end, s.tag) for s in tagger.predict(doc.text) if wanted is None or s.tag in wanted]
            yield doc.spans, predicted

    return score(pairs())


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ModelError(f"{out} is a file; give a folder for the model.")
    if holds_other_files(out, "manifest.json"):
        raise ModelError(f"{out} holds other files; give an empty or new folder, or an earlier model's folder.")


def _swap_in(work: Path, out: Path) -> None:
    if out.exists():
        old = out.with_name(f".{out.name}.old-{int(time.time() * 1000)}")
        out.rename(old)
        work.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        work.rename(out)


RANKING = "ranking.json"


def rank_unfinished(corpus: Corpus, tagger, folder: Path, limit: int) -> list[int]:
    """Write the unfinished articles' ids, the one the model is least sure about first."""
    import json

    scored = [(tagger.uncertainty(text), article_id) for article_id, text in unfinished_articles(corpus, limit)]
    ranking = [article_id for _, article_id in sorted(scored, key=lambda t: (-t[0], t[1]))]
    (folder / RANKING).write_text(json.dumps(ranking), encoding="utf-8")
    return ranking
