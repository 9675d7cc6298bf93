"""Booking an interview, then writing the invitation (or the change) with its .ics:
"Write an invitation after booking" in the scheduling dialog, remembered."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from tests.services.email.email_setup import (
    Setup,
    attachments_of,
    candidate_with_everything,
    parse_eml,
)
from tests.ui.conftest import click_button, type_into, when_modal

from hiring_desk.services.email.messages import messages_of
from hiring_desk.store import Workbook
from hiring_desk.ui.email.compose import ComposeDialog
from hiring_desk.ui.interviews.schedule_dialog import WRITE_AFTER_BOOKING, ScheduleDialog
from hiring_desk.ui.settings import Settings

SAVE = QDialogButtonBox.StandardButton.Save
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def setup(workbook: Workbook) -> Setup:
    found = candidate_with_everything(workbook)
    workbook.acting_member_id = found.sender_id
    return found


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def test_booking_then_writing_the_invitation_with_its_calendar_file(
    qtbot: QtBot, workbook: Workbook, setup: Setup, opened: list[QUrl]
) -> None:
    seen: list[tuple[int, str, int | None, str]] = []

    def book(dialog: QWidget) -> None:
        assert isinstance(dialog, ScheduleDialog)
        assert dialog.write_after.text() == "&Write an invitation after booking"
        assert not dialog.write_after.isChecked()  # until ticked once
        type_into(qtbot, dialog.round.lineEdit(), "Culture chat")  # type: ignore[arg-type]
        type_into(qtbot, dialog.location, "Harbourlight office, Dublin 8")
        dialog.interviewers.setFocus()
        dialog.interviewers.setCurrentRow(1)  # Tomás Ó Briain
        qtbot.keyClick(dialog.interviewers, Qt.Key.Key_Space)
        dialog.write_after.setFocus()
        qtbot.keyClick(dialog.write_after, Qt.Key.Key_Space)
        when_modal(qtbot, write, ComposeDialog, close_after=True)
        click_button(qtbot, dialog, SAVE)
        assert not dialog.isVisible(), dialog.error.text()

    def write(dialog: QWidget) -> None:
        assert isinstance(dialog, ComposeDialog)
        about = dialog.about()
        seen.append(
            (
                about.candidate_id,
                dialog.template_key(),
                about.interview_id,
                dialog.files.item(0).text(),
            )
        )
        assert dialog.open_button.isEnabled(), dialog.problems.item(0).text()
        qtbot.mouseClick(dialog.open_button, LEFT)

    when_modal(qtbot, book, ScheduleDialog, close_after=True)
    saved = ScheduleDialog.ask(workbook, setup.application_id)
    assert saved is not None and saved != setup.interview_id
    ((candidate_id, template, interview_id, first_file),) = seen
    assert (candidate_id, template, interview_id) == (
        setup.candidate_id,
        "interview-invitation",
        saved,
    )
    assert first_file.startswith("interview.ics")
    (url,) = opened
    ics = attachments_of(parse_eml(Path(url.toLocalFile())))["interview.ics"]
    (event,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert "Culture chat" in str(event["SUMMARY"])
    (record,) = messages_of(workbook, setup.candidate_id)
    assert record.interview_id == saved and record.attachments == ("interview.ics",)
    assert Settings().remembered(WRITE_AFTER_BOOKING)


def test_editing_offers_the_change_and_remembers_the_tick(
    qtbot: QtBot, workbook: Workbook, setup: Setup
) -> None:
    Settings().remember(WRITE_AFTER_BOOKING, True)
    seen: list[tuple[str, int | None]] = []

    def save(dialog: QWidget) -> None:
        assert isinstance(dialog, ScheduleDialog)
        assert dialog.write_after.isChecked()  # as last left
        when_modal(qtbot, close, ComposeDialog, close_after=True)
        click_button(qtbot, dialog, SAVE)

    def close(dialog: QWidget) -> None:
        assert isinstance(dialog, ComposeDialog)
        seen.append((dialog.template_key(), dialog.about().interview_id))
        dialog.reject()

    when_modal(qtbot, save, ScheduleDialog, close_after=True)
    assert ScheduleDialog.ask(workbook, setup.application_id, None, setup.interview_id)
    assert seen == [("rescheduling", setup.interview_id)]

    # untick it: booking writes nothing, and it stays unticked
    def untick(dialog: QWidget) -> None:
        assert isinstance(dialog, ScheduleDialog)
        dialog.write_after.setFocus()
        qtbot.keyClick(dialog.write_after, Qt.Key.Key_Space)
        click_button(qtbot, dialog, SAVE)

    when_modal(qtbot, untick, ScheduleDialog, close_after=True)
    assert ScheduleDialog.ask(workbook, setup.application_id, None, setup.interview_id)
    assert len(seen) == 1 and not Settings().remembered(WRITE_AFTER_BOOKING)
