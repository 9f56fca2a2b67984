"""SQL lives in annotator/store only: no other module runs a statement of its own."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "annotator"
# Statements as they are written here: keywords in upper case.
SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|DROP|ALTER|BEGIN|COMMIT|WITH)\b")
PENDING: dict[str, str] = {}  # a module that still runs SQL of its own, and why


def outside_store() -> list[Path]:
    return sorted(
        p for p in PACKAGE.rglob("*.py")
        if "__pycache__" not in p.parts and p.relative_to(PACKAGE).parts[0] != "store"
    )


def statements(path: Path) -> list[str]:
    """String literals that read as SQL, and calls of a connection's execute methods."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value):
            found.append(node.value.strip()[:60])
        if isinstance(node, ast.Attribute) and node.attr in ("execute", "executemany", "executescript"):
            owner = node.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if name in ("db", "conn", "connection", "cursor", "cur"):  # a connection's, not a command's
                found.append(f"{name}.{node.attr}")
    return found


def test_the_scan_finds_sql():
    assert statements(PACKAGE / "store" / "articles.py")


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, marks=pytest.mark.xfail(reason=PENDING[key]))
        if (key := p.relative_to(PACKAGE).as_posix()) in PENDING else p
        for p in outside_store()
    ],
    ids=lambda p: p.relative_to(PACKAGE).as_posix(),
)
def test_no_sql_outside_the_store(path):
    assert statements(path) == []


def test_the_annotation_and_annotator_join_is_written_once():
    """Annotations with their annotator's and reviewer's names (a sort may join annotators alone)."""
    join = re.compile(r"JOIN\s+annotators\s+\w+\s+ON\s+\w+\.id\s*=\s*a\.annotator_id\s+LEFT\s+JOIN\s+annotators", re.I)
    found = {
        p.relative_to(PACKAGE).as_posix(): len(join.findall(p.read_text(encoding="utf-8")))
        for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts
    }
    found = {name: n for name, n in found.items() if n and name not in PENDING}
    assert found == {"store/annotations.py": 1}, "use store.annotations.ANNOTATION_JOIN"
