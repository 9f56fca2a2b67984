import json

from annotator.formats import Outcome, iter_import
from annotator.formats.import_labelstudio import detect_json, read_labelstudio

from .labelled_samples import FLAG_HK, TEXT, expected_spans, find, stored_spans, utf16


def region(n, start, end, text, labels, **extra):
    return {"id": f"r{n}", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": labels}, **extra}


def task(text, *annotations, **extra):
    return {"id": extra.pop("id", 1), "data": {"text": text, **extra.pop("data", {})}, "annotations": list(annotations),
            "predictions": extra.pop("predictions", []), **extra}


def write(path, value):
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def test_export_with_astral_cjk_nested_and_overlapping_spans(corpus, tmp_path):
    results = [region(n, s, e, t, [label]) for n, (s, e, label, t) in enumerate(expected_spans())]
    ann = {"id": 5, "completed_by": {"id": 2, "email": "mei@example.org"}, "was_cancelled": False, "result": results}
    path = write(tmp_path / "export.json", [task(TEXT, ann, id=31, data={"title": "Firemen", "source": "south"},
                                                 meta={"batch": 3})])
    (result,) = iter_import(corpus, [path])
    assert result.outcome is Outcome.IMPORTED and result.where == "task 31" and not result.warnings
    assert stored_spans(corpus, result.article_id) == expected_spans()
    article = corpus.articles.get(result.article_id)
    assert article.title == "Firemen" and article.meta == {"source": "south", "batch": 3, "source_id": 31}
    assert {a.annotator for a in corpus.annotations.for_article(article.id)} == {"mei@example.org"}


def test_every_annotation_not_cancelled_predictions_ignored_notes_and_other_results(corpus, tmp_path):
    text = "Foshan and Jiangmen signed a Greater Bay Area pact."
    fo, ji, gba = find(text, "Foshan"), find(text, "Jiangmen"), find(text, "Greater Bay Area")
    first = {"id": 1, "completed_by": 7, "result": [
        region(1, *fo, "Foshan", ["LOCATION", "City"], meta={"text": ["the city, not the prefecture"]}),
        {"id": "c", "type": "choices", "value": {"choices": ["Economy"]}},
        {"id": "rel", "type": "relation", "from_id": "r1", "to_id": "r2"},
    ]}
    second = {"id": 2, "completed_by": 8, "result": [region(1, *ji, "Jiangmen", ["LOCATION"])]}
    cancelled = {
        "id": 3,
        "completed_by": 9,
        "was_cancelled": True,
        "result": [region(1, *gba, "Greater Bay Area", ["POLICY_TERM"])],
    }
    predictions = [{"result": [region(9, *gba, "Greater Bay Area", ["POLICY_TERM"])]}]
    path = write(tmp_path / "ls.json", [task(text, first, second, cancelled, predictions=predictions)])
    (result,) = iter_import(corpus, [path])
    tags = {lab.id: lab.tag for lab in corpus.labels.list()}
    got = [(a.text, tags[a.label_id], a.annotator, a.note) for a in corpus.annotations.for_article(result.article_id)]
    assert sorted(got) == [
        ("Foshan", "City", "label-studio-user-7", "the city, not the prefecture"),
        ("Foshan", "LOCATION", "label-studio-user-7", "the city, not the prefecture"),
        ("Jiangmen", "LOCATION", "label-studio-user-8", None),
    ]
    assert [w.reason for w in result.warnings] == ["Ignored results that are not span labels (1 choices, 1 relation)."]


def test_bad_regions_are_warnings(corpus, tmp_path):
    fo = find(TEXT, "佛山市")
    ann = {"id": 4, "result": [
        region(1, *fo, "佛山市", ["LOCATION"]),
        region(2, fo[0], fo[1], "Foshan", ["LOCATION"]),
        region(3, 0, 10_000, "x", ["LOCATION"]),
        region(4, *fo, "佛山市", []),
    ]}
    path = write(tmp_path / "bad.json", [task(TEXT, ann), {"id": 2, "data": {"image": 1, "n": 2}}])
    imported, rejected = iter_import(corpus, [path])
    assert imported.spans == 1
    assert [str(w) for w in imported.warnings] == [
        f"{path}, task 1, annotation 4, result r2: Offsets {fo[0]}-{fo[1]} cover '佛山市', but the file says 'Foshan'.",
        f"{path}, task 1, annotation 4, result r3: Offsets 0-10000 fall outside the text ({len(TEXT)} characters).",
        f"{path}, task 1, annotation 4, result r4: The region has no labels.",
    ]
    assert rejected.outcome is Outcome.REJECTED and str(rejected) == (
        f"{path}, task 2: The task has no text: \"data\" needs a \"text\" field (or name it with --text-field)."
    )


def test_older_exports_in_utf16_and_crlf_texts():
    text = f"{FLAG_HK} Hong Kong\r\nMacao"
    hk, mo = find(text, "Hong Kong"), find(text, "Macao")
    old = [task(text, {"id": 1, "result": [region(1, utf16(text, hk[0]), utf16(text, hk[1]), "Hong Kong", ["LOCATION"]),
                                           region(2, *mo, "Macao", ["LOCATION"])]})]
    (record,) = read_labelstudio(json.dumps(old).encode())
    assert record.text == f"{FLAG_HK} Hong Kong\nMacao" and not record.warnings
    assert [record.text[s.start:s.end] for s in record.spans] == ["Hong Kong", "Macao"]
    (record,) = read_labelstudio(json.dumps(old).encode(), offsets="codepoints")  # told: no second reading
    assert [s.text for s in record.spans] == ["Macao"] and "but the file says 'Hong Kong'" in record.warnings[0].reason


def test_detection_keeps_plain_json_records():
    assert detect_json(json.dumps([task("x")]).encode()) == "labelstudio"
    assert detect_json(json.dumps(task("x")).encode()) == "labelstudio"
    assert detect_json(json.dumps([{"text": "x", "data": {}}]).encode()) == "json"
    assert detect_json(b"[{") == "json"


def test_json_min_export(corpus, tmp_path):
    text = "Foshan and 佛山\U00020bb7"
    s, e = find(text, "佛山\U00020bb7")
    tasks = [{"id": 4, "text": text, "source": "feed", "annotator": "li@example.org", "annotation_id": 9,
              "label": [{"start": 0, "end": 6, "text": "Foshan", "labels": ["LOCATION"]},
                        {"start": s, "end": e, "text": "佛山\U00020bb7", "labels": ["LOCATION"]}]}]
    path = write(tmp_path / "min.json", tasks)
    assert detect_json(path.read_bytes()) == "labelstudio"
    assert detect_json(json.dumps([{"text": "plain", "label": "sports"}]).encode()) == "json"
    (result,) = iter_import(corpus, [path])
    assert result.where == "task 4" and result.spans == 2 and not result.warnings
    assert corpus.articles.get(result.article_id).meta == {"source": "feed", "source_id": 4}
    anns = corpus.annotations.for_article(result.article_id)
    assert [(a.text, a.annotator) for a in anns] == [("Foshan", "li@example.org"), ("佛山\U00020bb7", "li@example.org")]
