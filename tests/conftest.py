"""Test configuration: Qt runs headless (offscreen) unless --headed is given; the window fixtures
that the window tests and the durability tests share."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings as hypothesis_settings

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from annotator.ui.app import AppController
    from annotator.ui.main_window import MainWindow

# Property tests check behaviour, not speed: no per-example deadline on a busy CI machine.
hypothesis_settings.register_profile("annotator", deadline=None)
hypothesis_settings.load_profile("annotator")


def pytest_addoption(parser):
    parser.addoption("--headed", action="store_true", help="show Qt windows on the real display")
    parser.addoption(
        "--long",
        action="store_true",
        help="run the randomised durability and fuzz tests at full size (also: ANNOTATOR_LONG_TESTS=1)",
    )


def pytest_configure(config):
    if config.getoption("--long") or os.environ.get("ANNOTATOR_LONG_TESTS"):
        os.environ["ANNOTATOR_LONG_TESTS"] = "1"
        hypothesis_settings.register_profile("annotator-long", deadline=None, max_examples=1000)
        hypothesis_settings.load_profile("annotator-long")
    if not config.getoption("--headed"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Never read or write the tester's own settings or data folders.
    os.environ.setdefault("XDG_CONFIG_HOME", os.path.join(str(config.rootpath), ".pytest_cache", "config"))
    os.environ.setdefault("XDG_DATA_HOME", os.path.join(str(config.rootpath), ".pytest_cache", "data"))


@pytest.fixture(autouse=True)
def _user_data_per_test(tmp_path_factory, monkeypatch):
    """Each test its own user data folder, so automatic backups never pile up across tests."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("userdata")))


# The window fixtures import Qt and the window only when a test asks for one, so that the tests of
# the other layers run without them.


@pytest.fixture
def settings(tmp_path) -> QSettings:
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def corpus_path(tmp_path) -> Path:
    from annotator.store import open_corpus
    from tests.app_helpers import ARTICLE

    path = tmp_path / "corpus.db"
    with open_corpus(path) as corpus:
        corpus.articles.add("Foshan visit", ARTICLE, source="Test Daily")
        corpus.articles.add("Second article", "Guangzhou and Shenzhen signed a plan.\n")
    return path


@pytest.fixture
def controller(qapp, settings) -> AppController:
    from annotator.ui.app import AppController, make_app

    make_app()
    return AppController(settings, "tester")


@pytest.fixture
def window(qtbot, controller, corpus_path) -> MainWindow:
    from tests.app_helpers import close_window

    w = controller.open(corpus_path)
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    w.activateWindow()
    w.pane.setFocus()
    yield w
    close_window(w)
