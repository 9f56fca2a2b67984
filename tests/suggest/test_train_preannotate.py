"""train + pre-annotate: a model trained on a layer reproduces most of it; exact offsets; cancel; re-runs."""

import pytest

from annotator.core.model import Annotation, Label
from annotator.store import InvalidAnnotationError, open_corpus
from annotator.store.layers import article_statuses, layer_docs, replace_layer
from annotator.suggest.crf import Cancelled
from annotator.suggest.evaluate import score
from annotator.suggest.model import Manifest, ModelError, load_model
from annotator.suggest.preannotate import preannotate
from annotator.suggest.training import TrainOptions, split, train_model


def _layer(corpus, name, ids):
    return {d.article_id: d.spans for d in layer_docs(corpus, ids, name) if d.spans}


def test_a_model_trained_on_a_layer_reproduces_most_of_it(news_db, news_model, tmp_path):
    manifest = Manifest.read(news_model)
    assert manifest.engine == "crf" and manifest.labels == ["LOC", "MISC", "ORG", "PER"]
    assert manifest.trained_from["held_out_articles"] == 4 and manifest.scores["overall"]["f1"] > 0.6
    copy = tmp_path / "c.db"
    copy.write_bytes(news_db.read_bytes())
    with open_corpus(copy, user="gold") as corpus:  # the gold layer's analyst's statuses
        done = [i for i, s in article_statuses(corpus).items() if s == "done"]
        report = preannotate(corpus, load_model(news_model), done, "model")
        assert report.articles == len(done) and report.spans > 0
        gold, got = _layer(corpus, "gold", done), _layer(corpus, "model", done)
    figures = score((gold[i], got.get(i, ())) for i in done)
    assert figures["overall"]["f1"] > 0.85, figures


def test_held_out_split_is_seeded_and_disjoint():
    ids = list(range(1, 101))
    train, held = split(ids, 0.1, 7)
    assert len(held) == 10 and not set(train) & set(held) and sorted(train + held) == ids
    assert split(ids, 0.1, 7) == (train, held) and split(ids, 0.1, 8) != (train, held)


def _emoji_cjk_corpus(path):
    corpus = open_corpus(path)
    loc = corpus.labels.list()[0]
    texts = [
        "👍 Visitors to 佛山市 liked 🇨🇳 Shunde 😀 and 顺德区 today.",
        "𠮷野家 opened near 佛山市 👨‍👩‍👧 while Shunde waited.",
        "In 顺德区 😀 and Shunde 👍, 佛山市 grew fast.",
    ]
    for i, text in enumerate(texts * 4):
        art = corpus.articles.add(f"a{i}", text + " " * (i + 1))
        spans = [(text.index(w), text.index(w) + len(w)) for w in ("佛山市", "Shunde", "顺德区") if w in text]
        corpus.annotations.add_many([Annotation(None, art.id, loc.id, s, e, text[s:e], "ana") for s, e in spans])
    return corpus


def test_offsets_are_exact_on_emoji_and_cjk_text(tmp_path):
    with _emoji_cjk_corpus(tmp_path / "c.db") as corpus:
        train_model(corpus, TrainOptions(annotator="ana", statuses=None, clusters=False), tmp_path / "m")
        ids = [i for (i,) in corpus.db.execute("SELECT id FROM articles")]
        report = preannotate(corpus, load_model(tmp_path / "m"), ids, "model")
        assert report.spans > 0
        for a_id in ids:
            text = corpus.articles.get(a_id).text
            for s, e, _tag in _layer(corpus, "model", [a_id]).get(a_id, ()):
                assert text[s:e] in ("佛山市", "Shunde", "顺德区")


