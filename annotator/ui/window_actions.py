"""The window's QActions and menus, made from the declared commands (``ui/actions.py``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from annotator.core.model import Label
from annotator.ui.actions import ALWAYS, ARTICLE, MENUS, SPAN, SPECS, plain
from annotator.ui.i18n import tr


def label_swatch(colour: str, size: int = 14) -> QIcon:
    """A small square of a label's colour, for menus."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    p = QPainter(pixmap)
    p.setPen(QColor(colour).darker(140))
    p.setBrush(QColor(colour))
    p.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    p.end()
    return QIcon(pixmap)


class WindowActions:
    """One QAction per spec (``window_actions.snap``, ``window_actions["snap"]``) and one per label."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.by_id: dict[str, QAction] = {}
        for spec in SPECS:
            action = QAction(tr(spec.text), window)
            action.setObjectName(f"action_{spec.id}")
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
            action.setToolTip(tr(spec.tip))
            action.setStatusTip(tr(spec.tip))
            if spec.short:
                action.setIconText(tr(spec.short))
            if spec.checkable:
                action.setCheckable(True)
                action.setChecked(spec.checked)
            window.addAction(action)  # shortcuts work even when the menu bar is hidden
            self.by_id[spec.id] = action
            if spec.on_text:
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # see attach_text
        self.label_actions: list[QAction] = []

    def attach_text(self, pane: QWidget) -> None:
        """Give the commands whose keys act only in the text (Tab, Enter, X) to the text pane."""
        for spec in SPECS:
            if spec.on_text:
                self.window.removeAction(self.by_id[spec.id])
                pane.addAction(self.by_id[spec.id])

    def __getattr__(self, name: str) -> QAction:
        by_id = self.__dict__.get("by_id", {})
        if name in by_id:
            return by_id[name]
        raise AttributeError(name)

    def __getitem__(self, ident: str) -> QAction:
        return self.by_id[ident]

    def all(self) -> list[QAction]:
        """Every action, in menu order, the labels' after the others."""
        return [self.by_id[s.id] for s in sorted(SPECS, key=lambda s: MENUS.index(s.menu))] + self.label_actions

    def update_enabled(self, *, has_article: bool, has_span: bool) -> None:
        state = {ALWAYS: True, ARTICLE: has_article, SPAN: has_span}
        for spec in SPECS:
            if spec.enabled_when != ALWAYS:
                self.by_id[spec.id].setEnabled(state[spec.enabled_when])

    def set_labels(self, labels: list[Label], trigger) -> None:
        """Rebuild one action per label, with its colour swatch and its hotkey as shortcut."""
        for action in self.label_actions:
            self.window.removeAction(action)
            action.deleteLater()
        self.label_actions = []
        for lab in labels:
            action = QAction(lab.name, self.window)
            action.setObjectName(f"labelAction_{lab.tag}")
            action.setIcon(label_swatch(lab.colour))
            action.setIconVisibleInMenu(True)
            if lab.hotkey:
                action.setShortcut(QKeySequence(lab.hotkey))
            action.setToolTip(tr("Label the selection (or relabel the selected span) as {name}").format(name=lab.name))
            action.triggered.connect(lambda _=False, ident=lab.id: trigger(ident))
            self.window.addAction(action)
            self.label_actions.append(action)

    def build_menus(self, recent_menu: QMenu, docks: list[QAction]) -> QMenu:
        """Fill the menu bar from the specs; returns the Label menu, which is rebuilt as labels change."""
        bar = self.window.menuBar()
        menus = {title: bar.addMenu(tr(title)) for title in MENUS}
        for title, menu in menus.items():  # found by name, whatever the language shows
            menu.setObjectName("menu" + plain(title).replace(" ", ""))
        self.menus = menus
        last_section: dict[str, int] = {}
        for spec in SPECS:
            menu = menus[spec.menu]
            if spec.menu in last_section and spec.section != last_section[spec.menu]:
                menu.addSeparator()
            last_section[spec.menu] = spec.section
            menu.addAction(self.by_id[spec.id])
            if spec.id == "open_corpus":
                menu.addMenu(recent_menu)
        menus["&View"].addSeparator()
        menus["&View"].addActions(docks)
        for spec in SPECS:
            if spec.also_in:
                menus[spec.also_in].addSeparator()
                menus[spec.also_in].addAction(self.by_id[spec.id])
        return menus["&Label"]

    def fill_label_menu(self, menu: QMenu) -> None:
        menu.clear()
        menu.addActions(self.label_actions)
        menu.addSeparator()
        menu.addAction(self.manage_labels)

    def menu_path(self, action: QAction) -> str | None:
        """Where an action lives in the menu bar, as "File › Export dataset", or None."""
        for menu in self.window.menuBar().findChildren(QMenu):
            if action in menu.actions():
                names = [action.text()]
                while isinstance(menu, QMenu):
                    names.insert(0, menu.title())
                    menu = menu.parent()
                return " › ".join(n.replace("&", "").rstrip("…") for n in names)
        return None

    def hint_places(self) -> tuple[str, str]:
        """Where review and export live, in the words of the first-run hint (follows the real menus)."""
        action = self.review
        place = self.menu_path(action)
        if place:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            review = tr("<i>{place}</i>{value} looks back over every label in the corpus;").format(
                place=place, value=f" ({keys})" if keys else ""
            )
        else:
            review = tr("The Annotations list on the right reviews this article's spans;")
        export = tr("<i>{value}</i> writes a dataset.").format(
            value=self.menu_path(self.export) or tr("File › Export dataset")
        )
        return review, export
