"""The compose dialog, driven with clicks: preview, problems, attachments, mail program."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import icalendar
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot
from tests.services.email.email_setup import (
    GREEK,
    Setup,
    attachments_of,
    candidate_with_everything,
    parse_eml,
)

from hiring_desk.services.email.messages import MessageSubject, messages_of
from hiring_desk.store import Workbook
from hiring_desk.ui import file_dialogs
from hiring_desk.ui.email import compose
from hiring_desk.ui.email.compose import ComposeDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """Captures what would be handed to the desktop (nothing is opened)."""
    urls: list[QUrl] = []

    def capture(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", capture)
    return urls


@pytest.fixture
def setup(workbook: Workbook) -> Setup:
    return candidate_with_everything(workbook)


def _dialog(
    qtbot: QtBot, workbook: Workbook, about: MessageSubject, template: str
) -> ComposeDialog:
    dialog = ComposeDialog(workbook, about, template)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def test_an_invitation_opens_in_the_mail_program_with_its_calendar_file(
    qtbot: QtBot, workbook: Workbook, setup: Setup, opened: list[QUrl]
) -> None:
    about = MessageSubject(
        setup.candidate_id, interview_id=setup.interview_id, sender_id=setup.sender_id
    )
    dialog = _dialog(qtbot, workbook, about, "interview-invitation")
    assert dialog.subject.text() == "Interview for Backend Developer: Tuesday 12 January 2027"
    assert "11:00 to 12:00 (Europe/Athens)" in dialog.body.toPlainText()
    assert dialog.problems.item(0).text() == compose.READY
    assert dialog.files.item(0).text().startswith("interview.ics")
    click(qtbot, dialog.open_button)

    (url,) = opened
    assert url.isLocalFile() and url.toLocalFile().endswith(".eml")
    message = parse_eml(Path(url.toLocalFile()))
    assert message["To"].addresses[0].display_name == GREEK
    ics = attachments_of(message)["interview.ics"]
    assert len(list(icalendar.Calendar.from_ical(ics).walk("VEVENT"))) == 1
    (record,) = messages_of(workbook, setup.candidate_id)
    assert record.attachments == ("interview.ics",)
    workbook.close()
    assert not Path(url.toLocalFile()).exists()  # the copy goes with the workbook


def test_without_attachments_a_mailto_link_is_opened(
    qtbot: QtBot, workbook: Workbook, setup: Setup, opened: list[QUrl]
) -> None:
    about = MessageSubject(setup.candidate_id, sender_id=setup.sender_id)
    dialog = _dialog(qtbot, workbook, about, "rejection-after-interview")
    qtbot.keyClicks(dialog.reason, "We chose someone with more Go.")
    qtbot.waitUntil(lambda: "more Go" in dialog.body.toPlainText())
    click(qtbot, dialog.open_button)
    (url,) = opened
    text = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
    assert text.startswith("mailto:zoi@example.gr?subject=")
    assert "more Go" in unquote(text)
    (record,) = messages_of(workbook, setup.candidate_id)
    assert "We chose someone with more Go." in record.body


def test_missing_fields_are_named_and_nothing_can_be_made(
    qtbot: QtBot, workbook: Workbook, setup: Setup, opened: list[QUrl]
) -> None:
    about = MessageSubject(setup.candidate_id, sender_id=setup.sender_id)
    dialog = _dialog(qtbot, workbook, about, "offer")
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert "This template is about an offer: pick one." in problems
    assert "[missing: offer.salary]" in dialog.body.toPlainText()
    assert not dialog.open_button.isEnabled() and not dialog.save_button.isEnabled()
    # choosing another template with the keyboard clears the problems
    dialog.template.setFocus()
    while dialog.template.currentData() != "acknowledgement":
        qtbot.keyClick(dialog.template, Qt.Key.Key_Up)
    assert dialog.problems.item(0).text() == compose.READY
    assert dialog.open_button.isEnabled()


def test_save_as_writes_the_eml_with_a_picked_file_and_the_offer_letter(
    qtbot: QtBot,
    workbook: Workbook,
    setup: Setup,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    picked = tmp_path / "map.txt"
    picked.write_text("Turn left at the harbour.", encoding="utf-8")
    monkeypatch.setattr(compose, "ask_files_to_attach", lambda _parent: [picked])
    out = tmp_path / "offer.eml"

    def ask(_parent: QWidget | None, start: Path, _label: str, suffix: str) -> Path:
        assert start.name.startswith(GREEK) and suffix == ".eml"
        return out

    monkeypatch.setattr(file_dialogs, "ask_export_path", ask)
    about = MessageSubject(setup.candidate_id, offer_id=setup.offer_id, sender_id=setup.sender_id)
    dialog = _dialog(qtbot, workbook, about, "offer")
    click(qtbot, dialog.add_file_button)
    assert [dialog.files.item(i).text() for i in range(dialog.files.count())][1] == "map.txt"
    click(qtbot, dialog.save_button)
    files = attachments_of(parse_eml(out))
    assert sorted(files) == ["map.txt", "offer-letter.pdf"]
    assert files["map.txt"] == b"Turn left at the harbour."
    assert [r.template_name for r in messages_of(workbook, setup.candidate_id)] == ["Offer"]


def test_what_the_message_is_about_is_picked_from_the_candidates_own(
    qtbot: QtBot, workbook: Workbook, setup: Setup, opened: list[QUrl]
) -> None:
    about = MessageSubject(setup.candidate_id, sender_id=setup.sender_id)
    dialog = _dialog(qtbot, workbook, about, "offer")
    assert dialog.to.text() == f"{GREEK} <zoi@example.gr>"
    labels = [dialog.about_choice.itemText(i) for i in range(dialog.about_choice.count())]
    assert labels == [
        "Nothing in particular",
        "Interview: Technical interview, 12 Jan 2027 (Backend Developer)",
        "Offer: Backend Developer (approved)",
    ]
    assert not dialog.open_button.isEnabled()
    dialog.about_choice.setFocus()
    qtbot.keyClick(dialog.about_choice, Qt.Key.Key_End)
    assert dialog.problems.item(0).text() == compose.READY
    assert dialog.files.item(0).text().startswith("offer-letter.pdf")
    click(qtbot, dialog.open_button)
    (url,) = opened
    assert sorted(attachments_of(parse_eml(Path(url.toLocalFile())))) == ["offer-letter.pdf"]
