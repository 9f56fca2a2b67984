"""The suggestion commands as actions. The keys that move through and accept suggestions (Tab,
Shift+Tab, Enter, X) act only while the text has the focus, so they never take Tab from a list,
a filter box or a dialog; the menus show them all the same."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from annotator.ui.i18n import tr


class SuggestionActions:
    def __init__(self, window: QWidget, pane: QWidget) -> None:
        def act(text: str, keys: list[str], tip: str, *, on_pane: bool = False) -> QAction:
            action = QAction(text, window)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setToolTip(tip)
            action.setStatusTip(tip)
            if on_pane:
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                pane.addAction(action)
            else:
                window.addAction(action)
            return action

        self.next = act(tr("&Next suggestion"), ["Tab"], tr("Select the next suggestion in the text"), on_pane=True)
        self.previous = act(
            tr("&Previous suggestion"), ["Shift+Tab"], tr("Select the previous suggestion in the text"), on_pane=True
        )
        self.accept = act(
            tr("&Accept suggestion"),
            ["Return", "Enter"],
            tr("Label the selected suggestion with its label (a label key labels it with that label)"),
            on_pane=True,
        )
        self.reject = act(
            tr("&Reject suggestion"),
            ["X"],
            tr("Not a mention: the suggestion is not offered again at this place"),
            on_pane=True,
        )
        self.accept_all = act(
            tr("Accept a&ll suggestions in this article"),
            ["Ctrl+Shift+Return"],
            tr("Label every suggestion of this article in one step (one undo takes them all back)"),
        )
        self.show = act(
            tr("Show &suggestions"),
            ["Ctrl+Shift+G"],
            tr("Show what the dictionary of your labels and the trained model suggest, as dashed outlines"),
        )
        self.show.setCheckable(True)
        self.show.setChecked(True)
        self.train_now = act(
            tr("&Train model now"), [], tr("Train the suggestion model from your finished articles, in the background")
        )
        self.stop_training = act(
            tr("&Stop training"), [], tr("Stop the training that is running; the current model stays")
        )
        self.retrain_every = act(tr("Retrain &every…"), [], tr("How many newly finished articles start a new training"))
        self.least_sure = act(
            tr("Next article: &least sure first"),
            [],
            tr("Next article opens the unfinished article the model is least sure about (active learning)"),
        )
        self.least_sure.setCheckable(True)
        self.own_only = act(
            tr("Suggest from &my labels only"),
            [],
            tr("The dictionary holds only your own labels (as in blind labelling), not every analyst's"),
        )
        self.own_only.setCheckable(True)

    def build_menus(self, bar, view: QMenu | None, before) -> QMenu:
        """A Suggestions menu (inserted before ``before``), and Show suggestions in View."""
        menu = QMenu(tr("Suggest&ions"), bar)
        menu.setObjectName("suggestionsMenu")
        menu.addActions([self.next, self.previous, self.accept, self.reject, self.accept_all])
        menu.addSeparator()
        menu.addActions([self.show, self.own_only, self.least_sure])
        menu.addSeparator()
        menu.addActions([self.train_now, self.stop_training, self.retrain_every])
        bar.insertMenu(before, menu)
        if view is not None:
            view.addSeparator()
            view.addAction(self.show)
        return menu

    def all(self) -> list[QAction]:
        return [v for v in vars(self).values() if isinstance(v, QAction)]