def test_rerun_replaces_only_that_layer_on_those_articles(news_db, news_model, tmp_path):
    copy = tmp_path / "c.db"
    copy.write_bytes(news_db.read_bytes())
    with open_corpus(copy, user="gold") as corpus:  # the gold layer's analyst's statuses
        new = [i for i, s in article_statuses(corpus).items() if s == "new"]
        tagger = load_model(news_model)
        preannotate(corpus, tagger, new, "model")
        before_gold = corpus.stats()["annotations_by_annotator"]["gold"]
        first = _layer(corpus, "model", new)
        report = preannotate(corpus, tagger, new[:5], "model")
        assert report.replaced == sum(len(first[i]) for i in new[:5] if i in first)
        assert _layer(corpus, "model", new) == first  # same spans, nothing doubled, the rest untouched
        assert corpus.stats()["annotations_by_annotator"]["gold"] == before_gold


def test_cancel_stops_between_articles_and_keeps_those_done(news_db, news_model, tmp_path):
    copy = tmp_path / "c.db"
    copy.write_bytes(news_db.read_bytes())
    with open_corpus(copy, user="gold") as corpus:  # the gold layer's analyst's statuses
        new = [i for i, s in article_statuses(corpus).items() if s == "new"]
        report = preannotate(corpus, load_model(news_model), new, "model", progress=lambda done, total: done < 3)
        assert report.cancelled and report.articles == 3
        assert set(_layer(corpus, "model", new)) <= set(new[:3])


def test_cancelled_training_writes_nothing(news_db, tmp_path):
    with open_corpus(news_db) as corpus:
        with pytest.raises(Cancelled):
            train_model(
                corpus,
                TrainOptions(annotator="gold", clusters=False),
                tmp_path / "m",
                progress=lambda stage, i, n: i < 3,
            )
    assert not (tmp_path / "m").exists() and list(tmp_path.iterdir()) == []


def test_replace_layer_is_one_transaction(news_db, tmp_path):
    copy = tmp_path / "c.db"
    copy.write_bytes(news_db.read_bytes())
    with open_corpus(copy) as corpus:
        art = corpus.articles.get(1)
        lab = corpus.labels.list()[0]
        good = Annotation(None, 1, lab.id, 0, 3, art.text[:3], "model")
        replace_layer(corpus, 1, "model", [good])
        bad = Annotation(None, 1, lab.id, 0, 3, "xyz", "model")  # text that is not there
        with pytest.raises(InvalidAnnotationError):
            replace_layer(corpus, 1, "model", [good, bad])
        assert [(s, e) for s, e, _ in _layer(corpus, "model", [1])[1]] == [(0, 3)]


def test_unknown_tags_are_skipped_or_mapped(news_db, news_model, tmp_path):
    copy = tmp_path / "c.db"
    copy.write_bytes(news_db.read_bytes())
    with open_corpus(copy) as corpus:
        corpus.db.execute("UPDATE labels SET tag = 'PERSON' WHERE tag = 'PER'")
        report = preannotate(corpus, load_model(news_model), [41, 42], "model")
        assert report.skipped_tags["PER"] > 0 and "--label-map" in report.summary("model")
        report = preannotate(corpus, load_model(news_model), [41, 42], "model", label_map={"PER": "PERSON"})
        assert not report.skipped_tags
        with pytest.raises(ValueError):
            preannotate(corpus, load_model(news_model), [41], "model", label_map={"PER": "NOPE"})


def test_a_folder_that_is_no_model_is_refused(tmp_path):
    (tmp_path / "x").mkdir()
    with pytest.raises(ModelError):
        load_model(tmp_path / "x")
    with pytest.raises(ModelError):
        load_model(tmp_path / "missing")


def test_spacy_engine_writes_a_pipeline_spacy_loads(tmp_path):
    spacy = pytest.importorskip("spacy")
    with _emoji_cjk_corpus(tmp_path / "c.db") as corpus:
        corpus.labels.add(Label(None, "Extra", "EXTRA", "#123456"))
        manifest = train_model(
            corpus, TrainOptions(annotator="ana", statuses=None, engine="spacy", iterations=3), tmp_path / "sp"
        )
    assert manifest.engine == "spacy" and manifest.labels == ["LOCATION"]
    nlp = spacy.load(tmp_path / "sp")
    assert "ner" in nlp.pipe_names and set(nlp.get_pipe("ner").labels) == {"LOCATION"}
    assert load_model(tmp_path / "sp").labels == ["LOCATION"]
