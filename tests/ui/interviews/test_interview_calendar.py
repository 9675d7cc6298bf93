"""The interview calendar: day headings, Show past, actions on the selected interview."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDateTimeEdit,
    QDialogButtonBox,
    QTreeWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.services.interviews.schedule_setup import (
    Desk,
    add_application,
    draft,
    make_desk,
    schedule,
)
from tests.ui.conftest import click_button, when_modal

from hiring_desk.services.common import time_zones
from hiring_desk.services.interviews import interview_records, interview_schedule
from hiring_desk.store import Workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.changes import Change, change_hub
from hiring_desk.ui.interviews.interview_calendar import InterviewCalendar
from hiring_desk.ui.interviews.schedule_dialog import ScheduleDialog


def _interviews_changed(changes: Change, _source: object) -> bool:
    """What the calendar announces on the change hub after a change to an interview."""
    return changes == Change.INTERVIEWS


TODAY = date(2026, 6, 2)  # a Tuesday
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def desk(workbook: Workbook) -> Desk:
    time_zones.set_default_timezone(workbook, "Europe/Berlin")
    return make_desk(workbook)


@pytest.fixture
def ids(workbook: Workbook, desk: Desk) -> dict[str, int]:
    """Yesterday, two today (one in New York), tomorrow, a cancelled one on Friday."""
    _, other = add_application(workbook, "Zoë <b>Bold</b>", desk.role_id)
    booked = {
        "yesterday": schedule(workbook, desk, day=date(2026, 6, 1)),
        "today": schedule(workbook, desk, start=time(9, 0)),
        "new_york": schedule(workbook, desk, timezone="America/New_York", start=time(8, 0)),
        "tomorrow": interview_schedule.schedule(
            workbook, other, _draft(desk, day=date(2026, 6, 3), location="", link=True)
        ),
        "friday": schedule(workbook, desk, day=date(2026, 6, 5)),
    }
    interview_schedule.cancel(workbook, booked["friday"])
    return booked


def _draft(
    desk: Desk, *, day: date, location: str, link: bool
) -> interview_schedule.InterviewDraft:
    return draft(
        desk,
        day=day,
        location=location,
        video_link="https://meet.example.com/x" if link else "",
        interviewer_ids=(desk.members["ana"], desk.members["bo"]),
    )


@pytest.fixture
def calendar(qtbot: QtBot, workbook: Workbook, ids: dict[str, int]) -> InterviewCalendar:
    widget = InterviewCalendar()
    qtbot.addWidget(widget)
    widget.today = lambda: TODAY
    widget.resize(1100, 500)
    widget.set_workbook(workbook)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def headings(calendar: InterviewCalendar) -> list[str]:
    tree = calendar.tree
    return [
        item.text(0)
        for item in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
        if item
    ]


def row_of(calendar: InterviewCalendar, interview_id: int) -> QTreeWidgetItem:
    for item in calendar.interview_items():
        if item.data(0, Qt.ItemDataRole.UserRole) == interview_id:
            return item
    raise AssertionError(f"interview {interview_id} is not listed")


def click_row(
    qtbot: QtBot, calendar: InterviewCalendar, interview_id: int, double: bool = False
) -> None:
    rect = calendar.tree.visualItemRect(row_of(calendar, interview_id))
    qtbot.mouseClick(calendar.tree.viewport(), LEFT, pos=rect.center())
    if double:
        qtbot.mouseDClick(calendar.tree.viewport(), LEFT, pos=rect.center())


def test_days_from_today_with_their_rows(calendar: InterviewCalendar, ids: dict[str, int]) -> None:
    assert headings(calendar) == ["Today", "Tomorrow", "Friday, 5 June 2026"]
    today = [[item.text(c) for c in range(7)] for item in calendar.interview_items()[:2]]
    mai = [
        "Nguyễn Thị Mai",
        "Technical interview",
        "Backend Developer",
        "Room 4, Hauptstraße 1",
        "Ana Silva",
        "Scheduled",
    ]
    assert today == [
        ["09:00–10:00", *mai],
        ["08:00–09:00 (America/New_York)", *mai],  # 14:00 in Berlin, so after the 09:00 one
    ]
    tomorrow = row_of(calendar, ids["tomorrow"])
    assert tomorrow.text(1) == "Zoë <b>Bold</b>"  # plain text, never rendered
    assert tomorrow.text(4) == "https://meet.example.com/x"
    assert tomorrow.text(5) == "Ana Silva, Bo Jensen"
    assert row_of(calendar, ids["friday"]).text(6) == "Cancelled"
    with pytest.raises(AssertionError):
        row_of(calendar, ids["yesterday"])


def test_show_past_adds_earlier_days(
    qtbot: QtBot, calendar: InterviewCalendar, ids: dict[str, int]
) -> None:
    qtbot.mouseClick(calendar.show_past, LEFT, pos=calendar.show_past.rect().center())
    assert calendar.show_past.isChecked()
    assert headings(calendar) == ["Yesterday", "Today", "Tomorrow", "Friday, 5 June 2026"]
    assert row_of(calendar, ids["yesterday"]).text(0) == "10:00–11:00"


def test_buttons_follow_the_selection(
    qtbot: QtBot, calendar: InterviewCalendar, ids: dict[str, int]
) -> None:
    buttons = (
        calendar.edit_button,
        calendar.cancel_button,
        calendar.done_button,
        calendar.export_button,
        calendar.export_day_button,
    )
    assert [b.isEnabled() for b in buttons] == [False] * 5
    click_row(qtbot, calendar, ids["today"])
    assert [b.isEnabled() for b in buttons] == [True] * 5
    click_row(qtbot, calendar, ids["friday"])  # cancelled: no cancel, no done
    assert [b.isEnabled() for b in buttons] == [True, False, False, True, True]
    heading = calendar.tree.topLevelItem(0)
    assert heading is not None
    qtbot.mouseClick(
        calendar.tree.viewport(), LEFT, pos=calendar.tree.visualItemRect(heading).center()
    )
    assert [b.isEnabled() for b in buttons] == [False, False, False, False, True]
    calendar.set_workbook(None)
    assert [b.isEnabled() for b in buttons] == [False] * 5
    assert not calendar.tree.isVisible() and not calendar.empty.isVisible()


def test_double_click_and_enter_activate_an_interview(
    qtbot: QtBot, calendar: InterviewCalendar, ids: dict[str, int]
) -> None:
    with qtbot.waitSignal(calendar.interview_activated) as activated:
        click_row(qtbot, calendar, ids["tomorrow"], double=True)
    assert activated.args == [ids["tomorrow"]]
    click_row(qtbot, calendar, ids["today"])
    calendar.tree.setFocus()
    with qtbot.waitSignal(calendar.interview_activated) as activated:
        qtbot.keyClick(calendar.tree, Qt.Key.Key_Return)
    assert activated.args == [ids["today"]]


def test_cancel_asks_then_marks_it_cancelled(
    qtbot: QtBot,
    workbook: Workbook,
    calendar: InterviewCalendar,
    ids: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = [False, True]
    asked: list[str] = []

    def confirm(_parent: QWidget, title: str, text: str, action: str = "OK") -> bool:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(messages, "confirm", confirm)
    click_row(qtbot, calendar, ids["tomorrow"])
    qtbot.mouseClick(calendar.cancel_button, LEFT)
    assert interview_records.get_interview(workbook, ids["tomorrow"]).status == "scheduled"
    with qtbot.waitSignal(change_hub().changed, check_params_cb=_interviews_changed):
        qtbot.mouseClick(calendar.cancel_button, LEFT)
    assert asked[0].startswith("Cancel the Technical interview with Zoë <b>Bold</b>?")
    assert interview_records.get_interview(workbook, ids["tomorrow"]).status == "cancelled"
    assert row_of(calendar, ids["tomorrow"]).text(6) == "Cancelled"
    assert calendar.selected_interview_id() == ids["tomorrow"]  # still selected
    assert not calendar.cancel_button.isEnabled()
    assert calendar.status.text().startswith("Cancelled the Technical interview")


def test_mark_done_is_refused_before_the_start(
    qtbot: QtBot,
    workbook: Workbook,
    desk: Desk,
    calendar: InterviewCalendar,
    answered_questions: list[str],
) -> None:
    past = schedule(workbook, desk, day=date(2020, 1, 6))
    future = schedule(workbook, desk, day=date(2099, 1, 6))
    qtbot.mouseClick(calendar.show_past, LEFT, pos=calendar.show_past.rect().center())
    click_row(qtbot, calendar, future)
    qtbot.mouseClick(calendar.done_button, LEFT)
    assert answered_questions == ["Interview Not Changed"]
    assert interview_records.get_interview(workbook, future).status == "scheduled"
    click_row(qtbot, calendar, past)
    qtbot.mouseClick(calendar.done_button, LEFT)
    assert interview_records.get_interview(workbook, past).status == "done"
    assert row_of(calendar, past).text(6) == "Done"


def test_export_one_and_the_day(
    qtbot: QtBot,
    calendar: InterviewCalendar,
    ids: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offered: list[str] = []
    target = [tmp_path / "one.ics"]

    def ask(_parent: QWidget, start: Path, label: str, suffix: str) -> Path:
        offered.append(f"{start.name}|{label}|{suffix}")
        return target[0]

    monkeypatch.setattr(file_dialogs, "ask_export_path", ask)
    click_row(qtbot, calendar, ids["new_york"])
    qtbot.mouseClick(calendar.export_button, LEFT)
    one = Calendar.from_ical(target[0].read_bytes())
    assert isinstance(one, Calendar)
    (event,) = one.events
    assert event["DTSTART"].to_ical() == b"20260602T080000"
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert calendar.status.text() == f"Exported 1 interview to {target[0]}."

    target[0] = tmp_path / "day.ics"
    qtbot.mouseClick(calendar.export_day_button, LEFT)
    day = Calendar.from_ical(target[0].read_bytes())
    assert isinstance(day, Calendar) and len(day.events) == 2
    assert offered == [
        f"interview-2026-06-02-{ids['new_york']}.ics|Calendar files|.ics",
        "interviews-2026-06-02.ics|Calendar files|.ics",
    ]


def test_export_cancelled_in_the_chooser_writes_nothing(
    qtbot: QtBot, calendar: InterviewCalendar, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file_dialogs, "ask_export_path", lambda *_args: None)
    click_row(qtbot, calendar, ids["today"])
    qtbot.mouseClick(calendar.export_button, LEFT)
    assert calendar.status.text() == ""


def test_edit_opens_the_dialog_and_shows_the_change(
    qtbot: QtBot, workbook: Workbook, calendar: InterviewCalendar, ids: dict[str, int]
) -> None:
    def move_to_eleven(dialog: QWidget) -> None:
        assert isinstance(dialog, ScheduleDialog) and dialog.windowTitle() == "Edit Interview"
        dialog.time.setFocus()
        dialog.time.setSelectedSection(QDateTimeEdit.Section.HourSection)
        qtbot.keyClicks(dialog.time, "11:30")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    click_row(qtbot, calendar, ids["today"])
    when_modal(qtbot, move_to_eleven, ScheduleDialog)
    with qtbot.waitSignal(change_hub().changed, check_params_cb=_interviews_changed):
        qtbot.mouseClick(calendar.edit_button, LEFT)
    assert interview_records.get_interview(workbook, ids["today"]).local_start.hour == 11
    assert row_of(calendar, ids["today"]).text(0) == "11:30–12:30"
    # 11:30 in Berlin is still before the New York one (14:00 in Berlin)
    assert [i.data(0, Qt.ItemDataRole.UserRole) for i in calendar.interview_items()[:2]] == [
        ids["today"],
        ids["new_york"],
    ]
    assert QApplication.activeModalWidget() is None
