"""The benchmark's quick path runs end to end, so `make bench` cannot rot unnoticed.

It checks that every figure of the performance table is produced (or reported as not
available when its feature is missing); it asserts nothing about speed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.scenarios import SCENARIOS

pytestmark = pytest.mark.slow  # runs the benchmark in a subprocess; `pytest -m 'not slow'` leaves it out

ROOT = Path(__file__).resolve().parents[1]


def test_tiny_benchmark_reports_every_figure(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--mode", "tiny", "--quiet", "--results", str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads((tmp_path / "latest-tiny.json").read_text())
    expected = {key for s in SCENARIOS for key in s.figures}
    assert set(report["figures"]) == expected
    assert report["errors"] == []
    for key, fig in report["figures"].items():
        assert fig["status"] in ("ok", "not available"), key
        if fig["status"] == "ok":
            assert fig["value"] > 0, key
            assert fig["met"] in (True, False), key
            if fig["baseline"]:
                assert fig["baseline_value"] > 0 and fig["ratio"] > 0, key
        else:
            assert fig["note"], key
    assert "import 40 UTF-8 .txt articles" in done.stdout  # the printed table
    assert (tmp_path / "cache").is_dir()  # generated inputs are cached for the next run

