from pathlib import Path

import pytest

from annotator.store import open_corpus

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FOSHAN = FIXTURES / "greater_bay_area_foshan.txt"


@pytest.fixture
def corpus():
    c = open_corpus(None)
    yield c
    c.close()


@pytest.fixture
def foshan_path() -> Path:
    return FOSHAN


@pytest.fixture
def tricky(corpus, tmp_path):
    """The corpus every exporter is checked against (see corpora.py)."""
    from tests.formats.corpora import fill

    return fill(corpus, tmp_path / "sources")
