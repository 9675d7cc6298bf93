"""Empty pages say what belongs there and offer the button that fills them; View ▸
Appearance switches between light, dark and the system's look."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.conftest import MakeWindow, menu_action, when_modal, workbook_of

from hiring_desk import clock
from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.store.models import Application, Candidate, Interview, Role
from hiring_desk.ui.candidates import candidate_actions
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.empty_state import EmptyState
from hiring_desk.ui.interviews.interviews_page import InterviewsPage
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.offers.offers_page import OffersPage
from hiring_desk.ui.reports.reports_page import ReportsPage
from hiring_desk.ui.settings import Settings
from hiring_desk.ui.team.member_dialog import MemberDialog
from hiring_desk.ui.team.team_company_page import TeamCompanyPage
from hiring_desk.ui.theme import apply_theme, is_dark, is_primary


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    path = tmp_path / "empty_pages.hiringdesk"
    create_workbook(path).close()
    return make_window(path)


def test_empty_state_widget_runs_its_action(qtbot: QtBot) -> None:
    pressed: list[str] = []
    state = EmptyState("thing_empty", "Nothing here", "Things go here.", "&Add", lambda: None)
    qtbot.addWidget(state)
    state.set_content("No things yet", "Add one.", "Add a &Thing", lambda: pressed.append("add"))
    state.show()
    assert state.title.text() == "No things yet" and state.button.text() == "Add a &Thing"
    qtbot.mouseClick(state.button, Qt.MouseButton.LeftButton)
    assert pressed == ["add"]


def test_an_empty_team_offers_to_add_the_first_member(window: MainWindow, qtbot: QtBot) -> None:
    window.show_area("team")
    page = window.pages["team"]
    assert isinstance(page, TeamCompanyPage)
    team = page.team
    assert team.empty.isVisible() and not team.table.isVisible()
    opened: list[str] = []

    def look(dialog: QWidget) -> None:
        opened.append(dialog.windowTitle())
        dialog.close()

    when_modal(qtbot, look, MemberDialog)
    qtbot.mouseClick(team.empty.button, Qt.MouseButton.LeftButton)
    assert opened and "Member" in opened[0]


def test_no_interviews_leads_to_candidates_or_to_the_past(window: MainWindow, qtbot: QtBot) -> None:
    window.show_area("interviews")
    page = window.pages["interviews"]
    assert isinstance(page, InterviewsPage)
    empty = page.calendar.empty
    assert empty.isVisible() and empty.title.text() == "No interviews yet"
    qtbot.mouseClick(empty.button, Qt.MouseButton.LeftButton)
    assert window.current_area() == "candidates"

    # An interview in the past only: the page offers to show it.
    workbook = workbook_of(window)
    with workbook.transaction() as session:
        role, person = Role(title="Baker"), Candidate(name="Ann")
        session.add_all([role, person])
        session.flush()
        application = Application(candidate_id=person.id or 0, role_id=role.id or 0)
        session.add(application)
        session.flush()
        starts = clock.now() - timedelta(days=7)
        session.add(Interview(application_id=application.id or 0, starts_at=starts))
    window.show_area("interviews")
    page.calendar.refresh()
    assert empty.isVisible() and empty.title.text() == "Nothing booked from today on"
    qtbot.mouseClick(empty.button, Qt.MouseButton.LeftButton)
    assert page.calendar.show_past.isChecked()
    assert page.calendar.tree.isVisible() and not empty.isVisible()


def test_no_offers_leads_to_candidates(window: MainWindow, qtbot: QtBot) -> None:
    window.show_area("offers")
    page = window.pages["offers"]
    assert isinstance(page, OffersPage)
    assert page.empty.isVisible() and page.empty.title.text() == "No offers yet"
    assert not page.table.isVisible() and not page.toolbar.isVisible()
    qtbot.mouseClick(page.empty.button, Qt.MouseButton.LeftButton)
    assert window.current_area() == "candidates"


def test_no_candidates_offers_an_import(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_area("candidates")
    page = window.pages["candidates"]
    assert isinstance(page, CandidatesPage)
    assert page.empty.isVisible() and page.empty.title.text() == "No candidates yet"
    assert not page.table.isVisible() and not page.filters.isVisible()
    assert not is_primary(page.new_button) and is_primary(page.empty.button)
    asked: list[str] = []
    monkeypatch.setattr(candidate_actions, "import_csv", lambda _page: asked.append("import"))
    qtbot.mouseClick(page.empty.button, Qt.MouseButton.LeftButton)
    assert asked == ["import"]
    # Someone added: the table, the filters and the toolbar's own primary button.
    with workbook_of(window).transaction() as session:
        session.add(Candidate(name="Ann"))
    page.refresh()
    assert not page.empty.isVisible() and page.table.isVisible() and page.filters.isVisible()
    assert is_primary(page.new_button)


def test_nothing_to_report_offers_an_import(window: MainWindow, qtbot: QtBot) -> None:
    window.show_area("reports")
    page = window.pages["reports"]
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(lambda: not page.query.pending)
    assert page.empty.isVisible() and not page.report_scroll.isVisible()
    page.import_requested.disconnect()  # the window's import would open a file dialog
    with qtbot.waitSignal(page.import_requested):
        qtbot.mouseClick(page.empty.button, Qt.MouseButton.LeftButton)


@pytest.fixture
def restore_theme() -> object:
    yield None
    apply_theme("system")


def test_view_appearance_switches_and_is_remembered(
    window: MainWindow, restore_theme: object
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    dark = menu_action(window, "View", "Appearance", "Dark")
    assert menu_action(window, "View", "Appearance", "Like the System").isChecked()
    dark.trigger()
    assert Settings().theme() == "dark" and dark.isChecked()
    assert is_dark(app.palette())
    menu_action(window, "View", "Appearance", "Light").trigger()
    assert Settings().theme() == "light"
    assert not is_dark(app.palette())
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#f4f5f7"
    menu_action(window, "View", "Appearance", "Like the System").trigger()
    assert Settings().theme() == "system"
