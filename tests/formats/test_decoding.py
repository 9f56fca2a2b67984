import codecs

import pytest

from annotator.formats.base import InputError
from annotator.formats.decoding import decode_bytes, read_bytes

ENGLISH = (
    "Foshan's manufacturers reported steady growth in the first quarter, "
    "and the city plans to renovate village-level industrial parks in Shunde.\n"
) * 3
CHINESE_SIMPLIFIED = (
    "佛山市顺德区今年将继续推进村级工业园改造，加快发展机器人和智能制造产业。"
    "广东省委书记在调研时强调，要坚持制造业当家，推动高质量发展。\n"
) * 2
CHINESE_TRADITIONAL = (
    "佛山市順德區今年將繼續推進村級工業園改造，加快發展機器人和智能製造產業。"
    "廣東省委書記在調研時強調，要堅持製造業當家，推動高質量發展。\n"
) * 2
FRENCH = (
    "Le conseil régional a approuvé mardi un plan d'investissement pour la rénovation "
    "des écoles. « C'est une étape décisive », a déclaré la présidente, évoquant des "
    "travaux prévus à Besançon et à Nîmes.\n"
)
WINDOWS_1252 = (
    "The company\u2019s report \u201cexceeded expectations\u201d \u2013 said the caf\u00e9 owner "
    "in Z\u00fcrich. Na\u00efve analysts had predicted a loss of \u20ac2 million for the year.\n"
)


@pytest.mark.parametrize(
    "text, data",
    [
        (ENGLISH + "Zhōngshān\n", (ENGLISH + "Zhōngshān\n").encode("utf-8")),
        (CHINESE_SIMPLIFIED, codecs.BOM_UTF8 + CHINESE_SIMPLIFIED.encode("utf-8")),
        (CHINESE_SIMPLIFIED, CHINESE_SIMPLIFIED.encode("utf-16")),  # native order with BOM
        (CHINESE_SIMPLIFIED, codecs.BOM_UTF16_LE + CHINESE_SIMPLIFIED.encode("utf-16-le")),
        (CHINESE_SIMPLIFIED, codecs.BOM_UTF16_BE + CHINESE_SIMPLIFIED.encode("utf-16-be")),
        (ENGLISH + "😀\n", codecs.BOM_UTF16_LE + (ENGLISH + "😀\n").encode("utf-16-le")),
        (CHINESE_SIMPLIFIED, CHINESE_SIMPLIFIED.encode("gb18030")),
        (CHINESE_SIMPLIFIED, CHINESE_SIMPLIFIED.encode("gbk")),
        (CHINESE_TRADITIONAL, CHINESE_TRADITIONAL.encode("big5")),
        (FRENCH, FRENCH.encode("latin-1")),
        (WINDOWS_1252, WINDOWS_1252.encode("cp1252")),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-bom", "utf16be-bom", "utf16-astral",
         "gb18030", "gbk", "big5", "latin1", "cp1252"],
)
def test_decodes_exactly(text, data):
    assert decode_bytes(data) == text


def test_bom_is_not_part_of_the_text():
    assert decode_bytes(codecs.BOM_UTF8 + b"abc") == "abc"


@pytest.mark.parametrize(
    "data, words",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        (b"Some text\x00with a NUL byte", "NUL bytes"),
        (bytes(range(1, 32)) * 20, "control characters"),
    ],
)
def test_binary_data_is_refused(data, words):
    with pytest.raises(InputError, match="Binary file") as info:
        decode_bytes(data)
    assert words in str(info.value)


def test_utf16_without_a_bom_is_refused_with_a_hint():
    with pytest.raises(InputError, match="UTF-16 text without a byte-order mark"):
        decode_bytes(ENGLISH.encode("utf-16-le"))
    with pytest.raises(InputError, match="UTF-16 text without a byte-order mark"):
        decode_bytes(ENGLISH.encode("utf-16-be"))


def test_broken_utf16_after_a_bom_is_refused():
    with pytest.raises(InputError, match="UTF-16"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone high surrogate


def test_declared_charset_is_used_when_it_fits():
    data = CHINESE_SIMPLIFIED.encode("gbk")
    assert decode_bytes(data, declared="gb2312") == CHINESE_SIMPLIFIED
    # a declaration the bytes contradict is ignored
    assert decode_bytes("naïve café".encode("utf-8"), declared="ascii") == "naïve café"


def test_read_bytes_refuses_empty_and_too_large(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="Empty file"):
        read_bytes(empty)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2001)
    with pytest.raises(InputError, match=r"Too large \(2,001 bytes; the limit is 2,000 bytes\)"):
        read_bytes(big, max_bytes=2000)
    assert read_bytes(big, max_bytes=2001) == b"x" * 2001
    with pytest.raises(InputError, match=r"Too large \(2 kB; the limit is 1 kB\)"):
        read_bytes(big, max_bytes=1000)


def test_read_bytes_reports_unreadable_files(tmp_path):
    with pytest.raises(InputError, match="Cannot read the file"):
        read_bytes(tmp_path / "missing.txt")
