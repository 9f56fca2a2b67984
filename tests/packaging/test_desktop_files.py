"""The .desktop entry, AppStream metainfo and icons: well formed and consistent with each other."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.annotator.Annotator"
DESKTOP = ROOT / "packaging" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _desktop() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_has_what_the_specification_requires():
    entry = _desktop()
    assert entry["Type"] == "Application" and entry["Name"] == "Annotator"
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert entry["Exec"].split()[0] in scripts  # the command the wheel installs
    assert entry["Icon"] == "annotator" and entry["Terminal"] == "false"
    for key in ("Categories", "Keywords"):
        assert entry[key].endswith(";")
    assert "Office" in entry["Categories"].split(";")


def test_desktop_entry_passes_desktop_file_validate_when_installed():
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (the entry is checked by hand above)")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_is_a_desktop_application_component_pointing_at_the_desktop_entry():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    for tag in ("name", "summary", "metadata_license", "project_license"):
        assert (root.findtext(tag) or "").strip(), tag
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable.get("type") == "desktop-id" and launchable.text == DESKTOP.name
    assert root.find("provides/binary").text == _desktop()["Exec"].split()[0]
    assert root.find("releases/release").get("version") == tomllib.loads(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_metainfo_passes_appstreamcli_when_installed():
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (the XML is checked by hand above)")
    result = subprocess.run([tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_icons_exist_in_every_size_and_the_wheel_installs_them(qapp):
    from PySide6.QtGui import QImage

    for n in SIZES:
        image = QImage(str(ICONS / "hicolor" / f"{n}x{n}" / "apps" / "annotator.png"))
        assert (image.width(), image.height()) == (n, n)
        assert image.hasAlphaChannel() and image.pixelColor(0, 0).alpha() == 0  # rounded, transparent corners
    data_files = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "data-files"
    ]
    installed = {f"{folder}/{Path(f).name}" for folder, files in data_files.items() for f in files}
    for n in SIZES:
        assert f"share/icons/hicolor/{n}x{n}/apps/annotator.png" in installed
    assert "share/icons/hicolor/scalable/apps/annotator.svg" in installed
    assert f"share/applications/{DESKTOP.name}" in installed and f"share/metainfo/{METAINFO.name}" in installed


def test_the_pngs_are_the_svg_rendered(qapp, tmp_path):
    """Regenerating the icons changes nothing: the committed PNGs come from the committed SVG."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "packaging" / "make_icons.py")
    make_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icons)
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "annotator.svg"))
    for n in (16, 64, 256):
        fresh = make_icons.render(renderer, n).convertToFormat(QImage.Format.Format_ARGB32)
        committed = QImage(str(ICONS / "hicolor" / f"{n}x{n}" / "apps" / "annotator.png")).convertToFormat(
            QImage.Format.Format_ARGB32)
        assert fresh == committed, f"{n}px icon is out of date: run packaging/make_icons.py"


def test_version_option_reports_the_installed_package_version():
    from importlib.metadata import version

    from click.testing import CliRunner

    from annotator.cli import main

    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"annotator, version {version('annotator')}"
