"""The label set manager: add, rename, recolour, set hotkey, reorder, delete.

The dialog only asks: every change is a request that the editor turns into an undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Label
from annotator.store.labels import make_tag
from annotator.ui.i18n import tr
from annotator.ui.models.label_list import LabelListModel
from annotator.ui.session import CorpusSession
from annotator.ui.widgets.colours import text_colour_style

SUGGESTED_COLOURS = (
    "#8e44ad", "#c0392b", "#16a085", "#d35400", "#2c3e50", "#f1c40f", "#7f8c8d", "#e84393", "#00a8ff",
)


class LabelManagerDialog(QDialog):
    add_requested = Signal(object)  # Label
    update_requested = Signal(object, object)  # old Label, new Label
    delete_requested = Signal(object)  # Label
    reorder_requested = Signal(list)  # label ids

    def __init__(self, session: CorpusSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelManager")
        self.setWindowTitle(tr("Label set"))
        self.setMinimumSize(620, 360)
        self.session = session
        self.model = LabelListModel(session.labels, self)
        self.model.reorder_requested.connect(self.reorder_requested)

        self.list = QListView(self)
        self.list.setObjectName("labelList")
        self.list.setModel(self.model)
        self.list.setMinimumWidth(260)
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._load_form())

        self.add_button = self._button("addLabel", tr("&Add"), tr("Add a new label"), self._add)
        self.delete_button = self._button("deleteLabel", tr("&Delete…"), tr("Delete the selected label"), self._delete)
        self.up_button = self._button(
            "moveLabelUp", tr("Move &up"), tr("Move the label up (Alt+Up)"), lambda: self._move(-1)
        )
        self.down_button = self._button(
            "moveLabelDown", tr("Move do&wn"), tr("Move the label down (Alt+Down)"), lambda: self._move(1)
        )
        QShortcut(QKeySequence("Alt+Up"), self, lambda: self._move(-1))
        QShortcut(QKeySequence("Alt+Down"), self, lambda: self._move(1))

        self.name = QLineEdit(self, objectName="labelName", placeholderText=tr("Shown in the app"))
        self.tag = QLineEdit(self, objectName="labelTag", placeholderText=tr("Written to exports, e.g. LOCATION"))
        self.colour = QPushButton(self, objectName="labelColour", toolTip=tr("Choose the label's colour"))
        self.colour.setAutoDefault(False)  # Enter in a field applies it; it never opens the colour picker
        self.colour.clicked.connect(self._pick_colour)
        self.hotkey = QComboBox(self, objectName="labelHotkey")
        self.hotkey.addItem(tr("None"), None)
        for key in "123456789":
            self.hotkey.addItem(key, key)
        self.apply_button = self._button("applyLabel", tr("A&pply"), tr("Save the changes to this label"), self._apply)
        self.error = QLabel(self, objectName="labelError")
        self.error.setStyleSheet(text_colour_style(self, "#c0392b"))
        self.error.setWordWrap(True)
        self._colour_value = "#777777"
        self._tag_follows = False  # the tag is made from the name as it is typed
        self.name.textEdited.connect(self._name_edited)
        self.tag.textEdited.connect(self._tag_edited)
        for field in (self.name, self.tag):
            field.returnPressed.connect(self._apply)
        self.hotkey.currentIndexChanged.connect(lambda _: self._dirty())

        form = QFormLayout()
        form.addRow(tr("&Name:"), self.name)
        form.addRow(tr("&Tag:"), self.tag)
        form.addRow(tr("&Colour:"), self.colour)
        form.addRow(tr("&Hotkey:"), self.hotkey)
        form.addRow("", self.apply_button)
        form.addRow(self.error)

        side = QVBoxLayout()
        for b in (self.add_button, self.delete_button, self.up_button, self.down_button):
            side.addWidget(b)
        side.addStretch()
        left = QHBoxLayout()
        left.addWidget(self.list)
        left.addLayout(side)
        top = QHBoxLayout()
        top.addLayout(left, 3)
        top.addSpacing(12)
        top.addLayout(form, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)  # Enter applies a field
        buttons.rejected.connect(self.reject)
        note = QLabel(tr("Changes are saved at once and can be undone with Ctrl+Z."), self)
        note.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(buttons)
        session.labels_changed.connect(self._labels_changed)
        self._select_row(0)

    def _button(self, name: str, text: str, tip: str, slot) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setToolTip(tip)
        b.setAutoDefault(False)
        b.clicked.connect(slot)
        return b

    # --- state -----------------------------------------------------------------------
    def current(self) -> Label | None:
        return self.model.label(self.list.currentIndex().row())

    def _select_row(self, row: int) -> None:
        if self.model.rowCount():
            row = max(0, min(row, self.model.rowCount() - 1))
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._load_form()

    def _labels_changed(self) -> None:
        current = self.current()
        self.model.set_labels(self.session.labels)
        row = self.model.row_of(current.id) if current else None
        self._select_row(row if row is not None else 0)

    def _load_form(self) -> None:
        lab = self.current()
        for w in (self.name, self.tag, self.colour, self.hotkey, self.delete_button, self.up_button, self.down_button):
            w.setEnabled(lab is not None)
        self.error.clear()
        if lab is None:
            return
        self.name.setText(lab.name)
        self.tag.setText(lab.tag)
        self._set_colour(lab.colour)
        self.hotkey.setCurrentIndex(max(0, self.hotkey.findData(lab.hotkey)))
        self.apply_button.setEnabled(False)
        # A label nothing carries yet, whose tag is still the one made from its name: the tag follows
        # the name (renaming "New label 1" to Person makes it PERSON) until the tag is typed by hand.
        self._tag_follows = lab.tag == make_tag(lab.name) and not self.session.corpus.labels.usage(lab.id)

    def _name_edited(self, text: str) -> None:
        if self._tag_follows:
            self.tag.setText(make_tag(text))
        self._dirty()

    def _tag_edited(self, _text: str) -> None:
        self._tag_follows = False
        self._dirty()

    def _set_colour(self, colour: str) -> None:
        self._colour_value = colour
        self.colour.setText(colour)
        self.colour.setStyleSheet(f"QPushButton {{ background: {colour}; color: white; padding: 4px 12px; }}")

    def _dirty(self) -> None:
        self.apply_button.setEnabled(self.current() is not None)

    def _form_label(self) -> Label | None:
        lab = self.current()
        if lab is None:
            return None
        tag = self.tag.text().strip() or make_tag(self.name.text())
        return lab.with_changes(
            name=self.name.text().strip(), tag=tag, colour=self._colour_value, hotkey=self.hotkey.currentData()
        )

    # --- requests ----------------------------------------------------------------------
    def _apply(self) -> None:
        old, new = self.current(), self._form_label()
        if old is None or new == old:
            return
        clash = next((lab for lab in self.session.labels if lab.id != old.id and lab.tag == new.tag), None)
        if clash is not None:
            self.show_error(
                tr(
                    "The label “{name}” already has the tag {tag}. Exports write spans by their tag, so two labels "
                    "with one tag would merge into one in every dataset: choose another tag."
                ).format(name=clash.name, tag=new.tag)
            )
            self.tag.setFocus()
            self.tag.selectAll()
            return
        self.error.clear()
        self.update_requested.emit(old, new)

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self._colour_value), self, tr("Label colour"))
        if colour.isValid():
            self._set_colour(colour.name())
            self._apply()

    def _add(self) -> None:
        labels = self.session.labels
        used_names = {lab.name for lab in labels}
        used_tags = {lab.tag for lab in labels}
        n = 1
        while f"New label {n}" in used_names or make_tag(tr("New label {n}").format(n=n)) in used_tags:
            n += 1
        used_keys = {lab.hotkey for lab in labels}
        used_colours = {lab.colour.lower() for lab in labels}
        colour = next((c for c in SUGGESTED_COLOURS if c not in used_colours), SUGGESTED_COLOURS[0])
        key = next((k for k in "123456789" if k not in used_keys), None)
        name = tr("New label {n}").format(n=n)
        before = self.model.rowCount()
        self.add_requested.emit(Label(None, name, make_tag(name), colour, key))
        if self.model.rowCount() > before:  # added: edit its name straight away
            self._select_row(self.model.rowCount() - 1)
            self.name.setFocus()
            self.name.selectAll()

    def _delete(self) -> None:
        lab = self.current()
        if lab is None:
            return
        used = self.session.corpus.labels.usage(lab.id)
        text = tr("Delete the label “{name}”?").format(name=lab.name)
        if used:
            text += tr("\n\n%n annotation(s) carry it and will be deleted with it.", None, used)
        text += tr("\n\nYou can undo this with Ctrl+Z.")
        answer = QMessageBox.question(
            self,
            tr("Delete label"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_requested.emit(lab)

    def _move(self, step: int) -> None:
        self.model.move(self.list.currentIndex().row(), step)



