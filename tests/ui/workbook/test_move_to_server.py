"""File ▸ Move to Team Server…: the open workbook file copied into an empty database.

Real clicks on the dialog: an address that is not a server URL is told under the
field; a right one copies every table behind the progress dialog, and the window
then opens the team workbook. The file it came from is left as it was.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from tests.engines import PgServer, engine_names
from tests.ui.conftest import MakeWindow, menu_action

from hiring_desk.services.workbook.locations import ServerAddress
from hiring_desk.store import Workbook
from hiring_desk.store.copying import count_rows
from hiring_desk.ui import messages
from hiring_desk.ui.workbook.move_to_server import MoveToServerDialog

pytestmark = pytest.mark.skipif(
    "postgresql" not in engine_names(), reason="HIRING_DESK_TEST_ENGINES leaves PostgreSQL out"
)


def _counts(location: object) -> dict[str, int]:
    with Workbook.open_read_only(location) as workbook, workbook.engine.connect() as connection:  # type: ignore[arg-type]
        return count_rows(connection)


def test_move_a_file_workbook_to_the_team_server(
    make_window: MakeWindow,
    qtbot: QtBot,
    demo_copy: Path,
    pg_server: PgServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = hashlib.sha256(demo_copy.read_bytes()).hexdigest()
    window = make_window(demo_copy)
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, _action: str = "OK") -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(messages, "confirm", answer)
    errors: list[str] = []

    with pg_server.database("none") as url:

        def fill_in() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, MoveToServerDialog)
            move = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
            qtbot.keyClicks(dialog.address, "server.example.com")
            qtbot.mouseClick(move, Qt.MouseButton.LeftButton)
            errors.append(dialog.address_field.error.text())
            assert dialog.isVisible()
            dialog.address.clear()
            qtbot.keyClicks(dialog.address, url.replace("postgresql+psycopg://", "postgresql://"))
            qtbot.mouseClick(move, Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, fill_in)
        menu_action(window, "File", "Move to Team Server…").trigger()
        qtbot.waitUntil(
            lambda: window.workbook is not None and not window.workbook.is_file, timeout=30000
        )
        assert errors and "postgresql://" in errors[0]
        assert len(asked) == 1 and "Open the team workbook now?" in asked[0]
        assert isinstance(window.workbook.location, ServerAddress)
        assert _counts(window.workbook.location) == _counts(demo_copy)
        window.workbook.close()
        window.workbook = None
    assert hashlib.sha256(demo_copy.read_bytes()).hexdigest() == before
