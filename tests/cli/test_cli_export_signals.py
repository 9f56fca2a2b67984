"""annotator export stopped by `kill` (SIGTERM) leaves the earlier output and no staged files."""

import subprocess
import sys
import textwrap

from annotator.store import open_corpus

# Runs the CLI with a format whose writer sends the process SIGTERM half-way through.
SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    from annotator.formats.registry import EXPORTERS, Exporter

    def write(docs, sink, ctx):
        out = sink.text()
        for n, doc in enumerate(docs):
            out.write(f"{doc.id}\\n")
            if n == 1:
                out.flush()
                os.kill(os.getpid(), signal.SIGTERM)

    EXPORTERS["killed"] = Exporter("killed", "Killed half-way", ".txt", write)
    from annotator.cli import main  # after the format is registered: the CLI lists the formats
    sys.argv = ["annotator", "--db", sys.argv[1], "export", "--format", "killed", "--out", sys.argv[2]]
    main()
    """
)


def test_sigterm_leaves_the_old_file_and_no_staging(tmp_path):
    db = tmp_path / "corpus.db"
    with open_corpus(db) as corpus:
        for n in range(5):
            corpus.articles.add(f"A{n}", f"Article number {n} about Foshan.")
    out = tmp_path / "out" / "data.txt"
    out.parent.mkdir()
    out.write_text("earlier export\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db), str(out)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 128 + 15, proc.stderr
    assert out.read_text(encoding="utf-8") == "earlier export\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["data.txt"]
