"""spaCy v3 DocBin (``.spacy``): one Doc per article, built with spaCy itself.

    from spacy.tokens import DocBin
    docs = list(DocBin().from_disk("corpus.spacy").get_docs(nlp.vocab))
    docs[0].ents, docs[0].spans["sc"], docs[0].user_data["article_id"]

A Doc's text is the article's text exactly (line breaks and double spaces are
whitespace tokens, as spaCy makes them), so character offsets are the corpus's
own. Tokens come from ``formats.tokens``; a span edge inside a token splits it,
so every span is placed with ``doc.char_span(..., alignment_mode="strict")``.
All spans go to ``doc.spans["sc"]`` (for span categorisation, nested and
overlapping ones included); ``doc.ents`` cannot overlap, so it takes the longest
span first, then the earliest, and each one left out is reported
(``formats.iob``). Sentence starts are set (``doc.sents`` works). ``user_data``
holds ``article_id``, ``title``, ``source``, ``url``, ``published``, ``status``
and ``meta``. spaCy is an optional extra: ``pip install "annotator[spacy]"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotator.formats.dataset import ExportContext, ExportDoc, ExportReport
from annotator.formats.iob import choose_non_overlapping
from annotator.formats.token_docs import spacy_layout, tokenize_doc
from annotator.formats.token_jobs import Rendered, local_report, shared_tokenizer, write_rendered
from annotator.formats.tokens import spacy_module

SPAN_KEY = "sc"


def write_spacy(docs: Iterable[ExportDoc], sink: Any, ctx: ExportContext) -> None:
    spacy_module()  # ImportError with the install hint when spaCy is missing
    from spacy.tokens import DocBin

    merged = _Merged(DocBin(store_user_data=True))
    write_rendered(
        render_spacy, docs, merged, ctx, "{n} duplicate span(s) (same place and label) are one entity in doc.ents."
    )
    sink.binary().write(merged.docbin.to_bytes())


class _Merged:
    """Collects each article's DocBin, in order, into one."""

    def __init__(self, docbin: Any) -> None:
        self.docbin = docbin

    def write(self, data: bytes) -> None:
        from spacy.tokens import DocBin

        self.docbin.merge(DocBin(store_user_data=True).from_bytes(data))


def render_spacy(edoc: ExportDoc, choice: str | None) -> Rendered:
    """One article as a one-Doc DocBin (bytes), with its entities, span group and sentences.
    The token lists are let go once the Doc is made, and the Doc once its arrays are taken: a long
    article's Doc and DocBin arrays are several times its text, so each copy held matters."""
    report = local_report()
    doc, language, duplicates = _spacy_doc(edoc, choice, report)
    from spacy.tokens import DocBin

    docbin = DocBin(store_user_data=True)
    docbin.add(doc)
    del doc
    return Rendered(docbin.to_bytes(), report.warnings, duplicates, language)


def _spacy_doc(edoc: ExportDoc, choice: str | None, report: ExportReport) -> tuple[Any, str, int]:
    """The article's Doc, the spaCy rules its tokens came from, and how many duplicate spans ``doc.ents`` merged."""
    spacy = spacy_module()
    from spacy.tokens import Doc

    tdoc = tokenize_doc(edoc, report, shared_tokenizer(choice))
    layout = spacy_layout(tdoc)
    sent_starts = [False] * len(layout.words)
    for i, _ in tdoc.sentences:
        sent_starts[layout.index[i]] = True
    if sent_starts:
        sent_starts[0] = True
    doc = Doc(_vocab(spacy), words=layout.words, spaces=layout.spaces, sent_starts=sent_starts)
    del layout, sent_starts
    placed = {}
    group = []
    for p in tdoc.spans:
        span = doc.char_span(p.start, p.end, label=p.span.label, alignment_mode="strict")
        if span is None:  # cannot happen: tokenize_doc put every edge on a token edge
            report.warn(edoc, "left out: spaCy cannot place it on token edges", p.span)
            continue
        placed[p] = span
        group.append(span)
    kept, duplicates = choose_non_overlapping(tdoc, report, "doc.ents (it is in doc.spans['sc'])")
    doc.ents = [placed[p] for p in kept if p in placed]
    doc.spans[SPAN_KEY] = group
    doc.user_data.update(_user_data(edoc))
    return doc, tdoc.language, duplicates


_VOCABS: list[Any] = []


def _vocab(spacy: Any) -> Any:
    if not _VOCABS:
        _VOCABS.append(spacy.blank("xx").vocab)
    return _VOCABS[0]


def _user_data(edoc: ExportDoc) -> dict[str, Any]:
    article = edoc.article
    return {
        "article_id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "status": str(article.status),
        "meta": article.meta,
    }
