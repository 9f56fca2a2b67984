"""One QUndoCommand per user edit. Each writes through the session, which commits first."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from annotator.core.model import Annotation, Label, Status
from annotator.store import CorpusError
from annotator.ui.i18n import status_name, tr
from annotator.ui.session import CorpusSession

log = logging.getLogger(__name__)


class Command(QUndoCommand):
    """Base of every edit: ``apply``/``revert`` write through the session.

    ``Editor.run`` applies a command once in Python (so a refusal from the store is an
    ordinary exception it can report) and then pushes it; the push's own redo is skipped.
    Later undo/redo run from the stack; a failure there is reported through the session.
    """

    def __init__(self, session: CorpusSession, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._applied_already = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def execute(self) -> None:
        """Apply now, and have the next redo (the one QUndoStack.push makes) skip."""
        self.apply()
        self._applied_already = True

    def redo(self) -> None:
        if self._applied_already:
            self._applied_already = False
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, step) -> None:
        try:
            step()
        except Exception as exc:  # noqa: BLE001 - reported to the user, never swallowed silently
            log.warning("%r failed", self.text(), exc_info=True)
            self.setObsolete(True)  # the stack drops it rather than describe an edit that did not happen
            self.session.failed.emit(tr("Could not {lower}: {exc}").format(lower=self.text().lower(), exc=exc))


def refusal(command: Command) -> str | None:
    """Apply ``command`` once (before it is pushed): None when it was, else why the corpus refused it,
    in a sentence for the user. A refused command must not be pushed."""
    try:
        command.execute()
    except CorpusError as exc:
        log.info("The corpus refused %r: %s", command.text(), exc)
        return str(exc)
    except sqlite3.Error as exc:  # a locked, read-only or full disk: nothing was saved
        log.warning("%r could not be written", command.text(), exc_info=True)
        return tr("The corpus file could not be written, so the edit was not made: {exc}.").format(exc=exc)
    return None


def apply_and_push(command: Command, stack, nothing: str = "") -> tuple[str | None, str]:
    """A bulk edit from a dock: apply it once; push it for Ctrl+Z only when it changed something.

    Returns (why it was refused, or None; the message to show, "" for none)."""
    problem = refusal(command)
    if problem:
        return problem, ""
    if not command.changed:
        return None, nothing
    stack.push(command)
    return None, tr("{text}. Ctrl+Z undoes it.").format(text=command.text())


class AddAnnotations(Command):
    """Label one span, or many at once (annotate all occurrences)."""

    def __init__(self, session: CorpusSession, annotations: Sequence[Annotation], text: str = "") -> None:
        super().__init__(
            session,
            text
            or (tr("Add annotation") if len(annotations) == 1 else tr("Add %n annotation(s)", None, len(annotations))),
        )
        self.pending = list(annotations)
        self.stored: list[Annotation] = []

    def apply(self) -> None:
        self.session.focus_requested.emit(self.pending[0].article_id)
        # The first redo assigns ids; later redos reuse them so that later commands stay valid.
        self.stored = self.session.add_annotations(self.stored or self.pending)

    def revert(self) -> None:
        self.session.focus_requested.emit(self.stored[0].article_id)
        self.session.remove_annotations(self.stored)


class RemoveAnnotations(Command):
    def __init__(self, session: CorpusSession, annotations: Sequence[Annotation]) -> None:
        super().__init__(
            session,
            tr("Delete annotation") if len(annotations) == 1 else tr("Delete %n annotation(s)", None, len(annotations)),
        )
        self.annotations = list(annotations)

    def apply(self) -> None:
        self.session.focus_requested.emit(self.annotations[0].article_id)
        self.session.remove_annotations(self.annotations)

    def revert(self) -> None:
        self.session.focus_requested.emit(self.annotations[0].article_id)
        self.session.add_annotations(self.annotations)


class UpdateAnnotation(Command):
    """Relabel, resize or annotate with a note: one annotation, old and new state."""

    def __init__(self, session: CorpusSession, old: Annotation, new: Annotation, text: str) -> None:
        super().__init__(session, text)
        self.old = old
        self.new = new

    def apply(self) -> None:
        self.session.focus_requested.emit(self.new.article_id)
        self.session.update_annotation(self.old, self.new)

    def revert(self) -> None:
        self.session.focus_requested.emit(self.old.article_id)
        self.session.update_annotation(self.new, self.old)


class AddLabel(Command):
    def __init__(self, session: CorpusSession, label: Label) -> None:
        super().__init__(session, tr("Add label {name}").format(name=label.name))
        self.label = label

    def apply(self) -> None:
        self.label = self.session.add_label(self.label)

    def revert(self) -> None:
        self.session.delete_label(self.label.id)


class UpdateLabel(Command):
    """Rename, recolour or change the hotkey of a label."""

    def __init__(self, session: CorpusSession, old: Label, new: Label) -> None:
        super().__init__(session, tr("Edit label {name}").format(name=old.name))
        self.old = old
        self.new = new

    def apply(self) -> None:
        self.session.update_label(self.new)

    def revert(self) -> None:
        self.session.update_label(self.old)


class ReorderLabels(Command):
    def __init__(self, session: CorpusSession, old_ids: list[int], new_ids: list[int]) -> None:
        super().__init__(session, tr("Reorder labels"))
        self.old_ids = old_ids
        self.new_ids = new_ids

    def apply(self) -> None:
        self.session.reorder_labels(self.new_ids)

    def revert(self) -> None:
        self.session.reorder_labels(self.old_ids)


class DeleteLabel(Command):
    """Delete a label with every annotation that carries it; undo brings both back."""

    def __init__(self, session: CorpusSession, label: Label) -> None:
        super().__init__(session, tr("Delete label {name}").format(name=label.name))
        self.label = label
        self.annotations: list[Annotation] = []

    def apply(self) -> None:
        self.annotations = self.session.delete_label(self.label.id)

    def revert(self) -> None:
        self.session.add_label(self.label)
        if self.annotations:
            self.session.add_annotations(self.annotations)


class SetStatus(Command):
    """Mark an article new, in progress or done."""

    def __init__(self, session: CorpusSession, article_id: int, old: Status, new: Status) -> None:
        super().__init__(session, tr("Mark article {lower}").format(lower=status_name(new).lower()))
        self.article_id = article_id
        self.old = old
        self.new = new

    def apply(self) -> None:
        self.session.set_status(self.article_id, self.new)

    def revert(self) -> None:
        self.session.focus_requested.emit(self.article_id)
        self.session.set_status(self.article_id, self.old)
