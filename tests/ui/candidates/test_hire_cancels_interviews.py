"""A move to Hired asks to cancel the hired candidate's interviews still to come."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.candidates.candidates_page_setup import page_of
from tests.ui.conftest import when_modal, workbook_of

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.interviews import interview_records, interview_schedule
from hiring_desk.services.interviews.interview_schedule import InterviewDraft
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.team import team_members
from hiring_desk.ui.interviews.cancel_after_hire import CancelInterviewsDialog
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.pipeline.move_dialog import MoveDialog


def _hire_by_moving(window: MainWindow, qtbot: QtBot, answer: str) -> tuple[int, list[str]]:
    wb = workbook_of(window)
    role = role_records.create_role(wb, RoleBrief(title="Backend Developer"))
    cid = candidate_records.create_candidate(wb, CandidateInput(name="Ada Lovelace")).id
    application = stage_moves.apply(wb, cid, role.id)
    stage_moves.move(wb, application.id, "offer")
    member = team_members.add_member(wb, "Bo Jensen").id
    booking = InterviewDraft(
        day=date(2031, 5, 6),
        start=time(9, 0),
        timezone="UTC",
        round_name="Call",
        interviewer_ids=(member,),
    )
    interview_schedule.schedule(wb, application.id, booking)
    page = page_of(window)
    page.refresh()
    asked: list[str] = []

    def hire(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDialog)
        dialog.target.setCurrentIndex(dialog.target.findText("Hired"))
        move = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(move, Qt.MouseButton.LeftButton)

    def reply(dialog: QWidget) -> None:
        assert isinstance(dialog, CancelInterviewsDialog)
        asked.append(dialog.question.text())
        button = dialog.go if answer == "cancel" else dialog.keep
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, hire, MoveDialog)
    when_modal(qtbot, reply, CancelInterviewsDialog, close_after=True)
    qtbot.mouseClick(page.detail.move_button, Qt.MouseButton.LeftButton)
    assert stage_moves.applications_of(wb, cid)[0].stage == "hired"
    statuses = [i.status for i in interview_records.interviews_of_candidate(wb, cid)]
    return len(asked), statuses


def test_cancel_them_after_a_move_to_hired(window: MainWindow, qtbot: QtBot) -> None:
    asked, statuses = _hire_by_moving(window, qtbot, "cancel")
    assert asked == 1 and statuses == ["cancelled"]


def test_keep_them_after_a_move_to_hired(window: MainWindow, qtbot: QtBot) -> None:
    asked, statuses = _hire_by_moving(window, qtbot, "keep")
    assert asked == 1 and statuses == ["scheduled"]
