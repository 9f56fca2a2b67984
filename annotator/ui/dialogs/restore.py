"""File > Restore from backup: the corpus's automatic backups, newest first, and restoring one."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.store.backup import Backup, backup_folder, list_backups
from annotator.ui.i18n import QT_TR_NOOP, tr
from annotator.ui.models.base import FlatTableModel

log = logging.getLogger(__name__)


def when(backup: Backup) -> str:
    """The backup's time in the user's local time zone, e.g. '2026-11-25 23:14:05'."""
    return backup.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _size(path: Path) -> str:
    try:
        n = path.stat().st_size
    except OSError as exc:
        log.info("The size of %s could not be read: %s", path, exc)
        return "?"
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{max(1, round(n / 1e3))} kB"


class BackupListModel(FlatTableModel):
    HEADERS = (QT_TR_NOOP("Taken"), QT_TR_NOOP("Articles"), QT_TR_NOOP("Annotations"), QT_TR_NOOP("Size"))

    def __init__(self, backups: list[Backup], parent=None) -> None:
        super().__init__(parent)
        self.backups = backups

    def _row_count(self) -> int:
        return len(self.backups)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        b, col = self.backups[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return when(b)
            if col in (1, 2):
                value = b.articles if col == 1 else b.annotations
                return tr("unreadable") if value is None else f"{value:,}"
            return _size(b.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and col:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                str(b.path) if b.readable else tr("{path}\nThis file cannot be read as a corpus.").format(path=b.path)
            )
        return None


class RestoreDialog(QDialog):
    """Lists the backups; Restore asks for confirmation, then emits ``restore_requested``."""

    restore_requested = Signal(str)  # the backup file to restore
    backup_requested = Signal()

    def __init__(self, corpus_path: Path | str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(tr("Restore from backup"))
        self.resize(560, 380)
        self.corpus_path = Path(corpus_path)
        self.folder = backup_folder(self.corpus_path)
        intro = QLabel(
            tr(
                "Annotator backs up <b>{name}</b> when it opens it and every 10 minutes while you edit, keeping the "
                "newest 10. Restoring replaces the whole corpus with the chosen backup; the current state is backed up "
                "first, so a restore can itself be undone."
            ).format(name=self.corpus_path.name),
            self,
        )
        intro.setObjectName("restoreIntro")
        intro.setWordWrap(True)
        self.model = BackupListModel([], self)
        self.table = QTableView(self)
        self.table.setObjectName("backupTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.confirm_restore())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty = QLabel(tr("No backups yet. Use Back up now to take one."), self)
        self.empty.setObjectName("restoreEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = buttons.addButton(tr("&Restore…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setToolTip(tr("Replace the corpus with the selected backup (asks first)"))
        self.backup_button = buttons.addButton(tr("&Back up now"), QDialogButtonBox.ButtonRole.ActionRole)
        self.backup_button.setObjectName("backupNowButton")
        self.backup_button.setToolTip(tr("Take a backup of the corpus as it is now"))
        self.folder_button = buttons.addButton(tr("Open &folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button.setObjectName("backupFolderButton")
        self.folder_button.setToolTip(str(self.folder))
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.confirm_restore)
        self.backup_button.clicked.connect(self.backup_requested)
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(
                QUrl.fromLocalFile(str(self.folder if self.folder.is_dir() else self.folder.parent))
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.model.beginResetModel()
        self.model.backups = list_backups(folder=self.folder)
        self.model.endResetModel()
        has = bool(self.model.backups)
        self.table.setVisible(has)
        self.empty.setVisible(not has)
        if has:
            self.table.selectRow(0)
            self.table.setFocus()
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        chosen = self.chosen()
        self.restore_button.setEnabled(chosen is not None and chosen.readable)

    def chosen(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backups[rows[0].row()] if rows else None

    def confirm_restore(self) -> bool:
        backup = self.chosen()
        if backup is None or not backup.readable:
            return False
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Restore from backup"),
            tr(
                "Replace {name} with the backup taken {when} ({articles:,} articles, {annotations:,} annotations)?"
            ).format(
                name=self.corpus_path.name, when=when(backup), articles=backup.articles, annotations=backup.annotations
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("restoreConfirm")
        box.setInformativeText(
            tr("Everything in the corpus now is backed up first, so you can go back to it from this list. "
            "The undo history is cleared.")
        )
        restore = box.addButton(tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not restore:
            return False
        self.restore_requested.emit(str(backup.path))
        self.accept()
        return True
