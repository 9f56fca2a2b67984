"""The count of annotations for every combination of the review table's indexed filters, kept by
triggers in the same transaction as each write.

One row of ``review_counts`` per label, annotator, layer status, reviewed or not, and hour (UTC) of
last change, holding how many annotations have exactly those. The count of any filter on those fields
is then a sum over a few rows instead of a count over every annotation (ten million of them in a
large corpus). The triggers keep it true whoever writes: the app, an import, a merge, undo,
a delete of an article or label (its annotations go with it), another program.

An annotation's status is its layer's (its annotator's status of its article), ``new`` where the
layer does not exist; a layer's status change moves that layer's annotations between rows.
The one insert trigger on annotations counts the new annotation before it starts or moves its
layer (see ``layers.py``), so the order of those two steps is fixed; a layer's triggers then move
the new annotation with the others.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from annotator.store.layers import LAYER_ON_INSERT

TABLE = "review_counts"
HOUR = 13  # the characters of a stamp that name its hour: 2026-01-05T09

# The fields a row is kept for, as expressions over an annotation row (``r`` is NEW or OLD).
_STATUS = (
    "coalesce((SELECT status FROM layers WHERE article_id = {r}.article_id AND annotator_id = {r}.annotator_id),"
    " 'new')"
)


def _bump(r: str, delta: int) -> str:
    """Add ``delta`` to the row of the annotation ``r`` (NEW or OLD)."""
    return f"""INSERT INTO review_counts (label_id, annotator_id, status, reviewed, hour, n)
        VALUES ({r}.label_id, {r}.annotator_id, {_STATUS.format(r=r)}, {r}.reviewed_at IS NOT NULL,
                substr({r}.updated, 1, 13), {delta})
        ON CONFLICT DO UPDATE SET n = n + excluded.n"""


def _move(r: str, source: str, target: str) -> str:
    """Move the annotations of layer ``r`` (NEW or OLD) from status ``source`` to ``target``
    (two statements: out of the one, into the other)."""
    return ";\n".join(
        f"""INSERT INTO review_counts (label_id, annotator_id, status, reviewed, hour, n)
        SELECT label_id, annotator_id, {status}, reviewed_at IS NOT NULL, substr(updated, 1, 13), {sign}count(*)
        FROM annotations WHERE annotator_id = {r}.annotator_id AND article_id = {r}.article_id
        GROUP BY label_id, reviewed_at IS NOT NULL, substr(updated, 1, 13)
        ON CONFLICT DO UPDATE SET n = n + excluded.n"""
        for status, sign in ((source, "-"), (target, ""))
    )


_CHANGED = """OLD.label_id IS NOT NEW.label_id OR OLD.annotator_id IS NOT NEW.annotator_id
    OR OLD.article_id IS NOT NEW.article_id OR substr(OLD.updated, 1, 13) IS NOT substr(NEW.updated, 1, 13)
    OR (OLD.reviewed_at IS NULL) IS NOT (NEW.reviewed_at IS NULL)"""

TRIGGERS = (
    # Replaces the layers' own insert trigger: count first, then start or move the layer.
    f"""CREATE TRIGGER layers_ai AFTER INSERT ON annotations BEGIN
        {_bump("NEW", 1)};
        {LAYER_ON_INSERT};
    END""",
    f"""CREATE TRIGGER review_counts_ad AFTER DELETE ON annotations BEGIN
        {_bump("OLD", -1)};
    END""",
    f"""CREATE TRIGGER review_counts_au
        AFTER UPDATE OF label_id, annotator_id, article_id, updated, reviewed_at ON annotations
        WHEN {_CHANGED} BEGIN
        {_bump("OLD", -1)};
        {_bump("NEW", 1)};
    END""",
    f"""CREATE TRIGGER review_counts_layer_ai AFTER INSERT ON layers WHEN NEW.status IS NOT 'new' BEGIN
        {_move("NEW", "'new'", "NEW.status")};
    END""",
    f"""CREATE TRIGGER review_counts_layer_ad AFTER DELETE ON layers WHEN OLD.status IS NOT 'new' BEGIN
        {_move("OLD", "OLD.status", "'new'")};
    END""",
    f"""CREATE TRIGGER review_counts_layer_status AFTER UPDATE OF status ON layers
        WHEN OLD.status IS NOT NEW.status
        AND OLD.article_id = NEW.article_id AND OLD.annotator_id = NEW.annotator_id BEGIN
        {_move("NEW", "OLD.status", "NEW.status")};
    END""",
    f"""CREATE TRIGGER review_counts_layer_key AFTER UPDATE OF article_id, annotator_id ON layers
        WHEN OLD.article_id IS NOT NEW.article_id OR OLD.annotator_id IS NOT NEW.annotator_id BEGIN
        {_move("OLD", "OLD.status", "'new'")};
        {_move("NEW", "'new'", "NEW.status")};
    END""",
)

# Every annotation's row, counted afresh (the migration's fill, and the tests' reference).
RECOUNT_SQL = """SELECT a.label_id, a.annotator_id, coalesce(l.status, 'new'), a.reviewed_at IS NOT NULL,
        substr(a.updated, 1, 13), count(*)
    FROM annotations a LEFT JOIN layers l ON l.article_id = a.article_id AND l.annotator_id = a.annotator_id
    {where}
    GROUP BY 1, 2, 3, 4, 5"""

FILL_STEP = 250_000  # annotation ids counted per step of the fill


def create(db: Database, progress: Callable[[int, int], object] | None = None) -> None:
    """The table, its triggers, and the counts of the annotations already stored.

    The fill reads the annotations in steps of ids (each step's rows are sorted alone, never all
    of them at once) and calls ``progress(done, total)`` after each, in annotation ids."""
    db.execute(
        """CREATE TABLE review_counts (
            label_id INTEGER NOT NULL,
            annotator_id INTEGER NOT NULL,
            status TEXT NOT NULL,
            reviewed INTEGER NOT NULL,
            hour TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (label_id, annotator_id, status, reviewed, hour)
        ) WITHOUT ROWID"""
    )
    db.execute("DROP TRIGGER IF EXISTS layers_ai")
    for sql in TRIGGERS:
        db.execute(sql)
    low, high = db.execute("SELECT min(id), max(id) FROM annotations").fetchone()
    if low is None:
        return
    insert = f"""INSERT INTO review_counts (label_id, annotator_id, status, reviewed, hour, n)
        {RECOUNT_SQL.format(where="WHERE a.id BETWEEN ? AND ?")}
        ON CONFLICT DO UPDATE SET n = n + excluded.n"""
    for start in range(low, high + 1, FILL_STEP):
        db.execute(insert, [start, start + FILL_STEP - 1])
        if progress is not None:
            progress(min(high, start + FILL_STEP - 1) - low + 1, high - low + 1)


def recount(db: Database) -> dict[tuple, int]:
    """Every row the table should hold, counted from the annotations (for checks)."""
    return {tuple(r[:5]): r[5] for r in db.execute(RECOUNT_SQL.format(where=""))}


def kept(db: Database) -> dict[tuple, int]:
    """The rows the table holds, leaving out those counted down to nothing."""
    return {
        tuple(r[:5]): r[5]
        for r in db.execute("SELECT label_id, annotator_id, status, reviewed, hour, n FROM review_counts WHERE n != 0")
    }



def hours(since: str | None, before: str | None) -> tuple[str, list[str], list[tuple[str, str]]]:
    """For a filter on stamps ``>= since`` and ``< before`` (either may be None): the condition on
    whole hours (SQL on ``hour`` and its params), and the ranges of stamps (from, to) in the hours
    the bounds cut through, which must be counted one by one.

    A bound of at most 13 characters (a day, or a day and an hour) falls between hours: a stamp is
    on or after it exactly when its hour (its first 13 characters) is. A longer bound cuts through
    its own hour, whose stamps are counted apart."""
    clauses: list[str] = []
    params: list[str] = []
    if since is not None:
        clauses.append("hour >= ?" if len(since) <= HOUR else "hour > ?")
        params.append(since[:HOUR])
    if before is not None:
        clauses.append("hour < ?")  # a longer bound's own hour is left to the count one by one
        params.append(before[:HOUR])
    cut = [bound[:HOUR] for bound in (since, before) if bound is not None and len(bound) > HOUR]
    ranges = []
    for hour in sorted(set(cut)):
        start = max(since or "", hour)
        end = min(before, _next(hour)) if before is not None else _next(hour)
        if start < end:
            ranges.append((start, end))
    return " AND ".join(clauses), params, ranges


def _next(prefix: str) -> str:
    """The first string after every string that starts with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def count(
    db: Database, label_ids: tuple[int, ...] = (), annotators: tuple[str, ...] = (), statuses: tuple[str, ...] = (),
    reviewed: bool | None = None, hour_clause: str = "", hour_params: list[str] | None = None,
) -> int:
    """How many annotations have one of these labels, annotators and statuses, are reviewed (or not)
    and were last changed in the hours ``hour_clause`` keeps (see ``hours``). Empty fields do not
    filter. A sum over the kept rows: no annotation is read."""
    clauses: list[str] = [hour_clause] if hour_clause else []
    params: list[object] = list(hour_params or [])
    if label_ids:
        clauses.append(f"label_id IN ({','.join('?' * len(label_ids))})")
        params.extend(label_ids)
    if annotators:
        clauses.append(f"annotator_id IN (SELECT id FROM annotators WHERE name IN ({','.join('?' * len(annotators))}))")
        params.extend(annotators)
    if statuses:
        clauses.append(f"status IN ({','.join('?' * len(statuses))})")
        params.extend(statuses)
    if reviewed is not None:
        clauses.append("reviewed = ?")
        params.append(int(reviewed))
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    return db.execute(f"SELECT coalesce(sum(n), 0) FROM review_counts{where}", params).fetchone()[0]
