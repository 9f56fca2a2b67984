from hypothesis import given
from hypothesis import strategies as st

from annotator.core.identity import default_annotator
from annotator.core.offsets import OffsetMap
from annotator.core.text import content_hash, normalise_text


def test_normalise_text_removes_bom_and_unifies_line_ends():
    assert normalise_text("\ufeffa\r\nb\rc\nd") == "a\nb\nc\nd"
    assert normalise_text("no change\n") == "no change\n"


def test_content_hash_ignores_bom_and_line_end_style():
    assert content_hash("a\r\nb") == content_hash("\ufeffa\nb") != content_hash("a\n\nb")


@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_offset_map_round_trips_every_code_point_offset(text):
    m = OffsetMap(text)
    assert m.utf16_length == len(text.encode("utf-16-le")) // 2
    for cp in range(len(text) + 1):
        u16 = m.to_utf16(cp)
        assert u16 == len(text[:cp].encode("utf-16-le")) // 2
        assert m.to_codepoint(u16) == cp


def test_default_annotator_is_never_empty(monkeypatch):
    assert default_annotator()
    import getpass

    monkeypatch.setattr(getpass, "getuser", lambda: (_ for _ in ()).throw(OSError("no user")))
    monkeypatch.delenv("USERNAME", raising=False)
    assert default_annotator() == "annotator"
