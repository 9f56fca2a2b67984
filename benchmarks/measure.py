"""A measured figure: runs of the app's code, runs of the baseline, the target, the verdict."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

OK, UNAVAILABLE, ERROR = "ok", "not available", "error"


@dataclass
class Figure:
    key: str
    title: str  # what was measured, with the sizes actually used
    unit: str  # "s", "ms" or "MB"
    target: str  # the target in words
    limit: float | None = None  # the value must stay at or under this (in ``unit``)
    max_ratio: float | None = None  # ... and at or under this multiple of the baseline
    floor: float | None = None  # the value must stay at or above this (a score, such as F1)
    statistic: str = "median"  # or "p95"
    runs: list[float] = field(default_factory=list)
    baseline: str = ""  # what the baseline is
    baseline_runs: list[float] = field(default_factory=list)
    # CPU seconds of the same runs: on a busy machine they show what the wall clock hides
    cpu_runs: list[float] = field(default_factory=list)
    baseline_cpu_runs: list[float] = field(default_factory=list)
    status: str = OK
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def value(self) -> float | None:
        if not self.runs:
            return None
        return p95(self.runs) if self.statistic == "p95" else statistics.median(self.runs)

    @property
    def baseline_value(self) -> float | None:
        return statistics.median(self.baseline_runs) if self.baseline_runs else None

    @property
    def cpu(self) -> tuple[float | None, float | None]:
        """Median CPU seconds of the runs and of the baseline runs (None where not taken)."""
        runs, base = self.cpu_runs, self.baseline_cpu_runs
        return (statistics.median(runs) if runs else None), (statistics.median(base) if base else None)

    @property
    def ratio(self) -> float | None:
        v, b = self.value, self.baseline_value
        return v / b if v is not None and b else None

    @property
    def met(self) -> bool | None:
        """Whether the target is met; None when nothing was measured."""
        if self.status != OK or self.value is None:
            return None
        if self.limit is not None and self.value > self.limit:
            return False
        if self.floor is not None and self.value < self.floor:
            return False
        if self.max_ratio is not None and self.ratio is not None and self.ratio > self.max_ratio:
            return False
        return True

    def unavailable(self, why: str) -> Figure:
        self.status, self.note = UNAVAILABLE, why
        return self

    def as_json(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "title": self.title,
            "unit": self.unit,
            "status": self.status,
            "statistic": self.statistic,
            "value": r(self.value),
            "baseline": self.baseline or None,
            "baseline_value": r(self.baseline_value),
            "ratio": r(self.ratio),
            "target": self.target,
            "limit": self.limit,
            "max_ratio": self.max_ratio,
            "met": self.met,
            "runs": [r(x) for x in self.runs] if len(self.runs) <= 20 else len(self.runs),
            "baseline_runs": [r(x) for x in self.baseline_runs],
            "cpu_seconds": r(self.cpu[0]),
            "baseline_cpu_seconds": r(self.cpu[1]),
            "note": self.note or None,
            **({"extra": self.extra} if self.extra else {}),
        }


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) >= 2 else values[0]


def timed(fn: Callable[[], Any]) -> tuple[float, Any, float]:
    """(wall seconds, result, CPU seconds of this process and the worker processes it waited for) of one call."""
    c0, t0 = _cpu_now(), time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result, _cpu_now() - c0


def _cpu_now() -> float:
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def ms(seconds: float) -> float:
    return seconds * 1000.0
