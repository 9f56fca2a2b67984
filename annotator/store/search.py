"""Full-text search over article titles and texts, on an SQLite FTS5 index.

The index (``articles_fts``, created by migration m003 and kept in shape by m005: an external-content table like the one
sqlite-utils ``enable_fts`` makes) is filled lazily: imports only store text, and the index
catches up (``catch_up``) before each search and in the app's idle moments. It uses FTS5's
**trigram** tokenizer. The
default ``unicode61`` tokenizer cuts text at spaces and punctuation, so a run of Chinese
characters up to the next comma is one "word" and 佛山 inside 佛山市位于广东省 could never be
found. Trigram indexes every three-character substring instead: any substring of three
characters or more, in any script, is found through the index, case-insensitively.

What a query means (the index only narrows the candidates; each one is then checked here):

- ``Foshan plan`` -- articles with both words. Words match whole words: ``port`` finds
  "port" and "port's", not "report". Chinese and Japanese have no spaces between words, so an
  ideograph never counts as part of a neighbouring word and 佛山 matches inside 佛山市
  (the rule of ``core.text.is_word_char``, shared with annotate-all and missed mentions).
- ``"Greater Bay Area"`` -- a phrase: the words in this order, any spacing or line break between.
- ``Guang*`` -- a prefix: words that start with "Guang"; the hit covers the whole word.
- ``Foshan OR Jiangmen``, ``Foshan NOT Midea``, ``AND``, and ``( )`` to group, as in FTS5.

Any input is safe. Input that does not parse as a query (a lone ``"``, ``(``, ``a OR``,
``NEAR(``) is searched as the plain words it contains, with a message saying so; input
with no word at all gets a message and no results. Nothing from the input becomes SQL:
the FTS expression is built here from quoted words and passed as a parameter.

Words shorter than three characters cannot use a trigram index. They still match: alongside
a longer word the index narrows by that one, and a query of short words only reads the
articles in order until a page is full.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from annotator.core.text import InContext, grapheme_start, is_word_char
from annotator.store.locking import connect

log = logging.getLogger(__name__)

FTS_TABLE = "articles_fts"
FTS_COLUMNS = ("title", "text")
TOKENIZER = "trigram"
_MIN_INDEXED = 3  # trigram: a shorter word has no entry in the index
_LOWER_AT_ONCE = 50_000  # longer texts are matched with IGNORECASE, lazily, not lower-cased whole
_TRIGGERS = ("articles_ad", "articles_au")
_OLD_TRIGGERS = ("articles_ai",)  # an earlier shape indexed every insert at once
CATCH_UP_CHUNK = 100  # articles indexed per transaction when the index catches up
# FTS5 merges a level's segments into one once it holds this many (its default is 4). A merge
# rewrites what it merges, so each indexed text is rewritten once per level it climbs: at 16 there
# are half as many levels, and catching up 20,000 articles in a 1,000,000-article index costs about
# what it costs in a small one, instead of twice; a query reads up to 15 segments a level.
AUTOMERGE = 16


# --- results ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hit:
    """One match in an article's text: code-point offsets and a line of context around it."""

    start: int
    end: int
    before: str
    text: str
    after: str
    more_before: bool  # the text goes on before the context shown
    more_after: bool

    @property
    def in_context(self) -> InContext:
        return InContext(self.before, self.text, self.after, self.more_before, self.more_after)


@dataclass(frozen=True, slots=True)
class SearchResult:
    article_id: int
    title: str
    hits: tuple[Hit, ...]  # the first hits in text order, at most ``max_hits``
    more_hits: bool  # the text has more hits than these
    in_title: bool  # the title matches too (an article may match by its title alone)


@dataclass(frozen=True, slots=True)
class SearchPage:
    results: list[SearchResult] = field(default_factory=list)
    message: str | None = None  # what the user should know about how the query was read
    # Where the next page starts (pass it as ``after``), or None when every article was looked at.
    resume_after: int | None = None
    searched: int = 0  # candidate articles looked at for this page

    @property
    def more(self) -> bool:
        """There may be further results: the search stopped at a full page or at its budget."""
        return self.resume_after is not None


# --- the query language -------------------------------------------------------------


class QueryError(ValueError):
    """The input is not a well-formed query; the message says why."""


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]  # one word, or the words of a phrase
    prefix: bool = False  # the last word is a prefix


@dataclass(frozen=True, slots=True)
class Node:
    op: str  # "AND", "OR", "NOT" (the first child, and none of the others: ``a NOT b NOT c``)
    children: tuple


MAX_DEPTH = 40  # parentheses nested deeper than this are read as plain words (a tree that deep is no query)


