"""What the user's editing intents become: undoable commands over the open article.

The editor reads the text pane (selection, selected span) and the session, turns an
intent (label this, delete that, grow an edge) into one QUndoCommand, and keeps the
pane and the annotation list in step with what the session reports as saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.core.model import Annotation, Article, Label, Status
from annotator.core.text import find_occurrences, move_edge, shape_selection, shorten
from annotator.formats.chinese import segment
from annotator.ui.commands import (
    AddAnnotations,
    AddLabel,
    Command,
    DeleteLabel,
    RemoveAnnotations,
    ReorderLabels,
    SetStatus,
    UpdateAnnotation,
    UpdateLabel,
    refusal,
)
from annotator.ui.i18n import tr
from annotator.ui.models.annotation_table import AnnotationTableModel
from annotator.ui.session import CorpusSession
from annotator.ui.widgets.text_pane import TextPane


class Editor(QObject):
    article_opened = Signal(object)  # Article | None
    selection_changed = Signal(object)  # the selected Annotation | None
    message = Signal(str)  # a short note for the status bar
    error = Signal(str)  # something the user must read

    def __init__(
        self,
        session: CorpusSession,
        pane: TextPane,
        table: AnnotationTableModel,
        stack: QUndoStack,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.pane = pane
        self.table = table
        self.stack = stack
        self.article: Article | None = None
        self.layer: str | None = None  # show and edit only this annotator's spans (adjudicating gold); None: all
        self.snap_to_words = True
        # Whose layers the text shows besides the user's own: None for everyone's.
        self.shown: frozenset[str] | None = None
        pane.set_labels(session.labels)
        table.set_labels(session.labels)
        pane.current_span_changed.connect(self._caret_on_span)
        pane.spans_loaded.connect(table.add)
        table.note_edit_requested.connect(self.set_note)
        session.annotations_added.connect(self._added)
        session.annotations_removed.connect(self._removed)
        session.annotations_changed.connect(self._changed)
        session.labels_changed.connect(self._labels_changed)
        session.focus_requested.connect(self._focus)

    # --- articles -------------------------------------------------------------------
    def open_article(self, article_id: int | None) -> None:
        if article_id is None:
            self.article = None
            self.pane.clear_article()
            self.table.reset([])
        else:
            if self.article is not None and self.article.id == article_id:
                return
            self.article = self.session.corpus.articles.get(article_id)
            self.table.reset([])
            self.pane.index.owner = self.table.owner = self.session.annotator
            repo = self.session.corpus.annotations
            layer = self.layer  # adjudicating: only the gold layer
            if self.shown is None:
                self.pane.load(self.article.text, lambda s, e: repo.for_article(article_id, s, e, layer))
            else:
                shown = self.visible
                self.pane.load(
                    self.article.text, lambda s, e: [a for a in repo.for_article(article_id, s, e, layer) if shown(a)]
                )
        self.article_opened.emit(self.article)
        self.selection_changed.emit(None)
        self.pane.setFocus()

    # --- whose layers show ----------------------------------------------------------------
    def visible(self, a: Annotation) -> bool:
        if self.layer is not None:
            return a.annotator == self.layer
        return self.shown is None or a.annotator == self.session.annotator or a.annotator in self.shown

    def show_layers(self, names: frozenset[str] | None) -> None:
        """Show the user's own annotations and those of ``names`` (None: everyone's); reopens the article."""
        self.shown = None if names is None else frozenset(names)
        self._reopen()

    def set_layer(self, layer: str | None) -> None:
        """Show only ``layer``'s spans (adjudication's gold; None: back to View › Annotations of);
        the open article is shown again."""
        if layer == self.layer:
            return
        self.layer = layer
        self._reopen()

    def _reopen(self) -> None:
        article = self.article
        if article is not None:
            self.article = None
            self.open_article(article.id)

    def _read_only(self, a: Annotation) -> bool:
        """True (and says why) when ``a`` is another analyst's: only the user's own spans are edited here."""
        if a.annotator == self.session.annotator:
            return False
        self.message.emit(
            tr("This span is {annotator}'s: another analyst's annotations are read-only.").format(annotator=a.annotator)
        )
        return True

    def _focus(self, article_id: int) -> None:
        if self.article is None or self.article.id != article_id:
            self.open_article(article_id)

    # --- running commands -------------------------------------------------------------
    def run(self, command: Command) -> bool:
        """Apply a command and push it; a refusal from the store is told to the user, not pushed."""
        problem = self._try(command)
        if problem:
            self.error.emit(problem)
        return problem is None

    # --- labelling --------------------------------------------------------------------
    @property
    def selected(self) -> Annotation | None:
        return self.pane.selected_annotation

    def apply_label(self, label_id: int) -> None:
        """Label the selected text, or relabel the selected span."""
        if self.article is None:
            return
        label = self.session.label(label_id)
        if label is None:
            return
        sel = self.pane.selection_codepoints()
        if sel is not None:
            self._label_selection(label, *sel)
        elif self.selected is not None:
            self.relabel(self.selected, label)
        else:
            self.message.emit(tr("Select some text first, then press a label key."))

    def set_status(self, status: Status) -> bool:
        """Mark the open article new, in progress or done (undoable)."""
        if self.article is None:
            return False
        old = self.session.corpus.articles.summary(self.article.id).status
        return old == status or self.run(SetStatus(self.session, self.article.id, old, status))

    def _label_selection(self, label: Label, start: int, end: int) -> None:
        text = self.article.text
        start, end = shape_selection(text, start, end, snap=self.snap_to_words, segment=segment)
        if start >= end:
            self.message.emit(tr("The selection holds only spaces: nothing to label."))
            return
        for a in self.pane.annotations_at(start):
            if (a.start, a.end) == (start, end) and a.annotator == self.session.annotator:
                if a.label_id != label.id:
                    self.relabel(a, label)
                else:
                    self.pane.set_selected_annotation(a)
                    self.message.emit(tr("“{text}” is already labelled {name}.").format(text=a.text, name=label.name))
                return
        new = Annotation(None, self.article.id, label.id, start, end, text[start:end], self.session.annotator)
        if self.run(
            AddAnnotations(
                self.session,
                [new],
                tr("Label “{shorten}” as {name}").format(shorten=shorten(new.text, 40), name=label.name),
            )
        ):
            self.message.emit(
                tr("Labelled “{shorten}” as {name}.").format(shorten=shorten(new.text, 40), name=label.name)
            )

    def relabel(self, a: Annotation, label: Label) -> None:
        if a.label_id == label.id or self._read_only(a):
            return
        self.run(
            UpdateAnnotation(
                self.session,
                a,
                a.with_changes(label_id=label.id),
                tr("Relabel “{shorten}” as {name}").format(shorten=shorten(a.text, 40), name=label.name),
            )
        )

    def delete_selected(self) -> None:
        a = self.selected
        if a is None:
            self.message.emit(tr("Click a span first to delete it."))
            return
        if self._read_only(a):
            return
        self.run(RemoveAnnotations(self.session, [a]))

    def move_edge(self, edge: str, direction: int) -> None:
        a = self.selected
        if a is None:
            self.message.emit(tr("Click a span first to resize it."))
            return
        if self._read_only(a):
            return
        moved = move_edge(
            self.article.text, a.start, a.end, edge, direction, by_word=self.snap_to_words, segment=segment
        )
        if moved is None or moved == (a.start, a.end):
            self.message.emit(tr("The span cannot be made any smaller or larger that way."))
            return
        s, e = moved
        self.run(
            UpdateAnnotation(
                self.session, a, a.with_changes(start=s, end=e, text=self.article.text[s:e]), tr("Resize span")
            )
        )

    def set_note(self, a: Annotation, note: str) -> None:
        note = note.strip()
        if note != (a.note or "") and not self._read_only(a):
            self.run(UpdateAnnotation(self.session, a, a.with_changes(note=note or None), tr("Edit note")))

    # --- annotate all occurrences ---------------------------------------------------------
    def occurrences(self, a: Annotation) -> list[tuple[int, int]]:
        """Other whole-word occurrences of a span's text not yet carrying its label."""
        self.pane.load_all()  # spans not yet read count as taken too
        layers = {self.session.annotator, a.annotator}  # the user's layer, and the one the span comes from
        taken = {
            (x.start, x.end)
            for x in self.pane.index.annotations()
            if x.label_id == a.label_id and x.annotator in layers
        }
        return [
            (s, e)
            for s, e in find_occurrences(self.article.text, a.text, whole_words=True)
            if (s, e) not in taken
        ]

    def annotate_all(self, a: Annotation, spans: Sequence[tuple[int, int]]) -> None:
        if not spans:
            return
        text = self.article.text
        new = [
            Annotation(None, a.article_id, a.label_id, s, e, text[s:e], self.session.annotator) for s, e in spans
        ]
        label = self.session.label(a.label_id)
        self.run(
            AddAnnotations(
                self.session,
                new,
                tr("Label {count} more “{shorten}” as {value}").format(
                    count=len(new), shorten=shorten(a.text, 40), value=label.name if label else "?"
                ),
            )
        )

    # --- the label set ------------------------------------------------------------------------
    # Each returns None on success, or the reason the store refused, for the dialog to show.
    def _try(self, command: Command) -> str | None:
        problem = refusal(command)
        if problem is None:
            self.stack.push(command)
        return problem

    def add_label(self, label: Label) -> str | None:
        return self._try(AddLabel(self.session, label))

    def update_label(self, old: Label, new: Label) -> str | None:
        return None if old == new else self._try(UpdateLabel(self.session, old, new))

    def delete_label(self, label: Label) -> str | None:
        return self._try(DeleteLabel(self.session, label))

    def reorder_labels(self, ids: list[int]) -> str | None:
        old = [lab.id for lab in self.session.labels]
        return None if old == ids else self._try(ReorderLabels(self.session, old, ids))

    # --- keeping views in step with the store -------------------------------------------------
    def _mine(self, annotations: Sequence[Annotation]) -> list[Annotation]:
        ident = self.article.id if self.article else None
        return [a for a in annotations if a.article_id == ident and self.visible(a)]

    def _added(self, annotations: list[Annotation]) -> None:
        mine = self._mine(annotations)
        if mine:
            self.pane.annotations_added(mine)
            self.table.add(mine)
            if len(mine) == 1:
                self._select(mine[0], reveal=True)

    def _removed(self, annotations: list[Annotation]) -> None:
        mine = self._mine(annotations)
        if mine:
            self.pane.annotations_removed(mine)
            self.table.remove(mine)
            self.selection_changed.emit(self.selected)

    def _changed(self, pairs: list) -> None:
        for old, new in pairs:
            if self._mine([new]):
                self.pane.annotation_changed(old, new)
                self.table.change(old, new)
                self._select(new, reveal=True)

    def _labels_changed(self) -> None:
        self.pane.set_labels(self.session.labels)
        self.table.set_labels(self.session.labels)

    def _caret_on_span(self, annotation_id: int) -> None:
        a = self.pane.index.get(annotation_id) if annotation_id else None
        self.pane.set_selected_annotation(a)
        self.selection_changed.emit(a)

    def select_annotation(self, annotation_id: int, *, flash: bool = True, focus: bool = False) -> None:
        a = self.pane.index.get(annotation_id)
        if a is not None:
            self._select(a, reveal=True, flash=flash)
            if focus:
                self.pane.setFocus()

    def _select(self, a: Annotation, *, reveal: bool = False, flash: bool = False) -> None:
        self.pane.set_selected_annotation(a, reveal=reveal, flash=flash)
        self.selection_changed.emit(a)
