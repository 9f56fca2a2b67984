"""Run as a child process by the suggestion scenario: one training, measured from the inside.

    python -m benchmarks.train_probe CORPUS OUT_FOLDER ARTICLE_IDS_JSON [--no-clusters]

Trains the CRF from the "gold" layer on the given finished articles and prints one JSON line:
wall and CPU seconds, peak resident memory (MB) and the held-out F1 the trainer reported.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main() -> None:
    from annotator.store import open_corpus
    from annotator.suggest.training import TrainOptions, train_model
    from benchmarks.probe import rss_mb

    db, out, ids = sys.argv[1], Path(sys.argv[2]), json.loads(Path(sys.argv[3]).read_text())
    clusters = "--no-clusters" not in sys.argv
    t0, c0 = time.perf_counter(), time.process_time()
    with open_corpus(db) as corpus:
        manifest = train_model(corpus, TrainOptions(annotator="gold", article_ids=ids, clusters=clusters), out)
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - t0,
                "cpu": time.process_time() - c0,
                "peak_rss_mb": rss_mb()[1],
                "f1": manifest.f1,
            }
        )
    )


if __name__ == "__main__":
    main()
