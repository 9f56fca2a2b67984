"""Test configuration: Qt runs headless (offscreen) unless --headed is given."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

# Property tests check behaviour, not speed: no per-example deadline on a busy CI machine.
settings.register_profile("annotator", deadline=None)
settings.load_profile("annotator")


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
        settings.register_profile("annotator-long", deadline=None, max_examples=1000)
        settings.load_profile("annotator-long")
    if not config.getoption("--headed"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Never read or write the tester's own settings or data folders.
    os.environ.setdefault("XDG_CONFIG_HOME", os.path.join(str(config.rootpath), ".pytest_cache", "config"))
    os.environ.setdefault("XDG_DATA_HOME", os.path.join(str(config.rootpath), ".pytest_cache", "data"))


@pytest.fixture(autouse=True)
def _user_data_per_test(tmp_path_factory, monkeypatch):
    """Each test its own user data folder, so automatic backups never pile up across tests."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("userdata")))
