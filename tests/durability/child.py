"""What a process the durability tests kill with SIGKILL at random moments does.

    python child.py edits CORPUS SEED     random edits through the store
    python child.py import CORPUS FOLDER  an import of every file in FOLDER
    python child.py export CORPUS OUT     exports of the corpus to OUT, again and again

Before each edit it prints ``begin <json>``, and once the store has committed it,
``ack <json>`` (flushed at once): an acknowledged edit is one the user has been told is
saved, so it must survive the kill.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from annotator.core.model import Annotation, Label, Status
from annotator.store import CorpusError, open_corpus

WORDS = "Foshan Midea Guangzhou 佛山 美的 𠀀 Shunde policy zone 🚀 plan".split()


def say(kind: str, payload: dict) -> None:
    sys.stdout.write(f"{kind} {json.dumps(payload, ensure_ascii=False)}\n")
    sys.stdout.flush()


def edits(corpus_path: str, seed: int) -> None:
    rng = random.Random(seed)
    corpus = open_corpus(corpus_path, create=False, user="durable")  # statuses are the annotator's own
    articles = {a.id: a.text for a in corpus.articles.iter_all()}
    say("ready", {})
    n = 0
    while True:
        n += 1
        anns = [a for article_id in articles for a in corpus.annotations.for_article(article_id)]
        labels = corpus.labels.list()
        kind = rng.choices(
            ["add", "add_many", "update", "delete", "status", "label_add", "label_update", "label_delete"],
            [30, 5, 20, 12, 8, 4, 4, 1],
        )[0]
        if kind in ("update", "delete") and not anns:
            kind = "add"
        if kind == "label_delete" and len(labels) <= 2:
            kind = "label_add"
        if kind in ("add", "add_many"):
            spans = []
            for _ in range(1 if kind == "add" else rng.randint(2, 5)):
                article_id = rng.choice(list(articles))
                text = articles[article_id]
                start = rng.randrange(len(text) - 1)
                end = rng.randint(start + 1, min(len(text), start + 20))
                note = rng.choice([None, None, f"note {n} ✓"])
                spans.append(
                    Annotation(None, article_id, rng.choice(labels).id, start, end, text[start:end], "durable", note)
                )
            say("begin", {"op": "add", "spans": [list(s[1:5]) + [s.note] for s in spans]})
            stored = corpus.annotations.add_many(spans)
            say("ack", {"op": "add", "spans": [[s.id, *s[1:5], s.note] for s in stored]})
        elif kind == "update":
            old = rng.choice(anns)
            text = articles[old.article_id]
            start = rng.randrange(len(text) - 1)
            end = rng.randint(start + 1, min(len(text), start + 20))
            new = old._replace(label_id=rng.choice(labels).id, start=start, end=end, text=text[start:end],
                               note=rng.choice([None, f"changed {n}"]))
            op = {"op": "update", "span": [new.id, new.article_id, new.label_id, new.start, new.end, new.note]}
            say("begin", op)
            corpus.annotations.update(new)
            say("ack", op)
        elif kind == "delete":
            gone = rng.sample(anns, min(len(anns), rng.randint(1, 3)))
            op = {"op": "delete", "ids": [a.id for a in gone]}
            say("begin", op)
            corpus.annotations.delete_many(op["ids"])
            say("ack", op)
        elif kind == "status":
            op = {"op": "status", "article": rng.choice(list(articles)), "status": str(rng.choice(list(Status)))}
            say("begin", op)
            corpus.articles.set_status(op["article"], Status(op["status"]))
            say("ack", op)
        elif kind == "label_add":
            label = Label(None, f"Label {seed}-{n}", f"L_{seed}_{n}", f"#{rng.randrange(1 << 24):06x}")
            say("begin", {"op": "label_add", "label": [label.name, label.colour]})
            try:
                stored_label = corpus.labels.add(label)
            except CorpusError:
                continue
            say("ack", {"op": "label_add", "label": [stored_label.id, stored_label.name, stored_label.colour]})
        elif kind == "label_update":
            old_label = rng.choice(labels)
            new_label = old_label.with_changes(
                name=f"{old_label.name.split(' #')[0]} #{n}", colour=f"#{rng.randrange(1 << 24):06x}"
            )
            op = {"op": "label_update", "label": [new_label.id, new_label.name, new_label.colour]}
            say("begin", op)
            corpus.labels.update(new_label)
            say("ack", op)
        else:
            op = {"op": "label_delete", "id": rng.choice(labels[2:]).id}
            say("begin", op)
            corpus.labels.delete(op["id"])
            say("ack", op)


def import_folder(corpus_path: str, folder: str) -> None:
    from annotator.formats import ImportBatch, Outcome

    with open_corpus(corpus_path) as corpus:
        say("ready", {})
        for result in ImportBatch(corpus, [folder]):
            if result.outcome is Outcome.IMPORTED:
                say("ack", {"op": "import", "article": result.article_id, "path": str(result.path)})
            else:
                say("other", {"outcome": str(result.outcome), "path": str(result.path), "reason": result.reason})
        say("done", {})
    while True:  # finished before the kill came: wait for it, as the other loops do
        time.sleep(1)


def export_loop(corpus_path: str, out: str) -> None:
    from annotator.formats import export_corpus

    with open_corpus(corpus_path, create=False) as corpus:
        say("ready", {})
        while True:
            report = export_corpus(corpus, Path(out), "jsonl")
            say("ack", {"op": "export", "articles": getattr(report, "articles", report)})


MODES = {"edits": lambda corpus, seed: edits(corpus, int(seed)), "import": import_folder, "export": export_loop}

if __name__ == "__main__":
    MODES[sys.argv[1]](*sys.argv[2:4])
