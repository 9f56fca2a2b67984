"""Real export shapes of other tools, each from a small checked-in file of exactly that shape:
every span comes in, or the report says what was left out and why."""

import json
from pathlib import Path

from annotator.formats import ImportBatch, Outcome

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def spans_of(corpus, article_id):
    labels = {lab.id: lab for lab in corpus.labels.list()}
    return sorted(
        (a.start, a.end, labels[a.label_id].name, a.text, a.annotator)
        for a in corpus.annotations.for_article(article_id)
    )


def run(corpus, *names, **options):
    batch = ImportBatch(corpus, [FIXTURES / n for n in names], annotator="me", **options)
    return list(batch), batch.report


def test_label_studio_json_min_regions_under_the_control_name_one_layer_per_annotator(corpus):
    (first, second, unlabelled), report = run(corpus, "labelstudio_json_min_ner.json")
    assert first.outcome is Outcome.IMPORTED and first.spans == 2
    assert second.outcome is Outcome.SPANS_ADDED and second.article_id == first.article_id and second.spans == 2
    assert spans_of(corpus, first.article_id) == [
        (0, 6, "City", "Foshan", "mei@example.com"),
        (0, 6, "City", "Foshan", "yan@example.com"),
        (11, 17, "City", "Zhuhai", "mei@example.com"),
        (29, 50, "Policy", "Greater Bay Area plan", "yan@example.com"),
    ]
    assert unlabelled.outcome is Outcome.IMPORTED and unlabelled.spans == 0 and not unlabelled.warnings
    meta = corpus.articles.get(first.article_id).meta
    assert meta == {"source_id": 11} and "ner" not in meta
    assert report.summary().startswith("Imported 2 articles with 2 spans; 2 spans added to 1 existing article;")
    assert report.ok


def test_forced_labelstudio_reads_json_min_too(corpus):
    results, report = run(corpus, "labelstudio_json_min_ner.json", format="labelstudio")
    assert [r.outcome for r in results] == [Outcome.IMPORTED, Outcome.SPANS_ADDED, Outcome.IMPORTED]


def test_old_label_studio_completions_are_read_like_annotations(corpus):
    (result,), report = run(corpus, "labelstudio_completions.json")
    assert result.outcome is Outcome.IMPORTED
    assert [s[:4] for s in spans_of(corpus, result.article_id)] == [
        (0, 9, "LOC", "Guangzhou"),
        (18, 24, "LOC", "Foshan"),
    ]


def test_label_studio_text_under_another_field_named_by_the_regions(corpus):
    (result,), report = run(corpus, "labelstudio_document_field.json")
    article = corpus.articles.get(result.article_id)
    assert article.text == "Midea and Galanz make appliances in Shunde."
    assert article.meta == {"headline": "Shunde appliance makers", "source_id": 5}
    assert [s[:4] for s in spans_of(corpus, article.id)] == [
        (0, 5, "ORG", "Midea"),
        (10, 16, "ORG", "Galanz"),
        (36, 42, "LOC", "Shunde"),
    ]
    assert [w.reason for w in result.warnings] == [
        "1 region on the Text object 'headline', not on the article text 'document': left out."
    ]


def test_label_studio_text_field_named_on_the_command_line(corpus):
    (result,), _ = run(corpus, "labelstudio_document_field.json", text_field="headline")
    assert corpus.articles.get(result.article_id).text == "Shunde appliance makers"
    assert [s[:4] for s in spans_of(corpus, result.article_id)] == [(0, 6, "LOC", "Shunde")]
    assert [w.reason for w in result.warnings] == [
        "3 regions on the Text object 'document', not on the article text 'headline': left out."
    ]


def test_a_label_studio_file_whose_regions_all_fail_says_so_and_is_rejected(corpus):
    (task, final), report = run(corpus, "labelstudio_unreadable_regions.json")
    assert task.outcome is Outcome.IMPORTED and task.spans == 0 and len(task.warnings) == 1
    assert final.outcome is Outcome.REJECTED
    assert final.reason.startswith("The tasks hold 1 labelled region, but none could be imported as a span")
    assert not report.ok


