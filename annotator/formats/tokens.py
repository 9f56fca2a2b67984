"""Tokens and sentences for the token-based exports (spaCy, Prodigy, CoNLL, Hugging Face).

    tok = tokenizer()                        # spaCy's rules when spaCy is installed, else rule-based
    tdoc = tokenize_doc(doc, report, tok)    # tokens, sentences and each span as token indexes

Every offset is a code point into the article text, and ``text[start:end]`` is
the token. Tokens never contain whitespace and together cover every
non-whitespace character of the text.

Tokens
    The text is cut at whitespace into chunks; every CJK character (ideographs,
    kana, CJK punctuation) and every emoji piece in a chunk is a token of its own
    (what spaCy's ``"zh"`` character segmenter does to Chinese), and the rest of
    the chunk is tokenized by rules:

    - with spaCy installed, the tokenizer of a blank spaCy pipeline
      (``spacy.blank(lang)``, nothing to download). The language is the article's
      ``meta["language"]`` (or ``"lang"``) when spaCy has rules for it; else
      ``"en"`` for text that is mostly ASCII and ``"xx"`` (spaCy's multi-language
      rules) otherwise; Spanish, Portuguese, Dutch, German, French or Italian text
      (told by its commonest words, ``formats.language``) gets that language's rules.
      Chinese and Japanese articles (``"zh"`` in the report) get
      the ``"xx"`` rules for their Latin words and numbers: spaCy's own Chinese
      segmenter would cut ``Foshan`` into letters, and its Japanese, Korean, Thai
      and Vietnamese ones need packages that are not installed. spaCy tokenizes
      each whitespace-separated chunk on its own too, so the tokens are the ones
      it gives for the whole text (a test checks this);
    - without spaCy, one regular expression: a number with inner ``. , : /``
      (``3.5``, ``1,000``); an abbreviation of single letters with periods
      (``U.S.``); a word (letters, digits and ``_``, with inner apostrophes:
      ``don't``, ``O'Brien``); a run of periods or hyphens; else any other single
      character.

    Either way a grapheme cluster is never cut: emoji ZWJ sequences, flags, skin
    tones, keycaps, variation selectors and combining marks stay in one token
    with their base. Each distinct chunk is tokenized once and remembered, which
    keeps a corpus of millions of words fast.

Sentences (the same rule with or without spaCy)
    A sentence ends after a token made only of sentence-final punctuation (spaCy's
    Sentencizer set: ``. ! ?`` and ``。！？`` among many), with any closing quotes
    or brackets written right after it, unless the next token begins with a lower-case letter
    or the period ends a known abbreviation (``Mr.``, ``Dr.``, ``Co.``...). Every
    line break ends a sentence too. A sentence never ends inside a span.

Spans
    A span edge inside a token splits that token (``Berlin`` in ``Berliners``
    becomes ``Berlin`` + ``ers``) so that the span stays exact; whitespace at a
    span's edge is left out of it; a blank or empty span cannot be placed. Each of
    these is reported in ``ExportReport.warnings``.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, compress, count
from typing import Any

from annotator.core.text import grapheme_start
from annotator.formats.dataset import ExportReport
from annotator.formats.language import latin_language
from annotator.formats.parallel import heap_grew

log = logging.getLogger(__name__)

SPACY_EXTRA = 'pip install "annotator[spacy]"'

# --- character classes --------------------------------------------------------------

# Scripts written without spaces between words: each of these characters is a token.
_CJK = (
    "\u2e80-\u2fdf"  # CJK radicals, Kangxi radicals
    "\u3001-\u303f"  # CJK symbols and punctuation (、。「」...)
    "\u3040-\u3098\u309b-\u30ff"  # hiragana, katakana (not their combining marks)
    "\u3100-\u312f\u31a0-\u31ff"  # bopomofo, katakana extensions
    "\u3400-\u4dbf\u4e00-\u9fff"  # CJK unified ideographs and extension A
    "\uf900-\ufaff"  # compatibility ideographs
    "\ufe30-\ufe4f"  # CJK compatibility forms
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"  # fullwidth and halfwidth punctuation
    "\U00020000-\U0003134f"  # extensions B to H, compatibility supplement
)
_CJK_RE = re.compile(f"[{_CJK}]")
# What spaCy's rules do not handle the way we want: CJK runs (one token a character) and emoji
# pieces (spaCy cuts ZWJ sequences, flags and skin tones). Blanked out for spaCy, done by the rules.
_SPECIAL_RUN = re.compile(
    f"[{_CJK}\u200d\u20e3\ufe00-\ufe0f\u2600-\u27bf\U0001f000-\U0001faff\U000e0000-\U000e01ef]+"
)
# Where a grapheme cluster may continue across a token edge: anything that is not a word character,
# whitespace, ASCII punctuation or CJK (combining marks, ZWJ, variation selectors, emoji modifiers).
_MAYBE_GLUE = re.compile(f"[^\\w\\s!-/:-@\\[-`{{-~{_CJK}]")
_OTHER_SCRIPTS = re.compile(f"[^\\x00-\\x7f{_CJK}]")
_WORD = f"[^\\W{_CJK}]"
_LETTER = f"[^\\W\\d_{_CJK}]"
_TOKEN = re.compile(
    f"(?={_LETTER}\\.{_LETTER}\\.)(?:{_LETTER}\\.)+"  # abbreviations: U.S., e.g.
    r"|\d+(?:[.,:/]\d+)+"  # numbers: 3.5, 1,000, 12:30
    f"|{_WORD}+(?:['\u2019]{_WORD}+)*"  # words, with inner apostrophes
    f"|[{_CJK}]"  # one CJK character
    r"|\.{2,}|-{2,}"  # ... and --
    r"|\S"  # any other character (punctuation, symbols; emoji pieces are joined afterwards)
)
_ZWJ = "\u200d"
_CHUNK = re.compile(r"(\S+)")  # what lies between whitespace
_CACHE_LIMIT = 200_000  # distinct chunks remembered per tokenizer and language (then forgotten)


# --- sentence rule ------------------------------------------------------------------

# spaCy's Sentencizer punctuation (``Sentencizer.default_punct_chars``), and the ellipsis.
_FINAL_PUNCT = frozenset(
    "!.?։؟۔܀܁܂߹।॥၊။።፧፨᙮᜵᜶᠃᠉᥄᥅"
    "᪨᪩᪪᪫᭚᭛᭞᭟᰻᰼᱾᱿‼‽⁇⁈⁉⸮⸼꓿꘎꘏꛳꛷"
    "꡶꡷꣎꣏꤯꧈꧉꩝꩞꩟꫰꫱꯫﹒﹖﹗！．？｡。…"
    "\U00010a56\U00010a57\U00011047\U00011048\U000110be\U000110bf\U000110c0\U000110c1"
    "\U00011141\U00011142\U00011143\U000111c5\U000111c6\U000111cd\U000111de\U000111df"
    "\U00011238\U00011239\U0001123b\U0001123c\U000112a9\U0001144b\U0001144c\U000115c2"
    "\U000115c3\U000115c9\U000115ca\U000115cb\U000115cc\U000115cd\U000115ce\U000115cf"
    "\U000115d0\U000115d1\U000115d2\U000115d3\U000115d4\U000115d5\U000115d6\U000115d7"
    "\U00011641\U00011642\U0001173c\U0001173d\U0001173e\U00011a42\U00011a43\U00011a9b"
    "\U00011a9c\U00011c41\U00011c42\U00016a6e\U00016a6f\U00016af5\U00016b37\U00016b38"
    "\U00016b44\U0001bc9f\U0001da88"
)
_CLOSING = frozenset("\"')]}»’”›」』）】〕〉》〗〙〛］｝＂＇")
_ABBREVIATIONS = frozenset(
    [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Gen", "Gov", "Sen", "Rep", "Col", "Capt", "Lt", "Sgt",
        "Rev", "Hon", "Co", "Corp", "Inc", "Ltd", "No", "Nos", "Vol", "vs", "etc", "approx", "Jan", "Feb", "Mar", "Apr",
        "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ]
)


# --- the tokenizer ------------------------------------------------------------------


@dataclass
class Tokenizer:
    """Splits text into tokens; ``spacy`` is the spaCy module, or None for the rule-based one."""

    spacy: Any = None
    languages: dict[str, int] = field(default_factory=dict)  # language -> articles, for the report

    @property
    def name(self) -> str:
        return f"spaCy {self.spacy.__version__}" if self.spacy is not None else "rule-based"

    def describe(self) -> str:
        """One line for the export report: which tokenizer and sentence splitter made the tokens."""
        if self.spacy is None:
            tokens = "the rule-based tokenizer (CJK one character a token)"
        else:
            langs = ", ".join(f"{lang} {n}" for lang, n in sorted(self.languages.items())) or "none"
            tokens = (
                f"spaCy {self.spacy.__version__} tokenizer rules (blank pipelines, articles per language: {langs}; "
                "CJK one character a token)"
            )
        return f"Tokens: {tokens}; sentences: end punctuation and line breaks, never inside a span."

    # -- language --------------------------------------------------------------------
    def language(self, text: str, meta: dict[str, Any] | None = None) -> str:
        for key in ("language", "lang"):
            value = (meta or {}).get(key)
            if isinstance(value, str) and value:
                code = value.strip().lower().replace("_", "-").split("-")[0]
                if code in ("zh", "ja"):
                    return "zh"
                if code not in ("ko", "th", "vi") and self._pipeline(code) is not None:
                    return code
        sample = text[:2000]
        guess = latin_language(sample)
        if guess not in ("", "en") and self._pipeline(guess) is not None:
            return guess
        if sample.isascii():
            return "en"
        ascii_chars = len(sample.encode("ascii", "ignore"))
        other = len(_OTHER_SCRIPTS.findall(sample))  # neither ASCII nor CJK: accents, Cyrillic, emoji...
        cjk = len(sample) - ascii_chars - other
        if cjk * 2 >= ascii_chars:
            return "zh"
        return "en" if other * 20 <= ascii_chars else "xx"

    def _pipeline(self, lang: str) -> Any:
        return _blank_pipeline(self.spacy, lang)

    # -- tokens ----------------------------------------------------------------------
    def tokens(self, text: str, language: str = "") -> tuple[list[int], list[int]]:
        """Token starts and ends (code points), in order, covering the text minus whitespace."""
        starts, ends, _ = self.tokens_and_words(text, language)
        return starts, ends

    def token_offsets(self, text: str, language: str = "") -> tuple[list[int], list[int]]:
        """The same tokens as ``tokens()``, without building their texts (faster, for agreement)."""
        chunks, starts, ends, multi = self._chunks(text, language)
        if not multi:
            return starts, ends
        out_s, out_e, _ = _expand(chunks, starts, ends, multi, words=False)
        return out_s, out_e

    def tokens_and_words(self, text: str, language: str = "") -> tuple[list[int], list[int], list[str]]:
        """Token starts, ends and texts, in order, covering the text minus whitespace.

        ``language`` picks spaCy's rules (see ``language()``); the rule-based tokenizer ignores it.
        The text is cut at whitespace into chunks and each distinct chunk is tokenized once, then
        remembered (spaCy's tokenizer works chunk by chunk too, so these are the tokens it gives
        for the whole text)."""
        chunks, starts, ends, multi = self._chunks(text, language)
        if multi:
            return _expand(chunks, starts, ends, multi)
        return starts, ends, chunks

    def _chunks(self, text: str, language: str) -> tuple[list[str], list[int], list[int], dict[str, _Pieces]]:
        """The text's whitespace-separated chunks with their starts and ends, and those of them that
        are more than one token (with their tokens)."""
        if self.spacy is not None:
            language = language or self.language(text)
            self.languages[language] = self.languages.get(language, 0) + 1
        else:
            language = ""
        parts = _CHUNK.split(text)  # [gap, chunk, gap, chunk, ..., gap]
        cum = list(accumulate(map(len, parts)))
        chunks = parts[1::2]
        return chunks, cum[0:-1:2], cum[1::2], self._multi_token_chunks(chunks, language)

    def _multi_token_chunks(self, chunks: list[str], language: str) -> dict[str, _Pieces]:
        """Every chunk known to be more than one token, with its tokens' offsets (the new ones of
        ``chunks`` tokenized and added)."""
        key = f"spacy-{language}" if self.spacy is not None else "rules"
        multi, single = _CHUNK_CACHES.setdefault(key, ({}, set()))
        # The article's distinct chunks looked up in the cache (``set -= cache`` would walk the
        # whole cache, article after article; ``difference`` walks the smaller set).
        new = set(chunks).difference(multi).difference(single)  # each walks the article's chunks, in C
        if new:
            if len(single) + len(multi) > _CACHE_LIMIT:
                multi.clear()
                single.clear()
            plain = _split_plain if self.spacy is None else self._spacy_splitter(language)
            for chunk in new:
                pieces = _split_chunk(chunk, plain)
                if len(pieces[2]) == 1:
                    single.add(chunk)
                else:
                    multi[chunk] = pieces
        return multi

    def _spacy_splitter(self, language: str) -> Any:
        tokenizer = self._pipeline(language).tokenizer

        def split(piece: str) -> tuple[list[int], list[int]]:
            doc = tokenizer(piece)
            return [t.idx for t in doc], [t.idx + len(t) for t in doc]

        return split


_Pieces = tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]  # a chunk's tokens: starts, ends, texts


def _split_plain(piece: str) -> tuple[list[int], list[int]]:
    spans = [m.span() for m in _TOKEN.finditer(piece)]
    return [s for s, _ in spans], [e for _, e in spans]


def _split_chunk(chunk: str, plain: Any) -> _Pieces:
    """The tokens of a chunk (text without whitespace): each CJK character or emoji piece alone,
    the rest by ``plain`` (spaCy's rules or the rule-based ones), then emoji sequences, flags and
    letters with their marks joined again."""
    if chunk.isascii():
        starts, ends = plain(chunk)
        return tuple(starts), tuple(ends), tuple(chunk[s:e] for s, e in zip(starts, ends, strict=True))
    starts, ends = [], []
    pos = 0
    for m in [*_SPECIAL_RUN.finditer(chunk), None]:
        stop = len(chunk) if m is None else m.start()
        if stop > pos:
            s, e = plain(chunk[pos:stop])
            starts += [pos + x for x in s]
            ends += [pos + x for x in e]
        if m is not None:
            starts.extend(range(m.start(), m.end()))
            ends.extend(range(m.start() + 1, m.end() + 1))
            pos = m.end()
    starts, ends = _join_clusters(chunk, starts, ends)
    return tuple(starts), tuple(ends), tuple(chunk[s:e] for s, e in zip(starts, ends, strict=True))


def _expand(
    chunks: list[str], starts: list[int], ends: list[int], multi: dict[str, _Pieces], words: bool = True
) -> tuple[list[int], list[int], list[str]]:
    """Chunks -> tokens (starts, ends, texts), each chunk in ``multi`` replaced by its tokens
    (``words=False``: no texts, an empty list)."""
    out_s: list[int] = []
    out_e: list[int] = []
    out_w: list[str] = []
    prev = 0
    for i in compress(count(), map(multi.__contains__, chunks)):
        out_s += starts[prev:i]
        out_e += ends[prev:i]
        add = starts[i].__add__
        rel_s, rel_e, texts = multi[chunks[i]]
        out_s += map(add, rel_s)
        out_e += map(add, rel_e)
        if words:
            out_w += chunks[prev:i]
            out_w += texts
        prev = i + 1
    out_s += starts[prev:]
    out_e += ends[prev:]
    if words:
        out_w += chunks[prev:]
    return out_s, out_e, out_w


_PIPELINES: dict[str, Any] = {}  # blank spaCy pipelines, made once per process
_CHUNK_CACHES: dict[str, tuple[dict[str, _Pieces], set[str]]] = {}  # multi-token chunks, one-token chunks


def _blank_pipeline(spacy: Any, lang: str) -> Any:
    """``spacy.blank(lang)`` (``"xx"`` for ``"zh"``), or None when spaCy has no rules for ``lang``."""
    if lang not in _PIPELINES:
        try:
            nlp = spacy.blank("xx" if lang == "zh" else lang)
        except (ImportError, ValueError, OSError) as exc:  # no rules for it, or they need a package that is missing
            log.info("No spaCy tokenizer for %r (%s): the rule tokenizer is used", lang, exc)
            nlp = None
        _PIPELINES[lang] = nlp
        heap_grew()  # made once per process: out of the way of garbage collection during an export
    return _PIPELINES[lang]


def tokenizer(prefer: str | None = None) -> Tokenizer:
    """spaCy's tokenizer rules when spaCy is installed (or ``prefer == "spacy"``), else the rule-based one.

    ``prefer="rules"`` always gives the rule-based tokenizer; ``prefer="spacy"`` raises
    ImportError with the install hint when spaCy is missing."""
    if prefer not in (None, "spacy", "rules"):
        raise ValueError(f"Unknown tokenizer {prefer!r}: spacy or rules.")
    if prefer == "rules":
        return Tokenizer()
    try:
        return Tokenizer(spacy=_import_spacy())
    except ImportError:
        if prefer == "spacy":
            raise
        return Tokenizer()


def _import_spacy() -> Any:
    try:
        import spacy
    except ImportError as exc:
        raise ImportError(f"This export needs spaCy, an optional extra: {SPACY_EXTRA}", name="spacy") from exc
    return spacy


def _join_clusters(text: str, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
    """Merge neighbouring tokens whose common edge would cut a grapheme cluster (an emoji ZWJ
    sequence, a flag, a skin tone, a keycap, a letter and its combining marks)."""
    if text.isascii():
        return starts, ends
    n = len(text)
    cuts = set()
    for m in _MAYBE_GLUE.finditer(text):
        p = m.start()
        if p and grapheme_start(text, p) != p:
            cuts.add(p)
        if p + 1 < n:
            ch, nxt = text[p], text[p + 1]
            if ch == _ZWJ or (unicodedata.category(ch)[0] == "M" and _is_word(nxt)):
                cuts.add(p + 1)  # what follows a joiner, or the rest of a word after its mark
    if not cuts:
        return starts, ends
    starts, ends = list(starts), list(ends)
    for c in sorted(cuts, reverse=True):
        i = bisect_left(starts, c)
        if 0 < i < len(starts) and starts[i] == c and ends[i - 1] == c:
            ends[i - 1] = ends[i]
            del starts[i], ends[i]
    return starts, ends


def _is_word(ch: str) -> bool:
    return (ch.isalnum() or unicodedata.category(ch)[0] == "M") and not _CJK_RE.match(ch)


def split_at(starts: list[int], ends: list[int], points: list[int]) -> tuple[list[int], list[int], dict[int, int]]:
    """Split tokens so that every offset in ``points`` inside a token becomes a token edge.

    Returns the new starts and ends and, for each token that was split, its old index -> pieces."""
    inside: dict[int, list[int]] = {}
    for p in points:
        i = bisect_right(starts, p) - 1
        if i >= 0 and starts[i] < p < ends[i]:
            inside.setdefault(i, []).append(p)
    if not inside:
        return starts, ends, {}
    new_s: list[int] = []
    new_e: list[int] = []
    prev = 0
    pieces: dict[int, int] = {}
    for i in sorted(inside):
        new_s.extend(starts[prev:i])
        new_e.extend(ends[prev:i])
        cuts = sorted(set(inside[i]))
        edges = [starts[i], *cuts, ends[i]]
        new_s.extend(edges[:-1])
        new_e.extend(edges[1:])
        pieces[i] = len(edges) - 1
        prev = i + 1
    new_s.extend(starts[prev:])
    new_e.extend(ends[prev:])
    return new_s, new_e, pieces


def sentence_starts(text: str, starts: list[int], ends: list[int], lo: int = 0, hi: int | None = None) -> list[int]:
    """Indexes of the tokens that begin a sentence (0 first, when there are tokens); the tokens are
    those of ``text[lo:hi]`` (offsets into ``text``)."""
    n = len(starts)
    if not n:
        return []
    hi = len(text) if hi is None else hi
    found = {0}
    # Line breaks: the token after each "\n".
    pos = text.find("\n", lo, hi)
    while pos != -1:
        i = bisect_left(starts, pos)
        if i < n:
            found.add(i)
        pos = text.find("\n", starts[i], hi) if i < n else -1
    # Tokens of sentence-final punctuation, with the closing quotes and brackets after them.
    trail = _TRAIL.fullmatch
    for m in _FINAL_RUN.finditer(text, lo, hi):
        p, q = m.span()
        i = bisect_left(starts, p)
        if i >= n or starts[i] != p or ends[i] > q or (q == p + 1 and text[p] not in _FINAL_PUNCT):
            continue
        j = i + 1
        while j < n and ends[j - 1] == starts[j] and trail(text, starts[j], ends[j]):
            j += 1
        if j >= n or text[starts[j]].islower():
            continue
        if text[p] == "." and i > 0 and ends[i - 1] == p:
            before = text[starts[i - 1] : p]
            if before in _ABBREVIATIONS or (len(before) == 1 and before.isupper()):
                continue
        found.add(j)
    return sorted(found)


_TRAIL = re.compile(  # what may follow the final mark in the same sentence: more of them, closing quotes
    "[" + "".join(re.escape(c) for c in sorted(_FINAL_PUNCT | _CLOSING) if ord(c) < 0x10000) + "]+"
)
_FINAL_RUN = re.compile(  # the rarer final marks outside the BMP are checked one by one (_is_final)
    "[" + "".join(re.escape(c) for c in sorted(_FINAL_PUNCT) if ord(c) < 0x10000) + "]+|[\U00010000-\U0010ffff]"
)


def spacy_module() -> Any:
    """spaCy, or ImportError telling the user how to install it."""
    return _import_spacy()


def tokenizer_for(ctx: Any) -> Tokenizer:
    """The export's one tokenizer, shared by every part of a split, so that its report line counts them all."""
    tok = ctx.report.tokenizer
    if tok is None:
        tok = ctx.report.tokenizer = tokenizer(ctx.options.extra.get("tokenizer"))
    return tok


def report_tokens(report: ExportReport, tok: Tokenizer) -> None:
    """The report's one "Tokens:" line, brought up to date after each part."""
    report.notes[:] = [note for note in report.notes if not note.startswith("Tokens:")]
    report.note(tok.describe())


def report_note(report: ExportReport, message: str) -> None:
    """State once, in the report's notes, how the export was made (the tokenizer used, say)."""
    report.note(message)
