"""Smoke-test a built Annotator: `python packaging/smoke_test.py dist/annotator/annotator`.

Runs the built program the way a user would, in a throw-away home folder:
  1. --version prints the project version;
  2. an HTML article is imported headless into the default corpus, which must be created with the
     bundled sample article (the resources were found), then the corpus is exported and checked;
  3. the bundled sample is imported into a corpus named with --db, and exported;
  4. the window starts offscreen, shows the sample article, checks itself and quits
     (ANNOTATOR_SMOKE_TEST=1, see annotator/ui/smoke.py);
and checks that the Qt plugins the app needs are in the bundle. Exit status 0 when all pass.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ("platforms/*qoffscreen*", "platforms/*qxcb*", "imageformats/*qsvg*", "imageformats/*qpng*|builtin",
           "iconengines/*qsvgicon*", "xcbglintegrations/*")
HTML = """<html><head><title>Nansha port opens new container berths</title></head><body>
<nav>Home | News | Contact</nav><article><h1>Nansha port opens new container berths</h1>
<p>Four new container berths opened at Nansha on Monday, adding capacity for ships bound for Guangzhou
and the wider Greater Bay Area. The port authority said the berths would handle two million containers a year.</p>
<p>Officials expect the expansion to attract logistics companies to the district.</p></article>
<footer>Copyright</footer></body></html>"""


def run(args: list[str], env: dict, timeout: int = 120) -> str:
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise SystemExit(f"FAILED: {' '.join(args)} exited {result.returncode}\n{result.stdout}{result.stderr}")
    return result.stdout


def exported(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check_plugins(program: Path) -> None:
    found = list(program.parent.rglob("PySide6/Qt/plugins"))
    if not found:
        raise SystemExit(f"FAILED: no Qt plugins folder under {program.parent}")
    plugins = found[0]
    for pattern in PLUGINS:
        options = pattern.split("|")
        if not any(o == "builtin" or list(plugins.glob(o)) for o in options):
            raise SystemExit(f"FAILED: Qt plugin {options[0]} is missing from {plugins}")
    print(f"ok  Qt plugins: {', '.join(sorted(p.name for p in plugins.iterdir()))}")


def main(program: Path) -> int:
    program = program.resolve()
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    check_plugins(program)
    with tempfile.TemporaryDirectory(prefix="annotator-smoke-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_", "VIRTUAL_ENV"))}
        env.update(HOME=str(work / "home"), XDG_DATA_HOME=str(work / "data"), XDG_CONFIG_HOME=str(work / "config"),
                   QT_QPA_PLATFORM="offscreen")
        exe = str(program)

        out = run([exe, "--version"], env).strip()
        if out != f"annotator, version {version}":
            raise SystemExit(f"FAILED: --version printed {out!r}")
        print(f"ok  {out}")

        page = work / "nansha.html"
        page.write_text(HTML, encoding="utf-8")
        run([exe, "import", str(page)], env)
        default = work / "data" / "Annotator" / "corpus.db"
        if not default.is_file():
            raise SystemExit(f"FAILED: the default corpus was not created at {default}")
        run([exe, "export", "--format", "jsonl", "--out", str(work / "default.jsonl")], env)
        articles = exported(work / "default.jsonl")
        titles = [a["title"] for a in articles]
        if len(articles) != 2 or not titles[0].startswith("Jiangmen and Zhaoqing"):
            raise SystemExit(f"FAILED: the default corpus should hold the sample article and the import: {titles}")
        if "Four new container berths" not in articles[1]["text"] or "Copyright" in articles[1]["text"]:
            raise SystemExit("FAILED: the HTML import did not extract the article text")
        print(f"ok  headless import (HTML) and export of the default corpus: {len(articles)} articles, sample first")

        sample = next(program.parent.rglob("resources/sample_article.txt"))
        db = work / "other.db"
        run([exe, "--db", str(db), "import", str(sample)], env)
        run([exe, "--db", str(db), "export", "--format", "jsonl", "--out", str(work / "other.jsonl")], env)
        (article,) = exported(work / "other.jsonl")
        if article["title"] != titles[0]:
            raise SystemExit(f"FAILED: the sample imported with --db has title {article['title']!r}")
        print(f"ok  import and export of the bundled sample with --db: “{article['title'][:50]}…”")

        out = run([exe], dict(env, ANNOTATOR_SMOKE_TEST="1"), timeout=60).strip()
        if not out.startswith("smoke test passed:"):
            raise SystemExit(f"FAILED: the window did not check out: {out}")
        print(f"ok  {out}")
    print("package smoke test passed")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
