"""Chinese words, cut by jieba (rjieba, the binding of jieba-rs): what a double-click selects and
where a span edge snaps in Chinese text.

    segment("佛山市南海区")  ->  (3, 3)   (佛山市 | 南海区)

The dictionary loads on the first call (about a tenth of a second), not at start.
"""

from __future__ import annotations

import logging
from functools import lru_cache

log = logging.getLogger(__name__)


@lru_cache(maxsize=4096)
def _lengths(run: str) -> tuple[int, ...]:
    try:
        import rjieba  # loads its dictionary: kept off the start-up path
    except ImportError:  # an install without it: one character a word, as before
        log.warning("rjieba is not installed: Chinese text is cut one character a word")
        return (1,) * len(run)
    return tuple(len(word) for word in rjieba.cut(run, hmm=True))


def segment(run: str) -> tuple[int, ...]:
    """The lengths in code points of the words of a run of Chinese characters, in order."""
    return _lengths(run) if run else ()
