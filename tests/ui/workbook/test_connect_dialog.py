"""File ▸ Connect to Team Workbook… on the test PostgreSQL server: the window opens the
team workbook and says so; a wrong database is told in the dialog, which stays open; a
remembered password goes to the keyring, never to the settings file; Open Recent
lists the team workbook and opens it again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from tests.engines import PgServer
from tests.keyring_setup import MemoryKeyring, memory_keyring, no_keyring  # noqa: F401
from tests.ui.conftest import MakeWindow, when_modal

from hiring_desk import paths
from hiring_desk.services.workbook.locations import ServerAddress, parse_location
from hiring_desk.services.workbook.passwords import SERVICE
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.workbook.connect_dialog import ConnectDialog, PasswordPrompt

LEFT = Qt.MouseButton.LeftButton
PASSWORD = "s3cr:t@pw"  # the test server trusts its users: any password is let in


@pytest.fixture
def team_demo(pg_server: PgServer) -> Iterator[ServerAddress]:
    """A database of its own holding the demo workbook (dropped after the test)."""
    with pg_server.database("demo") as url:
        address = parse_location(url)
        assert isinstance(address, ServerAddress)
        yield address


def _connect_dialog(window: MainWindow, qtbot: QtBot) -> ConnectDialog:
    window.connect_action.trigger()
    dialog = window.switcher.connect_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _fill(qtbot: QtBot, dialog: ConnectDialog, address: ServerAddress, database: str) -> None:
    for field, text in (
        (dialog.host, address.host),
        (dialog.database, database),
        (dialog.user, address.user),
    ):
        field.clear()
        qtbot.keyClicks(field, text)


def _wait_opened(qtbot: QtBot, window: MainWindow, address: ServerAddress) -> None:
    qtbot.waitUntil(
        lambda: window.workbook is not None and window.workbook.display_name == address.display,
        timeout=20000,
    )
    qtbot.waitUntil(lambda: not window.retention_notice.pending, timeout=20000)


def test_connect_remember_and_reopen_from_recent(
    make_window: MakeWindow,
    qtbot: QtBot,
    team_demo: ServerAddress,
    memory_keyring: MemoryKeyring,  # noqa: F811
    tmp_path: Path,
) -> None:
    window = make_window(None)
    dialog = _connect_dialog(window, qtbot)
    assert dialog.remember.isEnabled()

    # A database that is not there: told in the dialog, which stays open.
    _fill(qtbot, dialog, team_demo, "hdtest_no_such_database")
    qtbot.mouseClick(dialog.connect_button, LEFT)
    qtbot.waitUntil(dialog.error.isVisible, timeout=20000)
    assert "database does not exist" in dialog.error.text()
    assert dialog.isVisible() and window.workbook is not None and window.workbook.is_file

    # The right one, with a password to remember.
    dialog.database.clear()
    qtbot.keyClicks(dialog.database, team_demo.database)
    qtbot.keyClicks(dialog.password, PASSWORD)
    tick = dialog.remember
    qtbot.mouseClick(tick, LEFT, pos=QPoint(8, tick.height() // 2))  # on its box
    assert dialog.remember.isChecked()
    qtbot.mouseClick(dialog.connect_button, LEFT)
    _wait_opened(qtbot, window, team_demo)
    assert not dialog.isVisible() and not dialog.password.text()
    assert window.workbook is not None and not window.workbook.is_file
    assert window.windowTitle().startswith(f"{team_demo.database} on this computer (Team workbook)")
    assert window.workbook_label.text() == f"Team workbook: {team_demo.database} on this computer"
    assert window.current_area() is not None  # a page of the workbook shows

    # The password is in the keyring, keyed by the URL without it; never in the settings.
    assert memory_keyring.kept == {(SERVICE, team_demo.display): PASSWORD}
    window.settings.sync()
    settings_text = paths.settings_file().read_text(encoding="utf-8")
    assert team_demo.database in settings_text
    assert PASSWORD not in settings_text and "s3cr" not in settings_text
    assert window.recent_menu.actions()[0].text() == (
        f"&1 {team_demo.database} on this computer (team workbook)"
    )

    # Away to a file, then back through Open Recent (the password from the keyring).
    other = tmp_path / "other.hiringdesk"
    assert window.switcher.create_path(other)
    assert window.workbook is not None and window.workbook.is_file
    window.recent_menu.refill()
    recent = window.recent_menu.actions()
    assert recent[0].text() == "&1 other.hiringdesk"
    assert recent[1].text().endswith("on this computer (team workbook)")
    recent[1].trigger()
    _wait_opened(qtbot, window, team_demo)
    assert "(Team workbook)" in window.windowTitle()


def test_without_a_keyring_remember_is_off_and_says_why(
    make_window: MakeWindow,
    qtbot: QtBot,
    no_keyring: None,  # noqa: F811
) -> None:
    window = make_window(None)
    dialog = _connect_dialog(window, qtbot)
    assert not dialog.remember.isEnabled()
    assert "no system keyring" in dialog.remember.toolTip()
    dialog.reject()
    assert not dialog.isVisible()


def test_an_unreachable_server_is_told_in_the_dialog(
    make_window: MakeWindow, qtbot: QtBot, team_demo: ServerAddress
) -> None:
    window = make_window(None)
    dialog = _connect_dialog(window, qtbot)
    _fill(qtbot, dialog, team_demo, team_demo.database)
    dialog.host.clear()
    qtbot.keyClicks(dialog.host, "127.0.0.1")
    dialog.port.clear()
    qtbot.keyClicks(dialog.port, "1")  # nothing listens there
    qtbot.mouseClick(dialog.connect_button, LEFT)
    qtbot.waitUntil(dialog.error.isVisible, timeout=20000)
    assert "cannot be reached" in dialog.error.text()
    assert dialog.isVisible() and window.workbook is not None and window.workbook.is_file
    # An empty field is told under it, and nothing is tried.
    dialog.database.clear()
    qtbot.mouseClick(dialog.connect_button, LEFT)
    assert dialog.fields["database"].error.text() == "Give the database"
    dialog.reject()


def test_reconnecting_asks_for_the_password_and_keeps_it(
    make_window: MakeWindow,
    qtbot: QtBot,
    team_demo: ServerAddress,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    """As at start-up, when the server refused a URL without a kept password."""
    window = make_window(None)

    def answer(prompt: QWidget) -> None:
        assert isinstance(prompt, PasswordPrompt)
        text = prompt.findChild(QLabel)
        assert text is not None and team_demo.database in text.text()
        qtbot.keyClicks(prompt.password, PASSWORD)
        tick = prompt.remember
        qtbot.mouseClick(tick, LEFT, pos=QPoint(8, tick.height() // 2))
        qtbot.keyClick(prompt.password, Qt.Key.Key_Return)

    when_modal(qtbot, answer, PasswordPrompt, close_after=True)
    window.switcher.server_opener.open(team_demo, ask_first=True)
    _wait_opened(qtbot, window, team_demo)
    assert memory_keyring.kept == {(SERVICE, team_demo.display): PASSWORD}
    window.settings.sync()
    assert "s3cr" not in paths.settings_file().read_text(encoding="utf-8")
