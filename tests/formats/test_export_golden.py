"""The token exports write exactly the bytes they wrote before (golden files), on a varied corpus.

Speed work on tokenizing, sentence splitting, span placement and rendering must not change one
byte of a CoNLL, Hugging Face or Prodigy file, nor a spaCy Doc, nor a warning. The golden files
hold what the exports wrote when they were made; with spaCy's rules they hold the spaCy version
they were made with (another version may tokenize differently: the test says so and skips).

To write them again after an intended change of output:
``python -m tests.formats.test_export_golden``
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
from pathlib import Path

import pytest

from annotator.formats import export_corpus, token_docs
from annotator.formats.dataset import ExportOptions
from annotator.store import open_corpus
from tests.formats import golden_corpus

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden"
FORMATS = ("conll", "hf", "prodigy", "spacy")
WINDOW = 1500  # characters: the long article in windows


def _spacy_version() -> str | None:
    try:
        import spacy
    except ImportError:
        return None
    return spacy.__version__


def _summary(data: bytes) -> str:
    """A spaCy DocBin as JSON: every Doc's words, spaces, sentence starts, entities, span group, user data
    (the DocBin's own bytes list its strings in a set's order, which differs between processes)."""
    import spacy
    from spacy.tokens import DocBin

    docs = []
    for doc in DocBin().from_bytes(data).get_docs(spacy.blank("xx").vocab):
        docs.append(
            {
                "words": [t.text for t in doc],
                "spaces": [bool(t.whitespace_) for t in doc],
                "sent_starts": [t.i for t in doc if t.is_sent_start],
                "ents": [(e.start_char, e.end_char, e.label_) for e in doc.ents],
                "sc": [(s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]],
                "user_data": {str(k): v for k, v in doc.user_data.items()},
            }
        )
    return json.dumps(docs, ensure_ascii=False, sort_keys=True)


def produce(tokenizer: str, tmp: Path, monkeypatch=None) -> dict[str, list]:
    """{name: [output text, warnings, notes]} of every token export of the golden corpus."""
    db = tmp / "golden.db"
    if not db.exists():
        with open_corpus(db) as corpus:
            golden_corpus.fill(corpus, tmp / "sources")
    out: dict[str, list] = {}
    runs = [(fmt, None) for fmt in FORMATS] + [("conll", WINDOW), ("prodigy", WINDOW)]  # windows: the same bytes
    for fmt, window in runs:
        if fmt == "spacy" and _spacy_version() is None:
            continue
        name = fmt if window is None else f"{fmt}-windows"
        path = tmp / f"{tokenizer}-{name}.out"
        saved = token_docs.SEGMENT_CHARS
        token_docs.SEGMENT_CHARS = window or saved
        try:
            with open_corpus(db) as corpus:
                report = export_corpus(corpus, path, fmt, ExportOptions(extra={"tokenizer": tokenizer}))
        finally:
            token_docs.SEGMENT_CHARS = saved
        data = path.read_bytes()
        text = _summary(data) if fmt == "spacy" else data.decode("utf-8")
        out[name] = [text, report.warnings, report.notes]
    return out


def _same_in_windows(outputs: dict[str, list], name: str) -> None:
    """A long article written a window at a time is the same bytes and notes; its warnings are the
    same, each window's after the window before (not all placement warnings before all IOB ones)."""
    text, warnings, notes = outputs[name]
    whole = outputs[name.removesuffix("-windows")]
    assert text == whole[0], f"{name}: windows change the output"
    assert notes == whole[2], f"{name}: windows change the notes"
    assert sorted(warnings) == sorted(whole[1]), f"{name}: windows change the warnings"


def _golden_file(tokenizer: str) -> Path:
    return GOLDEN / f"token-exports-{tokenizer}.json.gz"


def _load(tokenizer: str) -> dict:
    return json.loads(gzip.decompress(_golden_file(tokenizer).read_bytes()))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("golden")


@pytest.mark.parametrize("tokenizer", ["rules", "spacy"])
def test_token_exports_write_the_golden_bytes(workdir, tokenizer):
    golden = _load(tokenizer)
    if tokenizer == "spacy":
        version = _spacy_version()
        if version is None:
            pytest.skip("spaCy is not installed")
        if version != golden["spacy"]:
            pytest.skip(f"golden files made with spaCy {golden['spacy']}, this is {version}")
    got = produce(tokenizer, workdir)
    expected = golden["outputs"]
    for name in [n for n in got if n.endswith("-windows")]:
        _same_in_windows(got, name)
        del got[name]
    assert sorted(got) == sorted(expected)
    for name, (text, warnings, notes) in expected.items():
        got_text, got_warnings, got_notes = got[name]
        assert got_text == text, f"{tokenizer} {name}: the output differs"
        assert got_warnings == warnings, f"{tokenizer} {name}: the warnings differ"
        assert got_notes == notes, f"{tokenizer} {name}: the notes differ"


def test_golden_corpus_is_varied(workdir):
    """The golden files cover what they are meant to: windows, warnings of every kind, duplicates, languages."""
    golden = _load("rules")["outputs"]
    conll, warnings, notes = golden["conll"]
    assert conll.count("-DOCSTART-") >= 20
    joined = "\n".join(warnings)
    for kind in ("splitting the token", "trimmed whitespace", "left out of the IOB tags: overlaps"):
        assert kind in joined
    assert any("duplicate" in note for note in notes)
    spacy_golden = _load("spacy")
    if "conll" in spacy_golden["outputs"]:
        languages = spacy_golden["outputs"]["conll"][2]
        assert any(lang in " ".join(languages) for lang in ("de 2", "es 1", "fr 1"))


def _write() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for tokenizer in ("rules", "spacy"):
            outputs = produce(tokenizer, Path(tmp))
            for name in [n for n in outputs if n.endswith("-windows")]:
                _same_in_windows(outputs, name)
                del outputs[name]
            data = {"spacy": _spacy_version() if tokenizer == "spacy" else None, "outputs": outputs}
            raw = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True).encode("utf-8")
            _golden_file(tokenizer).write_bytes(gzip.compress(raw, mtime=0))
            print(f"wrote {_golden_file(tokenizer)} ({len(raw):,} bytes before compression)", file=sys.stderr)


if __name__ == "__main__":
    _write()
