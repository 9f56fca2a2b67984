import json

from anchorpoint.textselectors import TextPositionSelector, TextQuoteSelector

from annotator.formats import export_corpus
from annotator.formats.dataset import ExportOptions


def _annotations(path) -> list[dict]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    data = json.loads(raw.decode("utf-8"))
    assert isinstance(data, list)
    return data


def _selectors(annotation):
    (quote,) = [s for s in annotation["target"]["selector"] if s["type"] == "TextQuoteSelector"]
    (position,) = [s for s in annotation["target"]["selector"] if s["type"] == "TextPositionSelector"]
    return quote, position


def test_w3c_selectors_anchor_in_the_text_with_anchorpoint(tricky, tmp_path):
    out = tmp_path / "annotations.jsonld"
    export_corpus(tricky.corpus, out, "w3c")
    annotations = _annotations(out)
    assert len(annotations) == 24
    sources = {f"urn:annotator:article:{i}": key for key, i in tricky.ids.items()}
    found: dict[str, list] = {key: [] for key in tricky.ids}
    for a in annotations:
        assert a["@context"] == "http://www.w3.org/ns/anno.jsonld" and a["type"] == "Annotation"
        key = sources[a["target"]["source"]]
        text = tricky.text(key)
        quote, position = _selectors(a)
        pos = TextPositionSelector(start=position["start"], end=position["end"])
        assert pos.select_text(text) == quote["exact"]  # code points
        anchored = TextQuoteSelector(exact=quote["exact"], prefix=quote["prefix"], suffix=quote["suffix"]).as_position(
            text
        )
        assert (anchored.start, anchored.end) == (position["start"], position["end"])
        assert text[: position["start"]].endswith(quote["prefix"]) and text[position["end"] :].startswith(
            quote["suffix"]
        )
        (tag,) = [b["value"] for b in a["body"] if b["purpose"] == "tagging"]
        found[key].append((position["start"], position["end"], tag))
    for key, spans in found.items():
        assert sorted(spans) == tricky.spans(key)


def test_w3c_bodies_creator_and_times(tricky, tmp_path):
    out = tmp_path / "annotations.jsonld"
    export_corpus(tricky.corpus, out, "w3c")
    by_exact = {_selectors(a)[0]["exact"]: a for a in _annotations(out)}
    flag = by_exact["🇨🇳 Foshan"]
    assert flag["body"] == [
        {"type": "TextualBody", "purpose": "tagging", "value": "LOCATION"},
        {"type": "TextualBody", "purpose": "commenting", "value": "multi\nline\tnote", "format": "text/plain"},
    ]
    assert flag["creator"] == {"type": "Person", "name": "alice"}
    assert flag["created"].endswith("+00:00") and flag["modified"] >= flag["created"]
    assert flag["id"].startswith("urn:annotator:annotation:")
    assert len({a["id"] for a in by_exact.values()}) == len(by_exact)
    first = by_exact["👨🏻\u200d🚒 firemen"]
    assert _selectors(first)[1] == {"type": "TextPositionSelector", "start": 0, "end": 12}
    assert _selectors(first)[0]["prefix"] == ""
    last = by_exact["District is in 佛山市"]
    assert _selectors(last)[0]["suffix"] == ""
    assert len(_selectors(by_exact["firetrucks"])[0]["prefix"]) <= 32


def test_w3c_target_is_the_url_when_there_is_one(corpus, tmp_path):
    from annotator.core.model import Annotation

    a = corpus.articles.add("Web", "Midea is in Foshan.", url="https://news.example/foshan")
    label = corpus.labels.list()[0]
    corpus.annotations.add(Annotation(None, a.id, label.id, 12, 18, "Foshan", "mei"))
    out = tmp_path / "w.jsonld"
    export_corpus(corpus, out, "w3c", ExportOptions())
    (annotation,) = _annotations(out)
    assert annotation["target"]["source"] == "https://news.example/foshan"
    assert [b["purpose"] for b in annotation["body"]] == ["tagging"]
