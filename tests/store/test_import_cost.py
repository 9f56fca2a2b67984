"""Opening the store must not drag in pandas or numpy (sqlite-utils imports them when installed)."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_store_import_leaves_pandas_and_numpy_unloaded():
    code = "import sys, annotator.store; print(sorted(m for m in ('pandas', 'numpy') if m in sys.modules))"
    assert _run(code) == "[]"


def test_pandas_still_imports_afterwards():
    pytest.importorskip("pandas")
    code = "import annotator.store, pandas, sqlite_utils; print(pandas.DataFrame({'a': [1, 2]}).shape)"
    assert _run(code) == "(2, 1)"
