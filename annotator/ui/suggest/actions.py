"""The suggestion commands, as the suggestion controller uses them. They are declared with every
other command in ``ui/actions.py`` (the Suggestions menu, View › Show suggestions, the keyboard
table); the keys that move through and accept suggestions (Tab, Shift+Tab, Enter, X) act only
while the text has the focus, so they never take Tab from a list, a filter box or a dialog."""

from __future__ import annotations

from PySide6.QtGui import QAction


class SuggestionActions:
    def __init__(self, window_actions) -> None:
        a = window_actions
        self.next, self.previous = a.suggest_next, a.suggest_previous
        self.accept, self.reject, self.accept_all = a.suggest_accept, a.suggest_reject, a.suggest_accept_all
        self.show, self.own_only, self.least_sure = a.show_suggestions, a.suggest_own_only, a.suggest_least_sure
        self.train_now, self.stop_training, self.retrain_every = a.train_now, a.stop_training, a.retrain_every

    def all(self) -> list[QAction]:
        return [v for v in vars(self).values() if isinstance(v, QAction)]
