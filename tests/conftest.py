"""Fixtures shared by every test.

Every data, config and log path is pointed at a temporary folder, and Qt runs
offscreen, so no test touches a real user's files or needs a display.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A private HIRING_DESK_HOME (and XDG folders) for each test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HIRING_DESK_HOME", str(home))
    for var, sub in (
        ("XDG_DATA_HOME", "xdg-data"),
        ("XDG_CONFIG_HOME", "xdg-config"),
        ("XDG_CACHE_HOME", "xdg-cache"),
        ("XDG_STATE_HOME", "xdg-state"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    return home


@pytest.fixture
def workbook(tmp_path: Path) -> Iterator[object]:
    """A new, empty, open workbook in a temporary folder."""
    from hiring_desk.store import Workbook

    wb = Workbook.create(tmp_path / "test.hiringdesk")
    try:
        yield wb
    finally:
        wb.close()
