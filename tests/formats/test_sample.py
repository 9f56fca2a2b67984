from pathlib import Path

import platformdirs

from annotator.formats import sample
from annotator.formats.sample import default_corpus_path, open_default_corpus


def test_default_corpus_path_is_in_the_user_data_folder():
    path = default_corpus_path()
    assert path.name == "corpus.db"
    assert path.parent == Path(platformdirs.user_data_dir("Annotator", appauthor=False))


def test_first_creation_adds_the_sample_once(tmp_path):
    path = tmp_path / "data" / "Annotator" / "corpus.db"
    with open_default_corpus(path) as corpus:
        (article,) = corpus.articles.iter_all()
        assert article.title.startswith("Jiangmen and Zhaoqing sign")
        assert article.meta["section"] == "Pearl River Delta"
        assert article.source == "Western Delta Daily"
        assert article.text == sample.SAMPLE_ARTICLE.read_text(encoding="utf-8")
        corpus.articles.delete(article.id)
    with open_default_corpus(path) as corpus:
        assert corpus.articles.count() == 0  # deleted by the user: not added back


def test_default_location_is_used_without_a_path(tmp_path, monkeypatch):
    target = tmp_path / "home" / "corpus.db"
    monkeypatch.setattr(sample, "default_corpus_path", lambda: target)
    with open_default_corpus() as corpus:
        assert corpus.path == target and corpus.articles.count() == 1


def test_missing_resource_still_creates_the_corpus(tmp_path, monkeypatch):
    monkeypatch.setattr(sample, "SAMPLE_ARTICLE", tmp_path / "absent.txt")
    with open_default_corpus(tmp_path / "c.db") as corpus:
        assert corpus.articles.count() == 0
