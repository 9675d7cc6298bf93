"""The Interviews area in the window: the calendar, scorecards from it, the candidate."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from tests.ui.conftest import MakeWindow, press, when_modal, workbook_of

from hiring_desk.services.demo.demo_workbook import create_demo_workbook
from hiring_desk.services.interviews import interview_records
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.interviews.interviews_page import InterviewsPage
from hiring_desk.ui.interviews.scorecard_dialog import ScorecardDialog


def _click_interview(qtbot: QtBot, page: InterviewsPage, interview_id: int) -> None:
    tree = page.calendar.tree
    item = next(
        i
        for i in page.calendar.interview_items()
        if i.data(0, Qt.ItemDataRole.UserRole) == interview_id
    )
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_calendar_leads_to_scorecards_and_the_candidate(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "demo.hiringdesk"
    create_demo_workbook(path).close()
    window = make_window(path)
    press(qtbot, window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["interviews"]
    assert isinstance(page, InterviewsPage)
    assert window.current_area() == "interviews"
    workbook = workbook_of(window)
    upcoming = [i for i in interview_records.list_interviews(workbook) if i.status == "scheduled"]
    assert upcoming and page.calendar.interview_items()
    assert not page.scorecard_button.isEnabled()

    first = upcoming[0]
    _click_interview(qtbot, page, first.id)
    assert page.calendar.selected_interview_id() == first.id
    assert page.scorecard_button.isEnabled() and page.candidate_button.isEnabled()

    seen: list[str] = []

    def look_and_close(dialog: QWidget) -> None:
        assert isinstance(dialog, ScorecardDialog)
        seen.append(dialog.heading.text())
        dialog.reject()

    when_modal(qtbot, look_and_close, ScorecardDialog)
    qtbot.mouseClick(page.scorecard_button, Qt.MouseButton.LeftButton)
    assert seen and first.candidate_name in seen[0]

    qtbot.mouseClick(page.candidate_button, Qt.MouseButton.LeftButton)
    assert window.current_area() == "candidates"
    candidates_page = window.pages["candidates"]
    assert isinstance(candidates_page, CandidatesPage)
    assert candidates_page.selected_id() == first.candidate_id
