"""The first-start welcome: the sample workbook, or starting on the new one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.ui.conftest import MakeWindow

from hiring_desk import paths
from hiring_desk.services.roles import role_records
from hiring_desk.services.workbook.opening import create_workbook, open_workbook
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.workbook.welcome_page import sample_workbook_path

LEFT = Qt.MouseButton.LeftButton


def test_the_first_start_offers_the_sample_and_a_start(make_window: MakeWindow) -> None:
    window: MainWindow = make_window(None)
    assert window.workbook is not None and window.workbook.path == paths.default_workbook()
    welcome = window.welcome
    assert window.stack.currentWidget() is welcome
    assert window.current_area() is None
    assert "Welcome to Hiring Desk" in welcome.title.text()
    assert str(paths.default_workbook()) in welcome.text.text()
    assert welcome.start_button.isVisible() and welcome.sample_button.isVisible()
    assert not welcome.new_button.isVisible() and not welcome.open_button.isVisible()


def test_start_a_new_workbook_goes_to_the_company_and_team(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    window: MainWindow = make_window(None)
    qtbot.mouseClick(window.welcome.start_button, LEFT)
    assert window.current_area() == "team"
    assert window.workbook is not None and window.workbook.path == paths.default_workbook()


def test_open_the_sample_workbook(make_window: MakeWindow, qtbot: QtBot) -> None:
    window: MainWindow = make_window(None)
    assert not sample_workbook_path().exists()
    qtbot.mouseClick(window.welcome.sample_button, LEFT)
    assert window.workbook is not None and window.workbook.path == sample_workbook_path()
    assert window.current_area() == "today"  # the sample has data: Today first
    assert len(role_records.list_roles(window.workbook)) == 2
    open_workbook(paths.default_workbook()).close()  # the empty default one was closed
    # The next time it opens the one already there (no second copy, nothing replaced).
    role_records.create_role(window.workbook, role_records.RoleBrief(title="Kept"))
    window.close_workbook()
    assert window.welcome.sample_button.isVisible()  # offered with no workbook open too
    qtbot.mouseClick(window.welcome.sample_button, LEFT)
    assert window.workbook is not None
    assert "Kept" in [r.title for r in role_records.list_roles(window.workbook)]


def test_later_starts_open_the_workbook_directly(make_window: MakeWindow) -> None:
    first: MainWindow = make_window(None)
    first.close()
    again: MainWindow = make_window(None)
    assert again.workbook is not None
    assert again.current_area() == "roles"
    assert again.stack.currentWidget() is not again.welcome


def test_an_existing_default_workbook_is_no_first_start(make_window: MakeWindow) -> None:
    create_workbook(paths.default_workbook()).close()
    window: MainWindow = make_window(None)
    assert window.current_area() == "roles"


def test_the_welcome_text_gets_the_height_its_wrapped_lines_need(qtbot: QtBot) -> None:
    from pathlib import Path

    from PySide6.QtGui import QAction

    from hiring_desk.ui.workbook.welcome_page import WelcomePage

    page = WelcomePage(QAction("New"), QAction("Open"))
    qtbot.addWidget(page)
    page.set_first_start(True, Path("/home/someone/.local/share/HiringDesk/Workbook.hiringdesk"))
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    needed = page.text.heightForWidth(page.text.width())
    assert needed > 3 * page.text.fontMetrics().height()  # several wrapped lines
    assert page.text.height() >= needed
