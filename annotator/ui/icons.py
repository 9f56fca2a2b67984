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
    """Crisp at every size and scale: one PNG per size from 16 to 512 px (Qt picks the nearest larger
    one for a size and device pixel ratio), or the SVG when the PNGs are missing."""
    icon = QIcon()
    files = icon_files()
    pngs = [(size, path) for size, path in files if size]
    for size, path in pngs or files:
        icon.addFile(str(path), QSize(size, size) if size else QSize())
    return icon
