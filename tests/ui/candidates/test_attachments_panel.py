"""The Files tab says when a file's text was not read, and why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from tests.services.candidates.pdf_setup import make_pdf

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.store import Workbook
from hiring_desk.ui.candidates.attachments_panel import AttachmentsPanel


def test_a_file_whose_text_was_not_read_says_why(
    qtbot: QtBot, workbook: Workbook, tmp_path: Path
) -> None:
    cid = candidate_records.create_candidate(workbook, CandidateInput(name="Kari Nordmann")).id
    panel = AttachmentsPanel()
    qtbot.addWidget(panel)
    panel.show_candidate(workbook, cid, "en_GB")
    short, long = tmp_path / "short.pdf", tmp_path / "long.pdf"
    short.write_bytes(make_pdf(2))
    long.write_bytes(make_pdf(51))
    operation = panel.attach_paths([short, long])
    assert operation is not None
    qtbot.waitUntil(lambda: panel.operation is None, timeout=20000)  # read in the background
    assert QGuiApplication.overrideCursor() is None
    texts = sorted(panel.files.item(i).text() for i in range(panel.files.count()))
    assert texts[0].startswith("long.pdf (PDF, ")
    assert texts[0].endswith(" — text not read: it has more than 50 pages")
    assert texts[1].startswith("short.pdf (PDF, ") and "text" not in texts[1]
