"""The benchmark's table as a bar chart: each figure against its target and its baseline.

    python -m benchmarks.chart benchmarks/results/latest.json out.png

Every figure is drawn as a share of what its target allows (the lower of its limit and its
ratio to the baseline times that baseline), so figures in seconds, milliseconds and megabytes
share one axis: the target is the line at 100 %, a bar past it is a missed target. The baseline
of the same run is drawn beside it. Needs matplotlib (``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CAP = 300.0  # percent: the widest the scale goes


def allowed(fig: dict) -> float | None:
    """What the target allows, in the figure's unit."""
    bounds = []
    if fig.get("limit") is not None:
        bounds.append(fig["limit"])
    if fig.get("max_ratio") is not None and fig.get("baseline_value"):
        bounds.append(fig["max_ratio"] * fig["baseline_value"])
    return min(bounds) if bounds else None


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    return f"{value:.0f} {unit}"


def draw(report: dict, out: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [f for f in report["figures"].values() if f["status"] == "ok" and f["value"] and allowed(f)]
    rows.reverse()  # the first figure on top
    height = max(3.0, 1.4 + 0.5 * len(rows))
    fig, ax = plt.subplots(figsize=(11, height), dpi=110)
    names = [_short(f["title"]) for f in rows]
    shares = [100 * f["value"] / allowed(f) for f in rows]
    bases = [100 * f["baseline_value"] / allowed(f) if f.get("baseline_value") else 0 for f in rows]
    ys = range(len(rows))
    colours = ["#2e7d32" if f["met"] else "#c62828" for f in rows]
    top = min(max([*shares, *bases, 100]) * 1.3, CAP)  # far misses run off the scale, their value written
    ax.barh([y + 0.18 for y in ys], [min(x, top) for x in shares], height=0.36, color=colours,
            label="measured (green: met, red: missed)")
    ax.barh([y - 0.18 for y in ys], [min(x, top) for x in bases], height=0.36, color="#9e9e9e",
            label="baseline, same run")
    ax.axvline(100, color="#212121", linewidth=1.2, linestyle="--", label="target")
    for y, f, share in zip(ys, rows, shares, strict=True):
        text = _fmt(f["value"], f["unit"]) + (" p95" if f["statistic"] == "p95" else "")
        if share > top:
            text = f"{text} ({share:.0f} %, off the scale)"
            ax.text(top * 0.98, y + 0.18, text, va="center", ha="right", fontsize=8, color="white", weight="bold")
        else:
            ax.text(share + top * 0.01, y + 0.18, text, va="center", fontsize=8)
    ax.set_yticks(list(ys), names, fontsize=8)
    ax.set_xlim(0, top)
    ax.set_xlabel("share of what the target allows (%)")
    machine = report.get("machine", {})
    ax.set_title(
        f"Annotator benchmark, {report['mode']} mode, {report['finished'][:10]} "
        f"({machine.get('cores', '?')} cores, Python {machine.get('python', '?')})",
        fontsize=10,
    )
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)
    plt.close(fig)
    return out


def _short(title: str, width: int = 62) -> str:
    """The title within ``width`` characters, cut in the middle: the end tells figures apart that
    begin alike ("export one ... article ... to conll" and "... to hf")."""
    if len(title) <= width:
        return title
    tail = width // 3
    return title[: width - tail - 1] + "…" + title[-tail:]


if __name__ == "__main__":
    source = Path(sys.argv[1])
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else source.with_suffix(".png")
    print(draw(json.loads(source.read_text()), target))
