"""The window follows the role of the person signed in to a team workbook (issue #23):
what they may not use is not offered; a workbook file offers everything, as before."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.team_logins import Team
from tests.ui.conftest import MakeWindow, menu_action, press

from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.store.location import parse_location
from hiring_desk.ui.areas import AREAS
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.main_window import MainWindow

TeamWindow = Callable[[str], MainWindow]


def shown_areas(window: MainWindow) -> list[str]:
    return [key for row, (key, _l, _i) in enumerate(AREAS) if not window.nav.item(row).isHidden()]


#: Reads the services make that the server refuses an interviewer today (the Today
#: page's offers, a candidate's expected salary): for the services to leave out.
@pytest.fixture
def team_window(team: Team, make_window: MakeWindow, qtbot: QtBot) -> Iterator[TeamWindow]:
    """A window signed in to the team workbook as the person of a role."""
    opened: list[MainWindow] = []

    def make(role: str) -> MainWindow:
        window = make_window(parse_location(team.url(role)))  # type: ignore[arg-type]
        assert window.workbook is not None and window.workbook.access is not None
        opened.append(window)
        return window

    with qtbot.capture_exceptions() as raised:
        yield make
    # Nothing a role's window shows asks the server for what the role may not read.
    assert [exc for _kind, exc, _tb in raised] == []
    for window in opened:  # closed here: the window's closing backs up a file only
        if window.workbook is not None:
            window.workbook.close()
            window.workbook = None


def test_an_interviewer_sees_no_offers_or_reports_and_may_not_add_candidates(
    team_window: TeamWindow, qtbot: QtBot
) -> None:
    window = team_window("interviewer")
    assert shown_areas(window) == ["today", "roles", "candidates", "interviews", "team"]
    assert window.signed_in.isVisible()
    assert window.signed_in.text().startswith("Signed in as Priya Raman (")
    assert window.signed_in.text().endswith(" · Interviewer")
    assert not window.acting_member.isVisible()
    # The retention bar offers the privacy tools: not to an interviewer.
    qtbot.waitUntil(lambda: not window.retention_notice.pending)
    assert window.retention_notice.isHidden()
    # Ctrl+5 (Offers) and Ctrl+7 (Reports) lead nowhere; show_area refuses them too.
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "roles"
    for key in (Qt.Key.Key_5, Qt.Key.Key_7):
        press(qtbot, window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_area() == "roles"
    window.show_area("offers")
    assert window.current_area() == "roles" and "offers" not in window.pages
    # The workbook's own actions are an admin's; the password is anyone's.
    backups = menu_action(window, "File", "Backups…")
    assert not backups.isEnabled()
    assert backups.toolTip() == (
        "You don't have permission to back up, copy or move the workbook (your role: Interviewer)."
    )
    assert menu_action(window, "File", "Change My Password…").isVisible()

    window.show_area("candidates")
    page = window.pages["candidates"]
    assert isinstance(page, CandidatesPage)
    assert not page.new_button.isEnabled()
    assert page.new_button.toolTip() == (
        "You don't have permission to add, change or remove candidates (your role: Interviewer)."
    )
    assert not page.import_action.isEnabled()
    # Their candidates' profiles, without the salary they expect (not even its label).
    qtbot.waitUntil(lambda: page.detail.candidate_id is not None)
    profile = page.detail.profile
    assert profile.fields["email"].text()
    assert profile.fields["salary"].isHidden()


def test_a_recruiter_sees_every_area_but_may_not_back_up(team_window: TeamWindow) -> None:
    window = team_window("recruiter")
    assert shown_areas(window) == [key for key, _l, _i in AREAS]
    assert window.signed_in.text().endswith(" · Recruiter")
    assert not menu_action(window, "File", "Save a Copy…").isEnabled()
    window.show_area("candidates")
    page = window.pages["candidates"]
    assert isinstance(page, CandidatesPage)
    assert page.new_button.isEnabled()
    assert page.new_button.toolTip() == (
        "Add a candidate, applying to an open role if you choose one"
    )


def test_a_workbook_file_offers_acting_as_and_every_area(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    create_workbook(tmp_path / "mine.hiringdesk").close()
    window = make_window(tmp_path / "mine.hiringdesk")
    assert shown_areas(window) == [key for key, _l, _i in AREAS]
    assert window.acting_member.isVisible()
    assert not window.signed_in.isVisible()
    assert not menu_action(window, "File", "Change My Password…").isVisible()
    assert menu_action(window, "File", "Backups…").isEnabled()
    window.show_area("reports")
    assert window.current_area() == "reports"


def test_switching_from_a_team_workbook_to_a_file_gives_acting_as_back(
    team_window: TeamWindow, tmp_path: Path
) -> None:
    window = team_window("interviewer")
    create_workbook(tmp_path / "mine.hiringdesk").close()
    assert window.open_path(tmp_path / "mine.hiringdesk")
    assert window.workbook is not None and window.workbook.access is None
    assert window.acting_member.isVisible() and not window.signed_in.isVisible()
    assert shown_areas(window) == [key for key, _l, _i in AREAS]
    assert menu_action(window, "File", "Backups…").isEnabled()
    assert menu_action(window, "File", "Backups…").toolTip() != ""
    assert "permission" not in menu_action(window, "File", "Backups…").toolTip()


def test_a_hiring_manager_works_on_the_roles_they_manage_but_adds_none(
    team_window: TeamWindow, qtbot: QtBot
) -> None:
    from tests.ui.conftest import overview_read

    from hiring_desk.ui.roles.roles_page import RolesPage

    window = team_window("hiring_manager")
    assert window.signed_in.text().endswith(" · Hiring manager")
    window.show_area("roles")
    page = window.pages["roles"]
    assert isinstance(page, RolesPage)
    overview_read(qtbot, page)
    page.table.selectRow(0)
    assert page.selected_role() is not None
    assert not page.new_button.isEnabled()
    assert "add or remove roles" in page.new_button.toolTip()
    assert not page.delete_action.isEnabled()
    # Tomás manages both demo roles: their brief, plan and stages are his to change.
    for action in (page.edit_action, page.jd_action, page.plan_action, page.stages_action):
        assert action.isEnabled(), action.objectName()


def test_an_interviewer_may_not_change_a_roles_pipeline(
    team_window: TeamWindow, qtbot: QtBot
) -> None:
    from tests.ui.conftest import overview_read

    from hiring_desk.ui.roles.roles_page import RolesPage

    window = team_window("interviewer")
    window.show_area("roles")
    page = window.pages["roles"]
    assert isinstance(page, RolesPage)
    overview_read(qtbot, page)
    page.table.selectRow(0)
    assert page.selected_role() is not None
    assert not page.stages_action.isEnabled()
    assert page.stages_action.toolTip() == (
        "You don't have permission to change this role's pipeline, interviews or offers "
        "(your role: Interviewer)."
    )
    assert page.pack_action.isEnabled()  # printing reads only
