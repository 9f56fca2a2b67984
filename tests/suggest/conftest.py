import pytest

from benchmarks.labelled_news import build_corpus


@pytest.fixture(scope="session")
def news_db(tmp_path_factory):
    """A small synthetic labelled corpus: 40 finished articles with the 'gold' layer, 20 new ones."""
    path = tmp_path_factory.mktemp("news") / "news.db"
    build_corpus(path, 40, 20).close()
    return path


@pytest.fixture(scope="session")
def news_model(news_db, tmp_path_factory):
    """A CRF trained on the 'gold' layer (few iterations: the suite stays fast)."""
    from annotator.store import open_corpus
    from annotator.suggest.training import TrainOptions, train_model

    out = tmp_path_factory.mktemp("model") / "crf"
    with open_corpus(news_db) as corpus:
        train_model(corpus, TrainOptions(annotator="gold", iterations=60), out)
    return out
