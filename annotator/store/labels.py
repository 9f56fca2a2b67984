"""The label set: name (shown), tag (exported), colour, hotkey, order."""

from __future__ import annotations

import re
import sqlite3

from sqlite_utils import Database

from annotator.core.model import Label
from annotator.store.errors import CorpusError, NotFoundError

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_COLUMNS = "id, name, tag, colour, hotkey, position"


def make_tag(name: str) -> str:
    """The export tag a label name suggests: 'Policy term' -> 'POLICY_TERM'."""
    return re.sub(r"[^0-9A-Za-z]+", "_", name.strip()).strip("_").upper()


def _validate(label: Label) -> None:
    if not label.name.strip():
        raise CorpusError("A label needs a name.")
    if not re.fullmatch(r"[A-Za-z0-9_\-.]+", label.tag or ""):
        raise CorpusError(f"Tag {label.tag!r} must be letters, digits, '_', '-' or '.', with no spaces.")
    if not _COLOUR.match(label.colour or ""):
        raise CorpusError(f"Colour {label.colour!r} must look like #rrggbb.")
    if label.hotkey is not None and label.hotkey not in "123456789":
        raise CorpusError(f"Hotkey {label.hotkey!r} must be a digit from 1 to 9.")


def _integrity_message(exc: sqlite3.IntegrityError, label: Label) -> str:
    msg = str(exc)
    for column, value in (("name", label.name), ("tag", label.tag), ("hotkey", label.hotkey)):
        if f"labels.{column}" in msg:
            return f"Another label already has {column} {value!r}."
    return f"Cannot save label {label.name!r}: {msg}."


class LabelRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self) -> list[Label]:
        return [
            Label(*row)
            for row in self.db.execute(f"SELECT {_COLUMNS} FROM labels ORDER BY position, id")
        ]

    def get(self, label_id: int) -> Label:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM labels WHERE id = ?", [label_id]).fetchone()
        if row is None:
            raise NotFoundError(f"No label with id {label_id}.")
        return Label(*row)

    def add(self, label: Label) -> Label:
        """Insert a label (keeping ``label.id`` when given, as undo does). Committed."""
        _validate(label)
        position = label.position
        if label.id is None:
            position = self.db.execute("SELECT coalesce(max(position) + 1, 0) FROM labels").fetchone()[0]
        try:
            with self.db.atomic():
                cur = self.db.execute(
                    f"INSERT INTO labels ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                    [label.id, label.name.strip(), label.tag, label.colour, label.hotkey, position],
                )
        except sqlite3.IntegrityError as exc:
            raise CorpusError(_integrity_message(exc, label)) from exc
        return self.get(cur.lastrowid)

    def update(self, label: Label) -> Label:
        _validate(label)
        try:
            with self.db.atomic():
                cur = self.db.execute(
                    "UPDATE labels SET name = ?, tag = ?, colour = ?, hotkey = ?, position = ? WHERE id = ?",
                    [label.name.strip(), label.tag, label.colour, label.hotkey, label.position, label.id],
                )
        except sqlite3.IntegrityError as exc:
            raise CorpusError(_integrity_message(exc, label)) from exc
        if cur.rowcount == 0:
            raise NotFoundError(f"No label with id {label.id}.")
        return self.get(label.id)

    def reorder(self, ordered_ids: list[int]) -> None:
        with self.db.atomic():
            for position, label_id in enumerate(ordered_ids):
                self.db.execute("UPDATE labels SET position = ? WHERE id = ?", [position, label_id])

    def usage(self, label_id: int) -> int:
        return self.db.execute(
            "SELECT count(*) FROM annotations WHERE label_id = ?", [label_id]
        ).fetchone()[0]

    def delete(self, label_id: int) -> None:
        """Delete a label and, with it, every annotation that carries it. Committed."""
        with self.db.atomic():
            self.db.execute("DELETE FROM labels WHERE id = ?", [label_id])
