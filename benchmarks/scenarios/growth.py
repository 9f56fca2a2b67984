"""No slowdown as the corpus grows: the large corpus against the smaller inputs of the same run.

- exporting the large corpus to JSON Lines, per annotation, against the export corpus (each in a
  process of its own and on one core, without the workers a long export starts on idle cores, so
  that both are measured the same way; its peak resident memory is the second figure: streaming keeps it flat;
  each corpus read into the page cache first, so that neither run depends on what other work on
  the machine evicted meanwhile);
- importing the .txt folder into a copy of the large corpus against importing it into an empty
  one (the duplicate check reads an index, whatever the corpus holds); the copy is synced to disk
  and each target file read into the page cache before its import, outside the timing, so neither
  run pays for the copy's writing back or for a cache emptied meanwhile;
- making those imported articles searchable (the full-text index catching up), the same way.
"""

from __future__ import annotations

from pathlib import Path

from annotator.store import open_corpus
from benchmarks.context import Bench
from benchmarks.corpora import warm, working_copy
from benchmarks.measure import Figure, timed
from benchmarks.scenarios.exporting import export_in_child
from benchmarks.scenarios.importing import _app_import

SAME_RATE = 1.25  # "the same rate": within the noise of a shared machine
EXPORT_WORKERS = 1  # processes each growth export may use (see _export)


def run(bench: Bench) -> list[Figure]:
    return [*_export(bench), *_import(bench)]


def _export(bench: Bench) -> list[Figure]:
    large, small = bench.large_corpus, bench.export_corpus
    n_large, n_small = large.info["annotations"], small.info["annotations"]
    rate = Figure(
        "export_growth",
        f"export {n_large:,} annotations ({large.info['articles']:,} articles) to jsonl, s per 1M annotations",
        "s",
        f"the same rate as {n_small:,} annotations (<= {SAME_RATE}x)",
        max_ratio=SAME_RATE,
        baseline=f"the app's jsonl export of {n_small:,} annotations ({small.info['articles']:,} articles), per 1M",
    )
    rss = Figure(
        "export_growth_rss",
        f"peak resident memory exporting {n_large:,} annotations to jsonl",
        "MB",
        "< 500 MB",
        limit=500.0,
        baseline=f"the same export of {n_small:,} annotations",
    )
    scratch = bench.scratch("growth-export")
    # Both exports on one core each: the app renders a long export in worker processes when cores
    # are idle, which a short one never waits for, so left to itself the large export would be
    # measured on two cores or one depending on what else the machine ran meanwhile.
    pools: list[int] = []
    for _ in range(bench.sizes.repeats):
        for built, n, fig_runs, rss_runs, cpu_runs in (
            (small, n_small, rate.baseline_runs, rss.baseline_runs, rate.baseline_cpu_runs),
            (large, n_large, rate.runs, rss.runs, rate.cpu_runs),
        ):
            out = scratch / "out.jsonl"
            warm(built.path)  # each corpus starts in the page cache, as for the import below
            cpu = _children_cpu()
            seconds, peak_mb, spans = export_in_child(built.path, out, workers=EXPORT_WORKERS, pools=pools)
            # the export process's own CPU, start-up included (not that of workers it starts on idle cores)
            cpu_runs.append((_children_cpu() - cpu) * 1_000_000 / n)
            if spans != n:
                raise AssertionError(f"exported {spans} of {n} annotations")
            fig_runs.append(seconds * 1_000_000 / n)
            rss_runs.append(peak_mb)
            key = "file_mb" if built is large else "baseline_file_mb"
            rate.extra[key] = round(out.stat().st_size / 1e6, 1)
            out.unlink()
    rate.extra["workers"] = EXPORT_WORKERS
    rate.extra["worker_pools_started"] = sum(pools)  # 0: each export ran in its one process
    # The large corpus has fewer annotations per article: more article text to write per annotation.
    rate.extra["output_mb_per_s"] = round(rate.extra["file_mb"] / (rate.value * n_large / 1e6), 1)
    rate.extra["baseline_output_mb_per_s"] = round(
        rate.extra["baseline_file_mb"] / (rate.baseline_value * n_small / 1e6), 1
    )
    return [rate, rss]


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _import(bench: Bench) -> list[Figure]:
    folder, large = bench.txt_folder, bench.large_corpus
    files = folder.info["files"]
    into = f"{large.info['articles']:,}-article corpus"
    imported = Figure(
        "import_growth",
        f"import {files:,} .txt articles into the {into}",
        "s",
        f"the same rate as into an empty corpus (<= {SAME_RATE}x)",
        max_ratio=SAME_RATE,
        baseline="the same import into an empty corpus",
    )
    indexed = Figure(
        "index_growth",
        f"make those {files:,} articles searchable (full-text index catch-up) in the {into}",
        "s",
        f"the same rate as in an empty corpus (<= {SAME_RATE}x)",
        max_ratio=SAME_RATE,
        baseline="the same catch-up after importing into an empty corpus",
    )
    for i in range(bench.sizes.repeats):
        scratch = bench.scratch("growth-import")  # one copy of the large corpus at a time
        bench.log(f"  copying the {into}")
        big = working_copy(large, scratch / "large")
        for db, runs, index_runs, cpu_runs, index_cpu in (
            (scratch / f"empty-{i}.db", imported.baseline_runs, indexed.baseline_runs,
             imported.baseline_cpu_runs, indexed.baseline_cpu_runs),
            (big, imported.runs, indexed.runs, imported.cpu_runs, indexed.cpu_runs),
        ):
            warm(db)  # both targets start in the page cache, the way an open corpus is, and the files
            warm(folder.path)
            seconds, count, cpu = timed(lambda: _app_import(folder.path, db))  # noqa: B023
            if count != files:
                raise AssertionError(f"imported {count} of {files} files")
            runs.append(seconds)
            cpu_runs.append(cpu)
            seconds, count, cpu = timed(lambda: _catch_up(db))  # noqa: B023
            if count != files:
                raise AssertionError(f"indexed {count} of the {files} imported articles")
            index_runs.append(seconds)
            index_cpu.append(cpu)
    return [imported, indexed]


def _catch_up(db: Path) -> int:
    from annotator.store.search import catch_up

    with open_corpus(db) as corpus:
        return catch_up(corpus.db)
