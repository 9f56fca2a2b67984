"""The wheel, installed (not editable) into a fresh virtual environment, is a complete app.

Builds the wheel from a copy of the project, installs it with --no-deps into a new venv whose
dependencies come from the current environment through a .pth line, and runs the installed
`annotator` there: --version, an import into the default corpus (which must get the sample
article, proving the resources are found), an export, and the window started offscreen.
Takes about 25 s on a 2-core machine (most of it building the wheel).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

import annotator

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("annotator", "resources", "packaging", "pyproject.toml", "README.md")


def _run(args, env, cwd, timeout=120) -> subprocess.CompletedProcess:
    result = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{args} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return result


pytestmark = pytest.mark.slow  # builds and installs a wheel; `pytest -m 'not slow'` leaves it out


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"
    src.mkdir()
    for part in PARTS:  # a clean copy: no build/ or egg-info from the checkout, nothing written into it
        path = ROOT / part
        if path.is_dir():
            shutil.copytree(path, src / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(path, src / part)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(src)], env, work, 300)
    (wheel,) = (work / "dist").glob("annotator-*.whl")

    target = work / "venv"
    venv.create(target, with_pip=False, symlinks=os.name != "nt")
    bindir = target / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index", str(wheel)],
         env, work)
    purelib = Path(
        _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], env, work).stdout.strip()
    )
    # The dependencies (PySide6, sqlite-utils, ...) from this environment, after the new venv's own
    # packages: a plain path line, so the editable install's finder here is never activated.
    (purelib / "zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    home = work / "home"
    env.update(
        XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"), HOME=str(home),
        QT_QPA_PLATFORM="offscreen", PATH=str(bindir) + os.pathsep + env.get("PATH", ""),
    )
    return {"work": work, "bin": bindir, "python": python, "env": env, "purelib": purelib}


def test_annotator_is_imported_from_the_installed_wheel(installed):
    out = _run([str(installed["python"]), "-c", "import annotator, sys; print(annotator.__file__); print(sys.prefix)"],
               installed["env"], installed["work"]).stdout.split("\n")
    where = Path(out[0]).resolve()
    assert where.is_relative_to(installed["purelib"].resolve()), where
    assert not where.is_relative_to(ROOT), "the source tree leaked into the new environment"


def test_version(installed):
    out = _run([str(installed["bin"] / "annotator"), "--version"], installed["env"], installed["work"]).stdout
    assert out.strip() == f"annotator, version {annotator.__version__}"


def test_resources_and_desktop_files_are_installed(installed):
    prefix = installed["python"].parent.parent
    share = prefix / "share"
    assert (share / "annotator" / "resources" / "sample_article.txt").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "annotator.svg").is_file()
    for n in (16, 24, 32, 48, 64, 128, 256, 512):
        assert (share / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "annotator.png").is_file()
        assert (
            share / "annotator" / "resources" / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "annotator.png"
        ).is_file()
    assert (share / "applications" / "io.github.annotator.Annotator.desktop").is_file()
    assert (share / "metainfo" / "io.github.annotator.Annotator.metainfo.xml").is_file()
    code = ("from annotator.formats.sample import SAMPLE_ARTICLE; from annotator.ui.icons import icon_files; "
            "print(SAMPLE_ARTICLE); print(len(icon_files()))")
    out = _run([str(installed["python"]), "-c", code], installed["env"], installed["work"]).stdout.split("\n")
    assert Path(out[0]).resolve() == (share / "annotator" / "resources" / "sample_article.txt").resolve()
    assert out[1] == "9"  # the SVG and eight PNG sizes


def test_headless_import_and_export_in_the_default_corpus(installed, tmp_path):
    env, run = installed["env"], installed["bin"] / "annotator"
    article = tmp_path / "nansha.txt"
    article.write_text(
        "Nansha port opens new container berths\n\nThe berths in Nansha serve Guangzhou.\n", encoding="utf-8"
    )
    _run([str(run), "import", str(article)], env, tmp_path)
    corpus = Path(env["XDG_DATA_HOME"]) / "Annotator" / "corpus.db"
    assert corpus.is_file()
    dataset = tmp_path / "out.jsonl"
    _run([str(run), "export", "--format", "jsonl", "--out", str(dataset)], env, tmp_path)
    titles = [json.loads(line)["title"] for line in dataset.read_text(encoding="utf-8").splitlines()]
    # The default corpus starts with the bundled sample article: the installed resources were found.
    assert len(titles) == 2 and titles[1] == "Nansha port opens new container berths"
    assert titles[0].startswith("Jiangmen and Zhaoqing sign freight corridor agreement")


def test_the_window_starts_offscreen(installed):
    env = dict(installed["env"], ANNOTATOR_SMOKE_TEST="1")
    out = _run([str(installed["bin"] / "annotator")], env, installed["work"], timeout=60).stdout
    assert out.startswith("smoke test passed: offscreen window, article 1")
