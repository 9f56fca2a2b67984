"""An article's tokens, sentences and spans on token edges, whole or a window at a time.

    tdoc = tokenize_doc(doc, report, tok)                 # the whole article
    for part in tokenize_segments(doc, report, tok):      # a long one, a window at a time
        ...

A long article (more than ``SEGMENT_CHARS`` characters) is tokenized in windows that end
right after a line break outside every span, so that its token exports work with memory
bounded by a window, not by the article. Tokens never contain whitespace and a line break
always ends a sentence (unless it is inside a span, and no window ends inside one), so the
windows' tokens, sentences and placed spans are exactly the whole article's, in order (a
test compares them): offsets stay code points into the whole text; token indexes (in
``sentences`` and the spans) count from the window's first token.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from itertools import accumulate, compress, islice, repeat
from operator import add, eq, itemgetter, le, methodcaller, not_
from typing import NamedTuple

from annotator.core.model import Article
from annotator.formats.dataset import ExportDoc, ExportReport, ExportSpan
from annotator.formats.tokens import Tokenizer, sentence_starts, split_at

SEGMENT_CHARS = 1_000_000  # an article longer than this is tokenized a window of about this size at a time


class PlacedSpan(NamedTuple):
    """A span on token edges: ``[token_start, token_end)`` covers ``text[start:end]``."""

    span: ExportSpan
    start: int
    end: int
    token_start: int
    token_end: int  # exclusive


@dataclass
class TokenDoc:
    doc: ExportDoc
    starts: list[int]
    ends: list[int]
    sentences: list[tuple[int, int]]  # token index ranges [i, j)
    spans: list[PlacedSpan]  # in the doc's span order; spans that could not be placed are left out
    language: str = ""
    token_texts: list[str] | None = None  # text[start:end] of every token, when already at hand
    base: int = 0  # where the text starts in the article: a window tokenized alone (tokenize_alone)

    @property
    def text(self) -> str:
        return self.doc.text

    def words(self, i: int = 0, j: int | None = None) -> list[str]:
        if self.token_texts is not None:
            return self.token_texts[i:j]
        return list(map(self.doc.text.__getitem__, map(slice, self.starts[i:j], self.ends[i:j])))


_Wanted = tuple[ExportSpan, int, int]  # a span and its edges with whitespace trimmed


def tokenize_doc(doc: ExportDoc, report: ExportReport, tok: Tokenizer) -> TokenDoc:
    """Tokens and sentences of one article, with every span it can place on token edges."""
    language = _language(doc, tok)
    return tokenize_window(doc, report, tok, language, _wanted(doc, report), 0, len(doc.text))


def tokenize_segments(
    doc: ExportDoc, report: ExportReport, tok: Tokenizer, size: int | None = None
) -> Iterator[TokenDoc]:
    """The article's ``TokenDoc`` s, in text order: one for a short article, else one per window of
    about ``size`` characters (``SEGMENT_CHARS``), each ending right after a line break outside every span."""
    language, windows = window_plan(doc, report, tok, size)
    for wanted, lo, hi in windows:
        yield tokenize_window(doc, report, tok, language, wanted, lo, hi)


Window = tuple[list[_Wanted], int, int]  # the spans of a window of the text, and where it starts and ends


def window_plan(
    doc: ExportDoc, report: ExportReport, tok: Tokenizer, size: int | None = None
) -> tuple[str, list[Window]]:
    """The article's language and its windows (``tokenize_segments``), each with the spans inside it
    (whitespace at their edges trimmed, what cannot be placed reported)."""
    size = SEGMENT_CHARS if size is None else size
    text = doc.text
    language = _language(doc, tok)
    wanted = _wanted(doc, report)
    cuts = window_cuts(text, wanted, size)
    if not cuts:
        return language, [(wanted, 0, len(text))]
    groups: list[list[_Wanted]] = [[] for _ in range(len(cuts) + 1)]
    for w in wanted:  # in the doc's order; no span crosses a cut
        groups[bisect_right(cuts, w[1])].append(w)
    bounds = [0, *cuts, len(text)]
    return language, [(group, bounds[k], bounds[k + 1]) for k, group in enumerate(groups)]


def tokenize_alone(
    doc_id: int, text: str, base: int, wanted: list[_Wanted], report: ExportReport, tok: Tokenizer, language: str
) -> TokenDoc:
    """A window of an article, ``text`` starting at ``base``, tokenized with only its own text at hand (in a
    worker process): the same tokens, sentences and placed spans as ``tokenize_window`` gives, with
    offsets counted from the window's start (``TokenDoc.base`` says where that is)."""
    window = ExportDoc(Article(doc_id, "", text), ())
    tdoc = tokenize_window(window, report, tok, language, [(span, s - base, e - base) for span, s, e in wanted])
    tdoc.base = base
    return tdoc


