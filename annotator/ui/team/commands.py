"""The team's edits as undoable commands: an assignment, blind mode."""

from __future__ import annotations

from annotator.ui.commands import Command
from annotator.ui.i18n import tr
from annotator.ui.session import CorpusSession


class AssignArticles(Command):
    """Give articles to analysts (the planned articles lose their earlier assignments)."""

    def __init__(self, session: CorpusSession, plan: dict[str, list[int]]) -> None:
        n = len({i for ids in plan.values() for i in ids})
        super().__init__(session, tr("Assign %n article(s)", None, n))
        self.plan = plan
        self.before = session.corpus.team.plan()

    def apply(self) -> None:
        self.session.assign(self.plan)

    def revert(self) -> None:
        self.session.clear_assignments()
        self.session.assign(self.before, replace=False)


class ClearAssignments(Command):
    def __init__(self, session: CorpusSession) -> None:
        super().__init__(session, tr("Clear assignments"))
        self.before = session.corpus.team.plan()

    def apply(self) -> None:
        self.session.clear_assignments()

    def revert(self) -> None:
        self.session.assign(self.before, replace=False)


class SetBlind(Command):
    def __init__(self, session: CorpusSession, on: bool) -> None:
        super().__init__(session, tr("Turn blind mode on") if on else tr("Turn blind mode off"))
        self.on = on

    def apply(self) -> None:
        self.session.set_blind(self.on)

    def revert(self) -> None:
        self.session.set_blind(not self.on)
