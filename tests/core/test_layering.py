"""The layers, checked on the source: core uses the standard library only, and only
annotator/ui may import Qt. Dependencies point one way: core <- store <- formats <- suggest <- cli."""

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "annotator"
LAYERS = ["core", "store", "formats", "suggest", "cli"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def sources(under: Path):
    return sorted(p for p in under.rglob("*.py") if "__pycache__" not in p.parts)


def test_the_scan_sees_the_package():
    assert len(sources(PACKAGE / "core")) >= 4 and len(sources(PACKAGE / "formats")) >= 8


@pytest.mark.parametrize("path", sources(PACKAGE / "core"), ids=lambda p: p.name)
def test_core_imports_only_the_standard_library(path):
    for name in imported_modules(path):
        top = name.split(".")[0]
        assert top in sys.stdlib_module_names or name.startswith("annotator.core"), f"{path.name} imports {name}"


@pytest.mark.parametrize(
    "path", [p for p in sources(PACKAGE) if "ui" not in p.relative_to(PACKAGE).parts[:1]],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_nothing_outside_ui_imports_qt(path):
    for name in imported_modules(path):
        assert not name.split(".")[0].startswith(("PySide", "PyQt", "shiboken", "qtpy")), f"{path} imports {name}"


@pytest.mark.parametrize("layer", LAYERS)
def test_layers_import_only_layers_below(layer):
    above = LAYERS[LAYERS.index(layer) + 1 :] + ["ui"]
    for path in sources(PACKAGE / layer):
        for name in imported_modules(path):
            parts = name.split(".")
            if parts[0] == "annotator" and len(parts) > 1 and parts[1] in above:
                # the CLI starts the desktop interface, lazily, from one function
                if layer == "cli" and name == "annotator.ui.app":
                    continue
                pytest.fail(f"{path.relative_to(PACKAGE)} imports {name}, a layer above {layer}")
