from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.formats import sample

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(autouse=True)
def default_corpus_in_tmp(tmp_path, monkeypatch) -> Path:
    """Keep the default corpus of every test inside its temporary folder."""
    path = tmp_path / "userdata" / "corpus.db"
    monkeypatch.setattr(sample, "default_corpus_path", lambda: path)
    return path


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "corpus.db"


@pytest.fixture
def cli():
    runner = CliRunner()

    def invoke(*args, **kwargs):
        result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False, **kwargs)
        assert "Traceback" not in result.output and "Traceback" not in result.stderr
        return result

    return invoke


@pytest.fixture
def foshan() -> Path:
    return FIXTURES / "greater_bay_area_foshan.txt"
