"""Team & Company ▸ People Who Sign In: an admin adds, re-roles and removes the people
who sign in to a team workbook; nobody else sees the tab, nor does a workbook file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from tests.team_logins import Team
from tests.ui.conftest import MakeWindow, Said, click, click_button, type_into, when_modal
from tests.ui.team.test_window_follows_role import TeamWindow, team_window

from hiring_desk.services.common.permissions import TeamRole
from hiring_desk.services.team import team_access
from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.permissions import Permission, apply_permission
from hiring_desk.ui.team.person_dialogs import (
    AddPersonDialog,
    ChangeRoleDialog,
    OneTimePasswordDialog,
)
from hiring_desk.ui.team.team_company_page import TeamCompanyPage

__all__ = ["team_window"]  # the fixture, shared


def team_page(window: MainWindow) -> TeamCompanyPage:
    window.show_area("team")
    page = window.pages["team"]
    assert isinstance(page, TeamCompanyPage)
    return page


def people_tab_shown(page: TeamCompanyPage) -> bool:
    return page.tabs.isTabVisible(page.tabs.indexOf(page.people))


@pytest.fixture
def admin_window(team_window: TeamWindow) -> Iterator[MainWindow]:
    yield team_window("admin")


def test_an_admin_adds_a_person_and_is_shown_the_one_time_password_once(
    admin_window: MainWindow, team: Team, qtbot: QtBot
) -> None:
    # An admin is offered the retention review (the demo has a candidate due).
    qtbot.waitUntil(lambda: not admin_window.retention_notice.pending)
    assert not admin_window.retention_notice.isHidden()
    page = team_page(admin_window)
    assert people_tab_shown(page)
    page.tabs.setCurrentWidget(page.people)
    people = page.people
    logins = {people.model.row(r).login for r in range(people.model.rowCount())}
    assert set(team.logins.values()) <= logins
    login = f"{team.database}_newcomer"
    shown: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, AddPersonDialog)
        type_into(qtbot, dialog.name_edit, "Noor Haddad")
        type_into(qtbot, dialog.login_edit, login)
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("recruiter"))
        when_modal(qtbot, read_password, OneTimePasswordDialog, close_after=True)
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    def read_password(dialog: QWidget) -> None:
        assert isinstance(dialog, OneTimePasswordDialog)
        shown.append(dialog.password_label.text())
        click(qtbot, dialog.copy_button)
        assert QApplication.clipboard().text() == dialog.password
        assert "change it" in dialog.findChildren(type(dialog.password_label))[0].text()
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    when_modal(qtbot, fill, AddPersonDialog, close_after=True)
    click(qtbot, people.add_button)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert len(shown[0]) >= 12
    workbook = admin_window.workbook
    assert workbook is not None
    added = {p.login: p for p in team_access.people(workbook)}[login]
    assert added.name == "Noor Haddad" and added.role is TeamRole.RECRUITER
    assert people.selected_person() is not None
    assert people.selected_person().login == login  # type: ignore[union-attr]


def test_an_admin_changes_a_role_then_removes_the_person(
    admin_window: MainWindow, team: Team, qtbot: QtBot, said: Said
) -> None:
    page = team_page(admin_window)
    page.tabs.setCurrentWidget(page.people)
    people = page.people
    login = team.logins["recruiter"]
    row = next(r for r in range(people.model.rowCount()) if people.model.row(r).login == login)
    people.table.selectRow(row)
    assert people.role_action.isEnabled() and people.remove_action.isEnabled()

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, ChangeRoleDialog)
        dialog.combo.setCurrentIndex(dialog.combo.findData("hiring_manager"))
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    when_modal(qtbot, choose, ChangeRoleDialog, close_after=True)
    people.change_role()
    workbook = admin_window.workbook
    assert workbook is not None
    assert {p.login: p for p in team_access.people(workbook)}[login].role is (
        TeamRole.HIRING_MANAGER
    )
    assert people.selected_person().role is TeamRole.HIRING_MANAGER  # type: ignore[union-attr]
    people.remove_person()  # "confirm" is answered yes by the ``said`` fixture
    assert said[-1][0] == "confirm" and "stay in the workbook" in said[-1][2]
    assert {p.login: p for p in team_access.people(workbook)}[login].removed
    assert people.selected_person() is not None
    assert people.selected_person().removed  # type: ignore[union-attr]
    assert not people.remove_action.isEnabled()


def test_nobody_but_an_admin_sees_the_people(team_window: TeamWindow) -> None:
    for role in ("recruiter", "interviewer"):
        window = team_window(role)
        page = team_page(window)
        assert not people_tab_shown(page)
        assert not page.team.add_button.isEnabled()
        assert "your role:" in page.team.add_button.toolTip()
        assert not page.company.isEnabled()
        assert not page.reasons.add_button.isEnabled()
        assert not page.tabs.isTabVisible(page.tabs.indexOf(page.privacy))


def test_a_workbook_file_has_no_people_tab(make_window: MakeWindow, tmp_path: Path) -> None:
    create_workbook(tmp_path / "mine.hiringdesk").close()
    page = team_page(make_window(tmp_path / "mine.hiringdesk"))
    assert not people_tab_shown(page)
    assert page.team.add_button.isEnabled()
    assert page.company.isEnabled()
    assert page.tabs.isTabVisible(page.tabs.indexOf(page.privacy))


def test_a_refused_action_gets_its_own_tooltip_back_once_allowed(
    team: Team, qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QPushButton

    button = QPushButton("Add")
    qtbot.addWidget(button)
    button.setToolTip("Add someone")
    create_workbook(tmp_path / "mine.hiringdesk").close()
    from hiring_desk.services.workbook.opening import open_workbook

    with team.open("interviewer") as interviewer:
        assert not apply_permission(button, interviewer, Permission.CANDIDATES)
    assert not button.isEnabled() and "Interviewer" in button.toolTip()
    with open_workbook(tmp_path / "mine.hiringdesk") as mine:
        assert apply_permission(button, mine, Permission.CANDIDATES)
    assert button.isEnabled() and button.toolTip() == "Add someone"


def test_a_service_refusal_is_shown_as_a_message(team: Team, said: Said) -> None:
    """What the window did not stop reaches the service, which refuses in words."""
    from hiring_desk.ui.operations import run_operation

    with team.open("recruiter") as recruiter:
        done = run_operation(
            None,
            lambda: team_access.add_person(recruiter, "Zed Zhou", f"{team.database}_zed", "admin"),
            failure_title="Person Not Added",
        )
    assert done is None
    assert said == [
        (
            "show_error",
            "Person Not Added",
            "You don't have permission to administer the team (your role: Recruiter).",
        )
    ]
