import io
import json

import pytest
from label_studio_sdk.converter import Converter
from label_studio_sdk.label_interface import LabelInterface

from annotator.formats import export_corpus
from annotator.formats.dataset import ExportContext, ExportOptions, ExportReport, iter_docs, labels_for
from annotator.formats.export_labelstudio import write_labelstudio
from annotator.formats.label_names import export_names
from annotator.formats.sinks import StreamSink


@pytest.fixture
def exported(tricky, tmp_path):
    out = tmp_path / "tasks.json"
    report = export_corpus(tricky.corpus, out, "labelstudio")
    return out, report


def test_labelstudio_export_reads_back_through_the_sdk(tricky, exported):
    out, report = exported
    config = out.with_name("tasks.config.xml")
    assert report.files == [str(config), str(out)]
    xml = config.read_text(encoding="utf-8")
    interface = LabelInterface(xml)
    control = interface.get_control("label")
    assert control.labels == ["LOCATION", "COMPANY", "POLICY_TERM"]
    assert control.labels_attrs["COMPANY"].attr["background"] == "#e67e22"
    converter = Converter(config=xml, project_dir=None, download_resources=False)
    items: dict[int, list] = {}
    for item in converter.iter_from_json_file(str(out)):  # one item per annotation: one per analyst
        items.setdefault(item["id"], []).append(item)
    assert set(items) == set(tricky.ids.values())
    assert [i["output"] for i in items[tricky.ids["empty"]]] == [{}]  # a task without an annotation
    for key in ("astral", "cjk", "crlf"):
        text = items[tricky.ids[key]][0]["input"]["text"]
        assert text == tricky.text(key)
        regions = [r for item in items[tricky.ids[key]] for r in item["output"]["label"]]
        assert sorted((r["start"], r["end"], r["labels"][0]) for r in regions) == tricky.spans(key)
        for r in regions:
            assert text[r["start"] : r["end"]] == r["text"]  # code points


def test_labelstudio_regions_match_the_config(tricky, exported):
    out, _ = exported
    interface = LabelInterface(out.with_name("tasks.config.xml").read_text(encoding="utf-8"))
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert [t["id"] for t in tasks] == sorted(tricky.ids.values())
    for task in tasks:
        for annotation in task["annotations"]:
            assert interface.validate_annotation(annotation)
    bad = {
        "result": [
            dict(tasks[0]["annotations"][0]["result"][0], value={"start": 0, "end": 1, "text": "x", "labels": ["NOPE"]})
        ]
    }
    assert not interface.validate_annotation(bad)
    astral = tasks[0]
    assert astral["data"]["title"] == "../../etc/passwd" and astral["data"]["meta"] == {"section": "Test"}
    notes = {r["value"]["text"]: r["meta"]["text"] for a in astral["annotations"] for r in a["result"] if "meta" in r}
    assert notes == {"𠮷野家": ["Yoshinoya, with the rare 𠮷"], "🇨🇳 Foshan": ["multi\nline\tnote"]}
    assert tasks[-1]["annotations"] == [] and tasks[-1]["data"]["url"] == "https://example.com/a?b=1"


def test_labelstudio_converts_to_conll_with_the_sdk(exported, tmp_path):
    out, _ = exported
    xml = out.with_name("tasks.config.xml").read_text(encoding="utf-8")
    Converter(config=xml, project_dir=None, download_resources=False).convert(
        str(out), str(tmp_path / "conll"), "CONLL2003", is_dir=False
    )
    conll = (tmp_path / "conll" / "result.conll").read_text(encoding="utf-8")
    assert "Midea -X- _ B-COMPANY\nGroup -X- _ I-COMPANY\n" in conll
    assert "Guangzhou -X- _ B-LOCATION\n" in conll
    assert "Zu\u0308rich -X- _ B-LOCATION\n" in conll


