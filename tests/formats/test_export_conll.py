"""CoNLL-2003 export, read back by `spacy convert -c conll` and checked with seqeval."""

import io
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.formats import export_corpus, token_jobs
from annotator.formats.dataset import ExportOptions
from tests.formats import token_corpus

spacy = pytest.importorskip("spacy", reason="spaCy is in the test extra: pip install -e '.[test]'")
pytest.importorskip("seqeval", reason="seqeval is in the test extra: pip install -e '.[test]'")
from seqeval.metrics.sequence_labeling import get_entities  # noqa: E402 - after importorskip, which skips this module without it
from seqeval.scheme import IOB2, Entities  # noqa: E402 - after importorskip, which skips this module without it
from spacy.tokens import DocBin  # noqa: E402 - after importorskip, which skips this module without it

MODES = ["rules", "spacy"]


@pytest.fixture
def wants(corpus):
    return token_corpus.fill(corpus)


def export(corpus, path, mode):
    return export_corpus(corpus, path, "conll", ExportOptions(extra={"tokenizer": mode}))


def documents(text: str) -> list[list[list[tuple[str, str]]]]:
    """Articles -> sentences -> (token, tag), checking the layout on the way."""
    assert text.endswith("\n\n") and "\r" not in text
    docs = []
    for block in text.split("-DOCSTART- -X- O O\n\n")[1:]:
        sentences = []
        for sent in block.rstrip("\n").split("\n\n"):
            rows = []
            for line in sent.split("\n"):
                token, pos, chunk, tag = line.split(" ")  # four columns, a token holds no whitespace
                assert (pos, chunk) == ("-X-", "_") and token
                rows.append((token, tag))
            sentences.append(rows)
        docs.append(sentences)
    return docs


def entities(doc) -> list[tuple[str, str]]:
    tokens = [tok for sent in doc for tok, _ in sent]
    tags = [tag for sent in doc for _, tag in sent]
    return [(label, "".join(tokens[s : e + 1])) for label, s, e in get_entities(tags)]


@pytest.mark.parametrize("mode", MODES)
def test_conll_layout_entities_and_warnings(corpus, wants, tmp_path, mode):
    report = export(corpus, tmp_path / "corpus.conll", mode)
    text = (tmp_path / "corpus.conll").read_bytes().decode("utf-8")
    docs = documents(text)
    assert len(docs) == report.articles == 4
    for article_id, doc in enumerate(docs, start=1):
        article = corpus.articles.get(article_id)
        expected = [
            (label, article.text[s:e].replace(" ", "")) for s, e, label in token_corpus.in_iob(wants, article_id)
        ]
        assert entities(doc) == expected
        tokens = "".join(tok for sent in doc for tok, _ in sent)
        assert tokens == "".join(article.text.split())  # every character but whitespace, in order
    # Chinese: one character a token; the Extension B ideograph is one token.
    chinese = [tok for sent in docs[1] for tok, _ in sent]
    assert chinese[:4] == ["佛", "山", "市", "政"] and "𠮷" in chinese
    assert [len(s) for s in docs[1]] == [13, 11, 13]  # three sentences, at 。 and ！
    emoji = [tok for sent in docs[2] for tok, _ in sent]
    assert "👨\u200d👩\u200d👧" in emoji and "🇩🇪" in emoji and "👍🏽" in emoji and "Cafe\u0301" in emoji
    # The CRLF article: lines are sentences.
    assert [t for t, _ in docs[3][0]] == ["Jiangmen", "news"]
    warnings = "\n".join(report.warnings)
    assert "LOCATION 12-21 'Guangdong': left out of the IOB tags: overlaps COMPANY 0-32" in warnings
    assert "COMPANY 87-98 'Midea Group': left out of the IOB tags: overlaps LOCATION 93-111" in warnings
    assert "'Berlin': kept exact by splitting the token 'Berliners'" in warnings
    assert "LOCATION 51-58 'Foshan ': trimmed whitespace at its edges (tokens hold none): now 51-57" in warnings
    assert len(report.warnings) == 4  # the trimmed Foshan then equals the other Foshan: written once
    assert any("duplicate" in note for note in report.notes)
    assert report.notes[0].startswith("Tokens: " + ("spaCy" if mode == "spacy" else "the rule-based"))


@pytest.mark.parametrize("mode", MODES)
def test_iob2_is_well_formed_for_seqeval(corpus, wants, tmp_path, mode):
    export(corpus, tmp_path / "c.conll", mode)
    docs = documents((tmp_path / "c.conll").read_text(encoding="utf-8"))
    seqs = [[tag for _, tag in sent] for doc in docs for sent in doc]
    strict = [sorted((e.tag, e.start, e.end - 1) for e in sent) for sent in Entities(seqs, IOB2).entities]
    lenient = [sorted(get_entities(seq)) for seq in seqs]
    assert strict == lenient
    assert sum(map(len, strict)) == sum(w.in_iob for w in wants)


@pytest.mark.parametrize("mode", MODES)
def test_spacy_convert_reads_every_article_and_entity(corpus, wants, tmp_path, mode):
    export(corpus, tmp_path / "c.conll", mode)
    out = tmp_path / "converted"
    out.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "spacy", "convert", str(tmp_path / "c.conll"), str(out), "-c", "conll"],
        capture_output=True,
        check=False,
        text=True,
    )
    assert done.returncode == 0, done.stderr + done.stdout
    docs = list(DocBin().from_disk(out / "c.spacy").get_docs(spacy.blank("xx").vocab))
    assert len(docs) == 4
    for article_id, doc in enumerate(docs, start=1):
        text = corpus.articles.get(article_id).text
        got = [(e.label_, e.text.replace(" ", "")) for e in doc.ents]
        assert got == [(label, text[s:e].replace(" ", "")) for s, e, label in token_corpus.in_iob(wants, article_id)]
    assert [len(list(d.sents)) for d in docs][1] == 3


def test_rule_based_without_spacy(corpus, wants, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)
    # The tokenizer made while spaCy is missing is forgotten afterwards (the next export gets spaCy's).
    monkeypatch.setattr(token_jobs, "_TOKENIZERS", {})
    report = export_corpus(corpus, tmp_path / "c.conll", "conll")
    assert "rule-based" in report.notes[0]
    docs = documents((tmp_path / "c.conll").read_text(encoding="utf-8"))
    assert entities(docs[0])[0] == ("COMPANY", "KukaRobot(Guangdong)Co.,Ltd.")


def test_stream_and_split(corpus, wants, tmp_path):
    buf = io.StringIO()
    export_corpus(corpus, buf, "conll")
    assert buf.getvalue().count("-DOCSTART- -X- O O\n\n") == 4
    export_corpus(corpus, tmp_path / "c.conll", "conll", ExportOptions(split=(50, 50), seed=1))
    parts = [tmp_path / "c.train.conll", tmp_path / "c.dev.conll"]
    assert sum(p.read_text(encoding="utf-8").count("-DOCSTART-") for p in parts) == 4
    assert not (tmp_path / "c.conll").exists()
    assert sorted(Path(p).name for p in tmp_path.iterdir()) == ["c.dev.conll", "c.train.conll"]
