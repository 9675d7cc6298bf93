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
from tests.engines import PgServer, engine_names

from hiring_desk import clock

if TYPE_CHECKING:
    from tests.team_logins import Team

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


# -- both engines ------------------------------------------------------------------------
#
# The ``workbook``, ``demo`` and ``shared_demo`` fixtures of the service, store and
# command-line tests run on a workbook file and on a team workbook on PostgreSQL
# (``tests/engines.py`` finds the server and makes a database per test from
# templates). A test of what only a file has is marked ``sqlite_only``.

_BOTH_ENGINES_UNDER = ("tests/services/", "tests/store/", "tests/cli/")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): a test of what only a workbook file has (its lock, "
        "write-ahead log, file backups, snapshots, file format); not run on PostgreSQL",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine_name" not in metafunc.fixturenames:  # none of them, or overridden locally
        return
    path = Path(str(metafunc.definition.path)).as_posix()
    engines = list(engine_names())
    if not any(f"/{under}" in path for under in _BOTH_ENGINES_UNDER):
        engines = ["sqlite"]
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        engines = ["sqlite"]
    if engines == ["sqlite"]:  # the default of ``engine_name``: test ids stay as they were
        return
    scope = "module" if "shared_demo" in metafunc.fixturenames else "function"
    metafunc.parametrize("engine_name", engines, indirect=True, scope=scope)


@pytest.fixture(scope="session")
def engine_name(request: pytest.FixtureRequest) -> str:
    """ "sqlite" or "postgresql": the engine of this test's workbook fixtures."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The PostgreSQL server of the tests (fails loudly when it does not answer)."""
    server = PgServer.find()
    try:
        yield server
    finally:
        server.drop_all()


@pytest.fixture
def workbook(engine_name: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[object]:
    """A new, empty, open workbook: a file in a temporary folder, or a database of its own."""
    from hiring_desk.store import Workbook

    if engine_name == "postgresql":
        server: PgServer = request.getfixturevalue("pg_server")
        with server.database("empty") as url:
            wb = Workbook.open(url)
            try:
                yield wb
            finally:
                wb.close()
        return
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
def demo_location(engine_name: str, request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """Where a fresh copy of the demo workbook is: a file copy, or (PostgreSQL) the URL
    of a database of its own made from the demo template."""
    if engine_name == "postgresql":
        server: PgServer = request.getfixturevalue("pg_server")
        with server.database("demo") as url:
            yield url
        return
    yield request.getfixturevalue("demo_copy")


@pytest.fixture
def demo(demo_location: Path | str) -> Iterator[Workbook]:
    """The demo workbook (a fresh copy), open. (The command-line tests' ``demo`` is
    where the copy is.)"""
    from hiring_desk.store import Workbook

    with Workbook.open(demo_location) as workbook:
        yield workbook


@pytest.fixture(scope="module")
def shared_demo(
    engine_name: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Workbook]:
    """The demo workbook, one copy open for a whole test module: for tests that only
    read it."""
    from hiring_desk.store import Workbook

    if engine_name == "postgresql":
        server: PgServer = request.getfixturevalue("pg_server")
        with server.database("demo") as url, Workbook.open(url) as workbook:
            yield workbook
        return
    demo_file: Path = request.getfixturevalue("demo_file")
    copy = tmp_path_factory.mktemp("shared-demo") / "demo.hiringdesk"
    shutil.copy(demo_file, copy)
    with Workbook.open(copy) as workbook:
        yield workbook


@pytest.fixture
def team(pg_server: PgServer) -> Iterator[Team]:
    """A team workbook (a copy of the demo on the test server) with a person signed in
    as each role (``tests/team_logins.py``); on PostgreSQL always."""
    from tests.team_logins import make_team

    with pg_server.team_database() as url:
        yield make_team(url)
