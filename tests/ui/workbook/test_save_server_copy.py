"""File ▸ Save a Copy… of a team workbook (PostgreSQL): a workbook file with every row.

The copy runs behind the operation runner's progress dialog; the file it leaves
holds the same rows and stored files as the server, and passes the health check.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from tests.engines import PgServer, engine_names
from tests.ui.conftest import MakeWindow, menu_action

from hiring_desk.services.workbook.locations import parse_location
from hiring_desk.store import Workbook
from hiring_desk.store.copying import count_rows, file_hashes
from hiring_desk.store.integrity import check_workbook
from hiring_desk.ui import file_dialogs

pytestmark = pytest.mark.skipif(
    "postgresql" not in engine_names(), reason="HIRING_DESK_TEST_ENGINES leaves PostgreSQL out"
)


def _contents(location: object) -> tuple[dict[str, int], dict[str, tuple[int, str]]]:
    with Workbook.open_read_only(location) as workbook, workbook.engine.connect() as connection:  # type: ignore[arg-type]
        return count_rows(connection), file_hashes(connection)


def test_save_a_copy_of_a_team_workbook(
    make_window: MakeWindow,
    qtbot: QtBot,
    tmp_path: Path,
    pg_server: PgServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pg_server.database("demo") as url:
        address = parse_location(url)
        window = make_window(address)  # type: ignore[arg-type]
        assert window.workbook is not None and not window.workbook.is_file
        target = tmp_path / "travel copy"
        monkeypatch.setattr(file_dialogs, "ask_save_copy", lambda *_a: target)
        menu_action(window, "File", "Save a Copy…").trigger()
        written = target.with_name("travel copy.hiringdesk")
        qtbot.waitUntil(
            lambda: "Saved a copy" in window.statusBar().currentMessage(), timeout=30000
        )
        assert str(written) in window.statusBar().currentMessage()
        assert _contents(written) == _contents(address)
        assert check_workbook(written).ok
