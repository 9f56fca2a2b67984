"""A varied corpus for the token exports' golden files (``test_export_golden.py``).

The two tricky corpora (``corpora.py``, ``token_corpus.py``); the sample article and a long
article made of it, with seeded random spans (word spans, spans inside words, spans with
whitespace at an edge, nested, overlapping and crossing spans, a second analyst's copies);
sentence-rule cases (abbreviations, quotes after the final mark, lower case after a period,
ellipses, numbers, line breaks of every kind); Latin-script languages told by their words or
by ``meta["language"]``; Japanese, Korean and mixed scripts.
"""

from __future__ import annotations

import random
from pathlib import Path

from annotator.core.model import Annotation
from annotator.store import Corpus
from tests.formats import corpora, token_corpus

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample_article.txt"

SENTENCES = (
    'Mr. Li met Dr. Wang at 12:30 in Foshan. "We agree!" he said. Then they left... '
    "The U.S. delegation, e.g. its trade staff, arrived at 3.5 p.m.; costs rose 1,000 yuan (about 3.2%).\n"
    "Midea Group Co. Ltd. posted results. its shares rose?! Yes. 'Quoted.' (Bracketed.) Next one.\n\n"
    "A line\twith a tab, a\u00a0no-break space, a\u2028line separator and a\u3000wide space.\n"
    "Don't stop -- O'Brien's team can't wait ... really. Jan. 5 was cold. No. 7 won.\r\n"
    "Email ops@example.com or see https://example.com/a?b=1#c for #GBA news & more.  \n  \n"
    "Final line without an end mark"
)
LANGUAGES = (
    (
        {},
        "El gobierno de la provincia anunció que los proyectos para la zona de Foshan se aprobaron "
        "con el apoyo de las empresas del sector. La inversión es la más grande del año.",
    ),
    (
        {},
        "Die Regierung der Provinz hat mit den Unternehmen in Foshan einen Vertrag für die Zukunft "
        "unterzeichnet. Das ist nicht das erste Projekt, und es wird auch nicht das letzte sein.",
    ),
    (
        {},
        "Le gouvernement de la province a signé avec les entreprises de Foshan un accord pour les "
        "projets du port. Les travaux sont prévus pour la fin de l'année, et ce n'est qu'un début.",
    ),
    (
        {},
        "O governo da província disse que os projetos para a região de Foshan não foram aprovados "
        "pela comissão. A decisão foi tomada com o apoio das empresas do setor.",
    ),
    (
        {},
        "De regering van de provincie heeft met de bedrijven in Foshan een akkoord gesloten voor "
        "het project. Het is niet het eerste en er zijn ook andere plannen.",
    ),
    (
        {},
        "Il governo della provincia ha detto che i progetti per la zona di Foshan sono stati "
        "approvati con il sostegno delle imprese del settore e della città.",
    ),
    ({"language": "de"}, "Kurz: Foshan baut. Mehr folgt bald."),
    ({"language": "ja"}, "佛山市の企業はMidea Groupと契約した。東京でも発表された！"),
    ({"lang": "ko_KR"}, "포산시는 Midea Group과 계약했다. 서울에서도 발표됐다."),
    ({"language": "xx-unknown"}, "Foshan's Shunde District (顺德区) grew 8.1% — faster than Гуанчжоу."),
    ({}, "Zürich, São Paulo, Kraków and Åland signed; naïve café owners in Foshan cheered."),
)
ANALYSTS = ("alice", "bob", "chen")


def fill(corpus: Corpus, tmp_path: Path) -> None:
    """Add the articles and their spans."""
    corpora.fill(corpus, tmp_path / "sources")
    token_corpus.fill(corpus)
    labels = [lab.id for lab in corpus.labels.list()]
    rng = random.Random(18)
    sample = SAMPLE.read_text(encoding="utf-8")
    long_text = "".join(sample.replace("\n\n", gap) + gap for gap in ("\n\n", "\n \n", "\n\t\n"))
    texts = [("Sample", {}, sample), ("Sentences", {}, SENTENCES)]
    texts += [(f"Language {i}", meta, text) for i, (meta, text) in enumerate(LANGUAGES)]
    texts.append(("Long read", {"section": "Long"}, long_text))
    for title, meta, text in texts:
        article = corpus.articles.add(title, text, meta=meta)
        text = article.text
        corpus.annotations.add_many(_spans(rng, article.id, text, labels, max(4, len(text) // 40)))


def _spans(rng: random.Random, article_id: int, text: str, labels: list[int], n: int) -> list[Annotation]:
    """About ``n`` spans: mostly whole words and phrases, some cut inside a word, some with
    whitespace at an edge, some nested or overlapping, some copied by a second analyst."""
    words = [(m_start, m_start + len(w)) for m_start, w in _words(text)]
    out: list[Annotation] = []

    def add(s: int, e: int, label: int, who: str) -> None:
        if 0 <= s < e <= len(text):
            out.append(Annotation(None, article_id, label, s, e, text[s:e], who))

    for _ in range(n):
        i = rng.randrange(len(words))
        j = min(len(words), i + rng.choice((1, 1, 1, 2, 3)))
        s, e = words[i][0], words[j - 1][1]
        label = rng.choice(labels)
        kind = rng.random()
        if kind < 0.1 and e - s > 3:  # inside a word
            s, e = s + 1, e - 1
        elif kind < 0.18:  # whitespace at an edge
            e = min(len(text), e + 1)
        elif kind < 0.25:  # crossing the next span's start
            e = min(len(text), e + rng.randrange(1, 8))
        add(s, e, label, rng.choice(ANALYSTS))
        if rng.random() < 0.15:  # a second analyst's copy, or the same place with another label
            add(s, e, label if rng.random() < 0.6 else rng.choice(labels), rng.choice(ANALYSTS))
    return out


def _words(text: str) -> list[tuple[int, str]]:
    found, pos = [], 0
    for word in text.split():
        pos = text.index(word, pos)
        found.append((pos, word))
        pos += len(word)
    return found
