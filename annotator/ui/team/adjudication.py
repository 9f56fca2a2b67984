"""Team › Adjudicate: the open article's disagreements beside the text, the competing versions
marked in the text, one key per version. Every step is an undoable edit of the gold layer,
committed before it shows; the text shows (and the label keys edit) only the gold layer meanwhile."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.adjudication import Disagreement, take
from annotator.core.agreement import Span
from annotator.core.model import Annotation
from annotator.store.adjudication import DEFAULT_GOLD, ArticleAdjudication, gold_annotations, read
from annotator.ui.commands import AddAnnotations, Command
from annotator.ui.editor import Editor
from annotator.ui.i18n import tr
from annotator.ui.session import CorpusSession
from annotator.ui.team.disagreements import LETTERS, DisagreementList
from annotator.ui.widgets.tables import unshaped_rows


class Settle(Command):
    """Gold over one disagreement becomes one version (or nothing): spans added and removed and the
    decision recorded, in one transaction; undo puts gold and the decision back as they were."""

    def __init__(self, session: CorpusSession, article_id: int, gold: str, d: Disagreement,
                 add: list[Annotation], remove: list[Annotation], was_decided: bool, text: str,
                 completes: bool = False) -> None:
        super().__init__(session, text)
        self.article_id, self.gold, self.extent = article_id, gold, (d.start, d.end)
        self.add, self.remove, self.was_decided = add, remove, was_decided
        self.completes = completes  # the last open disagreement: gold is done for the article
        self.stored: list[Annotation] = []

    def apply(self) -> None:
        self.session.focus_requested.emit(self.article_id)
        self.stored = self.session.settle(self.article_id, self.gold, self.extent, self.stored or self.add, self.remove,
                                          True, True if self.completes else None)

    def revert(self) -> None:
        self.session.focus_requested.emit(self.article_id)
        self.session.settle(self.article_id, self.gold, self.extent, self.remove, self.stored,
                            None if self.was_decided else False, False if self.completes else None)


class AdjudicationDock(QDockWidget):
    take_requested = Signal(int)  # version index; -1: none
    step_requested = Signal(int)  # +1 next open, -1 previous open
    row_chosen = Signal(int)  # disagreement index
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Adjudication"), parent)
        self.setObjectName("adjudicationDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.header = QLabel(body, objectName="adjudicationHeader")
        self.header.setWordWrap(True)
        self.counter = QLabel(body, objectName="adjudicationCounter")
        font = self.counter.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.counter.setFont(font)
        layout.addWidget(self.header)
        layout.addWidget(self.counter)
        self.model = DisagreementList(self)
        self.tree = QListView(body, objectName="disagreementTree")
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTabKeyNavigation(False)
        self.tree.setUniformItemSizes(True)  # long versions are elided; the tooltip holds them whole
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        unshaped_rows(self.tree)
        layout.addWidget(self.tree, 1)
        self.keys = QLabel(body, objectName="adjudicationKeys")
        self.keys.setWordWrap(True)
        self.keys.setText(
            tr(
                "<b>A</b>, <b>B</b>… take that version · <b>X</b> none · <b>Tab</b> / <b>Shift+Tab</b> next / "
                "previous open · or label gold by hand in the text with the label keys."
            )
        )
        layout.addWidget(self.keys)
        buttons = QHBoxLayout()
        self.none_button = QPushButton(tr("None (&X)"), body, objectName="adjudicateNone")
        self.next_button = QPushButton(tr("Next open"), body, objectName="adjudicateNext")
        self.stop_button = QPushButton(tr("Stop adjudicating"), body, objectName="adjudicateStop")
        for b in (self.none_button, self.next_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.none_button.clicked.connect(lambda: self.take_requested.emit(-1))
        self.next_button.clicked.connect(lambda: self.step_requested.emit(1))
        self.stop_button.clicked.connect(self.stop_requested)
        self.tree.selectionModel().currentChanged.connect(self._current)
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for i, letter in enumerate(LETTERS):
            QShortcut(QKeySequence(letter), self, context=ctx).activated.connect(
                lambda i=i: self.take_requested.emit(i)
            )
        QShortcut(QKeySequence("X"), self, context=ctx).activated.connect(lambda: self.take_requested.emit(-1))
        QShortcut(QKeySequence("Tab"), self, context=ctx).activated.connect(lambda: self.step_requested.emit(1))
        QShortcut(QKeySequence("Shift+Tab"), self, context=ctx).activated.connect(lambda: self.step_requested.emit(-1))
        QShortcut(QKeySequence("Backtab"), self, context=ctx).activated.connect(lambda: self.step_requested.emit(-1))

    def closeEvent(self, event) -> None:  # noqa: N802 - closing the panel ends adjudicating
        self.stop_requested.emit()
        super().closeEvent(event)

    def _current(self, index, _old=None) -> None:
        k = self.model.disagreement_at(index.row()) if index.isValid() else None
        if k is not None:
            self.row_chosen.emit(k)

    def fill(self, state: ArticleAdjudication, text: str, names: dict[str, str], current: int) -> None:
        p = state.plan
        self.tree.selectionModel().blockSignals(True)
        self.model.show(state, text, names)
        self.tree.selectionModel().blockSignals(False)
        if 0 <= current < self.model.count():
            self.select(current)
        total = len(p.disagreements)
        self.counter.setText(
            tr("{settled} of {total} settled").format(settled=p.settled, total=total)
            if total
            else tr("No disagreements")
        )

    def select(self, row: int) -> None:
        """Make disagreement ``row`` current without announcing it (the controller already shows it)."""
        head = self.model.head_row(row)
        if head is not None:
            index = self.model.index(head, 0)
            selection = self.tree.selectionModel()
            selection.blockSignals(True)
            selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect)
            selection.blockSignals(False)
            after = self.model.head_row(row + 1)  # its versions in view too, where they fit
            self.tree.scrollTo(self.model.index((after or self.model.rowCount()) - 1, 0))
            self.tree.scrollTo(index)


class AdjudicationController(QObject):
    message = Signal(str)
    error = Signal(str)

    def __init__(self, session: CorpusSession, editor: Editor, stack: QUndoStack, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.editor, self.stack = session, editor, stack
        self.dock = AdjudicationDock(parent)
        self.dock.hide()
        self.gold = DEFAULT_GOLD
        self.article_id: int | None = None
        self.state: ArticleAdjudication | None = None
        self.current = 0
        self._annotator: str | None = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        self.dock.take_requested.connect(self.take)
        self.dock.step_requested.connect(self.step)
        self.dock.row_chosen.connect(self._choose)
        self.dock.stop_requested.connect(self.stop)
        for signal in (session.annotations_added, session.annotations_removed, session.annotations_changed,
                       session.article_changed):  # article_changed: a decision alone was recorded or undone
            signal.connect(self._gold_changed)
        editor.article_opened.connect(self._article_opened)

    @property
    def active(self) -> bool:
        """Adjudicating: the text shows the gold layer and the label keys edit it."""
        return self._annotator is not None

    # --- starting and stopping ------------------------------------------------------------
    def start(self) -> bool:
        article = self.editor.article
        if article is None:
            self.message.emit(tr("Open an article first, then adjudicate it."))
            return False
        state = read(self.session.corpus, article.id, self.gold)
        if len(state.analysts) < 2:
            done = ", ".join(state.analysts) or "nobody"
            self.error.emit(
                tr(
                    "Adjudication needs two or more analysts who finished this article (finished: {done}). An analyst "
                    "finishes an article by marking it done."
                ).format(done=done)
            )
            return False
        self.article_id = article.id
        if self._annotator is None:
            self._annotator = self.session.annotator
        self.session.annotator = self.gold  # the label keys now edit the gold layer
        self.editor.set_layer(self.gold)
        self.dock.show()
        self.dock.raise_()
        if state.plan.accept:
            new = gold_annotations(self.session.corpus, article.id, self.gold, state.plan.accept, article.text)
            n = len(new)
            accept = AddAnnotations(
                self.session, new, tr("Accept %n agreed span(s) into {gold}", None, n).format(gold=self.gold)
            )
            if self.editor.run(accept):
                state = state.accepted(accept.stored)  # what a second read would find, without reading
                self.message.emit(
                    tr("%n span(s) every analyst made alike went into {gold}. Ctrl+Z undoes it.", None, n).format(
                        gold=self.gold
                    )
                )
            else:
                state = read(self.session.corpus, article.id, self.gold)
        self._refresh_timer.stop()  # the state is current: the edit's own announcement needs no second read
        self.current = -1
        self.refresh(show=False, state=state)
        self.step(1)
        self.dock.tree.setFocus()
        return True

    def stop(self) -> None:
        if not self.active:
            return
        self.article_id = None
        self.state = None
        self.editor.pane.set_overlays([])
        if self._annotator is not None:
            self.session.annotator = self._annotator
            self._annotator = None
        self.editor.set_layer(None)
        self.dock.hide()

    def _article_opened(self, article) -> None:
        """Another article opened while adjudicating: adjudicate it (or stop, when it cannot be)."""
        if not self.active or (article is not None and article.id == self.article_id):
            return
        self.article_id = None
        self.state = None
        if article is None:  # closed for a moment (reloaded after another program wrote to it)
            self.editor.pane.set_overlays([])
            return
        if not self.start():
            self.stop()

    # --- the list ---------------------------------------------------------------------------
    def _gold_changed(self, *_args) -> None:
        if self.article_id is not None:
            self._refresh_timer.start()

    def refresh(self, show: bool = True, state: ArticleAdjudication | None = None) -> None:
        """Show the article's adjudication as the file holds it (``state``: as just read)."""
        if self.article_id is None:
            return
        self.state = state or read(self.session.corpus, self.article_id, self.gold)
        names = {lab.tag: lab.name for lab in self.session.labels}
        text = self.editor.article.text if self.editor.article else ""
        n = len(self.state.plan.disagreements)
        self.current = min(self.current, n - 1)
        self.dock.header.setText(
            tr(
                "Gold layer <b>{gold}</b> · article {article_id} · analysts {join} · %n span(s) agreed by all",
                None,
                len(self.state.plan.agreed),
            ).format(gold=self.gold, article_id=self.article_id, join=", ".join(self.state.analysts))
        )
        self.dock.fill(self.state, text, names, self.current)
        if n and not self.state.plan.open:
            self.dock.counter.setText(tr("{n} of {n} settled — gold is complete for this article").format(n=n))
        if show:
            self._show_current()

    def _choose(self, row: int) -> None:
        self.current = row
        self._show_current()

    def _show_current(self) -> None:
        d = self._disagreement()
        if d is None:
            self.editor.pane.set_overlays([])
            return
        colours = {lab.tag: lab.colour for lab in self.session.labels}
        marks = []
        for i, v in enumerate(d.versions):  # A tinted, B wavy underline, C dotted underline, D tinted…
            marks += [(s.start, s.end, colours.get(s.label, "#777777"), (0, 2, 3)[i % 3]) for s in v.spans]
        self.editor.pane.set_overlays(marks)
        self.editor.pane.place_caret(d.start)
        self.editor.pane.centerCursor()

    def _disagreement(self) -> Disagreement | None:
        if self.state is None or not 0 <= self.current < len(self.state.plan.disagreements):
            return None
        return self.state.plan.disagreements[self.current]

    def step(self, direction: int) -> None:
        """To the next (1) or previous (-1) open disagreement, wrapping around."""
        if self.state is None:
            return
        ds = self.state.plan.disagreements
        for k in range(1, len(ds) + 1):
            i = (self.current + direction * k) % len(ds)
            if not ds[i].settled:
                self.current = i
                self.dock.select(i)
                self._show_current()
                return
        self._show_current()
        if ds:
            self.message.emit(tr("Every disagreement in this article is settled."))

    # --- taking a version -------------------------------------------------------------------
    def take(self, version: int) -> None:
        d = self._disagreement()
        if d is None or self.state is None:
            return
        if version >= len(d.versions):
            self.message.emit(
                tr("This disagreement has only {count} versions (A–{value}).").format(
                    count=len(d.versions), value=LETTERS[len(d.versions) - 1]
                )
            )
            return
        chosen = d.versions[version] if version >= 0 else None
        tags = {lab.tag: lab.id for lab in self.session.labels}
        by_tag = {lab.id: lab.tag for lab in self.session.labels}
        gold = [Span(a.start, a.end, by_tag.get(a.label_id, "?")) for a in self.state.gold_layer]
        add, remove = take(d, chosen, gold, self.state.plan.agreed)
        removed = set(remove)
        remove_ann = [a for a in self.state.gold_layer if Span(a.start, a.end, by_tag.get(a.label_id, "?")) in removed]
        text = self.editor.article.text if self.editor.article else None
        add_ann = gold_annotations(
            self.session.corpus, self.article_id, self.gold, [s for s in add if s.label in tags], text
        )
        what = (
            tr("version {value} ({join})").format(value=LETTERS[version], join=", ".join(chosen.analysts))
            if chosen
            else tr("no span")
        )
        from annotator.store.analyst_layers import decided

        was = (d.start, d.end) in decided(self.session.corpus.db, self.article_id, self.gold)
        completes = not d.settled and self.state.plan.open == 1
        if self.editor.run(Settle(self.session, self.article_id, self.gold, d, add_ann, remove_ann, was,
                                  tr("Take {what} into {gold}").format(what=what, gold=self.gold), completes)):
            self.refresh(show=False)
            self.step(1)
