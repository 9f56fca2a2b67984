"""`make bench`: every figure of the performance table, each against its baseline from the same run.

    python -m benchmarks                 # full sizes (several minutes; corpora cached after the first run)
    python -m benchmarks --quick         # the same code on small inputs, under a minute
    python -m benchmarks --only import,search
    python -m benchmarks --mode large    # ten times the full corpus (built once: long; about 6 GB of cache)

Prints a table and writes results/latest.json (latest-quick.json in quick mode; partial.json when
--only picks some scenarios, so a full report is never replaced by part of one).
Missing a target is reported, not an error: the exit status is 1 only when a scenario broke.
"""

from __future__ import annotations

import argparse
import os
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.context import Bench
from benchmarks.measure import ERROR, Figure
from benchmarks.report import table, write_json
from benchmarks.scenarios import SCENARIOS
from benchmarks.sizes import MODES

RESULTS = Path(__file__).resolve().parent / "results"
DOC_CHART = RESULTS.parents[1] / "docs" / "performance.png"


def _chart(report: Path) -> Path | None:
    """The bar chart beside the JSON report (needs the bench extra: matplotlib)."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        print("No chart: matplotlib is not installed (pip install -e '.[bench]').")
        return None
    import json

    from benchmarks.chart import draw

    return draw(json.loads(report.read_text()), report.with_suffix(".png"))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_const", const="quick", dest="mode", help="small inputs, under a minute"
    )
    parser.add_argument("--mode", choices=sorted(MODES), help="full (default), quick, tiny or large")
    parser.add_argument("--only", help="comma-separated scenarios: " + ", ".join(s.name for s in SCENARIOS))
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder for the JSON report")
    parser.add_argument("--cache", type=Path, help="folder for generated inputs (default: RESULTS/cache)")
    parser.add_argument("--prepare", action="store_true", help="only build (and cache) the inputs")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    parser.set_defaults(mode="full")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = MODES[args.mode]
    wanted = set(args.only.split(",")) if args.only else set(sizes.scenarios or (s.name for s in SCENARIOS))
    unknown = wanted - {s.name for s in SCENARIOS}
    if unknown:
        raise SystemExit(f"Unknown scenario(s): {', '.join(sorted(unknown))}.")
    bench = Bench(sizes, args.cache or args.results / "cache", quiet=args.quiet)
    if args.prepare:
        bench.log(f"Building the {sizes.name} inputs in {bench.cache}…")
        for name in ("txt_folder", "export_corpus", "large_corpus", "long_corpus", "huge_article"):
            getattr(bench, name)
        bench.close()
        return 0
    figures: list[Figure] = []
    started = time.perf_counter()
    try:
        for scenario in SCENARIOS:
            if scenario.name not in wanted:
                continue
            bench.log(f"{scenario.name}…")
            t0 = time.perf_counter()
            try:
                figures.extend(scenario.load()(bench))
            except Exception as exc:  # noqa: BLE001 - one broken scenario must not hide the others' figures
                traceback.print_exc()
                for key in scenario.figures:
                    figures.append(Figure(key, key, "", "", status=ERROR, note=f"{type(exc).__name__}: {exc}"))
            bench.log(f"  {scenario.name} took {time.perf_counter() - t0:.1f} s")
    finally:
        bench.close()
    seconds = time.perf_counter() - started
    stem = "partial" if args.only else "latest"  # a run of some scenarios never replaces a full report
    name = f"{stem}.json" if sizes.name == "full" else f"{stem}-{sizes.name}.json"
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    write_json(args.results / name, sizes.name, figures, seconds, stamp)
    print(f"\nAnnotator benchmark, {sizes.name} mode, {stamp} ({seconds:.0f} s)\n")
    print(table(figures))
    print(f"\nReport: {args.results / name}")
    chart = _chart(args.results / name)
    if chart is not None:
        print(f"Chart: {chart}")
        if stem == "latest" and sizes.name == "full" and args.results == RESULTS:  # the README shows this run
            DOC_CHART.write_bytes(chart.read_bytes())
            print(f"       copied to {DOC_CHART.relative_to(RESULTS.parents[1])} for the README")
    return 1 if any(f.status == ERROR for f in figures) else 0


if __name__ == "__main__":
    raise SystemExit(main())
