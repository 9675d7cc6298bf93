"""Fixtures shared by every test.

Every data, config and log path is pointed at a temporary folder, and Qt runs
offscreen, so no test touches a real user's files or needs a display. A test whose
outcome depends on the date asks for ``today``: the app's clock then stands at noon
(UTC) on a fixed day, so it passes on whatever day it runs.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from hiring_desk import clock

if TYPE_CHECKING:
    from hiring_desk.store import Workbook

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


#: The day that date-dependent tests take as today (a Monday).
TODAY = date(2026, 11, 30)


def on_day(day: date) -> AbstractContextManager[datetime]:
    """Within the block the app's clock stands at noon UTC on ``day`` (the same date
    in every time zone from UTC-11 to UTC+11)."""
    return clock.fixed(datetime.combine(day, time(12), UTC))


@pytest.fixture
def today(request: pytest.FixtureRequest) -> Iterator[date]:
    """The app's clock set to ``TODAY``, or to the day a test passes by indirect
    parametrisation; yields that day."""
    day: date = getattr(request, "param", TODAY)
    with on_day(day):
        yield day


@pytest.fixture
def workbook(tmp_path: Path) -> Iterator[object]:
    """A new, empty, open workbook in a temporary folder."""
    from hiring_desk.store import Workbook

    wb = Workbook.create(tmp_path / "test.hiringdesk")
    try:
        yield wb
    finally:
        wb.close()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workbook, made once per test run. Never opened: tests take a copy
    (``demo_copy``)."""
    from hiring_desk.services.demo.demo_workbook import create_demo_workbook

    path = tmp_path_factory.mktemp("demo") / "demo.hiringdesk"
    create_demo_workbook(path).close()
    return path


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo workbook in this test's folder, free to change."""
    copy = tmp_path / "demo.hiringdesk"
    shutil.copy(demo_file, copy)
    return copy


@pytest.fixture
def demo(demo_copy: Path) -> Iterator[Workbook]:
    """The demo workbook (a fresh copy), open. (The command-line tests' ``demo`` is
    the copy's path.)"""
    from hiring_desk.store import Workbook

    with Workbook.open(demo_copy) as workbook:
        yield workbook


@pytest.fixture(scope="module")
def shared_demo(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workbook]:
    """The demo workbook, one copy open for a whole test module: for tests that only
    read it."""
    copy = tmp_path_factory.mktemp("shared-demo") / "demo.hiringdesk"
    shutil.copy(demo_file, copy)
    from hiring_desk.store import Workbook

    with Workbook.open(copy) as workbook:
        yield workbook
