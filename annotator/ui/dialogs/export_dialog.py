"""File › Export dataset: choose a format, where to write, which articles and spans, and a split.

The dialog only asks. Its Export button emits ``export_requested`` with an ``ExportChoice``;
``ui/corpus_files.py`` runs the export (with a progress dialog) and closes the dialog once it
succeeded, so a path that cannot be written can be corrected here. Every choice is remembered
in the user's settings for the next export.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Status
from annotator.core.text import holds_other_files
from annotator.formats.dataset import SPLIT_NAMES, ExportOptions, check_split
from annotator.formats.registry import EXPORTERS, Exporter
from annotator.formats.sinks import MARKER, other_files_message, part_path
from annotator.store import Corpus
from annotator.store.health import is_corpus_file
from annotator.ui import file_dialogs
from annotator.ui import settings as keys
from annotator.ui.i18n import QT_TR_NOOP, status_name, tr
from annotator.ui.widgets.colours import text_colour_style

OFFSET_NAMES = {
    "utf16": QT_TR_NOOP("UTF-16 code units (what doccano counts)"),
    "codepoints": QT_TR_NOOP("Code points (Python's text[start:end])"),
}
SPLIT_PART_NAMES = {"train": QT_TR_NOOP("Train"), "dev": QT_TR_NOOP("Dev"), "test": QT_TR_NOOP("Test")}
DEFAULT_SPLIT = (80, 10, 10)


@dataclass(frozen=True)
class ExportChoice:
    format: str
    path: Path
    options: ExportOptions


class CheckList(QListView):
    """A short list of checkable items; all checked means no filter."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setMinimumHeight(96)
        self.setUniformItemSizes(True)
        self.setIconSize(QSize(12, 12))

    def add(self, key: str, text: str, checked: bool, colour: str | None = None) -> None:
        item = QStandardItem(text)
        item.setData(key, Qt.ItemDataRole.UserRole)
        item.setCheckable(True)
        item.setEditable(False)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if colour:
            item.setData(QColor(colour), Qt.ItemDataRole.DecorationRole)
        self.model_.appendRow(item)

    def items(self) -> list[QStandardItem]:
        return [self.model_.item(row) for row in range(self.model_.rowCount())]

    def keys(self, checked: bool) -> list[str]:
        want = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return [i.data(Qt.ItemDataRole.UserRole) for i in self.items() if i.checkState() == want]

    def set_checked(self, key: str, checked: bool) -> None:
        for item in self.items():
            if item.data(Qt.ItemDataRole.UserRole) == key:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class ExportDialog(QDialog):
    export_requested = Signal(object)  # ExportChoice

    def __init__(self, corpus: Corpus, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(tr("Export dataset"))
        self.setMinimumWidth(600)
        self.settings = settings
        self.corpus = corpus
        self._corpus_key = keys.corpus_key(corpus.path)
        self._confirmed_path: str | None = None  # a path the file dialog already asked about
        self._corpus_path = corpus.path

        # --- format and output
        self.format = QComboBox(self, objectName="exportFormat")
        for exp in EXPORTERS.values():
            named = exp.name.lower() in exp.description.lower().replace(" ", "")
            self.format.addItem(tr(exp.description) if named else f"{tr(exp.description)} ({exp.name})", exp.name)
        self.format.setToolTip(tr("The dataset format; below it, what the format keeps and what it loses"))
        self.about_format = QLabel(self, objectName="formatKeeps")
        self.about_format.setWordWrap(True)
        self.about_format.setTextFormat(Qt.TextFormat.RichText)
        self.path = QLineEdit(self, objectName="exportPath")
        self.path.setClearButtonEnabled(True)
        self.path.textEdited.connect(lambda _: self._clear_error())
        self.browse = QPushButton(tr("&Browse…"), self, objectName="exportBrowse")
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        self.offsets = QComboBox(self, objectName="exportOffsets")
        self.offsets.setToolTip(tr("How this format counts character positions"))
        self.offsets_label = QLabel(tr("&Offsets:"), self)
        self.offsets_label.setBuddy(self.offsets)

        format_column = QVBoxLayout()
        format_column.setSpacing(4)
        format_column.addWidget(self.format)
        format_column.addWidget(self.about_format)
        top = QFormLayout()
        top.addRow(self._buddy(tr("&Format:"), self.format), format_column)
        path_label = self._buddy(tr("&Save to:"), self.path)
        top.addRow(path_label, path_row)
        top.addRow(self.offsets_label, self.offsets)
        self._top = top

        # --- filters
        self.statuses: dict[str, QCheckBox] = {}
        status_row = QHBoxLayout()
        for status in Status:
            box = QCheckBox(status_name(status), self, objectName=f"status_{status.value}")
            box.setChecked(True)
            box.setToolTip(
                tr("Export articles {lower} for you (each analyst has their own status)").format(
                    lower=status_name(status).lower()
                )
            )
            box.toggled.connect(lambda _: self._update_unannotated())
            self.statuses[status.value] = box
            status_row.addWidget(box)
        status_row.addStretch(1)
        self.labels = CheckList("labelFilter", self)
        self.labels.setToolTip(tr("Export spans with the checked labels"))
        for label in corpus.labels.list():
            self.labels.add(
                label.tag, f"{label.name}  ({label.tag})" if label.name != label.tag else label.tag, True, label.colour
            )
        self.annotators = CheckList("annotatorFilter", self)
        self.annotators.setToolTip(tr("Export spans by the checked annotators"))
        for name in corpus.annotations.annotators():
            self.annotators.add(name, name, True)
        lists = QHBoxLayout()
        for title, view in ((tr("&Labels"), self.labels), (tr("&Annotators"), self.annotators)):
            column = QVBoxLayout()
            caption = QLabel(title, self)
            caption.setBuddy(view)
            column.addWidget(caption)
            column.addWidget(view)
            lists.addLayout(column)
        filters = QGroupBox(tr("Articles and spans"), self)
        filters_layout = QVBoxLayout(filters)
        filters_layout.addLayout(status_row)
        filters_layout.addLayout(lists)
        self.unannotated = QLabel(self, objectName="exportUnannotated")
        self.unannotated.setWordWrap(True)
        self.unannotated.hide()
        filters_layout.addWidget(self.unannotated)

        # --- split
        self.split_on = QCheckBox(tr("S&plit into train, dev and test files"), self, objectName="splitEnabled")
        self.split_on.setToolTip(tr("Shuffle the articles with the seed and write one part per file (or folder)"))
        self.split_parts: dict[str, QSpinBox] = {}
        split_row = QHBoxLayout()
        for name, default in zip(SPLIT_NAMES, DEFAULT_SPLIT, strict=True):
            spin = QSpinBox(self, objectName=f"split_{name}")
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            spin.setValue(default)
            spin.valueChanged.connect(lambda _: self._clear_error())
            self.split_parts[name] = spin
            split_row.addWidget(QLabel(tr(SPLIT_PART_NAMES[name]), self))
            split_row.addWidget(spin)
        self.seed = QSpinBox(self, objectName="splitSeed")
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(tr("The same seed always gives the same parts"))
        split_row.addSpacing(12)
        split_row.addWidget(QLabel(tr("Seed"), self))
        split_row.addWidget(self.seed)
        split_row.addStretch(1)
        split_box = QGroupBox(tr("Split"), self)
        split_layout = QVBoxLayout(split_box)
        split_layout.addWidget(self.split_on)
        split_layout.addLayout(split_row)
        self.split_on.toggled.connect(self._split_toggled)

        # --- error and buttons
        self.error = QLabel(self, objectName="exportError")
        self.error.setStyleSheet(text_colour_style(self, "#c0392b"))
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self._export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(filters)
        layout.addWidget(split_box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self._previous_format = ""
        self.format.currentIndexChanged.connect(lambda _: self._format_changed())
        self._restore()

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

    # --- state -------------------------------------------------------------------------------
    @property
    def exporter(self) -> Exporter:
        return EXPORTERS[self.format.currentData()]

    def _format_changed(self) -> None:
        exp = self.exporter
        self.about_format.setText(
            tr("<span style='color:#555'><b>Keeps</b> {value}.<br><b>Loses</b> {value2}.</span>").format(
                value=tr(exp.keeps) if exp.keeps else "—", value2=tr(exp.loses) if exp.loses else tr("nothing")
            )
        )
        self.offsets.clear()
        for unit in exp.offsets:
            self.offsets.addItem(tr(OFFSET_NAMES[unit]) if unit in OFFSET_NAMES else unit, unit)
        remembered = keys.EXPORT_OFFSETS.at(exp.name).read(self.settings)
        if remembered in exp.offsets:
            self.offsets.setCurrentIndex(exp.offsets.index(remembered))
        self._top.setRowVisible(self.offsets, bool(exp.offsets))
        self.path.setText(self._path_for(self.path.text(), self._previous_format, exp))
        self.browse.setToolTip(
            tr("Choose a folder (or type a name ending in .zip)") if exp.folder else tr("Choose the file to write")
        )
        self.path.setPlaceholderText(
            tr("A new or empty folder, or a .zip file")
            if exp.folder
            else tr("A {extension} file").format(extension=exp.extension)
        )
        self._previous_format = exp.name
        self._clear_error()

    @staticmethod
    def _path_for(text: str, old_format: str, exp: Exporter) -> str:
        """The path with the extension of the new format, when it had the old one's."""
        if not text.strip():
            return str(Path.home() / f"annotations{exp.extension}")
        path = Path(text.strip())
        old = EXPORTERS.get(old_format)
        if old is None:
            return str(path)
        if old.folder:
            stem = path.with_suffix("") if path.suffix.lower() == ".zip" else path
            if exp.folder:
                return str(path)
            return str(stem.with_name(stem.name + exp.extension))
        if old.extension and path.suffix.lower() == old.extension:
            return str(path.with_suffix(exp.extension))
        return str(path)

    def _split_toggled(self, on: bool) -> None:
        for spin in (*self.split_parts.values(), self.seed):
            spin.setEnabled(on)
        self._clear_error()

    def _clear_error(self) -> None:
        self.error.hide()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    # --- browsing ---------------------------------------------------------------------------
    def _browse(self) -> None:
        exp = self.exporter
        current = self.path.text().strip() or str(Path.home())
        if exp.folder:
            start = current if Path(current).is_dir() else str(Path(current).parent)
            chosen = file_dialogs.existing_directory(self, tr("Export to folder"), start)
        else:
            chosen = file_dialogs.save_file_name(
                self,
                tr("Export to file"),
                current,
                tr("{description} (*{extension});;All files (*)").format(
                    description=tr(exp.description), extension=exp.extension
                ),
            )
            if chosen and exp.extension and not Path(chosen).suffix:
                chosen += exp.extension
            self._confirmed_path = chosen or None  # the file dialog asked before replacing it
        if chosen:
            self.path.setText(chosen)
            self._clear_error()

    # --- the choice -----------------------------------------------------------------------------
    def choice(self) -> ExportChoice:
        """What the dialog says now; raises ValueError with a message to show."""
        exp = self.exporter
        text = self.path.text().strip()
        if not text:
            raise ValueError(tr("Choose where to save the export."))
        path = Path(text).expanduser()
        if not path.parent.is_dir():
            raise ValueError(tr("The folder {parent} does not exist.").format(parent=path.parent))
        if self._corpus_path is not None and is_corpus_file(path, self._corpus_path):
            raise ValueError(
                tr(
                    "{path} is the open corpus (or one of its SQLite files): choose another name for the export."
                ).format(path=path)
            )
        if exp.folder and path.suffix.lower() != ".zip":
            if path.exists() and not path.is_dir():
                raise ValueError(
                    tr("{path} is a file; the {name} format writes a folder (or a name ending in .zip).").format(
                        path=path, name=exp.name
                    )
                )
            if holds_other_files(path, MARKER):
                raise ValueError(other_files_message(path))
        elif path.is_dir():
            raise ValueError(
                tr("{path} is a folder; the {name} format writes a file.").format(path=path, name=exp.name)
            )
        statuses = [s for s, box in self.statuses.items() if box.isChecked()]
        if not statuses:
            raise ValueError(tr("Choose at least one status."))
        labels = self.labels.keys(checked=True)
        if not labels:
            raise ValueError(tr("Choose at least one label."))
        annotators = self.annotators.keys(checked=True)
        if self.annotators.items() and not annotators:
            raise ValueError(tr("Choose at least one annotator."))
        split: tuple[int, ...] = ()
        if self.split_on.isChecked():
            split = check_split(spin.value() for spin in self.split_parts.values())
        return ExportChoice(
            format=exp.name,
            path=path,
            options=ExportOptions(
                statuses=frozenset() if len(statuses) == len(self.statuses) else frozenset(statuses),
                labels=frozenset() if not self.labels.keys(checked=False) else frozenset(labels),
                annotators=frozenset() if not self.annotators.keys(checked=False) else frozenset(annotators),
                split=split,
                seed=self.seed.value(),
                offsets=self.offsets.currentData() if exp.offsets else None,
            ),
        )

    def _export(self) -> None:
        try:
            choice = self.choice()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        path = choice.path
        if self.exporter.folder or not choice.options.split:
            targets = [path]
        else:  # one file per part: name.train.ext, name.dev.ext...
            targets = [part_path(path, part) for part in SPLIT_NAMES[: len(choice.options.split)]]
        # an empty folder is simply used
        existing = [t for t in targets if t.is_file() or (t.is_dir() and any(t.iterdir()))]
        if existing and str(path) != self._confirmed_path:
            what = "folder" if existing[0].is_dir() else "file" if len(existing) == 1 else "files"
            names = ", ".join(t.name for t in existing)
            exist = tr("already exists") if len(existing) == 1 else tr("already exist")
            them = "it" if len(existing) == 1 else "them"
            answer = QMessageBox.question(
                self,
                tr("Replace {what}?").format(what=what),
                tr("{names} {exist}. Replace {them} with this export?").format(names=names, exist=exist, them=them),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._save()
        self.export_requested.emit(choice)

    # --- settings ---------------------------------------------------------------------------------
    def _restore(self) -> None:
        s = self.settings
        name = keys.EXPORT_FORMAT.read(s)
        index = self.format.findData(name)
        self.path.setText(keys.EXPORT_PATH.at(self._corpus_key).read(s))
        self._previous_format = name if index >= 0 else ""
        if index > 0:
            self.format.setCurrentIndex(index)  # fills the rest through _format_changed
        else:
            self.format.setCurrentIndex(max(index, 0))
            self._format_changed()
        checked = keys.EXPORT_STATUSES.read(s) or self._default_statuses()
        for value, box in self.statuses.items():
            box.setChecked(value in checked)
        for tag in keys.EXPORT_EXCLUDED_LABELS.read(s):
            self.labels.set_checked(tag, False)
        for who in keys.EXPORT_EXCLUDED_ANNOTATORS.read(s):
            self.annotators.set_checked(who, False)
        split = [int(p) for p in keys.EXPORT_SPLIT.read(s) if p.isdigit()]
        for spin, value in zip(self.split_parts.values(), split if len(split) == 3 else DEFAULT_SPLIT, strict=True):
            spin.setValue(value)
        self.seed.setValue(keys.EXPORT_SEED.read(s))
        on = keys.EXPORT_SPLIT_ON.read(s)
        self.split_on.setChecked(on)
        self._split_toggled(on)
        self._update_unannotated()

    def _default_statuses(self) -> list[str]:
        """Done articles; in progress ones too while nothing is done yet."""
        if self.corpus.articles.count(status=Status.DONE):
            return [Status.DONE.value]
        return [Status.DONE.value, Status.IN_PROGRESS.value]

    def _update_unannotated(self) -> None:
        chosen = [v for v, box in self.statuses.items() if box.isChecked()]
        count = self.corpus.articles.count_unannotated(chosen) if chosen else 0
        if count:
            self.unannotated.setText(
                tr(
                    "%Ln of the chosen articles [has|have] no annotations: token formats (spaCy, Prodigy, CoNLL, "
                    "Hugging Face) "
                    "write [it|them] with every token O, as text with nothing to find.",
                    None,
                    count,
                )
            )
        self.unannotated.setVisible(bool(count))

    def _save(self) -> None:
        s = self.settings
        keys.EXPORT_FORMAT.write(s, self.exporter.name)
        keys.EXPORT_PATH.at(self._corpus_key).write(s, self.path.text().strip())
        keys.EXPORT_STATUSES.write(s, [v for v, box in self.statuses.items() if box.isChecked()])
        keys.EXPORT_EXCLUDED_LABELS.write(s, self.labels.keys(checked=False))
        keys.EXPORT_EXCLUDED_ANNOTATORS.write(s, self.annotators.keys(checked=False))
        keys.EXPORT_SPLIT.write(s, [str(spin.value()) for spin in self.split_parts.values()])
        keys.EXPORT_SPLIT_ON.write(s, self.split_on.isChecked())
        keys.EXPORT_SEED.write(s, self.seed.value())
        if self.exporter.offsets:
            keys.EXPORT_OFFSETS.at(self.exporter.name).write(s, self.offsets.currentData())
        s.sync()