def test_doccano_records_in_a_json_list_keep_their_chinese_labels(corpus):
    (first, second), report = run(corpus, "doccano_list.json")
    assert [s[:4] for s in spans_of(corpus, first.article_id)] == [(0, 3, "地名", "佛山市"), (4, 7, "地名", "珠海市")]
    assert [s[:4] for s in spans_of(corpus, second.article_id)] == [(0, 4, "机构", "美的集团"), (7, 9, "地名", "顺德")]
    assert corpus.articles.get(first.article_id).meta == {"source_id": 1}  # not the labels as metadata


def test_doccano_tutorial_json_one_object_a_line(corpus):
    (first, second), _ = run(corpus, "doccano_tutorial.json")
    assert [s[:4] for s in spans_of(corpus, first.article_id)] == [
        (0, 13, "Person", "Douglas Adams"),
        (20, 42, "Title", "The Hitchhiker's Guide"),
    ]
    assert second.spans == 1


def test_a_pretty_printed_jsonl_is_one_json_document(corpus):
    (result,), _ = run(corpus, "doccano_pretty.jsonl")
    assert result.outcome is Outcome.IMPORTED and result.spans == 2 and result.where == "record 1"


def test_doccano_relations_are_counted_not_kept(corpus):
    (result,), report = run(corpus, "doccano_relations.jsonl")
    assert result.spans == 2
    assert "relations" not in corpus.articles.get(result.article_id).meta
    assert [w.reason for w in result.warnings] == ["1 relation left out (only spans are kept)."]
    assert "1 other warning" in report.summary() and "span warning" not in report.summary()


def test_doccano_code_points_after_an_astral_character_get_a_warning_naming_the_record(corpus, tmp_path):
    (result,), _ = run(corpus, "doccano_codepoints.jsonl")
    (warning,) = result.warnings
    assert warning.where == "line 1" and "--offsets codepoints" in warning.reason
    (again,), _ = run(corpus, "doccano_codepoints.jsonl", offsets="codepoints")
    assert again.outcome is Outcome.SPANS_ADDED and not again.warnings
    assert ("firetrucks", "me") in {(s[3], s[4]) for s in spans_of(corpus, again.article_id)}


def test_prodigy_only_accepted_answers_come_in_and_the_others_are_counted(corpus):
    (accepted, rejected, ignored), report = run(corpus, "prodigy_db_out.jsonl")
    assert accepted.outcome is Outcome.IMPORTED
    assert spans_of(corpus, accepted.article_id) == [
        (0, 6, "GPE", "Foshan", "news-mei"),
        (13, 18, "ORG", "Midea", "news-mei"),
    ]
    assert corpus.articles.get(accepted.article_id).meta == {"source": "gov.cn"}
    assert rejected.outcome is Outcome.SKIPPED and ignored.outcome is Outcome.SKIPPED
    assert corpus.articles.count() == 1  # only the accepted one
    assert "2 records not imported (1 ignored in Prodigy, 1 rejected in Prodigy)" in report.summary()
    assert report.ok


def test_distinct_source_labels_stay_distinct_with_their_names_and_identical_spans_once(corpus):
    (result,), report = run(corpus, "doccano_label_names.jsonl")
    labels = {lab.name: lab for lab in corpus.labels.list()}
    assert {"LOC", "loc", "Stadt_Ö", "Stadt_Ä", "人名"} <= set(labels)
    assert labels["LOC"].tag == "LOC" and labels["loc"].tag == "loc"
    assert labels["Stadt_Ö"].tag == "STADT_O" and labels["Stadt_Ä"].tag == "STADT_A"
    assert result.spans == 5  # 人名 twice at the same place: stored once


