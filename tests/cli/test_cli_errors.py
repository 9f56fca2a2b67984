import json
import os
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _other_app_db(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("kind", ["random", "other-app", "text"])
@pytest.mark.parametrize(
    "command", [["stats"], ["export", "--out", "-"], ["search", "x"], ["review"], ["import", "IN"]]
)
def test_not_a_corpus_is_refused_and_left_unchanged(cli, tmp_path, kind, command):
    path = tmp_path / "thing.db"
    if kind == "random":
        path.write_bytes(os.urandom(2048))
    elif kind == "other-app":
        _other_app_db(path)
    else:
        path.write_text("just some notes\n")
    before = path.read_bytes()
    source = tmp_path / "a.txt"
    source.write_text("An article.")
    args = [source if a == "IN" else a for a in command]
    result = cli("--db", path, *args)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "not an Annotator corpus" in result.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "thing.db"]


def test_directory_as_db(cli, tmp_path):
    result = cli("--db", tmp_path, "stats")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path} is a directory, not a corpus file.\n"


@pytest.mark.parametrize("command", [["stats"], ["export", "--out", "x.jsonl"], ["search", "Foshan"], ["review"]])
def test_reading_commands_do_not_create_a_missing_corpus(cli, tmp_path, command):
    db = tmp_path / "missing.db"
    result = cli("--db", db, *command)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: No corpus at {db}. Create it by importing articles")
    assert not db.exists()


def test_missing_default_corpus_is_not_created_by_stats(cli, default_corpus_in_tmp):
    result = cli("stats")
    assert result.exit_code == 1 and "No corpus at" in result.stderr and "yet" in result.stderr
    assert not default_corpus_in_tmp.exists()


def test_import_into_a_missing_folder(cli, tmp_path):
    db = tmp_path / "no" / "such" / "c.db"
    result = cli("--db", db, "import", tmp_path)
    assert result.exit_code == 1 and result.stderr.startswith("Error: Cannot create")


def test_no_command_opens_the_desktop_interface(cli, db, monkeypatch):
    calls = []
    app = types.ModuleType("annotator.ui.app")
    app.run_gui = lambda db_path, article_id, annotator: calls.append((db_path, article_id, annotator)) or 3
    monkeypatch.setitem(sys.modules, "annotator.ui", types.ModuleType("annotator.ui"))
    monkeypatch.setitem(sys.modules, "annotator.ui.app", app)
    result = cli("--db", db, "--article", "7", "--annotator", "alice")
    assert result.exit_code == 3
    assert calls == [(db, 7, "alice")]
    assert cli().exit_code == 3 and calls[-1] == (None, None, None)


def test_desktop_interface_unavailable_is_a_clear_error(cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "annotator.ui.app", None)  # import fails
    result = cli()
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: The desktop interface cannot start")


def test_version(cli):
    from annotator import __version__

    result = cli("--version")
    assert result.exit_code == 0 and result.stdout == f"annotator, version {__version__}\n"


# --- in a separate process: no Qt, no traceback ----------------------------------------

RUNNER = """
import json, sys
from annotator.cli import main
codes = []
for args in json.loads(sys.argv[1]):
    try:
        main(args, prog_name="annotator")
    except SystemExit as exc:
        codes.append(exc.code or 0)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
sys.stderr.write("RESULT:" + json.dumps({"codes": codes, "qt": qt}) + "\\n")
"""


def run(*args, cwd=None):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", RUNNER, *map(str, args)],
        capture_output=True, text=True, env=env, cwd=cwd or REPO, timeout=60,
    )


def test_help_and_commands_run_without_qt(tmp_path):
    db = tmp_path / "c.db"
    article = tmp_path / "a.txt"
    article.write_text("Heshan logistics hub opens.")
    commands = [
        ["--help"],
        *([name, "--help"] for name in ("import", "export", "stats", "search", "review")),
        ["--db", db, "import", article],
        ["--db", db, "stats"],
        ["--db", db, "export", "--out", tmp_path / "out.jsonl"],
        ["--db", db, "search", "Heshan"],
        ["--db", db, "review"],
    ]
    proc = run(json.dumps([[str(a) for a in c] for c in commands]))
    result = json.loads(proc.stderr.rsplit("RESULT:", 1)[1])
    assert result == {"codes": [0] * len(commands), "qt": []}, proc.stderr
    assert "  [Heshan] logistics hub opens.\n" in proc.stdout  # the search printed its match


def test_user_errors_in_a_real_process_have_no_traceback(tmp_path):
    noise = tmp_path / "noise.db"
    noise.write_bytes(os.urandom(1000))
    proc = run(json.dumps([["--db", str(noise), "stats"]]))
    assert '"codes": [1]' in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"Error: {noise} is not an Annotator corpus")


def test_python_dash_m_annotator(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "annotator", "--help"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=tmp_path, timeout=60,
    )
    assert proc.returncode == 0 and "import" in proc.stdout and "Traceback" not in proc.stderr