def window_cuts(text: str, wanted: list[_Wanted], size: int) -> list[int]:
    """Offsets, about ``size`` apart, right after a line break and inside no span.

    A cut is inside a span when one of the spans starting before it ends after it: the largest end
    among the spans up to each start (a running maximum) tells, for a million spans, in C."""
    if len(text) <= size:
        return []
    starts = list(map(_START, wanted))
    ends = list(map(_END, wanted))
    if not all(map(le, starts, islice(starts, 1, None))):
        order = sorted(range(len(starts)), key=starts.__getitem__)
        starts = list(map(starts.__getitem__, order))
        ends = list(map(ends.__getitem__, order))
    reach = list(accumulate(ends, max))  # the furthest any span starting at or before each start goes
    cuts: list[int] = []
    at = size
    while at < len(text):
        pos = text.find("\n", at)
        if pos == -1 or pos + 1 >= len(text):
            break
        cut = pos + 1
        k = bisect_left(starts, cut) - 1  # the last span starting before the cut
        if k >= 0 and reach[k] > cut:
            at = reach[k]  # inside one: look after it
            continue
        cuts.append(cut)
        at = cut + size
    return cuts


def _language(doc: ExportDoc, tok: Tokenizer) -> str:
    meta = doc.article.meta if isinstance(doc.article.meta, dict) else {}
    return tok.language(doc.text, meta) if tok.spacy is not None else ""


def _wanted(doc: ExportDoc, report: ExportReport) -> list[_Wanted]:
    """The doc's spans with whitespace at their edges trimmed; empty, outside or blank ones reported."""
    text = doc.text
    wanted: list[_Wanted] = []
    n = len(text)
    for span in doc.spans:
        s, e = span.start, span.end
        if not (0 <= s < e <= n):
            report.warn(doc, "left out: the span is empty or outside the text", span)
            continue
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            report.warn(doc, "left out: the span covers only whitespace", span)
            continue
        if (s, e) != (span.start, span.end):
            report.warn(doc, f"trimmed whitespace at its edges (tokens hold none): now {s}-{e} {text[s:e]!r}", span)
        wanted.append((span, s, e))
    return wanted


def tokenize_window(
    doc: ExportDoc,
    report: ExportReport,
    tok: Tokenizer,
    language: str,
    wanted: list[_Wanted],
    lo: int = 0,
    hi: int | None = None,
) -> TokenDoc:
    """Tokens, sentences and placed spans of ``text[lo:hi]`` (``wanted`` all inside it)."""
    text = doc.text
    hi = len(text) if hi is None else hi
    whole = lo == 0 and hi == len(text)
    starts, ends, texts = tok.tokens_and_words(text if whole else text[lo:hi], language)
    if lo:
        starts = list(map(lo.__add__, starts))
        ends = list(map(lo.__add__, ends))
    placed = _placed_on_edges(starts, ends, wanted)
    if placed is None:  # some span edge is inside a token: split it there
        points = [p for _, s, e in wanted for p in (s, e)]
        old_s, old_e = starts, ends
        starts, ends, pieces = split_at(starts, ends, points)
        texts = None  # some tokens were split: TokenDoc.words() slices the text again
        for span, s, e in wanted:
            split = [i for i in _containing(old_s, old_e, s) + _containing(old_s, old_e, e) if i in pieces]
            for i in dict.fromkeys(split):
                report.warn(
                    doc,
                    f"kept exact by splitting the token {text[old_s[i] : old_e[i]]!r} at the span edge",
                    span,
                )
        placed = _placed(starts, ends, wanted)
    # Every non-blank character is in a token and every span edge is now a token edge.
    sent = sentence_starts(text, starts, ends, lo, hi)
    if placed and len(sent) > 1:
        sent = _outside_spans(sent, placed, len(starts))
    # Token ranges [i, j), made in C.
    sentences = list(zip(sent, [*islice(sent, 1, None), len(starts)], strict=True)) if sent else []
    return TokenDoc(doc, starts, ends, sentences, placed, language, texts)


