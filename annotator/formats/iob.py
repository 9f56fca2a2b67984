"""One span per token: choosing among overlapping spans, and IOB2 tags (CoNLL, Hugging Face, spaCy ents).

IOB tags and ``doc.ents`` give each token at most one entity, so nested and
overlapping spans cannot all be kept. The rule, the same in every format:
**the longest span (in characters) is kept first, then the earliest, then by
label and id**; a span that overlaps one already kept is left out and reported.
A span with the same place and label as a kept one (a second annotator's copy)
is written once, without a warning: nothing of it is lost.
"""

from __future__ import annotations

from itertools import islice
from operator import attrgetter, itemgetter, le, sub

from annotator.formats.dataset import ExportReport
from annotator.formats.token_docs import PlacedSpan, TokenDoc


def choose_non_overlapping(tdoc: TokenDoc, report: ExportReport, where: str) -> tuple[list[PlacedSpan], int]:
    """The spans ``where`` (e.g. "the IOB tags") can carry, in text order, and how many were
    duplicates written once. Each span left out is reported."""
    spans = tdoc.spans
    if not spans:
        return [], 0
    firsts = list(map(_START, spans))
    lasts = list(map(_END, spans))
    if all(map(le, lasts[:-1], islice(firsts, 1, None))):  # in text order, none overlapping: most articles
        return list(spans), 0
    once = _without_copies(spans)
    if once is not None:  # none overlapping once copies are written once: most of the rest
        return once, len(spans) - len(once)
    # Longest first, then earliest, then by label and id.
    keys = list(zip(map(sub, firsts, lasts), firsts, lasts, map(_LABEL, spans), map(_ID, spans), strict=True))
    occupied = bytearray(len(tdoc.starts))
    owners = [0] * len(tdoc.starts)  # on each token, 1 + the place in ``kept`` of the span kept there
    kept: dict[tuple[int, int, str], PlacedSpan] = {}
    order: list[PlacedSpan] = []  # kept, in the order kept
    duplicates = 0
    for k in sorted(range(len(spans)), key=keys.__getitem__):
        p = spans[k]
        ts, te = p.token_start, p.token_end
        if occupied.find(1, ts, te) == -1:
            occupied[ts:te] = b"\x01" * (te - ts)
            order.append(p)
            owners[ts:te] = [len(order)] * (te - ts)
            kept[(p.start, p.end, p.span.label)] = p
        elif (p.start, p.end, p.span.label) in kept:
            duplicates += 1
        else:
            winner = order[min(filter(None, owners[ts:te])) - 1]  # the first kept of those it overlaps
            report.warn(
                tdoc.doc,
                f"left out of {where}: overlaps {winner.span.label} "
                f"{winner.start + tdoc.base}-{winner.end + tdoc.base} "
                f"{tdoc.text[winner.start : winner.end]!r}, which is kept (longest first, then earliest)",
                p.span,
            )
    return sorted(kept.values(), key=_TOKEN_START), duplicates


def _without_copies(spans: list[PlacedSpan]) -> list[PlacedSpan] | None:
    """The spans in text order with each copy (same place and label) left out, the one with the lowest
    id kept as the full rule keeps it; None when two spans that are not copies share a token."""
    kept: list[PlacedSpan] = []
    last = None
    end = 0
    for p in sorted(spans, key=_ORDER):
        key = (p.start, p.end, p.span.label)
        if key == last:
            continue  # a copy of the one just kept (sorted by id among copies: the lowest is kept)
        if p.token_start < end:
            return None
        kept.append(p)
        last = key
        end = p.token_end
    return kept


_START = itemgetter(1)
_END = itemgetter(2)
_TOKEN_START = itemgetter(3)
_LABEL = attrgetter("span.label")
_ID = attrgetter("span.id")
_ORDER = attrgetter("token_start", "start", "end", "span.label", "span.id")


def iob2_tags(n_tokens: int, spans: list[PlacedSpan]) -> list[str]:
    """IOB2 tags for a doc's tokens from non-overlapping spans: ``B-LABEL`` first, ``I-LABEL`` after, else ``O``."""
    tags = ["O"] * n_tokens
    for p in spans:
        tags[p.token_start] = "B-" + p.span.label
        if p.token_end - p.token_start > 1:
            tags[p.token_start + 1 : p.token_end] = ["I-" + p.span.label] * (p.token_end - p.token_start - 1)
    return tags