def test_a_tag_clash_gets_a_suffix_and_a_warning_naming_both(corpus, tmp_path):
    path = tmp_path / "clash.jsonl"
    path.write_text(
        json.dumps(
            {"text": "Köln Koln", "label": [[0, 4, "Köln"], [5, 9, "KOLN_CITY"], [5, 9, "Koln"]]}, ensure_ascii=False
        )
        + "\n",
        encoding="utf-8",
    )
    path2 = tmp_path / "clash2.jsonl"
    path2.write_text(
        json.dumps({"text": "Kóln", "label": [[0, 4, "Kóln"]]}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    batch = ImportBatch(corpus, [path, path2])
    results = list(batch)
    labels = {lab.name: lab.tag for lab in corpus.labels.list()}
    assert labels["Köln"] == "KOLN" and labels["Kóln"] == "KOLN_2"
    notices = [w.reason for r in results for w in r.warnings]
    assert "Label 'Kóln' gets the tag KOLN_2: KOLN is already the tag of label 'Köln'." in notices


def test_nan_and_infinity_in_metadata_are_stored_as_strings(corpus):
    (result,), _ = run(corpus, "nan_metadata.jsonl")
    assert corpus.articles.get(result.article_id).meta == {
        "score": "NaN",
        "high": "Infinity",
        "low": "-Infinity",
        "ok": 1.5,
    }


def test_a_reimport_of_an_updated_doccano_export_adds_only_the_new_spans(corpus, tmp_path):
    path = tmp_path / "project.jsonl"
    path.write_text(json.dumps({"text": "Foshan and Zhuhai", "label": [[0, 6, "LOC"]]}) + "\n", encoding="utf-8")
    (first,), _ = run(corpus, path)
    path.write_text(
        json.dumps({"text": "Foshan and Zhuhai", "label": [[0, 6, "LOC"], [11, 17, "LOC"]]}) + "\n", encoding="utf-8"
    )
    (second,), report = run(corpus, path)
    assert second.outcome is Outcome.SPANS_ADDED and second.spans == 1 and second.article_id == first.article_id
    assert report.summary() == "Imported 0 articles with 0 spans; 1 span added to 1 existing article."
    (third,), report = run(corpus, path)
    assert third.outcome is Outcome.DUPLICATE and third.reason.endswith("its 2 spans are there already.")
    assert [s[:2] for s in spans_of(corpus, first.article_id)] == [(0, 6), (11, 17)]


def test_json_min_written_by_label_studio_sdks_converter_comes_back_whole(corpus):
    """label-studio-sdk's Converter(...).convert(tasks, out, "JSON_MIN") of Annotator's own export."""
    results, report = run(corpus, "labelstudio_sdk_json_min.json")
    assert [r.outcome for r in results] == [Outcome.IMPORTED, Outcome.SPANS_ADDED]
    article = corpus.articles.get(results[0].article_id)
    assert article.statuses == {"mei": "in_progress", "yan": "in_progress"}  # the status goes to its annotators
    assert spans_of(corpus, article.id) == [
        (0, 6, "Location", "Foshan", "mei"),
        (11, 17, "Location", "Zhuhai", "yan"),
        (39, 50, "Company", "Midea Group", "yan"),
    ]


def test_conll_written_by_label_studio_sdks_converter(corpus):
    """Its -DOCSTART- line has three fields and no blank line after it; each annotation is a sentence."""
    (result,), report = run(corpus, "labelstudio_sdk_conll2003.conll")
    text = corpus.articles.get(result.article_id).text
    assert text.split("\n") == ["Foshan and Zhuhai signed the plan with Midea Group ."] * 2
    assert [s[2:4] for s in spans_of(corpus, result.article_id)] == [
        ("Location", "Foshan"),
        ("Location", "Zhuhai"),
        ("Company", "Midea Group"),
    ]
    assert report.ok and not report.warnings


def test_a_utf16_doccano_record_whose_spans_sit_on_words_gets_no_code_point_warning(corpus, tmp_path):
    text = "🚒 firemen drive firetrucks in Foshan"
    start = len(text[: text.index("firetrucks")].encode("utf-16-le")) // 2  # doccano's own count
    path = tmp_path / "utf16.jsonl"
    path.write_text(
        json.dumps({"text": text, "label": [[start, start + 10, "VEHICLE"]]}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    (result,), _ = run(corpus, path)
    assert result.spans == 1 and not result.warnings
    assert [s[3] for s in spans_of(corpus, result.article_id)] == ["firetrucks"]
