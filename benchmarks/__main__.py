"""`make bench`: measure the window against bare Qt baselines taken in the same run.

Targets: open a 1 MB article with 20,000 spans in <= 150 ms and <= 3x a bare QPlainTextEdit
with the same highlights; label key press to span committed and painted in <= 16 ms (p95);
process start to a usable window on 100,000 articles in <= 1.5 s.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from annotator.ui.app import make_app  # noqa: E402
from benchmarks import scenarios  # noqa: E402
from benchmarks.corpus import build_long_article_corpus, build_many_articles_corpus  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def main() -> int:
    app = make_app([])
    work = Path(tempfile.mkdtemp(prefix="annotator-bench-"))
    results: dict[str, dict] = {}
    print("Building corpora…", flush=True)
    long_db = work / "long.db"
    article_id, text = build_long_article_corpus(long_db)
    many_db = work / "many.db"
    build_many_articles_corpus(many_db)
    from annotator.store import open_corpus

    with open_corpus(long_db) as corpus:
        spans = [(a.start, a.end, a.label_id) for a in corpus.annotations.for_article(article_id)]

    bare = scenarios.bare_open(text, spans, repeats=5)
    painted, loaded, window = scenarios.app_open(long_db, article_id, work / "settings.ini", repeats=5)
    med = statistics.median
    results["open_long_article"] = {
        "chars": len(text),
        "spans": len(spans),
        "app_painted_ms": scenarios._ms(med(painted)),
        "bare_qplaintextedit_ms": scenarios._ms(med(bare)),
        "ratio": round(med(painted) / med(bare), 2),
        "app_all_spans_loaded_ms": scenarios._ms(med(loaded)),
        "target": "painted <= 150 ms and <= 3x bare",
        "pass": med(painted) <= 0.150 and med(painted) <= 3 * med(bare),
    }
    keys, idle = scenarios.keypress_latency(window, text)
    results["label_keypress"] = {
        "presses": len(keys),
        "median_ms": scenarios._ms(med(keys)),
        "p95_ms": scenarios._ms(scenarios.p95(keys)),
        "until_idle_median_ms": scenarios._ms(med(idle)),
        "until_idle_p95_ms": scenarios._ms(scenarios.p95(idle)),
        "target": "p95 <= 16 ms",
        "pass": scenarios.p95(keys) <= 0.016,
    }
    window.close()
    window.session.corpus.close()
    ours, bare_start = scenarios.startup(many_db, work / "config")
    results["startup_100k_articles"] = {
        "articles": 100_000,
        "app_ms": scenarios._ms(med(ours)),
        "bare_qt_process_ms": scenarios._ms(med(bare_start)),
        "target": "<= 1500 ms",
        "pass": med(ours) <= 1.5,
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    for name, figures in results.items():
        print(f"\n{name}  {'PASS' if figures['pass'] else 'FAIL'}  ({figures['target']})")
        for key, value in figures.items():
            if key not in ("pass", "target"):
                print(f"  {key:28} {value}")
    app.quit()
    return 0 if all(f["pass"] for f in results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