_TOKEN = re.compile(r'\s*(?:(")([^"]*)("?)|([()])|([^\s"()]+))')
_KEYWORDS = ("AND", "OR", "NOT")


def _tokens(query: str) -> list[tuple[str, str]]:
    out = []
    for m in _TOKEN.finditer(query):
        if m.group(1):
            if not m.group(3):
                raise QueryError("A quote is not closed")
            out.append(("phrase", m.group(2)))
        elif m.group(4):
            out.append((m.group(4), m.group(4)))
        elif m.group(5):
            word = m.group(5)
            out.append(("op", word) if word in _KEYWORDS else ("word", word))
    return out


def _term(kind: str, value: str) -> Term:
    prefix = value.endswith("*")
    words = tuple(value.rstrip("*").split()) if kind == "phrase" else (value.rstrip("*"),)
    if not words or not words[0]:
        raise QueryError("'*' must follow the start of a word, as in Guang*" if prefix else "A phrase is empty")
    if any("*" in w for w in words):
        raise QueryError("'*' may only end a word")
    return Term(words, prefix)


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def parse(self):
        if not self.tokens:
            raise QueryError("Nothing to search for")
        node = self.expr()
        if self.peek() is not None:
            raise QueryError("A ')' has no matching '('")
        return node

    def expr(self):
        parts = [self.conjunction()]
        while self.peek() == ("op", "OR"):
            self._operator()
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else Node("OR", tuple(parts))

    def conjunction(self):
        parts = [self.negation()]
        while (tok := self.peek()) is not None and tok[0] != ")" and tok != ("op", "OR"):
            if tok == ("op", "AND"):
                self._operator()
            parts.append(self.negation())
        return parts[0] if len(parts) == 1 else Node("AND", tuple(parts))

    def negation(self):
        node = self.primary()
        excluded = []
        while self.peek() == ("op", "NOT"):  # a chain of NOTs is one flat node, however long
            self._operator()
            excluded.append(self.primary())
        return Node("NOT", (node, *excluded)) if excluded else node

    def _operator(self) -> None:
        """Step over AND, OR or NOT, which must be followed by something to combine."""
        op = self.tokens[self.pos][1]
        self.pos += 1
        if self.peek() is None or self.peek()[0] in (")", "op"):
            raise QueryError(f"{op} needs a word on each side")

    def primary(self):
        tok = self.peek()
        if tok is None:
            raise QueryError("The query ends where a word was expected")
        kind, value = tok
        self.pos += 1
        if kind == "(":
            if self.peek() is None:
                raise QueryError("A '(' is not closed")
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QueryError(f"Parentheses are nested more than {MAX_DEPTH} deep")
            node = self.expr()
            self.depth -= 1
            if self.peek() != (")", ")"):
                raise QueryError("A '(' is not closed")
            self.pos += 1
            return node
        if kind == ")":
            raise QueryError("A ')' has no matching '('")
        if kind == "op":
            raise QueryError(f"{value} needs a word on each side")
        return _term(kind, value)


def parse(query: str):
    """The query as a tree of Terms and Nodes; raises QueryError when it is not well-formed."""
    return _Parser(_tokens(query)).parse()


def plain_words(query: str) -> list[str]:
    """The words of ``query`` with quotes, parentheses and '*' dropped, and AND/OR/NOT too when
    other words remain (``Foshan OR`` is a search for Foshan, ``AND`` alone one for "and")."""
    words = [w.strip("*") for w in re.sub(r'["()]', " ", query).split()]
    words = [w for w in words if w]
    return [w for w in words if w not in _KEYWORDS] or words


def read_query(query: str) -> tuple[object | None, str | None]:
    """(query tree or None, message for the user or None). Never raises."""
    try:
        return parse(query), None
    except QueryError as exc:
        words = plain_words(query)
        if not words:
            return None, "Type a word to search for."
        terms = tuple(Term((w,)) for w in words)
        tree = terms[0] if len(terms) == 1 else Node("AND", terms)
        return tree, f"{exc}; searched for {' '.join(words)} instead."


def fts_expression(node) -> str | None:
    """An FTS5 MATCH expression that every matching article satisfies (a superset), or None
    when the index cannot narrow the search (only short words, or an OR over one)."""
    if isinstance(node, Term):
        # The index keeps no positions (detail=none), so a word is looked up as all of its trigrams.
        grams = sorted({w[i : i + 3] for w in node.words for i in range(len(w) - 2)})
        return " AND ".join('"' + g.replace('"', '""') + '"' for g in grams) or None
    if node.op == "AND":
        parts = [p for p in map(fts_expression, node.children) if p]
        return "(" + " AND ".join(parts) + ")" if parts else None
    if node.op == "OR":
        parts = list(map(fts_expression, node.children))
        return None if None in parts else "(" + " OR ".join(parts) + ")"
    # NOT: FTS5 would exclude substrings, but "port" must not exclude "report": keep the left side only.
    return fts_expression(node.children[0])


