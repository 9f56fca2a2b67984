"""Entity-level exact scores: a predicted span counts only with the same start, end and label."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}


def score(pairs: Iterable[tuple[Iterable[tuple[int, int, str]], Iterable[tuple[int, int, str]]]]) -> dict:
    """``pairs``: (gold spans, predicted spans) of each article. Returns per-label and overall figures."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for gold, predicted in pairs:
        g, p = set(gold), set(predicted)
        for s in g & p:
            tp[s[2]] += 1
        for s in p - g:
            fp[s[2]] += 1
        for s in g - p:
            fn[s[2]] += 1
    labels = sorted(set(tp) | set(fp) | set(fn))
    out = {"labels": {lab: _prf(tp[lab], fp[lab], fn[lab]) for lab in labels}}
    out["overall"] = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return out


def format_scores(scores: dict) -> str:
    """A small table: label, precision, recall, F1, support."""
    rows = [("label", "precision", "recall", "F1", "support")]
    for lab, s in scores.get("labels", {}).items():
        rows.append((lab, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", str(s["support"])))
    o = scores.get("overall")
    if o:
        rows.append(("all", f"{o['precision']:.3f}", f"{o['recall']:.3f}", f"{o['f1']:.3f}", str(o["support"])))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]

    def line(row) -> str:
        cells = zip(row, widths, strict=True)
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(cells))

    return "\n".join(line(r) for r in rows)
