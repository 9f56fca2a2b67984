"""Chinese words, cut by jieba (rjieba, the binding of jieba-rs): what a double-click selects and
where a span edge snaps in Chinese text.

    segment("佛山市南海区")  ->  [3, 3]   (佛山市 | 南海区)

The dictionary loads on the first call (about a tenth of a second), not at start.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def _lengths(run: str) -> tuple[int, ...]:
    import rjieba  # loads its dictionary: kept off the start-up path

    return tuple(len(word) for word in rjieba.cut(run, hmm=True))


def segment(run: str) -> tuple[int, ...]:
    """The lengths in code points of the words of a run of Chinese characters, in order."""
    return _lengths(run) if run else ()
