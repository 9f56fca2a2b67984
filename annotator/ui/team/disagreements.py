"""The adjudication panel's list: each disagreement on a line, its competing versions on the lines
below it. A model over the plan, so that a long article's thousands of disagreements cost nothing
to show until they are scrolled to (rows are made as they are painted)."""

from __future__ import annotations

import string

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from annotator.core.agreement import Span
from annotator.store.adjudication import ArticleAdjudication
from annotator.ui.i18n import tr

LETTERS = string.ascii_uppercase[:8]  # version keys: A, B, C… (X: none)
MARKS = ("▆", "〰", "┈")  # how version A, B, C… is drawn in the text: tinted, wavy, dotted underline


def describe(span: Span, text: str, names: dict[str, str]) -> str:
    return f"{names.get(span.label, span.label)} “{' '.join(text[span.start:span.end].split())}”"


class DisagreementList(QAbstractListModel):
    """Rows: a disagreement's line (bold while open), then one line per version."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, int]] = []  # (disagreement, version; -1 for the disagreement's own line)
        self._heads: list[int] = []  # the row of each disagreement's line
        self._disagreements: tuple = ()
        self._text = ""
        self._names: dict[str, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def show(self, state: ArticleAdjudication, text: str, names: dict[str, str]) -> None:
        self.beginResetModel()
        self._disagreements = state.plan.disagreements
        self._text, self._names = text, names
        rows: list[tuple[int, int]] = []
        heads: list[int] = []
        for k, d in enumerate(self._disagreements):
            heads.append(len(rows))
            rows.append((k, -1))
            rows.extend((k, i) for i in range(len(d.versions)))
        self._rows, self._heads = rows, heads
        self.endResetModel()

    def disagreement_at(self, row: int) -> int | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def head_row(self, k: int) -> int | None:
        return self._heads[k] if 0 <= k < len(self._heads) else None

    def count(self) -> int:
        return len(self._heads)

    # --- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole
        ):
            return None
        k, i = self._rows[index.row()]
        d = self._disagreements[k]
        if i < 0:
            if role == Qt.ItemDataRole.FontRole:
                return None if d.settled else self._bold
            if role == Qt.ItemDataRole.ToolTipRole:
                return None
            mark = tr("✓ settled") if d.settled else tr("● open")
            return f"{mark}   {k + 1}. “{' '.join(self._text[d.start:d.end].split())}”"
        if role == Qt.ItemDataRole.FontRole:
            return None
        v = d.versions[i]
        what = "; ".join(describe(s, self._text, self._names) for s in v.spans) or tr("no span")
        if role == Qt.ItemDataRole.DisplayRole:
            mark = MARKS[i % 3] if v.spans else "  "
            return f"      {LETTERS[i]} {mark} {', '.join(v.analysts)}: {what}"
        where = ", ".join(f"{s.start}–{s.end}" for s in v.spans)
        return tr("{join}: {what}{value}. Press {value2} to take this version into gold.").format(
            join=", ".join(v.analysts), what=what, value=f" at {where}" if where else "", value2=LETTERS[i]
        )
