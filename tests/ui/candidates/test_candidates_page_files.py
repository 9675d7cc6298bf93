"""The Candidates page: attaching and dropping CV files, and importing a CSV."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from tests.ui.candidates.candidates_page_setup import page_of
from tests.ui.conftest import when_modal, workbook_of

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.ui.main_window import MainWindow


def _pdf_with(text: str, path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in text.splitlines():
        pdf.drawString(72, y, line)
        y -= 16
    pdf.save()
    return path


def test_attach_cv_search_it_and_accept_suggestions(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answered_questions: list[str],
) -> None:
    from hiring_desk.services.candidates import attachments
    from hiring_desk.ui import file_dialogs
    from hiring_desk.ui.candidates import attachments_panel

    wb = workbook_of(window)
    cid = candidate_records.create_candidate(wb, CandidateInput(name="Ingrid Ødegård")).id
    page = page_of(window)
    page.refresh()
    cv = _pdf_with(
        "Ingrid Odegard - ingrid@example.no - +47 555 01 234\n"
        "Built a Quasarflux billing engine in Python and PostgreSQL.",
        tmp_path / "Ingrid CV.pdf",
    )
    monkeypatch.setattr(file_dialogs, "ask_attachment_files", lambda _parent: [cv])
    page.detail.tabs.setCurrentWidget(page.detail.attachments)
    qtbot.mouseClick(page.detail.attachments.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail.attachments.operation is None, timeout=20000)
    assert page.detail.attachments.files.count() == 1
    # The suggestion was offered (and answered yes by the fixture).
    assert answered_questions == ["Found in the CV"]
    record = candidate_records.get_candidate(wb, cid).record
    assert record.email == "ingrid@example.no"
    assert {"Python", "PostgreSQL"} <= set(record.skills)
    # A word only in the PDF finds the candidate from the search box.
    page.filters.search.setFocus()
    qtbot.keyClicks(page.filters.search, "quasarflux")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert page.model.row(0).id == cid
    # Opening writes a private copy and hands it to the system viewer.
    opened: list[Path] = []
    monkeypatch.setattr(
        attachments_panel, "open_with_system_viewer", lambda p: opened.append(p) or True
    )
    page.detail.attachments.files.setCurrentRow(0)
    qtbot.mouseClick(page.detail.attachments.open_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].suffix == ".pdf" and opened[0].read_bytes() == cv.read_bytes()
    assert attachments.list_attachments(wb, cid)[0].has_text


def test_import_csv_with_mapping_and_report(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hiring_desk.ui import file_dialogs
    from hiring_desk.ui.candidates.import_dialog import ImportDialog
    from hiring_desk.ui.candidates.import_report_dialog import ImportReportDialog

    csv_file = tmp_path / "people.csv"
    csv_file.write_text(
        "Full Name;E-mail;Favourite colour\n"
        "Zoë Lambert;zoe@example.org;green\n"
        ";nobody@example.org;red\n"
        ";;blue\n"
        "Søren Kjær;soren@example.org;blue\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(file_dialogs, "ask_import_csv", lambda _parent: csv_file)
    page = page_of(window)
    reports: list[str] = []

    def map_and_import(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        assert [c.currentData() for c in dialog.combos] == ["name", "email", ""]
        assert dialog.preview.rowCount() == 4

        def read_report(report: QWidget) -> None:
            assert isinstance(report, ImportReportDialog)
            reports.append(report.details.toPlainText())
            report.reject()

        when_modal(qtbot, read_report, ImportReportDialog)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, map_and_import, ImportDialog)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(reports), timeout=10_000)
    assert "Line 3: no name; the email address is used as the name" in reports[0]
    assert "Line 4: skipped: no name, email address or phone number" in reports[0]
    assert page.model.total == 3


def test_dropping_cv_files_on_the_files_tab_attaches_them(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import warnings as warnings_module

    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from hiring_desk.services.candidates import attachments
    from hiring_desk.ui import messages

    wb = workbook_of(window)
    cid = candidate_records.create_candidate(wb, CandidateInput(name="Kari Nordmann")).id
    page = page_of(window)
    page.refresh()
    panel = page.detail.attachments
    page.detail.tabs.setCurrentWidget(panel)
    cv = _pdf_with("Kari Nordmann - Rust and Kafka", tmp_path / "Kari CV.pdf")
    fake = tmp_path / "not-a-cv.pdf"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))  # an image named .pdf
    warnings: list[str] = []
    monkeypatch.setattr(messages, "show_warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(messages, "show_error", lambda _p, _t, text, *_a: warnings.append(text))

    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(cv)), QUrl.fromLocalFile(str(fake))])
    actions = Qt.DropAction.CopyAction
    point = QPointF(panel.rect().center())
    no_buttons, no_keys = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    with warnings_module.catch_warnings():  # PySide marks this Qt 6 constructor deprecated
        warnings_module.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(point.toPoint(), actions, data, no_buttons, no_keys)
    panel.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(point, actions, data, no_buttons, no_keys)
    panel.dropEvent(drop)
    qtbot.waitUntil(lambda: panel.operation is None, timeout=20000)  # read in the background

    assert [a.filename for a in attachments.list_attachments(wb, cid)] == ["Kari CV.pdf"]
    assert panel.files.count() == 1
    assert warnings and "not-a-cv.pdf" in warnings[0]  # the refused one is named
