"""The application icon: the SVG for any size, with the rendered PNGs for the small sizes desktops ask for."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from annotator.formats.sample import RESOURCES

ICON_DIR = RESOURCES / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_files(icon_dir: Path = ICON_DIR) -> list[tuple[int | None, Path]]:
    """(size, file) of every icon file that exists; size None for the scalable SVG."""
    files: list[tuple[int | None, Path]] = [(None, icon_dir / "annotator.svg")]
    files += [(n, icon_dir / "hicolor" / f"{n}x{n}" / "apps" / "annotator.png") for n in PNG_SIZES]
    return [(n, f) for n, f in files if f.is_file()]


def app_icon() -> QIcon:
    """Crisp at every size and scale: PNGs drawn for their size, the SVG for anything in between."""
    icon = QIcon()
    for size, path in icon_files():
        icon.addFile(str(path), QSize(size, size) if size else QSize())
    return icon
