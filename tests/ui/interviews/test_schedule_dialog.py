"""The scheduling dialog, driven with clicks and keystrokes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.services.interviews.schedule_setup import Desk, make_desk, schedule
from tests.ui.conftest import click_button, show_active, type_into, when_modal

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.common import time_zones
from hiring_desk.services.interviews import interview_records
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.store import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.interviews.schedule_dialog import ScheduleDialog

OpenDialog = Callable[..., ScheduleDialog]
SAVE = QDialogButtonBox.StandardButton.Save


@pytest.fixture
def desk(workbook: Workbook) -> Desk:
    desk = make_desk(workbook)
    time_zones.set_default_timezone(workbook, "Europe/Dublin")
    return desk


@pytest.fixture
def open_dialog(qtbot: QtBot, workbook: Workbook, desk: Desk) -> OpenDialog:
    def make(interview_id: int | None = None) -> ScheduleDialog:
        dialog = ScheduleDialog(workbook, desk.application_id, None, interview_id)
        show_active(qtbot, dialog)
        return dialog

    return make


def tick(qtbot: QtBot, people: QListWidget, *names: str) -> None:
    """Toggle interviewers with the keyboard: move to the row, press Space."""
    people.setFocus()
    for row in range(people.count()):
        item = people.item(row)
        if item.text().split(" — ")[0] in names:
            people.setCurrentRow(row)
            qtbot.keyClick(people, Qt.Key.Key_Space)


def set_time(qtbot: QtBot, dialog: ScheduleDialog, text: str) -> None:
    """Type a time as a person does after clicking into the hours."""
    dialog.time.setFocus()
    dialog.time.setSelectedSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClicks(dialog.time, text)


def line_of(combo: QComboBox) -> QLineEdit:
    edit = combo.lineEdit()
    assert edit is not None
    return edit


def error_of(dialog: ScheduleDialog, field: str) -> str:
    label = dialog.fields[field].error
    return label.text() if label.isVisibleTo(dialog) else ""


def test_a_new_interview_is_typed_in_and_saved(
    qtbot: QtBot, workbook: Workbook, desk: Desk, open_dialog: OpenDialog
) -> None:
    dialog = open_dialog()
    assert dialog.windowTitle() == "Schedule Interview"
    assert dialog.heading.text() == "Nguyễn Thị Mai — Backend Developer (Applied)"
    assert dialog.heading.textFormat() == Qt.TextFormat.PlainText
    assert dialog.timezone.currentText() == "Europe/Dublin"  # the workbook's zone
    assert [dialog.round.itemText(i) for i in range(dialog.round.count())] == [
        "Phone screen",
        "Technical interview",
    ]
    # choosing the technical round from the list takes its usual 90 minutes
    dialog.round.setFocus()
    qtbot.keyClick(dialog.round, Qt.Key.Key_Down)
    assert dialog.round.currentText() == "Technical interview"
    assert dialog.duration.value() == 90

    dialog.date.setDate(QDate(2026, 7, 14))
    set_time(qtbot, dialog, "14:30")
    type_into(qtbot, line_of(dialog.timezone), "America/New_York")
    assert dialog.zone_hint.text() == "That is 19:30 on Tue 14 Jul in Europe/Dublin."
    type_into(qtbot, dialog.video_link, "https://meet.example.com/abc")
    tick(qtbot, dialog.interviewers, "Ana Silva", "Bo Jensen")
    dialog.notes.setFocus()
    qtbot.keyClicks(dialog.notes, "Ask about <b>queues</b>")
    click_button(qtbot, dialog, SAVE)

    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.saved_id is not None
    saved = interview_records.get_interview(workbook, dialog.saved_id)
    assert (saved.round_id, saved.round_name) == (desk.rounds[1], "Technical interview")
    assert saved.starts_at == datetime(2026, 7, 14, 18, 30, tzinfo=UTC)
    assert (saved.timezone, saved.duration_minutes) == ("America/New_York", 90)
    assert saved.video_link == "https://meet.example.com/abc"
    assert saved.interviewer_names == ("Ana Silva", "Bo Jensen")
    assert saved.notes == "Ask about <b>queues</b>"


def test_errors_show_under_their_fields_until_fixed(
    qtbot: QtBot, workbook: Workbook, desk: Desk, open_dialog: OpenDialog
) -> None:
    dialog = open_dialog()
    type_into(qtbot, line_of(dialog.round), "")
    type_into(qtbot, line_of(dialog.timezone), "Mars/Base_One")
    type_into(qtbot, dialog.video_link, "ftp://files.example.com")
    click_button(qtbot, dialog, SAVE)
    assert dialog.isVisible() and dialog.saved_id is None
    assert error_of(dialog, "round") == "Is required"
    assert "Mars/Base_One" in error_of(dialog, "timezone")
    assert "https://" in error_of(dialog, "video_link")
    assert error_of(dialog, "interviewers") == "Choose at least one interviewer"
    assert error_of(dialog, "date") == "" and error_of(dialog, "location") == ""
    # the first field in error has the focus
    assert QApplication.focusWidget() in (dialog.round, dialog.round.lineEdit())

    qtbot.keyClicks(line_of(dialog.round), "Pair programming")
    type_into(qtbot, line_of(dialog.timezone), "europe/berlin")
    type_into(qtbot, dialog.video_link, "")
    tick(qtbot, dialog.interviewers, "Ana Silva")
    dialog.date.setDate(QDate(2026, 3, 29))
    set_time(qtbot, dialog, "02:30")  # the clocks jump from 02:00 to 03:00 that night
    click_button(qtbot, dialog, SAVE)
    assert "does not exist" in error_of(dialog, "time")
    assert error_of(dialog, "round") == "" and error_of(dialog, "interviewers") == ""

    set_time(qtbot, dialog, "03:30")
    click_button(qtbot, dialog, SAVE)
    assert dialog.saved_id is not None
    saved = interview_records.get_interview(workbook, dialog.saved_id)
    assert (saved.round_id, saved.round_name) == (None, "Pair programming")
    assert (saved.timezone, saved.starts_at.hour) == ("Europe/Berlin", 1)


def test_a_clash_is_asked_about_before_saving(
    qtbot: QtBot,
    workbook: Workbook,
    desk: Desk,
    open_dialog: OpenDialog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    schedule(workbook, desk, timezone="Europe/Dublin", start=time(10, 0))
    asked: list[str] = []
    answer = [False]

    def confirm(_parent: QWidget, title: str, text: str, action: str = "OK") -> bool:
        asked.append(f"{title}|{text}|{action}")
        return answer[0]

    monkeypatch.setattr(messages, "confirm", confirm)
    dialog = open_dialog()
    dialog.date.setDate(QDate(2026, 6, 2))
    set_time(qtbot, dialog, "10:30")
    tick(qtbot, dialog.interviewers, "Ana Silva")
    click_button(qtbot, dialog, SAVE)
    assert len(asked) == 1 and asked[0].startswith("Already Booked|")
    assert "\nAna Silva already has an interview on 2 Jun 2026 from 10:00 to 11:00" in asked[0]
    assert "(the candidate) already has" in asked[0] and asked[0].endswith("|Book Anyway")
    assert dialog.isVisible() and len(interview_records.list_interviews(workbook)) == 1

    answer[0] = True
    click_button(qtbot, dialog, SAVE)
    assert dialog.saved_id is not None and len(interview_records.list_interviews(workbook)) == 2


def test_editing_fills_the_form_and_keeps_the_id(
    qtbot: QtBot, workbook: Workbook, desk: Desk, open_dialog: OpenDialog
) -> None:
    members = (desk.members["ana"], desk.members["irina"])
    interview_id = schedule(workbook, desk, interviewer_ids=members)
    dialog = open_dialog(interview_id)
    assert dialog.windowTitle() == "Edit Interview"
    assert dialog.round.currentText() == "Technical interview"
    assert dialog.date.date() == QDate(2026, 6, 2) and dialog.time.time().toString() == "10:00:00"
    assert (dialog.timezone.currentText(), dialog.duration.value()) == ("Europe/Berlin", 60)
    assert dialog.location.text() == "Room 4, Hauptstraße 1"
    checked = [
        dialog.interviewers.item(i).checkState() == Qt.CheckState.Checked
        for i in range(dialog.interviewers.count())
    ]
    assert checked == [True, False, True]  # Ana, Bo, Irina (sorted by name)
    assert dialog.zone_hint.text() == "That is 09:00 on Tue 02 Jun in Europe/Dublin."

    set_time(qtbot, dialog, "11:15")
    tick(qtbot, dialog.interviewers, "Ana Silva")  # untick Ana
    click_button(qtbot, dialog, SAVE)
    assert dialog.saved_id == interview_id
    saved = interview_records.get_interview(workbook, interview_id)
    assert (saved.local_start.hour, saved.local_start.minute) == (11, 15)
    assert len(saved.interviewers) == 1 and saved.interviewers[0].id == desk.members["irina"]
    assert len(interview_records.list_interviews(workbook)) == 1


def test_a_closed_application_cannot_be_booked(
    workbook: Workbook, desk: Desk, open_dialog: OpenDialog
) -> None:
    stage_moves.move(workbook, desk.application_id, Stage.WITHDRAWN.value)
    dialog = open_dialog()
    assert not dialog.save_button.isEnabled()
    assert dialog.error.isVisibleTo(dialog) and "is closed (Withdrawn)" in dialog.error.text()
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText


def test_ask_returns_the_id_or_none(qtbot: QtBot, workbook: Workbook, desk: Desk) -> None:
    cancel = QDialogButtonBox.StandardButton.Cancel
    when_modal(qtbot, lambda dialog: click_button(qtbot, dialog, cancel), ScheduleDialog)
    assert ScheduleDialog.ask(workbook, desk.application_id) is None
    assert interview_records.list_interviews(workbook) == []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ScheduleDialog)
        tick(qtbot, dialog.interviewers, "Bo Jensen")
        click_button(qtbot, dialog, SAVE)

    when_modal(qtbot, fill, ScheduleDialog)
    saved = ScheduleDialog.ask(workbook, desk.application_id)
    (listed,) = interview_records.list_interviews(workbook)
    assert saved == listed.id and listed.round_name == "Phone screen"
