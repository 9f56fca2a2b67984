import pytest

from annotator.store import open_corpus


@pytest.fixture
def corpus():
    c = open_corpus(None)
    yield c
    c.close()