def _placed(starts: list[int], ends: list[int], wanted: list[_Wanted]) -> list[PlacedSpan]:
    """The spans on token edges (each of their edges is one)."""
    ss = list(map(_START, wanted))
    es = list(map(_END, wanted))
    firsts = map(partial(bisect_left, starts), ss)
    lasts = map(_NEXT, map(partial(bisect_left, ends), es))
    return list(map(_new_placed, zip(map(_SPAN, wanted), ss, es, firsts, lasts, strict=True)))


def _placed_on_edges(starts: list[int], ends: list[int], wanted: list[_Wanted]) -> list[PlacedSpan] | None:
    """The spans on token edges, or None when an edge of one is inside a token (it must be split)."""
    if not wanted:
        return []
    ss = list(map(_START, wanted))
    es = list(map(_END, wanted))
    firsts = list(map(partial(bisect_left, starts), ss))
    lasts = list(map(partial(bisect_left, ends), es))
    n = len(starts)
    if max(firsts) >= n or max(lasts) >= n:
        return None
    if not (all(map(eq, map(starts.__getitem__, firsts), ss)) and all(map(eq, map(ends.__getitem__, lasts), es))):
        return None
    return list(map(_new_placed, zip(map(_SPAN, wanted), ss, es, firsts, map(_NEXT, lasts), strict=True)))


def _outside_spans(sent: list[int], placed: list[PlacedSpan], n: int) -> list[int]:
    """Sentence starts that are not inside a span (a sentence never ends inside one)."""
    flags = bytearray(n + 1)
    for i in sent:
        flags[i] = 1
    firsts = list(map(_NEXT, map(_TOKEN_START, placed)))
    lasts = list(map(_TOKEN_END, placed))
    hits = list(map(flags.find, repeat(1), firsts, lasts))  # a sentence start strictly inside the span
    if max(hits) == -1:
        return sent
    inside = set()
    for k in compress(range(len(placed)), map(_FOUND, hits)):
        p = placed[k]
        first = bisect_right(sent, p.token_start)
        last = bisect_left(sent, p.token_end)
        inside.update(sent[first:last])
    return [i for i in sent if i not in inside]


_SPAN = itemgetter(0)
_START = itemgetter(1)
_END = itemgetter(2)
_TOKEN_START = itemgetter(3)
_TOKEN_END = itemgetter(4)
_NEXT = (1).__add__
_FOUND = (-1).__ne__
_new_placed = partial(tuple.__new__, PlacedSpan)  # a PlacedSpan from a tuple of its fields, in C


def _containing(starts: list[int], ends: list[int], p: int) -> list[int]:
    i = bisect_right(starts, p) - 1
    return [i] if i >= 0 and starts[i] < p < ends[i] else []


@dataclass(frozen=True, slots=True)
class SpacyLayout:
    """A doc's tokens as spaCy builds a Doc: whitespace other than one space after a token is a token
    of its own, so ``"".join(w + " " * s for w, s in zip(words, spaces)) == text``."""

    words: list[str]
    spaces: list[bool]
    index: list[int]  # our token i is words[index[i]]


