"""The team's shared state in a corpus: who is given which article, and corpus-wide settings
(blind mode). Like the layers, nothing here assumes one file per analyst."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlite_utils import Database

from annotator.store._util import now

BLIND = "blind"  # setting: "1" when each analyst sees only their own layer
SHARED_FOR = "shared_for"  # setting of a file written by `annotator share`: the analyst it was made for


class TeamRepository:
    def __init__(self, db: Database, annotator_id) -> None:
        self.db = db
        self._annotator_id = annotator_id  # name -> id, creating the annotator

    # --- settings ------------------------------------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str | None) -> None:
        with self.db.atomic():
            if value is None:
                self.db.execute("DELETE FROM settings WHERE key = ?", [key])
            else:
                self.db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [key, value],
                )

    @property
    def blind(self) -> bool:
        """Blind mode: every analyst sees only their own layer of an article."""
        return self.setting(BLIND) == "1"

    def set_blind(self, on: bool) -> None:
        self.set_setting(BLIND, "1" if on else None)

    # --- assignments ---------------------------------------------------------------
    def assign(self, plan: dict[str, Sequence[int]], *, replace: bool = True) -> int:
        """Write a plan (article ids per analyst, see core.assign). ``replace``: the planned articles
        lose their earlier assignments first. Returns the number of assignments written. Committed."""
        stamp = now()
        with self.db.atomic():
            if replace:
                self.clear({i for ids in plan.values() for i in ids})
            rows = [(self._annotator_id(name), i, stamp) for name, ids in plan.items() for i in ids]
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO assignments (annotator_id, article_id, created) VALUES (?, ?, ?)", rows
            )
        return len(rows)

    def clear(self, article_ids: Iterable[int] | None = None) -> int:
        """Take assignments away: of these articles, or all. Returns how many went. Committed."""
        with self.db.atomic():
            if article_ids is None:
                return self.db.execute("DELETE FROM assignments").rowcount
            ids = list(article_ids)
            gone = 0
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                gone += self.db.execute(
                    f"DELETE FROM assignments WHERE article_id IN ({','.join('?' * len(chunk))})", chunk
                ).rowcount
            return gone

    def assigned(self, annotator: str) -> list[int]:
        """The ids of the articles given to ``annotator``, in id order."""
        return [
            r[0]
            for r in self.db.execute(
                """SELECT article_id FROM assignments WHERE annotator_id = (SELECT id FROM annotators WHERE name = ?)
                   ORDER BY article_id""",
                [annotator],
            )
        ]

    def assignees(self, article_id: int) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                """SELECT n.name FROM assignments s JOIN annotators n ON n.id = s.annotator_id
                   WHERE s.article_id = ? ORDER BY n.name""",
                [article_id],
            )
        ]

    def plan(self) -> dict[str, list[int]]:
        """Every assignment: article ids per analyst."""
        out: dict[str, list[int]] = {}
        for name, article_id in self.db.execute(
            """SELECT n.name, s.article_id FROM assignments s JOIN annotators n ON n.id = s.annotator_id
               ORDER BY n.name, s.article_id"""
        ):
            out.setdefault(name, []).append(article_id)
        return out

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM assignments").fetchone()[0]
