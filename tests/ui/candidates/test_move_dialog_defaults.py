"""The Move dialog starts one stage forward, by the acting member; Enter moves on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from tests.ui.candidates.candidates_page_setup import page_of
from tests.ui.conftest import when_modal, workbook_of

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common import audit
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.team import team_members
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.pipeline.move_dialog import MoveDialog


def test_enter_moves_from_screening_to_interview_by_the_acting_member(
    window: MainWindow, qtbot: QtBot
) -> None:
    wb = workbook_of(window)
    grace = team_members.add_member(wb, "Grace Hopper", "Hiring manager")
    team_members.add_member(wb, "Alan Turing")
    audit.set_acting_member(wb, grace.id)  # what the status bar's "Acting as" does
    role = role_records.create_role(wb, RoleBrief(title="Backend Developer"))
    cid = candidate_records.create_candidate(wb, CandidateInput(name="Ada Lovelace")).id
    application = stage_moves.apply(wb, cid, role.id)
    stage_moves.move(wb, application.id, "screening")
    page = page_of(window)
    page.refresh()
    seen: list[tuple[str, str]] = []

    def press_enter(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDialog)
        seen.append((dialog.target.currentText(), dialog.by.currentText()))
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)

    when_modal(qtbot, press_enter, MoveDialog, close_after=True)
    qtbot.mouseClick(page.detail.move_button, Qt.MouseButton.LeftButton)
    assert seen == [("Interview", "Grace Hopper")]
    assert stage_moves.applications_of(wb, cid)[0].stage == "interview"
    page.detail.show_candidate(cid)
    assert "Screening → Interview" in page.detail.timeline.item(0).text()
    assert "Grace Hopper" in page.detail.timeline.item(0).text()
