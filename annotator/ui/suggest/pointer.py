"""What the pointer shows of a suggestion: its tooltip and its right-click menu."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import QMenu

from annotator.suggest.model import Suggestion
from annotator.ui.i18n import tr


def suggestion_menu(controller: Any) -> QMenu:
    """Accept the selected suggestion (with its label or any other) or reject it."""
    c = controller
    menu = QMenu(c.pane)
    menu.setObjectName("suggestionMenu")
    s = c.selected
    label = c._label_for(s.tag) if s else None
    text = tr("Accept as {name}").format(name=label.name) if label else tr("Accept")
    accept = menu.addAction(text, lambda: c.accept())
    accept.setShortcut(c.actions.accept.shortcut())
    other = menu.addMenu(tr("Accept as"))
    for lab in c.session.labels:
        action = other.addAction(lab.name, lambda ident=lab.id: c.accept(ident))
        if lab.hotkey:
            action.setShortcut(lab.hotkey)
    menu.addAction(c.actions.reject)
    menu.addSeparator()
    menu.addAction(c.actions.accept_all)
    return menu


def suggestion_tooltip(s: Suggestion, label: Any, text: str) -> str:
    """Which label, from where, how sure, and the keys."""
    colour = label.colour if label else "#777"
    names = {"dictionary": tr("the dictionary of labelled texts"), "model": tr("the trained model")}
    source = tr(" and ").join(names.get(part, part) for part in s.source.split(" + "))
    sure = (
        tr("confidence not given")
        if s.confidence is None
        else tr("{confidence:.0%} sure").format(confidence=s.confidence)
    )
    return tr(
        "<b style='color:{colour}'>┅</b> Suggested {escape}: {escape2}<br><i>from {escape3}, {sure}</i><br>Tab "
        "selects it · Enter accepts · X rejects"
    ).format(
        colour=colour,
        escape=html.escape(label.name if label else s.tag),
        escape2=html.escape(text),
        escape3=html.escape(source),
        sure=sure,
    )
