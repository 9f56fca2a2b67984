"""What a write changed: the one value every edit of the corpus returns.

The window's session announces its signals from this value, in one place, so that no
view or command says what changed by itself (the model is Anki's ``OpChanges``). It is
also the undo record of an edit: ``inverse()`` is what undoing it changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import Annotation, Label


@dataclass(frozen=True, slots=True)
class Changes:
    added: tuple[Annotation, ...] = ()  # annotations stored, with their ids
    removed: tuple[Annotation, ...] = ()  # annotations deleted, as they were
    changed: tuple[tuple[Annotation, Annotation], ...] = ()  # (before, after)
    labels: tuple[Label, ...] = ()  # labels added, edited or reordered, as stored
    labels_removed: tuple[int, ...] = ()  # ids of labels deleted
    statuses: tuple[int, ...] = ()  # articles whose status was set
    articles: int = 0  # articles added (an import)
    spans_imported: tuple[int, ...] = ()  # articles already here that an import added spans to
    mentions: int = 0  # missed mentions rejected or taken back
    team: bool = False  # assignments or blind mode changed

    @property
    def labels_changed(self) -> bool:
        return bool(self.labels or self.labels_removed)

    @property
    def touched_articles(self) -> list[int]:
        """Articles whose annotation count or status changed, in id order."""
        ids = {a.article_id for a in self.added} | {a.article_id for a in self.removed}
        ids |= set(self.statuses) | set(self.spans_imported)
        return sorted(ids)

    def inverse(self) -> Changes:
        """What undoing these changes changes."""
        return Changes(
            added=self.removed,
            removed=self.added,
            changed=tuple((after, before) for before, after in self.changed),
            labels=self.labels,
            labels_removed=self.labels_removed,
            statuses=self.statuses,
            articles=self.articles,
            spans_imported=self.spans_imported,
            mentions=self.mentions,
            team=self.team,
        )

    def __bool__(self) -> bool:
        return bool(
            self.added or self.removed or self.changed or self.labels_changed or self.statuses
            or self.articles or self.spans_imported or self.mentions or self.team
        )


NOTHING = Changes()

__all__ = ["Changes", "NOTHING"]
