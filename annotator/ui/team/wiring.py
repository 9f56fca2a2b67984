"""Puts Team › Agreement and Team › Adjudicate into the main window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.ui.i18n import tr
from annotator.ui.search.controller import open_at
from annotator.ui.team.adjudication import AdjudicationController
from annotator.ui.team.agreement_dock import AgreementController


def attach_team(window) -> tuple[AgreementController, AdjudicationController]:
    session, editor = window.session, window.editor

    def show_at(article_id: int, start: int, end: int) -> None:
        if not open_at(session, editor, window.open_article, article_id, start, end):
            window.status.showMessage(tr("That article is no longer in the corpus."), 5000)

    agreement = AgreementController(session, show_at, window)
    adjudication = AdjudicationController(session, editor, window.undo_stack, window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, agreement.dock)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, adjudication.dock)
    window.tabifyDockWidget(window.consistency.dock, agreement.dock)
    window.tabifyDockWidget(window.annotation_dock, adjudication.dock)  # beside the text, full height
    for part in (agreement, adjudication):
        part.message.connect(lambda m: window.status.showMessage(m, 6000))
        part.error.connect(window._show_error)
        part.dock.addActions([window.window_actions.undo, window.window_actions.redo])
    window.window_actions.agreement.triggered.connect(agreement.show)
    window.window_actions.adjudicate.triggered.connect(adjudication.start)
    return agreement, adjudication