# --- matching ------------------------------------------------------------------------


def _word(ch: str) -> bool:
    """``is_word_char``, with ASCII answered without a call into unicodedata."""
    return (ch.isalnum() or ch == "_") if ch.isascii() else is_word_char(ch)


def _edge(text: str, pos: int) -> bool:
    """Is ``pos`` a grapheme boundary? (Between two ASCII characters it always is.)"""
    if 0 < pos < len(text) and not (text[pos].isascii() and text[pos - 1].isascii()):
        return grapheme_start(text, pos) == pos
    return True


class _Matcher:
    """Finds the whole-word (or prefix) occurrences of each Term, case-insensitively.

    Matching runs on the lower-cased text with a case-sensitive pattern (much faster than
    IGNORECASE) whenever lower-casing keeps every offset; otherwise on the text itself."""

    def __init__(self) -> None:
        self._patterns: dict[Term, tuple[re.Pattern, re.Pattern]] = {}

    def _pattern(self, term: Term, lowered: bool) -> re.Pattern:
        pair = self._patterns.get(term)
        if pair is None:
            source = r"\s+".join(map(re.escape, term.words))
            pair = self._patterns[term] = (re.compile(source.lower()), re.compile(source, re.IGNORECASE))
        return pair[0] if lowered else pair[1]

    def spans(self, term: Term, text: str, low: str | None, cap: int) -> list[tuple[int, int]]:
        """The first ``cap`` occurrences of ``term`` (a long article need not be read to its end)."""
        found: list[tuple[int, int]] = []
        n = len(text)
        matches = (
            self._pattern(term, True).finditer(low) if low is not None else self._pattern(term, False).finditer(text)
        )
        for m in matches:
            s, e = m.span()
            if s > 0 and _word(text[s - 1]) and _word(text[s]):
                continue
            if term.prefix:
                while e < n and _word(text[e]):
                    e += 1
            elif e < n and _word(text[e - 1]) and _word(text[e]):
                continue
            if _edge(text, s) and _edge(text, e):
                found.append((s, e))
                if len(found) >= cap:
                    break
        return found

    def evaluate(self, node, title: str, text: str, cap: int) -> tuple[bool, bool, list[tuple[int, int]]]:
        """(article matches, title matches, the first ``cap`` hit spans in the text, in text order)."""
        low = text.lower() if len(text) <= _LOWER_AT_ONCE else None
        low_title = title.lower()
        return self._evaluate(
            node, title, low_title if len(low_title) == len(title) else None,
            text, low if low is not None and len(low) == len(text) else None, cap,
        )

    def _evaluate(self, node, title, low_title, text, low, cap):
        if isinstance(node, Term):
            spans = self.spans(node, text, low, cap)
            in_title = bool(self.spans(node, title, low_title, 1))
            return bool(spans) or in_title, in_title, spans
        if node.op == "NOT":
            ok, in_title, spans = self._evaluate(node.children[0], title, low_title, text, low, cap)
            if ok and any(self._evaluate(child, title, low_title, text, low, 1)[0] for child in node.children[1:]):
                return False, False, []
            return ok, in_title, spans
        results = [self._evaluate(child, title, low_title, text, low, cap) for child in node.children]
        ok = (all if node.op == "AND" else any)(r[0] for r in results)
        in_title = any(r[1] for r in results if r[0])
        spans = sorted({s for r in results if r[0] for s in r[2]})
        # Each child's list stops at ``cap``: beyond the cap-th of the union, a child may have more.
        return ok, in_title, spans[:cap]


def _hit(text: str, s: int, e: int, context: int) -> Hit:
    b = max(0, s - context)
    return Hit(s, e, text[b:s], text[s:e], text[e : e + context], b > 0, e + context < len(text))


# --- searching ------------------------------------------------------------------------


def _candidates(db: Database, expression: str | None, after: int, behind: bool) -> Iterator[tuple[int, str, str]]:
    if expression is None:
        yield from db.execute("SELECT id, title, text FROM articles WHERE id > ? ORDER BY id", [after])
        return
    if behind:  # not caught up (a read-only file, or a writer holding the lock): read those too
        yield from db.execute(
            f"""SELECT id, title, text FROM articles WHERE id > ?
                AND (id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)
                     OR id NOT IN (SELECT id FROM {FTS_TABLE}_docsize))
                ORDER BY id""",
            [after, expression],
        )
        return
    yield from db.execute(
        f"""SELECT a.id, a.title, a.text FROM {FTS_TABLE} f JOIN articles a ON a.id = f.rowid
            WHERE {FTS_TABLE} MATCH ? AND f.rowid > ? ORDER BY f.rowid""",
        [expression, after],
    )


