"""Every file dialog of the app: Qt's own (not the platform's), with icons and types decided by
the file name alone.

Qt's file dialog, left to itself, reads the first bytes of each file it lists (and of a path
typed into it) to guess its type. Reading and closing the open corpus's files (``c.db``,
``c.db-wal``, ``c.db-shm``) outside SQLite drops every lock SQLite holds on them (POSIX locks
belong to the process), and the next program to open the corpus then deletes the WAL the window
is writing to. So no dialog here ever looks inside a file: the icon provider answers from the
extension, and the dialog is Qt's widget dialog, whose every file access goes through it (a
platform dialog running in this process would sniff content with its own library).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QFileIconProvider, QStyle, QWidget

from annotator.ui.i18n import QT_TR_NOOP, tr

_KINDS = {
    ".db": QT_TR_NOOP("Annotator corpus"),
    ".sqlite": QT_TR_NOOP("Annotator corpus"),
    ".annotator": QT_TR_NOOP("Annotator corpus"),
    ".txt": QT_TR_NOOP("Text"),
    ".text": QT_TR_NOOP("Text"),
    ".html": QT_TR_NOOP("HTML page"),
    ".htm": QT_TR_NOOP("HTML page"),
    ".json": QT_TR_NOOP("JSON"),
    ".jsonl": QT_TR_NOOP("JSON lines"),
    ".ndjson": QT_TR_NOOP("JSON lines"),
    ".csv": QT_TR_NOOP("CSV table"),
    ".conll": QT_TR_NOOP("CoNLL tokens"),
    ".ann": QT_TR_NOOP("brat annotations"),
    ".zip": QT_TR_NOOP("ZIP archive"),
    ".spacy": QT_TR_NOOP("spaCy DocBin"),
}


class ExtensionIconProvider(QFileIconProvider):
    """Icons and type names from the file name only: never opens a file to look at its content."""

    def __init__(self) -> None:
        super().__init__()
        self.setOptions(QFileIconProvider.Option.DontUseCustomDirectoryIcons)
        style = QApplication.style()
        self._file = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        self._folder = style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        self._drive = style.standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon)
        self._computer = style.standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)

    def icon(self, what) -> QIcon:  # noqa: D401 - Qt's overloads: a QFileInfo or an IconType
        if isinstance(what, QFileInfo):
            if what.isRoot():
                return self._drive
            return self._folder if what.isDir() else self._file
        kind = QFileIconProvider.IconType
        return {
            kind.Computer: self._computer, kind.Drive: self._drive, kind.Folder: self._folder,
        }.get(what, self._file)

    def type(self, info: QFileInfo) -> str:  # noqa: A003 - Qt's name
        if info.isDir():
            return tr("Folder")
        suffix = Path(info.fileName()).suffix.lower()
        return (
            tr(_KINDS[suffix])
            if suffix in _KINDS
            else tr("{kind} file").format(kind=suffix[1:].upper())
            if suffix
            else tr("File")
        )


def make_dialog(
    parent: QWidget | None, caption: str, directory: str, name_filter: str = "", *,
    mode: QFileDialog.FileMode = QFileDialog.FileMode.ExistingFile,
    save: bool = False,
) -> QFileDialog:
    """A file dialog that never reads a file's content (see the module's docstring)."""
    dialog = QFileDialog(parent, caption, directory, name_filter)
    dialog.setObjectName("fileDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    provider = ExtensionIconProvider()
    dialog._icon_provider = provider  # kept alive as long as the dialog
    dialog.setIconProvider(provider)
    dialog.setFileMode(mode)
    if mode == QFileDialog.FileMode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    try:
        return dialog.selectedFiles() if dialog.exec() == QFileDialog.DialogCode.Accepted else []
    finally:
        dialog.deleteLater()


def open_file_names(parent: QWidget | None, caption: str, directory: str, name_filter: str) -> list[str]:
    return _run(make_dialog(parent, caption, directory, name_filter, mode=QFileDialog.FileMode.ExistingFiles))


def open_file_name(parent: QWidget | None, caption: str, directory: str, name_filter: str) -> str:
    return next(iter(_run(make_dialog(parent, caption, directory, name_filter))), "")


def save_file_name(parent: QWidget | None, caption: str, directory: str, name_filter: str) -> str:
    """A new or existing file name; replacing an existing file is confirmed in the dialog (by ``stat``)."""
    dialog = make_dialog(parent, caption, directory, name_filter, mode=QFileDialog.FileMode.AnyFile, save=True)
    return next(iter(_run(dialog)), "")


def existing_directory(parent: QWidget | None, caption: str, directory: str) -> str:
    return next(iter(_run(make_dialog(parent, caption, directory, mode=QFileDialog.FileMode.Directory))), "")
