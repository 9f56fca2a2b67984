import json

import pytest

from annotator.formats.base import BadRecord, InputError, Record
from annotator.formats.csv_records import read_csv
from annotator.formats.json_records import read_json, read_jsonl


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def test_json_list_of_records_with_every_field():
    data = _json(
        [
            {
                "id": "a-17",
                "title": "Foshan opens a lab",
                "text": "Foshan (佛山) opened a lab.\r\nIt is in Nanhai.",
                "source": "south cn",
                "url": "https://example.org/a-17",
                "published": "2023-02-02",
                "meta": {"section": "Greater Bay Area"},
                "lang": "en",
            },
            {"text": "Second record\nwith two lines"},
        ]
    )
    first, second = read_json(data)
    assert first == Record(
        text="Foshan (佛山) opened a lab.\nIt is in Nanhai.",
        title="Foshan opens a lab",
        source="south cn",
        url="https://example.org/a-17",
        published="2023-02-02",
        meta={"lang": "en", "section": "Greater Bay Area", "source_id": "a-17"},
        where="record 1",
    )
    assert second.title == "Second record" and second.where == "record 2"


def test_json_single_record():
    (record,) = read_json(_json({"text": "Only one", "id": 5}))
    assert record.text == "Only one" and record.meta == {"source_id": 5} and record.where is None


@pytest.mark.parametrize(
    "value, reason",
    [
        ({"title": "no text"}, 'No "text" field.'),
        ({"text": "   "}, 'Empty "text".'),
        ({"text": 12}, '"text" must be a string, not a JSON number.'),
        ({"text": "x", "meta": [1]}, '"meta" must be an object, not a JSON list.'),
        ({"text": "x", "title": {"a": 1}}, "'title' must be text, not a JSON object."),
        ("just a string", 'Expected an object with a "text" field, found a JSON string.'),
    ],
)
def test_json_bad_records_are_reported_one_by_one(value, reason):
    good, bad = read_json(_json([{"text": "fine"}, value]))
    assert isinstance(good, Record)
    assert bad == BadRecord(reason, "record 2")


@pytest.mark.parametrize(
    "data, message",
    [
        (b'[{"text": "a"},', "Not valid JSON (line 1, column 16: Expecting value)."),
        (b"42", "found a JSON number"),
        (b"[]", "The JSON list is empty"),
    ],
)
def test_json_file_level_errors(data, message):
    with pytest.raises(InputError) as info:
        list(read_json(data))
    assert message in str(info.value)


def test_jsonl_reports_bad_lines_and_keeps_the_good_ones():
    data = b'{"text": "one"}\n\n{broken\r\n{"text": "three", "title": "T"}\n[1]\n'
    items = list(read_jsonl(data))
    assert [type(i).__name__ for i in items] == ["Record", "BadRecord", "Record", "BadRecord"]
    assert items[0].where == "line 1" and items[2].where == "line 4" and items[2].title == "T"
    assert items[1].where == "line 3" and items[1].reason.startswith("Not valid JSON (column 2")
    assert items[3].reason == 'Expected an object with a "text" field, found a JSON list.'


def test_jsonl_keeps_unicode_line_separators_inside_strings():
    (record,) = read_jsonl(_json({"text": "a\u2028b"}) + b"\n")
    assert record.text == "a\u2028b"


def test_jsonl_with_only_blank_lines_is_refused():
    with pytest.raises(InputError, match="every line is blank"):
        list(read_jsonl(b"\n  \n"))


def test_csv_text_column_title_and_meta():
    data = (
        "Title,TEXT,id,section,empty\r\n"
        'Lab opens,"Foshan opened a lab.\nIn Nanhai, near Guicheng.",7,Greater Bay Area,\r\n'
        ',Second row text,8,,\r\n'
    ).encode("utf-8")
    first, second = read_csv(data)
    assert first == Record(
        text="Foshan opened a lab.\nIn Nanhai, near Guicheng.",
        title="Lab opens",
        meta={"section": "Greater Bay Area", "source_id": "7"},
        where="line 3",
    )
    assert second.title == "Second row text" and second.meta == {"source_id": "8"} and second.where == "line 4"


def test_csv_semicolons_and_bom():
    data = "\ufefftext;title\nBody one;One\n".encode("utf-8")
    (record,) = read_csv(data)
    assert record.text == "Body one" and record.title == "One"


def test_csv_bad_rows_are_reported_one_by_one():
    data = b'text,title\nok,1\nshort\nwith,too,many\n"x"y,2\n,empty text\nlast,6\n'
    items = list(read_csv(data))
    reasons = [(i.where, i.reason) for i in items if isinstance(i, BadRecord)]
    assert reasons == [
        ("line 3", "1 cells, but the header has 2 columns."),
        ("line 4", "3 cells, but the header has 2 columns."),
        ("line 5", "Not valid CSV (',' expected after '\"')."),
        ("line 6", 'Empty "text".'),
    ]
    assert [i.text for i in items if isinstance(i, Record)] == ["ok", "last"]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"title,body\nx,y\n", 'No "text" column (the columns are: title, body).'),
        (b"text,title\n", "No rows under the header line."),
        (b"\n\ntext\nabc\n", "No header line"),
    ],
)
def test_csv_file_level_errors(data, message):
    with pytest.raises(InputError) as info:
        list(read_csv(data))
    assert str(info.value).startswith(message)
