from pathlib import Path

from annotator.formats.news import parse_news, parse_trailer
from annotator.formats.sample import SAMPLE_ARTICLE
from annotator.formats.txt import read_txt


def test_foshan_sample_gives_title_section_source_and_editors(foshan_path: Path):
    data = foshan_path.read_bytes()
    (record,) = read_txt(data)
    assert record.title.startswith("Huang Kunming went to Foshan to investigate")
    assert record.title.endswith("break a new path")
    assert record.source == "south cn"
    assert record.meta == {
        "section": "Greater Bay Area",
        "source": "south cn",
        "editors": ["Hou Wenzhe", "WeiZe"],
    }
    # nothing is dropped: the stored text is the whole file
    assert record.text == data.decode("utf-8")
    assert record.text.endswith("Recommended Reading Change it")


def test_bundled_sample_has_the_same_shape():
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    parts = parse_news(text)
    assert parts.section == "Pearl River Delta"
    assert parts.title.startswith("Jiangmen and Zhaoqing sign freight corridor agreement")
    assert parts.source == "Western Delta Daily"
    assert parts.editors == ["Chen Yuxin", "Liang Haotian"]
    assert "江门" in text and 3000 <= len(text.encode("utf-8")) <= 5500


def test_plain_text_takes_its_first_line_as_title():
    text = "\n\n  Notes from the Shunde visit  \n\nThe park covers 1550 mu.\n\nMore later.\n"
    parts = parse_news(text)
    assert parts.title == "Notes from the Shunde visit"
    assert parts.meta == {}


def test_short_first_line_without_trailers_is_not_a_section():
    text = "My Notes\n\nA headline-like second line\n\nA body paragraph that goes on for a while.\n"
    parts = parse_news(text)
    assert parts.section is None
    assert parts.title == "My Notes"


def test_trailers_without_a_section_line_keep_the_first_line_as_title():
    text = (
        "Midea opens a research institute in Beijiao with two hundred engineers\n\n"
        "The institute will work on motors.\n\nMore body text.\n\nSource: Foshan Daily\n"
    )
    parts = parse_news(text)
    assert parts.section is None
    assert parts.title.startswith("Midea opens a research institute")
    assert parts.source == "Foshan Daily"


def test_source_line_inside_the_body_is_not_a_trailer():
    body = "\n\n".join(f"Paragraph {i} of the report." for i in range(12))
    text = f"Economy\n\nHeadline here\n\nSource: an early line of the body\n\n{body}\n"
    parts = parse_news(text)
    assert parts.source is None and parts.section is None


def test_chinese_trailers():
    text = (
        "大湾区\n\n黄坤明到佛山调研\n\n2月2日，省委书记到佛山市调研。\n\n编辑：侯文哲　责任编辑：魏泽\n来源：南方网\n"
    )
    parts = parse_news(text)
    assert parts.section == "大湾区"
    assert parts.title == "黄坤明到佛山调研"
    assert parts.source == "南方网"
    assert parts.editors == ["侯文哲", "魏泽"]


def test_parse_trailer_splits_several_fields_on_one_line():
    assert parse_trailer("Edit:Hou Wenzhe Responsible editor:WeiZe") == [
        ("editors", "Hou Wenzhe"),
        ("editors", "WeiZe"),
    ]
    assert parse_trailer("Editorial: a view") is None
    assert parse_trailer("Opensource: no") is None
    assert parse_trailer("He said: Source: x") is None


def test_long_single_line_title_is_shortened_on_a_word():
    text = ("word " * 100).strip()
    title = parse_news(text).title
    assert title.endswith("…") and len(title) <= 200 and "wor…" not in title