def spacy_layout(tdoc: TokenDoc, lo: int = 0, hi: int | None = None) -> SpacyLayout:
    """The words of ``text[lo:hi]`` (the whole text by default). For a window of a long article, ``lo``
    is where its first token starts (0 for the first) and ``hi`` where the next window's first token
    starts: the words of the windows' ranges, in order, are then the whole article's."""
    text = tdoc.text
    hi = len(text) if hi is None else hi
    words: list[str] = []
    spaces: list[bool] = []
    index: list[int] = []
    pos = lo
    for s, e in [*zip(tdoc.starts, tdoc.ends, strict=True), (hi, hi)]:
        if s > pos:
            gap = text[pos:s]
            if words and gap[0] == " ":
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
        if e > s:
            index.append(len(words))
            words.append(text[s:e])
            spaces.append(False)
        pos = e
    return SpacyLayout(words, spaces, index)


class LayoutStream:
    """``spacy_layout`` over an article's windows in order (``tokenize_segments``): each word comes
    out once the whitespace after it is known, numbered as in the whole article's layout.

    The words come as two lists, texts and space flags, built a window at a time with list
    operations rather than token by token: most gaps between tokens are "" or one space, and
    only the others (line breaks, runs of spaces) are looked at one by one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.count = 0  # words made so far, the pending one included
        self.pending: list | None = None  # [word, space] of the last word made

    def feed(self, tdoc: TokenDoc) -> tuple[list[str], list[bool], list[int]]:
        """The words finished so far (texts and space flags), and each token's word number."""
        starts, ends = tdoc.starts, tdoc.ends
        n = len(starts)
        if not n:
            return [], [], []
        text, pending, count = self.text, self.pending, self.count
        gaps = list(map(text.__getitem__, map(slice, [self.pos, *islice(ends, n - 1)], starts)))
        spaced = list(map(_SPACE_FIRST, gaps))  # the word before the gap takes one space
        tokens = tdoc.words()
        words: list[str] = []
        spaces: list[bool] = []
        if pending is not None:
            words.append(pending[0])
            spaces.append(pending[1] or spaced[0])
        # Gaps that make a word of their own: anything but "" and one space after a word.
        odd = list(compress(range(n), map(not_, map(_PLAIN_GAPS.__contains__, gaps))))
        if pending is None and gaps[0] == " ":
            odd.insert(0, 0)  # a space before the first word is a word
        token_spaces = spaced[1:]
        token_spaces.append(False)  # the last token's is known with the next gap
        shifts = [0] * n
        prev = 0
        for k in odd:
            words += tokens[prev:k]
            spaces += token_spaces[prev:k]
            gap = gaps[k]
            if (k or pending is not None) and gap[0] == " ":
                gap = gap[1:]
            words.append(gap)
            spaces.append(False)
            shifts[k] = 1
            prev = k
        words += tokens[prev:]
        spaces += token_spaces[prev:]
        index = list(map(add, range(count, count + n), accumulate(shifts)))
        self.pending = [words.pop(), spaces.pop()]
        self.count = count + n + len(odd)
        self.pos = ends[-1]
        return words, spaces, index

    def finish(self) -> tuple[list[str], list[bool]]:
        """The last words: the whitespace after the last token, and the pending word."""
        words: list[str] = []
        spaces: list[bool] = []
        gap = self.text[self.pos :]
        if gap:
            if self.pending is not None and gap[0] == " ":
                self.pending[1] = True
                gap = gap[1:]
            if gap:
                if self.pending is not None:
                    words.append(self.pending[0])
                    spaces.append(self.pending[1])
                self.pending = [gap, False]
                self.count += 1
        if self.pending is not None:
            words.append(self.pending[0])
            spaces.append(self.pending[1])
            self.pending = None
        return words, spaces


_SPACE_FIRST = methodcaller("startswith", " ")
_PLAIN_GAPS = frozenset(("", " "))
