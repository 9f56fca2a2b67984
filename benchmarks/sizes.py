"""How big each input is and how often each scenario repeats, per mode.

``full`` is the issue's table; ``quick`` runs the same code in under a minute; ``tiny`` is what
the test suite runs so the benchmark cannot rot; ``large`` is ten times the full corpus
(``make bench-large``): the figures of the issue's "ten times the corpus", against the full-size
figures measured in the same run.
"""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.corpora import CorpusSpec, FolderSpec


@dataclass(frozen=True)
class Sizes:
    name: str
    import_files: FolderSpec
    export_corpus: CorpusSpec  # export jsonl / conll
    large_corpus: CorpusSpec  # start-up, memory, search, review
    long_corpus: CorpusSpec  # one long article: open, key press
    team_corpus: CorpusSpec  # one analyst's corpus file, merged as 5 analysts' files
    repeats: int  # runs per figure (median)
    startup_repeats: int
    keypresses: int
    queries: int  # search / filter queries per run
    token_exports: bool = True  # measure the token formats too (CoNLL, hf, Prodigy, spaCy)
    # one very long article, exported to each token format (time and peak memory)
    huge_article: CorpusSpec = CorpusSpec(1, 1_000_000, long_at=(0,), long_chars=50_000_000, seed=7)
    huge_article_repeats: int = 3  # each run starts a process per format
    scenarios: tuple[str, ...] = ()  # the scenarios this mode runs by default (empty: all)
    settle: float = 0.0  # seconds the memory probe waits with the corpus open before reading RSS


_LONG4 = (4, 5004, 10004, 15004)

FULL = Sizes(
    "full",
    import_files=FolderSpec(20_000, long_at=_LONG4),
    export_corpus=CorpusSpec(20_000, 1_000_000, long_at=_LONG4, seed=3),
    large_corpus=CorpusSpec(
        100_000, 1_000_000, labelled_fraction=0.3, long_at=tuple(range(4, 100_000, 10_000)), seed=4
    ),
    long_corpus=CorpusSpec(1, 20_000, long_at=(0,), seed=5),
    team_corpus=CorpusSpec(10_000, 100_000, seed=6),
    repeats=3,
    startup_repeats=5,
    keypresses=200,
    queries=10,
    settle=2.0,
)

QUICK = Sizes(
    "quick",
    import_files=FolderSpec(300, long_at=(4,), long_chars=100_000),
    export_corpus=CorpusSpec(500, 25_000, long_at=(4,), long_chars=100_000, seed=3),
    large_corpus=CorpusSpec(5_000, 50_000, labelled_fraction=0.3, long_at=(4,), long_chars=100_000, seed=4),
    long_corpus=CorpusSpec(1, 4_000, long_at=(0,), long_chars=200_000, seed=5),
    team_corpus=CorpusSpec(1_000, 10_000, seed=6),
    repeats=2,
    startup_repeats=2,
    keypresses=30,
    queries=5,
    huge_article=CorpusSpec(1, 6_000, long_at=(0,), long_chars=300_000, seed=7),
    huge_article_repeats=1,
    settle=0.5,
)

TINY = Sizes(
    "tiny",
    import_files=FolderSpec(40, long_at=(4,), long_chars=20_000),
    export_corpus=CorpusSpec(50, 2_000, long_at=(4,), long_chars=20_000, seed=3),
    large_corpus=CorpusSpec(200, 2_000, labelled_fraction=0.3, long_at=(4,), long_chars=20_000, seed=4),
    long_corpus=CorpusSpec(1, 600, long_at=(0,), long_chars=30_000, seed=5),
    team_corpus=CorpusSpec(60, 600, seed=6),
    repeats=1,
    startup_repeats=1,
    keypresses=5,
    queries=2,
    huge_article=CorpusSpec(1, 1_000, long_at=(0,), long_chars=50_000, seed=7),
    huge_article_repeats=1,
)

# Ten times the full corpus: 1,000,000 articles and 10,000,000 annotations, built once into the
# cache (it takes a long while: the full-text index is a large part of it). Every other input is the
# full mode's, so the 1M export and the 20,000-article import measured in the same run are the
# baselines of the per-annotation and per-article rates.
_TEN_TIMES = CorpusSpec(
    1_000_000, 10_000_000, labelled_fraction=0.3, long_at=tuple(range(4, 1_000_000, 100_000)), seed=6
)
LARGE = Sizes(
    "large",
    import_files=FULL.import_files,
    export_corpus=FULL.export_corpus,
    large_corpus=_TEN_TIMES,
    long_corpus=FULL.long_corpus,
    team_corpus=FULL.team_corpus,
    repeats=1,
    startup_repeats=3,
    keypresses=100,
    queries=10,
    token_exports=False,
    scenarios=("startup", "memory", "review", "search", "growth"),
    settle=2.0,
)

MODES = {s.name: s for s in (FULL, QUICK, TINY, LARGE)}
