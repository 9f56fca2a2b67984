"""The table printed at the end of a run, and the JSON report."""

from __future__ import annotations

import json
import platform
from pathlib import Path

from benchmarks.measure import ERROR, OK, Figure


def machine() -> dict:
    cpu = ""
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), "")
    except OSError:
        pass
    import os

    return {"cpu": cpu or platform.processor(), "cores": os.cpu_count(), "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}"}


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "F1":
        return f"{value:.3f} F1"
    return f"{value:.0f} {unit}"


def _verdict(fig: Figure) -> str:
    if fig.status != OK:
        return fig.status
    return {True: "met", False: "MISSED", None: "-"}[fig.met]


def _cpu(fig: Figure) -> str:
    app, base = fig.cpu
    if app is None:
        return "-"
    return f"{app:.2f}" + (f" ({base:.2f})" if base is not None else "")


def table(figures: list[Figure]) -> str:
    rows = [("figure", "value", "baseline", "ratio", "cpu s (base)", "target", "")]
    for f in figures:
        value = _fmt(f.value, f.unit) + (" p95" if f.statistic == "p95" and f.value is not None else "")
        ratio = f"{f.ratio:.2f}x" if f.ratio is not None else "-"
        rows.append((f.title, value, _fmt(f.baseline_value, f.unit), ratio, _cpu(f), f.target, _verdict(f)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, r in enumerate(rows):
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:5], widths[1:5], strict=True)]
        cells += [r[5].ljust(widths[5]), r[6]]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("-" * len(lines[0]))
    notes = [f"  {f.key}: {f.note}" for f in figures if f.note]
    baselines = [f"  {f.key}: {f.baseline}" for f in figures if f.baseline and f.status == OK]
    if baselines:
        lines += ["", "baselines:"] + baselines
    if notes:
        lines += ["", "notes:"] + notes
    return "\n".join(lines)


def write_json(path: Path, mode: str, figures: list[Figure], seconds: float, stamp: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "mode": mode,
        "finished": stamp,
        "wall_seconds": round(seconds, 1),
        "machine": machine(),
        "figures": {f.key: f.as_json() for f in figures},
        "errors": [f.key for f in figures if f.status == ERROR],
    }
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


def markdown(report: dict, keys: list[str] | None = None) -> str:
    """A Markdown table of a JSON report (of the figures ``keys`` only, in that order, when given), as
    docs/performance.md and the README quote it."""
    lines = ["| Figure | Target | Measured | Baseline (same run) | Ratio |", "| --- | --- | --- | --- | --- |"]
    figures = report["figures"]
    for fig in (figures.values() if keys is None else (figures[k] for k in keys)):
        if fig["status"] != OK:
            lines.append(f"| {fig['title']} | {fig['target']} | {fig['status']} | | |")
            continue
        value = _fmt(fig["value"], fig["unit"]) + (" (p95)" if fig["statistic"] == "p95" else "")
        mark = {True: " ✓", False: " ✗"}.get(fig["met"], "")
        base = _fmt(fig["baseline_value"], fig["unit"]) if fig["baseline_value"] is not None else ""
        ratio = f"{fig['ratio']:.2f}×" if fig["ratio"] is not None else ""
        lines.append(f"| {fig['title']} | {fig['target']} | {value}{mark} | {base} | {ratio} |")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    # python -m benchmarks.report REPORT.json [KEY,KEY,...]
    chosen = sys.argv[2].split(",") if len(sys.argv) > 2 else None
    print(markdown(json.loads(Path(sys.argv[1]).read_text()), chosen))
