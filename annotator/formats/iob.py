"""One span per token: choosing among overlapping spans, and IOB2 tags (CoNLL, Hugging Face, spaCy ents).

IOB tags and ``doc.ents`` give each token at most one entity, so nested and
overlapping spans cannot all be kept. The rule, the same in every format:
**the longest span (in characters) is kept first, then the earliest, then by
label and id**; a span that overlaps one already kept is left out and reported.
A span with the same place and label as a kept one (a second annotator's copy)
is written once, without a warning: nothing of it is lost.
"""

from __future__ import annotations

from annotator.formats.dataset import ExportReport
from annotator.formats.token_docs import PlacedSpan, TokenDoc


def choose_non_overlapping(tdoc: TokenDoc, report: ExportReport, where: str) -> tuple[list[PlacedSpan], int]:
    """The spans ``where`` (e.g. "the IOB tags") can carry, in text order, and how many were
    duplicates written once. Each span left out is reported."""
    spans = tdoc.spans
    if not spans:
        return [], 0
    # Most articles: spans in text order that do not overlap, identical copies aside.
    fast: list[PlacedSpan] = []
    duplicates = 0
    for p in spans:
        if not fast or p.start >= fast[-1].end:
            fast.append(p)
        elif p.start == fast[-1].start and p.end == fast[-1].end and p.span.label == fast[-1].span.label:
            duplicates += 1
        else:
            break
    else:
        return fast, duplicates
    occupied = bytearray(len(tdoc.starts))
    kept: dict[tuple[int, int, str], PlacedSpan] = {}
    duplicates = 0
    for p in sorted(spans, key=lambda p: (p.start - p.end, p.start, p.end, p.span.label, p.span.id)):
        if occupied.find(1, p.token_start, p.token_end) == -1:
            occupied[p.token_start : p.token_end] = b"\x01" * (p.token_end - p.token_start)
            kept[(p.start, p.end, p.span.label)] = p
        elif (p.start, p.end, p.span.label) in kept:
            duplicates += 1
        else:
            winner = next(k for k in kept.values() if k.token_start < p.token_end and p.token_start < k.token_end)
            report.warn(
                tdoc.doc,
                f"left out of {where}: overlaps {winner.span.label} {winner.start}-{winner.end} "
                f"{tdoc.text[winner.start : winner.end]!r}, which is kept (longest first, then earliest)",
                p.span,
            )
    return sorted(kept.values(), key=lambda p: p.token_start), duplicates


def iob2_tags(n_tokens: int, spans: list[PlacedSpan]) -> list[str]:
    """IOB2 tags for a doc's tokens from non-overlapping spans: ``B-LABEL`` first, ``I-LABEL`` after, else ``O``."""
    tags = ["O"] * n_tokens
    for p in spans:
        tags[p.token_start] = "B-" + p.span.label
        if p.token_end - p.token_start > 1:
            tags[p.token_start + 1 : p.token_end] = ["I-" + p.span.label] * (p.token_end - p.token_start - 1)
    return tags