def search(
    db: Database,
    query: str,
    limit: int = 50,
    offset: int = 0,
    *,
    after: int = 0,
    budget: int | None = None,
    max_hits: int = 20,
    context: int = 40,
) -> SearchPage:
    """Articles matching ``query`` in article order: ``limit`` of them, after skipping ``offset``
    matches, among articles with an id above ``after``.

    Each result carries its first ``max_hits`` hits with ``context`` characters either side.
    The index finds candidates; each is checked for whole words. ``budget`` caps the candidates
    looked at, so that a word found mostly inside longer words ("port" in "report") answers
    quickly with what it found so far and a ``resume_after`` to go on from.
    Never raises for any query text; a query it had to reinterpret comes back with a message.
    """
    # SQLite reads a text parameter only up to a NUL, which would cut an FTS5 phrase in two.
    tree, message = read_query(query.replace("\x00", " "))
    if tree is None:
        return SearchPage(message=message)
    try:
        behind = index_behind(db)
    except sqlite3.OperationalError:  # no index at all (another program dropped it): read every article
        return _scan(db, tree, message, limit, offset, after, budget, max_hits, context, None)
    if behind:
        try:
            catch_up(db)
            behind = False
        except sqlite3.OperationalError as exc:  # read-only or locked: _candidates reads the unindexed articles too
            log.info("The search index could not catch up: %s", exc)
    return _scan(db, tree, message, limit, offset, after, budget, max_hits, context, fts_expression(tree), behind)


def _scan(db, tree, message, limit, offset, after, budget, max_hits, context, expression, behind=False) -> SearchPage:
    """Check each candidate article (those the index narrows to, or all for ``expression`` None)."""
    matcher = _Matcher()
    results: list[SearchResult] = []
    skipped = searched = 0
    last = after
    for article_id, title, text in _candidates(db, expression, after, behind):
        if len(results) == limit or (budget is not None and searched >= budget):
            return SearchPage(results, message, last, searched)
        searched += 1
        last = article_id
        ok, in_title, spans = matcher.evaluate(tree, title, text, max_hits + 1)
        if not ok:
            continue
        if skipped < offset:
            skipped += 1
            continue
        hits = tuple(_hit(text, s, e, context) for s, e in spans[:max_hits])
        results.append(SearchResult(article_id, title, hits, len(spans) > max_hits, in_title))
    return SearchPage(results, message, None, searched)


# --- keeping the index -------------------------------------------------------------------


