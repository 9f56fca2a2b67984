"""Word clusters learnt from the corpus's own unlabelled text (it holds far more text than labels).

Each frequent word gets a vector of the words seen just before and just after it (positive
pointwise mutual information, reduced to a few dozen dimensions); k-means groups the vectors
into fine clusters, and the fine clusters' centres are grouped again into coarser ones, so a
word has a cluster at three granularities, as a Brown cluster has at its bit-prefixes. Words
that share a cluster are used alike ("Foshan", "Zhuhai"; "Ltd", "Group"), which lets the tagger
recognise names it never saw labelled.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from annotator.suggest.tokens import TOKEN

SIZES = (16, 64, 256)  # coarse, middle, fine
MIN_COUNT = 3
MAX_WORDS = 40_000
CONTEXT_WORDS = 800
DIMENSIONS = 48
MAX_TOKENS = 4_000_000


def learn_clusters(
    texts: Iterable[str], *, seed: int = 0, cancelled: Callable[[], bool] | None = None
) -> dict[str, list[str]]:
    """word (case-folded) -> [coarse, middle, fine] cluster ids; empty when there is too little text."""
    import numpy as np
    from scipy import sparse

    ids: list[int] = []
    index: dict[str, int] = {}
    counts = Counter()
    for text in texts:
        if cancelled is not None and cancelled():
            return {}
        words = [m.group().casefold() for m in TOKEN.finditer(text)]
        counts.update(words)
        for w in words:
            ids.append(index.setdefault(w, len(index)))
        ids.append(-1)  # an article boundary
        if len(ids) > MAX_TOKENS:
            break
    vocab = [w for w, c in counts.most_common(MAX_WORDS) if c >= MIN_COUNT]
    if len(vocab) < SIZES[-1] * 2:
        return {}
    row_of = np.full(len(index) + 1, -1, dtype=np.int64)
    for r, w in enumerate(vocab):
        row_of[index[w]] = r
    col_of = np.full(len(index) + 1, -1, dtype=np.int64)
    for c, w in enumerate(vocab[:CONTEXT_WORDS]):
        col_of[index[w]] = c
    seq = np.asarray(ids, dtype=np.int64)
    seq[seq < 0] = len(index)  # boundaries map to the extra, unknown slot
    rows, cols = [], []
    for shift, offset in ((-1, 0), (1, CONTEXT_WORDS), (-2, 2 * CONTEXT_WORDS), (2, 3 * CONTEXT_WORDS)):
        if shift < 0:
            here, there = seq[-shift:], seq[:shift]
        else:
            here, there = seq[:-shift], seq[shift:]
        r, c = row_of[here], col_of[there]
        keep = (r >= 0) & (c >= 0)
        rows.append(r[keep])
        cols.append(c[keep] + offset)
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    m = sparse.coo_matrix((np.ones(len(r), dtype=np.float64), (r, c)), shape=(len(vocab), 4 * CONTEXT_WORDS)).tocsr()
    m.sum_duplicates()
    # positive pointwise mutual information
    total = m.sum()
    row_sums = np.asarray(m.sum(axis=1)).ravel() + 1e-9
    col_sums = np.asarray(m.sum(axis=0)).ravel() + 1e-9
    m = m.tocoo()
    pmi = np.log((m.data * total) / (row_sums[m.row] * col_sums[m.col]))
    keep = pmi > 0
    m = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    from sklearn.cluster import KMeans, MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD

    vectors = TruncatedSVD(n_components=DIMENSIONS, random_state=seed).fit_transform(m)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    fine = MiniBatchKMeans(n_clusters=SIZES[2], random_state=seed, n_init=3, batch_size=4096).fit(vectors)
    centres = fine.cluster_centers_
    middle = KMeans(n_clusters=SIZES[1], random_state=seed, n_init=3).fit(centres).labels_
    coarse = KMeans(n_clusters=SIZES[0], random_state=seed, n_init=3).fit(centres).labels_
    out = {}
    for w, f in zip(vocab, fine.labels_, strict=True):
        out[w] = [str(coarse[f]), str(middle[f]), str(f)]
    return out
