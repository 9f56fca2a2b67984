"""The language of Latin-script text, told by its commonest words, so that each gets its own tokenizer rules."""

from __future__ import annotations

import re
from collections import Counter
from itertools import compress, filterfalse

# The commonest words of each language spaCy has tokenizer rules for that news in Latin script is
# written in; a word shared by two languages counts for both. Enough to tell them apart on a paragraph.
_FUNCTION_WORDS = {
    "en": "the and of to in is that for with was on as by at from are this have it be has were which",
    "es": "el la de que y en los las del por con para una es se al como más pero sus su lo fue entre",
    "pt": "o a de que e do da em os as para com não uma dos das no na por se ao mais foi pelo pela",
    "nl": "de het een en van in is dat op te met voor niet zijn aan er om ook als bij door naar werd",
    "de": "der die und das ist nicht mit den von zu ein eine im dem des auf für sich auch wird",
    "fr": "le la les de des et est un une du que pour dans en au sur pas par qui plus sont aux",
    "it": "il di che e la per un una del della non sono gli le con nel alla dei delle anche",
}
_WORD_SETS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_ANY_FUNCTION_WORD = frozenset().union(*_WORD_SETS.values())
_LATIN_WORD = re.compile(r"[^\W\d_]+")


def latin_language(sample: str) -> str:
    """The language of a Latin-script sample by its commonest words ("en", "es", "pt", "nl", "de",
    "fr", "it"), or "" when there are too few words to tell.

    A word is a run of letters (``[^\\W\\d_]+``). Read once per exported article, so found without a
    regular expression where one is not needed: a whitespace-separated chunk made only of letters is
    one word (most of them); only the others are cut by the expression."""
    low = sample.lower()
    if len(low) != len(sample):  # a letter whose lower case is longer (U+0130): words as cut before lowering
        words = list(map(str.lower, _LATIN_WORD.findall(sample)))
    else:
        chunks = low.split()
        words = list(compress(chunks, map(str.isalpha, chunks)))
        if len(words) != len(chunks):
            words += _LATIN_WORD.findall(" ".join(filterfalse(str.isalpha, chunks)))
    if len(words) < 8:
        return ""
    counts = Counter(filter(_ANY_FUNCTION_WORD.__contains__, words))
    keys = counts.keys()
    scores = {lang: sum(map(counts.__getitem__, vocab & keys)) for lang, vocab in _WORD_SETS.items()}
    best = max(scores, key=lambda lang: (scores[lang], lang == "en"))
    if scores[best] * 10 < len(words):  # under one word in ten is a function word: not one of these
        return ""
    return best