_CREATE = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, text, "
    f"tokenize='{TOKENIZER}', content=\"articles\", detail='none')"
)
# Only an article that is in the index is taken out of it: removing one that never went in
# would corrupt the index. Article text never changes; a new title is re-indexed.
_INDEXED = f"EXISTS (SELECT 1 FROM {FTS_TABLE}_docsize WHERE id = old.rowid)"
_TRIGGER_SQL = (
    f"""CREATE TRIGGER articles_ad AFTER DELETE ON articles WHEN {_INDEXED} BEGIN
      INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END""",
    f"""CREATE TRIGGER articles_au AFTER UPDATE OF title ON articles WHEN {_INDEXED} BEGIN
      INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
      INSERT INTO {FTS_TABLE} (rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
)


def shape_is_current(db: Database) -> bool:
    """The index and its triggers exist, of the shape created here, and no trigger of an older shape."""
    names = [FTS_TABLE, *_TRIGGERS, *_OLD_TRIGGERS]
    found = dict(
        db.execute(f"SELECT name, sql FROM sqlite_master WHERE name IN ({', '.join('?' * len(names))})", names)
    )
    return (
        found.get(FTS_TABLE) == _CREATE
        and all(found.get(name) == sql for name, sql in zip(_TRIGGERS, _TRIGGER_SQL, strict=True))
        and not any(name in found for name in _OLD_TRIGGERS)
    )


def unindexed_count(db: Database) -> int:
    """How many articles the index does not hold yet (0 in a few index lookups when it is current)."""
    articles = db.execute("SELECT count(*), max(id) FROM articles").fetchone()
    indexed = db.execute(f"SELECT count(*), max(id) FROM {FTS_TABLE}_docsize").fetchone()
    if tuple(articles) == tuple(indexed):
        return 0
    return db.execute(
        f"SELECT count(*) FROM articles WHERE id NOT IN (SELECT id FROM {FTS_TABLE}_docsize)"
    ).fetchone()[0]


def index_behind(db: Database) -> bool:
    """The check made before every search, two index lookups: is the newest article indexed?

    Articles are indexed oldest first and new ones always get the highest id (a deleted newest
    article's id given out again shows too, as its index entry went with it), so an index whose
    newest entry is the newest article holds them all."""
    newest = db.execute("SELECT max(id) FROM articles").fetchone()[0]
    indexed = db.execute(f"SELECT max(id) FROM {FTS_TABLE}_docsize").fetchone()[0]
    return newest != indexed


def index_is_current(db: Database) -> bool:
    """The index and its triggers exist and hold every article."""
    return shape_is_current(db) and unindexed_count(db) == 0


def catch_up(db: Database, limit: int | None = None) -> int:
    """Index articles the index does not hold yet, oldest first, ``CATCH_UP_CHUNK`` per transaction;
    at most ``limit`` of them (None: all). Returns how many were indexed.

    Imports do not index (trigram indexing costs far more than storing the text); the index
    catches up before each search, and the app calls this in idle moments after an import.
    Each chunk is one statement, so two programs catching up at once never index an article twice.
    The index holds the oldest articles (see ``index_behind``), so the next chunk is read from
    just above its newest entry, whatever the size of the corpus; articles it lacks below that
    (none, unless the file was written by other means) are looked for only when the counts differ.
    """
    done = 0
    pick = _NEXT_ABOVE
    merge_setting = _automerge(db) != AUTOMERGE
    while limit is None or done < limit:
        chunk = CATCH_UP_CHUNK if limit is None else min(CATCH_UP_CHUNK, limit - done)
        with db.atomic():
            cur = db.execute(
                f"""INSERT INTO {FTS_TABLE} (rowid, title, text)
                    SELECT id, title, text FROM articles WHERE id IN ({pick})""",
                [chunk],
            )
            if merge_setting and cur.rowcount > 0:  # kept in the index, set with the first chunk it takes
                db.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rank) VALUES ('automerge', ?)", [AUTOMERGE])
                merge_setting = False
        if cur.rowcount <= 0:
            if pick is _NEXT_ABOVE and unindexed_count(db):
                pick = _NEXT_ANYWHERE
                continue
            break
        done += cur.rowcount
    return done


def _automerge(db: Database) -> int | None:
    """The index's merge setting (None: FTS5's default, 4)."""
    row = db.execute(f"SELECT v FROM {FTS_TABLE}_config WHERE k = 'automerge'").fetchone()
    return row[0] if row else None


# The oldest articles the index lacks: above its newest entry (an index lookup), or anywhere (a scan).
_NEXT_ABOVE = (
    f"SELECT id FROM articles WHERE id > (SELECT coalesce(max(id), 0) FROM {FTS_TABLE}_docsize) ORDER BY id LIMIT ?"
)
_NEXT_ANYWHERE = f"SELECT id FROM articles WHERE id NOT IN (SELECT id FROM {FTS_TABLE}_docsize) ORDER BY id LIMIT ?"


def catch_up_file(path: str | Path, stop: Callable[[], bool], step: int = CATCH_UP_CHUNK) -> int:
    """``catch_up`` on a connection of its own to the corpus file at ``path`` (for a worker
    thread), ``step`` articles per transaction, until the index is current or ``stop()`` says so.
    Returns how many were indexed; a failure (busy, read-only, disk full) raises, with the
    count of those indexed before it as ``indexed`` on the exception."""
    db = connect(path)
    done = 0
    try:
        while not stop():
            indexed = catch_up(db, step)
            if not indexed:
                break
            done += indexed
    except sqlite3.Error as exc:
        exc.indexed = done  # type: ignore[attr-defined]
        raise
    finally:
        db.conn.close()
    return done


def create_index(db: Database) -> None:
    """Create the index and the triggers that keep it consistent (replacing any other), empty:
    ``catch_up`` fills it.

    The same external-content table as sqlite-utils ``enable_fts`` makes (so its ``detect_fts``
    and ``search`` work on it), written out because ``enable_fts`` has no ``detail`` option:
    ``detail='none'`` keeps no token positions, since every candidate is checked in Python
    anyway. That makes the index about a third of the size and twice as fast to build."""
    db.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    for trigger in (*_TRIGGERS, *_OLD_TRIGGERS):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    db.execute(_CREATE)
    for sql in _TRIGGER_SQL:
        db.execute(sql)
