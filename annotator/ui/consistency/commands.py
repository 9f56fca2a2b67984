"""The consistency edits, each one QUndoCommand: Ctrl+Z undoes the whole of it.

Each is one edit of ``store.edits`` run through ``session.apply``, which refuses a write to a
vanished file and announces what the edit changed, so the article view and every list follow.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from annotator.core.model import Annotation, Label
from annotator.core.text import shorten
from annotator.store import edits
from annotator.store.changes import Changes
from annotator.store.consistency import ConflictGroup, MissedMention
from annotator.ui.commands import Command
from annotator.ui.i18n import tr
from annotator.ui.session import CorpusSession


class _Consistency(Command):
    """A consistency edit that tells its list to refresh after each apply and revert."""

    def __init__(self, session: CorpusSession, text: str, refresh: Callable[[], None]) -> None:
        super().__init__(session, text)
        self.refresh = refresh

    def redo(self) -> None:
        pushed = self._applied_already  # the push's own redo does nothing: execute() refreshed already
        super().redo()
        if not pushed:
            self.refresh()

    def undo(self) -> None:
        super().undo()
        self.refresh()

    def execute(self) -> None:
        super().execute()
        self.refresh()


class MakeConsistent(_Consistency):
    """Give every annotation of one text the same label."""

    def __init__(self, session: CorpusSession, group: ConflictGroup, label: Label, refresh: Callable[[], None]) -> None:
        super().__init__(
            session,
            tr("Label every “{shorten}” {name}").format(shorten=shorten(group.text, 30), name=label.name),
            refresh,
        )
        self.key = group.key
        self.label = label
        self.done: Changes | None = None

    @property
    def changed(self) -> int:
        return len(self.done.changed) + len(self.done.removed) if self.done else 0

    def apply(self) -> None:
        corpus = self.session.corpus
        if self.done is None:
            self.done = self.session.apply(lambda: edits.make_consistent(corpus, self.key, self.label.id))
        else:
            self.session.apply(lambda: edits.redo_consistent(corpus, self.done))

    def revert(self) -> None:
        self.session.apply(lambda: edits.undo_consistent(self.session.corpus, self.done))


class AcceptMentions(_Consistency):
    """Label missed mentions with the label their text carries most often.

    Only the articles in ``opened`` (the one open in the window) go from new to in progress: a
    bulk accept does not make articles nobody read look worked on."""

    def __init__(
        self, session: CorpusSession, mentions: Sequence[MissedMention], refresh: Callable[[], None],
        opened: Sequence[int] = (),
    ) -> None:
        text = (tr("Label missed “{shorten}”").format(shorten=shorten(mentions[0].text, 30)) if len(mentions) == 1
                else tr("Label %n missed mention(s)", None, len(mentions)))
        super().__init__(session, text, refresh)
        self.pending = [m.annotation(session.annotator) for m in mentions]
        self.stored: list[Annotation] = []
        self.opened = tuple(opened)

    @property
    def changed(self) -> int:
        return len(self.stored)

    def apply(self) -> None:
        # The first apply assigns ids; a redo reuses them so that later commands stay valid.
        self.stored = self.session.add_annotations(self.stored or self.pending, in_progress=self.opened)

    def revert(self) -> None:
        self.session.remove_annotations(self.stored)


class RejectMentions(_Consistency):
    """Mark missed mentions as not mentions, so that they are not listed again."""

    def __init__(self, session: CorpusSession, mentions: Sequence[MissedMention], refresh: Callable[[], None]) -> None:
        text = (tr("Reject missed “{shorten}”").format(shorten=shorten(mentions[0].text, 30)) if len(mentions) == 1
                else tr("Reject %n missed mention(s)", None, len(mentions)))
        super().__init__(session, text, refresh)
        self.mentions = list(mentions)

    @property
    def changed(self) -> int:
        return len(self.mentions)

    def apply(self) -> None:
        self.session.apply(lambda: edits.reject_mentions(self.session.corpus, self.mentions))

    def revert(self) -> None:
        self.session.apply(lambda: edits.unreject_mentions(self.session.corpus, self.mentions))
