"""Messages on the timeline: listed with template, subject, who and files; text readable."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot
from tests.services.candidates.email_files import application, make_pdf
from tests.services.email.email_setup import candidate_with_everything
from tests.ui.conftest import when_modal

from hiring_desk.services.candidates import attachments, candidate_records
from hiring_desk.services.email.messages import MessageSubject, prepare_message, write_message
from hiring_desk.store import Workbook
from hiring_desk.ui.email.email_import import (
    EmailImportReportDialog,
    import_email_applications,
    mail_files,
)
from hiring_desk.ui.email.message_history import MessageHistory, MessageTextDialog


def test_the_history_lists_messages_and_opens_their_text(
    qtbot: QtBot, workbook: Workbook, tmp_path: Path
) -> None:
    setup = candidate_with_everything(workbook)
    about = MessageSubject(
        setup.candidate_id, interview_id=setup.interview_id, sender_id=setup.sender_id
    )
    write_message(
        workbook, prepare_message(workbook, "interview-invitation", about), tmp_path / "a.eml"
    )
    history = MessageHistory()
    qtbot.addWidget(history)
    history.show_candidate(workbook, setup.candidate_id, "en_IE")
    history.show()
    text = history.item(0).text()
    assert "— Email: Interview invitation (by Niamh Gallagher)" in text
    assert "\nSubject: Interview for Backend Developer: Tuesday 12 January 2027" in text
    assert text.endswith("\nAttached: interview.ics")
    seen: list[str] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, MessageTextDialog)
        seen.append(dialog.text.toPlainText())
        dialog.reject()

    when_modal(qtbot, read, MessageTextDialog)
    history.setCurrentRow(0)
    history.setFocus()
    qtbot.keyClick(history, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen))
    assert "To: zoi@example.gr" in seen[0]
    assert "11:00 to 12:00 (Europe/Athens)" in seen[0]
    history.show_candidate(workbook, None)
    assert history.count() == 0


def test_dropped_mail_is_imported_and_reported(
    qtbot: QtBot, workbook: Workbook, tmp_path: Path
) -> None:
    cv = tmp_path / "ana.eml"
    cv.write_bytes(
        application(
            "Ana Sousa",
            "ana@example.pt",
            files=(
                ("cv.pdf", "application/pdf", make_pdf("Ana Sousa")),
                ("tool.exe", "application/octet-stream", b"MZ" * 50),
            ),
        )
    )
    dropped = mail_files([cv, tmp_path / "photo.jpg"])
    assert dropped == [cv]
    shown: list[str] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, EmailImportReportDialog)
        shown.append(dialog.summary.text())
        shown.append(dialog.details.toPlainText())
        dialog.reject()

    when_modal(qtbot, read, QDialog)
    report = import_email_applications(None, SimpleNamespace(workbook=workbook), dropped)
    assert report is not None and shown[0] == "Imported 1 of 1 message; skipped 0."
    assert "tool.exe was not kept" in shown[1]
    (candidate_id,) = report.candidate_ids
    assert candidate_records.get_candidate(workbook, candidate_id).record.name == "Ana Sousa"
    assert [a.filename for a in attachments.list_attachments(workbook, candidate_id)] == ["cv.pdf"]
