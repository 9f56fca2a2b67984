"""Child processes: start-up to a usable window, and resident memory with the large corpus open."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.context import Bench
from benchmarks.measure import Figure


def probe(kind: str, db: Path, config: Path, settle: float = 0.0) -> tuple[float, dict]:
    """(seconds from spawning the process to its window being usable, what the probe reported,
    with the CPU seconds the process used as ``cpu``)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config / "config"),
               XDG_DATA_HOME=str(config / "data"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.probe", kind, str(db), str(settle)],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"the {kind} probe failed: {tail}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    report["cpu"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return report["usable_at"] - t0, report


def _describe(built) -> str:
    return f"{built.info['articles']:,} articles and {built.info['annotations']:,} annotations"


def startup(bench: Bench) -> list[Figure]:
    built = bench.large_corpus
    fig = Figure(
        "startup",
        f"process start to usable window, {_describe(built)}",
        "s",
        "< 1.5 s",
        limit=1.5,
        baseline="a Python process showing a bare Qt window",
    )
    config = bench.scratch("startup")
    if bench.sizes.startup_repeats > 1:
        probe("app", built.path, config)  # a first run writes the settings and reads the file into the cache
    for _ in range(bench.sizes.startup_repeats):
        for kind, runs, cpu_runs in (
            ("bare", fig.baseline_runs, fig.baseline_cpu_runs),
            ("app", fig.runs, fig.cpu_runs),
        ):
            seconds, report = probe(kind, built.path, config)
            runs.append(seconds)
            cpu_runs.append(report["cpu"])
    return [fig]


def memory(bench: Bench) -> list[Figure]:
    built = bench.large_corpus
    fig = Figure(
        "memory",
        f"resident memory with {_describe(built)} open",
        "MB",
        "< 400 MB",
        limit=400.0,
        baseline="a Python process showing a bare Qt window",
    )
    config = bench.scratch("memory")
    settle = bench.sizes.settle
    peaks = []
    for _ in range(max(1, bench.sizes.repeats)):
        fig.baseline_runs.append(probe("bare", built.path, config, settle)[1]["rss_mb"])
        report = probe("app", built.path, config, settle)[1]
        fig.runs.append(report["rss_mb"])
        peaks.append(report["peak_rss_mb"])
    fig.extra["peak_rss_mb"] = round(max(peaks), 1)
    fig.extra["settle_s"] = settle
    return [fig]