def test_labelstudio_split_writes_one_config(tricky, tmp_path):
    out = tmp_path / "tasks.json"
    report = export_corpus(tricky.corpus, out, "labelstudio", ExportOptions(split=(50, 50), seed=1))
    names = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert names == ["tasks.config.xml", "tasks.dev.json", "tasks.train.json"]
    assert len(report.files) == 3
    ids = [
        t["id"] for name in ("tasks.train.json", "tasks.dev.json") for t in json.loads((tmp_path / name).read_text())
    ]
    assert sorted(ids) == sorted(tricky.ids.values())


def test_labelstudio_to_a_stream_warns_that_the_config_is_missing(tricky):
    buf = io.StringIO()
    report = export_corpus(tricky.corpus, buf, "labelstudio")
    assert len(json.loads(buf.getvalue())) == 4
    assert any("labelling config was not written" in w for w in report.warnings)


def test_labelstudio_writes_task_by_task(tricky):
    """Each task is in the stream before the next article is even read."""
    buf = io.StringIO()
    options = ExportOptions()
    ctx = ExportContext(options, ExportReport(), labels_for(tricky.corpus, options))
    seen = []

    def docs():
        for doc in iter_docs(tricky.corpus, sorted(tricky.ids.values()), options):
            seen.append(buf.getvalue().count('"data"'))
            yield doc

    write_labelstudio(docs(), StreamSink(buf), ctx)
    assert seen == [0, 1, 2, 3]


def test_each_analyst_is_one_annotation_with_completed_by_and_comes_back_as_their_layer(corpus, tmp_path):
    from annotator.core.model import Annotation
    from annotator.formats import ImportBatch

    article = corpus.articles.add("t", "Foshan and Zhuhai")
    location = next(lab for lab in corpus.labels.list() if lab.tag == "LOCATION")
    corpus.annotations.add_many(
        [Annotation(None, article.id, location.id, 0, 6, "Foshan", who) for who in ("mei", "yan")]
        + [Annotation(None, article.id, location.id, 11, 17, "Zhuhai", "yan")]
    )
    out = tmp_path / "tasks.json"
    export_corpus(corpus, out, "labelstudio")
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    layers = {a["completed_by"]["email"]: [r["value"]["text"] for r in a["result"]] for a in task["annotations"]}
    assert layers == {"mei": ["Foshan"], "yan": ["Foshan", "Zhuhai"]}
    interface = LabelInterface(out.with_name("tasks.config.xml").read_text(encoding="utf-8"))
    assert all(interface.validate_annotation(a) for a in task["annotations"])
    from annotator.store import open_corpus

    with open_corpus(None) as back:
        (result,) = ImportBatch(back, [out])
        got = sorted((a.annotator, a.text) for a in back.annotations.for_article(result.article_id))
        assert got == [("mei", "Foshan"), ("yan", "Foshan"), ("yan", "Zhuhai")]


T1, T2, T3 = "2024-05-01T08:00:00.000+00:00", "2024-05-02T09:30:00.000+00:00", "2024-05-03T10:00:00.000+00:00"
# What the export wrote for this task when it serialized the whole record at once.
WHOLE_TASK = (
    '{"id": 7, "data": {"text": "Foshan\u2028hosts \\"Midea\\" \\\\ 𠮷野家\\n", "title": "Tab\\t\\"quoted\\"", '
    '"article_id": 7, "source": "wire", "published": "2024-01-02", "status": "done", '
    '"meta": {"score": "NaN", "tags": ["a"]}}, "annotations": [{"result": ['
    '{"id": "s1", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual", '
    '"value": {"start": 0, "end": 6, "text": "Foshan", "labels": ["Location"]}}, '
    '{"id": "s3", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual", '
    '"value": {"start": 13, "end": 20, "text": "\\"Midea\\"", "labels": ["COMPANY"]}}, '
    '{"id": "s4", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual", '
    '"value": {"start": 23, "end": 26, "text": "𠮷野家", "labels": ["COMPANY"]}}], '
    '"was_cancelled": false, "ground_truth": false, "completed_by": {"email": "mei"}, '
    '"created_at": "2024-05-01T08:00:00.000+00:00", "updated_at": "2024-05-03T10:00:00.000+00:00"}, '
    '{"result": [{"id": "s2", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual", '
    '"value": {"start": 0, "end": 6, "text": "Foshan", "labels": ["Location"]}, "meta": {"text": ["a\\nnote"]}}, '
    '{"id": "s5", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual", '
    '"value": {"start": 14, "end": 19, "text": "Midea", "labels": ["COMPANY"]}}], '
    '"was_cancelled": false, "ground_truth": false, "completed_by": {"email": "yan"}, '
    '"created_at": "2024-05-01T08:00:00.000+00:00", "updated_at": "2024-05-01T08:00:00.000+00:00"}]}'
)


