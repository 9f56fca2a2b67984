"""annotator train and pre-annotate, as a user runs them."""

import json

from annotator.store import open_corpus
from benchmarks.labelled_news import build_corpus


def _corpus(tmp_path):
    path = tmp_path / "news.db"
    build_corpus(path, 30, 10).close()
    return path


def test_train_prints_per_label_scores_and_pre_annotate_stores_a_layer(cli, tmp_path):
    db = _corpus(tmp_path)
    result = cli("--db", db, "train", "--annotator", "gold", "--iterations", "40", "--out", tmp_path / "m", "--quiet")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Trained crf on 27 article(s)") and "held out 3 (seed 0)" in lines[0]
    assert lines[1].split() == ["label", "precision", "recall", "F1", "support"]
    assert {line.split()[0] for line in lines[2:6]} == {"LOC", "MISC", "ORG", "PER"} and lines[6].startswith("all")
    manifest = json.loads((tmp_path / "m" / "manifest.json").read_text())
    assert manifest["engine"] == "crf" and manifest["trained_from"]["annotator"] == "gold"

    result = cli(  # --status speaks of the analyst's own status (here the gold layer's analyst)
        "--db", db, "--annotator", "gold", "pre-annotate", "--model", tmp_path / "m", "--as", "model",
        "--status", "new", "--quiet",
    )
    assert result.exit_code == 0, result.output
    assert "as 'model' on 10 article(s) (replacing 0 earlier)" in result.stderr
    with open_corpus(db) as corpus:
        assert corpus.stats()["annotations_by_annotator"]["model"] > 50

    result = cli(
        "--db", db, "pre-annotate", "--model", tmp_path / "m", "--as", "model", "--article-ids", "31,32", "--quiet"
    )
    assert "on 2 article(s)" in result.stderr and "replacing 0 earlier" not in result.stderr


def test_json_manifest_and_label_choice(cli, tmp_path):
    db = _corpus(tmp_path)
    result = cli(
        "--db",
        db,
        "train",
        "--annotator",
        "gold",
        "--label",
        "PER",
        "--no-clusters",
        "--iterations",
        "30",
        "--out",
        tmp_path / "m",
        "--json",
        "--quiet",
    )
    data = json.loads(result.stdout)
    assert data["labels"] == ["PER"] and list(data["scores"]["labels"]) == ["PER"]


def test_bad_input_is_told_in_words(cli, tmp_path):
    db = _corpus(tmp_path)
    result = cli("--db", db, "--annotator", "nobody", "train", "--out", tmp_path / "m")
    assert result.exit_code == 1 and "Nothing to train from: no nobody's annotations" in result.stderr
    result = cli("--db", db, "pre-annotate", "--model", tmp_path / "missing", "--as", "model")
    assert result.exit_code == 1 and "No model at" in result.stderr
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine")
    result = cli("--db", db, "train", "--annotator", "gold", "--out", tmp_path / "full")
    assert result.exit_code == 1 and "holds other files" in result.stderr
    assert (tmp_path / "full" / "notes.txt").read_text() == "mine"
    result = cli("--db", db, "pre-annotate", "--model", tmp_path / "m", "--as", "x", "--label-map", "ORG")
    assert result.exit_code == 2 and "ENT=TAG" in result.stderr
    result = cli("--db", db, "pre-annotate", "--model", tmp_path / "m", "--as", "x", "--article-ids", "999")
    assert result.exit_code != 0


def test_train_from_a_layer_imported_from_conll(cli, tmp_path):
    from pathlib import Path

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "imports" / "conll2003_iob2.conll"
    db = tmp_path / "conll.db"
    result = cli("--db", db, "import", "--as", "conll", fixture)  # the file names no annotator
    assert result.exit_code == 0, result.output
    result = cli("--db", db, "train", "--annotator", "conll", "--status", "any", "--no-clusters",
                 "--iterations", "20", "--out", tmp_path / "m", "--quiet")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Trained crf on 1 article(s)" in result.stdout and "held out 1" in result.stdout
    result = cli("--db", db, "pre-annotate", "--model", tmp_path / "m", "--as", "model", "--quiet")
    assert result.exit_code == 0 and "as 'model' on 2 article(s)" in result.stderr
