"""Chinese words for span edges: jieba's cut, and one character a word without it."""

from __future__ import annotations

import sys

from annotator.formats import chinese


def test_jieba_cuts_place_names_and_companies():
    run = "佛山市南海区桂城街道与美的集团签署了合作协议"
    lengths = chinese.segment(run)
    assert sum(lengths) == len(run)
    words, at = [], 0
    for n in lengths:
        words.append(run[at : at + n])
        at += n
    assert words[:2] == ["佛山市", "南海区"] and "集团" in words and "签署" in words


def test_without_rjieba_each_character_is_a_word(monkeypatch):
    chinese._lengths.cache_clear()
    monkeypatch.setitem(sys.modules, "rjieba", None)  # import rjieba raises ImportError
    try:
        assert chinese.segment("南海区") == (1, 1, 1)
    finally:
        chinese._lengths.cache_clear()