def _two_analysts_doc():
    from annotator.core.model import Article, Status
    from annotator.formats.dataset import ExportDoc, ExportSpan

    text = 'Foshan\u2028hosts "Midea" \\ 𠮷野家\n'
    meta = {"score": float("nan"), "tags": ["a"]}
    article = Article(7, 'Tab\t"quoted"', text, "wire", None, "2024-01-02", meta, "", Status.DONE)
    return ExportDoc(
        article,
        (
            ExportSpan(1, 0, 6, "LOCATION", "Foshan", "mei", None, None, None, T2, T3, 7),
            ExportSpan(2, 0, 6, "LOCATION", "Foshan", "yan", "a\nnote", None, None, T1, T1, 7),
            ExportSpan(3, 13, 20, "COMPANY", '"Midea"', "mei", None, None, None, T1, T2, 7),
            ExportSpan(4, 23, 26, "COMPANY", "𠮷野家", "mei", None, None, None, None, None, 7),
            ExportSpan(5, 14, 19, "COMPANY", "Midea", "yan", None, None, None, None, None, 7),
        ),
    )


@pytest.mark.parametrize("text_piece,regions", [(1_000_000, 2_000), (4, 2), (1, 1)])
def test_a_task_written_in_pieces_is_the_whole_records_bytes(monkeypatch, text_piece, regions):
    from annotator.formats import export_labelstudio
    from annotator.formats.jsonl import strict_dumps

    monkeypatch.setattr(export_labelstudio, "TEXT_PIECE", text_piece)
    monkeypatch.setattr(export_labelstudio, "REGIONS_AT_ONCE", regions)
    doc = _two_analysts_doc()
    names = {"LOCATION": "Location"}
    assert "".join(export_labelstudio.task_pieces(doc, names)) == WHOLE_TASK
    assert strict_dumps(export_labelstudio.task(doc, names)) == WHOLE_TASK


def test_a_long_article_is_written_in_pieces_with_the_same_bytes(corpus, tricky, tmp_path, monkeypatch):
    """Articles of the test corpus and a long one (many regions per analyst, a text of many pieces)."""
    from annotator.core.model import Annotation
    from annotator.formats import export_labelstudio
    from annotator.formats.jsonl import strict_dumps

    text = "".join(f"Foshan\u2028{n} \"Midea\" 𠮷野家\n" for n in range(300))
    article = corpus.articles.add("Long", text, meta={"score": float("inf")})
    labels = {lab.tag: lab.id for lab in corpus.labels.list()}
    spans = []
    for n, at in enumerate(i for i in range(len(text)) if text.startswith("Foshan", i)):
        spans.append(Annotation(None, article.id, labels["LOCATION"], at, at + 6, "Foshan", ("mei", "yan")[n % 2]))
    corpus.annotations.add_many(spans)
    out = tmp_path / "tasks.json"
    monkeypatch.setattr(export_labelstudio, "TEXT_PIECE", 50)
    monkeypatch.setattr(export_labelstudio, "REGIONS_AT_ONCE", 7)
    export_corpus(corpus, out, "labelstudio")
    options = ExportOptions()
    names = export_names(labels_for(corpus, options))
    docs = list(iter_docs(corpus, sorted(corpus.articles.ids()), options))
    assert len(docs[-1].spans) == 300 and len(docs) > 1
    whole = "[\n" + ",\n".join(strict_dumps(export_labelstudio.task(d, names)) for d in docs) + "\n]\n"
    assert out.read_text(encoding="utf-8") == whole
    assert json.loads(whole)[-1]["data"]["meta"] == {"score": "Infinity"}
