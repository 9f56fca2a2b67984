"""Traditional Chinese news in Big5, short or long, keeps its text and its trailer metadata."""

from __future__ import annotations

from annotator.formats.decoding import decode_bytes
from annotator.formats.txt import record_from_text

ARTICLE = (
    "大灣區\n\n佛山市順德區推動製造業高質量發展\n\n"
    "順德區政府昨日公佈新措施，支持美的集團等企業升級。\n\n"
    "來源：南方網\n責任編輯：陳明\n"
)


def test_short_big5_and_gbk_text_is_read_as_chinese():
    assert decode_bytes("佛山市順德區\n".encode("big5")) == "佛山市順德區\n"
    assert decode_bytes("來源：南方網\n".encode("big5")) == "來源：南方網\n"
    assert decode_bytes("广东省佛山市\n".encode("gbk")) == "广东省佛山市\n"


def test_traditional_trailers_give_title_section_source_and_editors():
    record = record_from_text(decode_bytes(ARTICLE.encode("big5")))
    assert record.text == ARTICLE
    assert record.title == "佛山市順德區推動製造業高質量發展"
    assert record.meta["section"] == "大灣區"
    assert record.source == "南方網"
    assert record.meta["editors"] == ["陳明"]
