"""Edit ▸ Undo / Redo for deletes, driven by real clicks and Ctrl+Z / Ctrl+Shift+Z."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlmodel import col, select
from tests.ui.conftest import MakeWindow, choose_more, menu_action, overview_read, press, type_into

from hiring_desk.services.candidates import attachments
from hiring_desk.services.demo.demo_workbook import create_demo_workbook
from hiring_desk.services.interviews import interview_records
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.privacy.erasure import erase_candidate
from hiring_desk.services.roles import role_records
from hiring_desk.services.team import rejection_reasons
from hiring_desk.services.workbook.opening import Workbook, create_workbook
from hiring_desk.store.models import Application, Attachment, Interview, Offer
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.roles.roles_page import RolesPage
from hiring_desk.ui.team.team_company_page import TeamCompanyPage

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    create_demo_workbook(tmp_path / "demo.hiringdesk").close()
    return make_window(tmp_path / "demo.hiringdesk")


def candidates_page(window: MainWindow) -> CandidatesPage:
    page = window.pages["candidates"]
    assert isinstance(page, CandidatesPage)
    return page


def workbook_of(window: MainWindow) -> Workbook:
    assert window.workbook is not None
    return window.workbook


def busy_candidate(workbook: Workbook) -> tuple[int, str]:
    """A candidate with an offer, an interview and a file: (id, a word only their CV has)."""
    with workbook.transaction() as session:
        attachment = session.exec(
            select(Attachment)
            .join(Application, col(Application.candidate_id) == col(Attachment.candidate_id))
            .join(Offer, col(Offer.application_id) == col(Application.id))
            .join(Interview, col(Interview.application_id) == col(Application.id))
        ).first()
        assert attachment is not None
        return attachment.candidate_id, max(attachment.text.split(), key=len)


def shown(page: CandidatesPage, candidate_id: int) -> bool:
    return page.model.row_of(candidate_id) is not None


def test_ctrl_z_brings_back_a_deleted_candidate_with_everything(
    window: MainWindow, qtbot: QtBot, answered_questions: list[str]
) -> None:
    workbook = workbook_of(window)
    candidate_id, cv_word = busy_candidate(workbook)
    applications = stage_moves.applications_of(workbook, candidate_id)
    files = attachments.list_attachments(workbook, candidate_id)
    booked = [
        i for i in interview_records.list_interviews(workbook) if i.candidate_id == candidate_id
    ]
    assert applications and files and booked
    page = candidates_page(window)
    window.show_candidate(candidate_id)
    assert page.selected_id() == candidate_id
    choose_more(qtbot, page.toolbar, "delete_candidate")
    assert answered_questions == ["Delete Candidate"]  # it still asks first
    assert not shown(page, candidate_id)
    undo_action = menu_action(window, "Edit", "Undo Delete Candidate")
    assert undo_action.isEnabled()

    press(qtbot, window, Qt.Key.Key_2, CTRL)  # somewhere else: undo goes back to them
    press(qtbot, window, Qt.Key.Key_Z, CTRL)

    qtbot.waitUntil(lambda: page.selected_id() == candidate_id, timeout=3000)
    assert window.current_area() == "candidates"
    assert page.detail.candidate_id == candidate_id
    assert [a.id for a in stage_moves.applications_of(workbook, candidate_id)] == [
        a.id for a in applications
    ]
    assert attachments.list_attachments(workbook, candidate_id) == files
    assert [
        i.id for i in interview_records.list_interviews(workbook) if i.candidate_id == candidate_id
    ] == [i.id for i in booked]
    assert "Undone: Delete Candidate" in window.statusBar().currentMessage()
    # The search finds them by their CV again.
    type_into(qtbot, page.filters.search, cv_word)
    qtbot.waitUntil(lambda: page.model.total == 1 and shown(page, candidate_id), timeout=3000)

    page.table.setFocus()  # in the search box, Ctrl+Z and Ctrl+Shift+Z edit its text
    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)  # redo: deleted again
    qtbot.waitUntil(lambda: page.model.total == 0, timeout=3000)
    assert stage_moves.applications_of(workbook, candidate_id) == []
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: shown(page, candidate_id), timeout=3000)


def test_a_removed_file_comes_back_and_erasure_is_not_undone(
    window: MainWindow, qtbot: QtBot, answered_questions: list[str]
) -> None:
    workbook = workbook_of(window)
    candidate_id, _word = busy_candidate(workbook)
    window.show_candidate(candidate_id)
    panel = candidates_page(window).detail.attachments
    count = panel.files.count()
    panel.files.setCurrentRow(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel.files.count() == count - 1
    menu_action(window, "Edit", "Undo Remove File").trigger()
    qtbot.waitUntil(lambda: panel.files.count() == count, timeout=3000)
    assert panel.candidate_id == candidate_id

    panel.files.setCurrentRow(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    erase_candidate(workbook, candidate_id)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert answered_questions[-1] == "Cannot Undo Remove File"
    assert attachments.list_attachments(workbook, candidate_id) == []
    assert window.desktop.history.count() == 0  # the step is gone from the history


def test_roles_members_and_reasons_come_back(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    create_workbook(tmp_path / "t.hiringdesk").close()
    window = make_window(tmp_path / "t.hiringdesk")
    workbook = workbook_of(window)
    role_records.create_role(workbook, role_records.RoleBrief(title="Data Engineer"))
    window.desktop.refresh()
    roles_page = window.pages["roles"]
    assert isinstance(roles_page, RolesPage)
    overview_read(qtbot, roles_page)
    roles_page.table.selectRow(0)
    choose_more(qtbot, roles_page.toolbar, "delete_role")
    assert role_records.list_roles(workbook) == []

    team_page = window.pages["team"]
    assert isinstance(team_page, TeamCompanyPage)
    press(qtbot, window, Qt.Key.Key_6, CTRL)
    team_page.tabs.setCurrentWidget(team_page.reasons)
    for text in ("Salary too high", "Moved abroad"):
        rejection_reasons.add_reason(workbook, text)
    before = rejection_reasons.list_reasons(workbook)
    team_page.reasons.refresh()
    team_page.reasons.list.setCurrentRow(0)
    qtbot.mouseClick(team_page.reasons.remove_button, Qt.MouseButton.LeftButton)
    assert rejection_reasons.list_reasons(workbook) == before[1:]
    team_page.tabs.setCurrentWidget(team_page.team)

    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # the reason first: the last step
    assert rejection_reasons.list_reasons(workbook) == before
    assert team_page.tabs.currentWidget() is team_page.reasons
    assert team_page.reasons.list.count() == len(before)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert [r.title for r in role_records.list_roles(workbook)] == ["Data Engineer"]
    assert window.current_area() == "roles"
    overview_read(qtbot, roles_page)
    assert roles_page.selected_role() is not None


def test_the_history_is_forgotten_when_the_workbook_changes(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    workbook = workbook_of(window)
    candidate_id, _word = busy_candidate(workbook)
    window.show_candidate(candidate_id)
    choose_more(qtbot, candidates_page(window).toolbar, "delete_candidate")
    assert window.desktop.history.count() == 1
    other = tmp_path / "other.hiringdesk"
    create_workbook(other).close()
    assert window.open_path(other)
    assert window.desktop.history.count() == 0
    assert not window.desktop.undo_action.isEnabled()
