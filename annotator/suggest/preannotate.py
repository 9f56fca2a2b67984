"""Pre-annotation: a model's spans stored as one analyst's layer (for example "model").

Each article is one transaction that replaces that analyst's annotations on it with the model's
spans; articles not chosen, and every other analyst's annotations, are left alone, so running
it again replaces only what it wrote. Spans whose tag has no label in the corpus are skipped
(map them with ``label_map``: {"ORG": "COMPANY"}); overlapping predictions keep the first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.core.model import Annotation
from annotator.store.layers import replace_layer

if TYPE_CHECKING:
    from annotator.store.corpus import Corpus
    from annotator.suggest.model import Tagger

Progress = Callable[[int, int], bool | None]  # (articles done, total) -> False to stop


@dataclass
class PreannotateReport:
    articles: int = 0
    spans: int = 0
    replaced: int = 0
    skipped_tags: Counter = field(default_factory=Counter)
    cancelled: bool = False

    def summary(self, name: str) -> str:
        text = (
            f"Stored {self.spans:,} span(s) as {name!r} on {self.articles:,} article(s)"
            f" (replacing {self.replaced:,} earlier)."
        )
        if self.skipped_tags:
            tags = ", ".join(f"{t} ({n:,})" for t, n in self.skipped_tags.most_common())
            text += f" Skipped tags with no label here: {tags}; map them with --label-map ENT=TAG."
        if self.cancelled:
            text += " Stopped before the end: the articles done so far keep their new spans."
        return text


def label_ids(corpus: Corpus, label_map: dict[str, str] | None = None) -> dict[str, int]:
    """Model tag -> label id: the corpus's tags, then the map's ENT=TAG (by tag or label name)."""
    labels = corpus.labels.list()
    by_key = (
        {lab.tag: lab.id for lab in labels}
        | {lab.tag.lower(): lab.id for lab in labels}
        | {lab.name.lower(): lab.id for lab in labels}
    )
    out = {lab.tag: lab.id for lab in labels}
    for ent, target in (label_map or {}).items():
        ident = by_key.get(target) or by_key.get(target.lower())
        if ident is None:
            raise ValueError(f"No label {target!r} in this corpus (from the label map {ent}={target}).")
        out[ent] = ident
    return out


def preannotate(
    corpus: Corpus,
    tagger: Tagger,
    article_ids: Sequence[int],
    name: str,
    *,
    label_map: dict[str, str] | None = None,
    progress: Progress | None = None,
) -> PreannotateReport:
    ids = label_ids(corpus, label_map)
    report = PreannotateReport()
    total = len(article_ids)
    for done, article_id in enumerate(article_ids):
        if progress is not None and progress(done, total) is False:
            report.cancelled = True
            break
        text = corpus.articles.get(article_id).text
        spans, last_end = [], -1
        for s in sorted(tagger.predict(text), key=lambda s: (s.start, -s.end)):
            label_id = ids.get(s.tag)
            if label_id is None:
                report.skipped_tags[s.tag] += 1
                continue
            if s.start < last_end:
                continue
            spans.append(Annotation(None, article_id, label_id, s.start, s.end, text[s.start : s.end], name))
            last_end = s.end
        removed, stored = replace_layer(corpus, article_id, name, spans)
        report.articles += 1
        report.spans += len(stored)
        report.replaced += removed
    if progress is not None and not report.cancelled:
        progress(total, total)
    return report
