"""The Candidates page: search as you type, add, move a stage, plain-text display."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.conftest import MakeWindow, click_button, press, type_into, when_modal, workbook_of

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.roles.role_records import RoleDetail
from hiring_desk.services.workbook.opening import Workbook, create_workbook
from hiring_desk.ui.candidates.candidate_dialog import CandidateDialog
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.pipeline.move_dialog import MoveDialog


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path, qtbot: QtBot) -> MainWindow:
    create_workbook(tmp_path / "c.hiringdesk").close()
    win = make_window(tmp_path / "c.hiringdesk")
    press(qtbot, win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    return win


def page_of(window: MainWindow) -> CandidatesPage:
    page = window.pages["candidates"]
    assert isinstance(page, CandidatesPage)
    return page


def ada_applied(window: MainWindow) -> tuple[Workbook, RoleDetail, int, CandidatesPage]:
    """Ada Lovelace applied to Backend Developer, shown on the Candidates page:
    (workbook, role, her candidate id, page)."""
    wb = workbook_of(window)
    role = role_records.create_role(wb, RoleBrief(title="Backend Developer"))
    cid = candidate_records.create_candidate(wb, CandidateInput(name="Ada Lovelace")).id
    stage_moves.apply(wb, cid, role.id)
    page = page_of(window)
    page.refresh()
    return wb, role, cid, page


def test_add_candidate_with_field_error_then_save(window: MainWindow, qtbot: QtBot) -> None:
    page = page_of(window)
    errors: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CandidateDialog)
        type_into(qtbot, dialog.name, "Ingrid Ødegård")
        type_into(qtbot, dialog.email, "ingrid@")
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        save = box.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        errors.append(dialog._fields["email"].error.text())
        type_into(qtbot, dialog.email, "ingrid@example.no")
        type_into(qtbot, dialog.skills, "Python, Rust")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    when_modal(qtbot, fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert errors and errors[0]
    assert page.model.total == 1
    assert page.detail.title.text() == "Ingrid Ødegård"
    assert page.detail.fields["skills"].text() == "Python, Rust"


def test_search_as_you_type_finds_accented_names(window: MainWindow, qtbot: QtBot) -> None:
    wb = workbook_of(window)
    for name in ("Ingrid Ødegård", "Zoë Lambert", "Ahmed Hassan"):
        candidate_records.create_candidate(wb, CandidateInput(name=name))
    page = page_of(window)
    page.refresh()
    assert page.model.total == 3
    page.filters.search.setFocus()
    qtbot.keyClicks(page.filters.search, "odeg")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert page.model.row(0).name == "Ingrid Ødegård"
    assert page.filters.count.text() == "1 candidate"
    page.filters.search.clear()
    qtbot.waitUntil(lambda: page.model.total == 3)


def test_move_stage_records_the_timeline(window: MainWindow, qtbot: QtBot) -> None:
    wb, _role, cid, page = ada_applied(window)
    page.detail.tabs.setCurrentIndex(1)

    def move(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDialog)
        dialog.target.setCurrentIndex(dialog.target.findData("screening"))
        type_into(qtbot, dialog.note, "Strong CV")
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    when_modal(qtbot, move)
    qtbot.mouseClick(page.detail.move_button, Qt.MouseButton.LeftButton)
    assert stage_moves.applications_of(wb, cid)[0].stage == "screening"
    timeline = [page.detail.timeline.item(i).text() for i in range(page.detail.timeline.count())]
    assert "Applied → Screening" in timeline[0] and "Strong CV" in timeline[0]


def test_refused_move_says_why_in_the_dialog(window: MainWindow, qtbot: QtBot) -> None:
    wb, _role, cid, page = ada_applied(window)
    seen: list[str] = []

    def reject_without_reason(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDialog)
        dialog.target.setCurrentIndex(dialog.target.findData("rejected"))
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog.error.isVisible()
        seen.append(dialog.error.text())
        dialog.reject()

    when_modal(qtbot, reject_without_reason)
    qtbot.mouseClick(page.detail.move_button, Qt.MouseButton.LeftButton)
    assert seen and "reason" in seen[0]
    assert stage_moves.applications_of(wb, cid)[0].stage == "applied"


def test_notes_with_html_show_their_tags(window: MainWindow) -> None:
    wb = workbook_of(window)
    candidate_records.create_candidate(
        wb, CandidateInput(name="<b>Bold</b> & Co", notes="<script>alert(1)</script>")
    )
    page = page_of(window)
    page.refresh()
    assert page.detail.title.text() == "<b>Bold</b> & Co"
    assert page.detail.title.textFormat() == Qt.TextFormat.PlainText
    assert page.detail.notes.toPlainText() == "<script>alert(1)</script>"
    assert page.model.row(0).name == "<b>Bold</b> & Co"


def _drop(qtbot: QtBot, source: QWidget, target: QWidget, row: int) -> None:
    """Drop a card from ``source`` onto ``target`` as a drag would end.

    The drag's own loop (QDrag.exec) needs a real pointer, so the test starts
    from the press on the card and delivers the drop event the drag ends with.
    """
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QListWidget

    assert isinstance(source, QListWidget) and isinstance(target, QListWidget)
    item = source.item(row)
    rect = source.visualItemRect(item)
    qtbot.mousePress(source.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(source.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert source.currentItem() is item
    data = source.mimeData([item])
    event = QDropEvent(
        QPointF(target.viewport().rect().center()),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(event)


def test_dragging_a_card_records_a_stage_event(
    window: MainWindow, qtbot: QtBot, answered_questions: list[str]
) -> None:
    from hiring_desk.domain.vocab import Stage

    wb, role, cid, page = ada_applied(window)
    page.filters.role_filter.setCurrentIndex(page.filters.role_filter.findData(role.id))
    qtbot.mouseClick(page.board_toggle, Qt.MouseButton.LeftButton)
    assert page.views.currentWidget() is page.board
    applied, interview = page.board.columns[Stage.APPLIED], page.board.columns[Stage.INTERVIEW]
    assert applied.count() == 1 and interview.count() == 0
    _drop(qtbot, applied, interview, 0)
    assert stage_moves.applications_of(wb, cid)[0].stage == "interview"
    assert applied.count() == 0 and interview.count() == 1
    page.detail.show_candidate(cid)
    first = page.detail.timeline.item(0).text()
    assert "Applied → Interview" in first
    # A move the rules refuse (straight to Hired) says why and changes nothing.
    _drop(qtbot, interview, page.board.columns[Stage.HIRED], 0)
    assert stage_moves.applications_of(wb, cid)[0].stage == "interview"
    assert answered_questions == ["Cannot Move"]


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


def test_adding_a_duplicate_offers_a_merge(window: MainWindow, qtbot: QtBot) -> None:
    from hiring_desk.ui.candidates.merge_dialog import MergeDialog

    wb = workbook_of(window)
    existing = candidate_records.create_candidate(
        wb, CandidateInput(name="José García", email="jose@example.com", skills=("Python",))
    ).id
    page = page_of(window)
    page.refresh()
    previews: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CandidateDialog)
        type_into(qtbot, dialog.name, "Jose Garcia")
        type_into(qtbot, dialog.email, "JOSE@example.com")
        type_into(qtbot, dialog.skills, "Go")

        def merge(merge_dialog: QWidget) -> None:
            assert isinstance(merge_dialog, MergeDialog)
            previews.append(merge_dialog.preview.toPlainText())
            qtbot.mouseClick(merge_dialog.merge_button, Qt.MouseButton.LeftButton)

        when_modal(qtbot, merge, MergeDialog)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(
            box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )

    when_modal(qtbot, fill, CandidateDialog)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(previews))
    assert "Skills: Python, Go" in previews[0]
    listed = candidate_records.list_candidates(wb)
    assert [c.id for c in listed] == [existing]
    assert candidate_records.get_candidate(wb, existing).record.skills == ("Python", "Go")
    assert page.selected_id() == existing


def test_tag_and_skill_filters(window: MainWindow, qtbot: QtBot) -> None:
    wb = workbook_of(window)
    candidate_records.create_candidate(
        wb, CandidateInput(name="A", skills=("Python",), tags=("remote",))
    )
    candidate_records.create_candidate(
        wb, CandidateInput(name="B", skills=("Java",), tags=("remote",))
    )
    candidate_records.create_candidate(wb, CandidateInput(name="C", skills=("Python",)))
    page = page_of(window)
    page.refresh()
    page.filters.tag_filter.setFocus()
    qtbot.keyClicks(page.filters.tag_filter, "Remote")
    qtbot.waitUntil(lambda: page.model.total == 2)
    page.filters.skill_filter.setFocus()
    qtbot.keyClicks(page.filters.skill_filter, "python")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert page.model.row(0).name == "A"


def test_bulk_move_and_tag_a_selection(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, answered_questions: list[str]
) -> None:
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QInputDialog

    from hiring_desk.ui.pipeline.move_dialog import BulkMoveDialog

    wb = workbook_of(window)
    role = role_records.create_role(wb, RoleBrief(title="Backend Developer"))
    ids = [
        candidate_records.create_candidate(wb, CandidateInput(name=n)).id for n in ("A", "B", "C")
    ]
    for cid in ids:
        stage_moves.apply(wb, cid, role.id)
    stage_moves.move(
        wb, stage_moves.applications_of(wb, ids[2])[0].id, "rejected", reason="Too far"
    )
    page = page_of(window)
    page.refresh()
    page.table.selectAll()
    assert len(page.selected_rows()) == 3 and page.bulk_move_button.isEnabled()

    def to_screening(dialog: QWidget) -> None:
        assert isinstance(dialog, BulkMoveDialog)
        dialog.target.setCurrentIndex(dialog.target.findData("screening"))
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    when_modal(qtbot, to_screening, BulkMoveDialog)
    qtbot.mouseClick(page.bulk_move_button, Qt.MouseButton.LeftButton)
    stages = [stage_moves.applications_of(wb, cid)[0].stage for cid in ids]
    assert stages == ["screening", "screening", "screening"]  # C was reopened
    assert answered_questions == []
    # Tag two of them.
    page.table.clearSelection()
    model = page.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    model.select(page.model.index(0, 0), flags)
    model.select(page.model.index(1, 0), flags)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("shortlist-maybe", True))
    qtbot.mouseClick(page.bulk_tag_button, Qt.MouseButton.LeftButton)
    tags = [candidate_records.get_candidate(wb, cid).record.tags for cid in ids]
    assert tags == [("shortlist-maybe",), ("shortlist-maybe",), ()]


def test_match_column_sorts_and_filters(window: MainWindow, qtbot: QtBot) -> None:
    from hiring_desk.services.roles.briefs import SkillEntry

    wb = workbook_of(window)
    role = role_records.create_role(
        wb, RoleBrief(title="Backend", skills=(SkillEntry("Python"), SkillEntry("Go")))
    )
    for name, skills in (("Half", ("Go",)), ("Full", ("Python", "Go")), ("None", ())):
        cid = candidate_records.create_candidate(wb, CandidateInput(name=name, skills=skills)).id
        stage_moves.apply(wb, cid, role.id)
    page = page_of(window)
    page.refresh()
    view = page.table
    header = view.horizontalHeader()
    titles = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(header.count())]
    match_column = titles.index("Match")
    # A click on the header sorts by match (ascending), a second click reverses it.
    section_x = header.sectionViewportPosition(match_column) + header.sectionSize(match_column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(section_x, 5))
    qtbot.waitUntil(lambda: page.model.row(0).name == "None")
    assert [page.model.row(i).name for i in range(3)] == ["None", "Half", "Full"]
    assert page.model.index(2, match_column).data() == "100%"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(section_x, 5))
    qtbot.waitUntil(lambda: page.model.row(0).name == "Full")

    page.filters.match_filter.setFocus()
    qtbot.keyClick(page.filters.match_filter, Qt.Key.Key_Down)  # Match 25%+
    qtbot.waitUntil(lambda: page.model.total == 2)
    for _ in range(3):
        qtbot.keyClick(page.filters.match_filter, Qt.Key.Key_Down)  # ... Match 100%+
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert page.model.row(0).name == "Full"


def test_compare_three_candidates_of_a_role(window: MainWindow, qtbot: QtBot) -> None:
    from hiring_desk.ui.offers.compare_dialog import CompareDialog

    wb = workbook_of(window)
    role = role_records.create_role(wb, RoleBrief(title="Backend"))
    for name in ("Ann", "Ben", "Cai"):
        cid = candidate_records.create_candidate(wb, CandidateInput(name=name)).id
        stage_moves.apply(wb, cid, role.id)
    candidate_records.create_candidate(wb, CandidateInput(name="Dee"))  # no application
    page = page_of(window)
    page.refresh()
    view = page.table
    first = view.visualRect(page.model.index(0, 0)).center()
    third = view.visualRect(page.model.index(2, 0)).center()
    fourth = view.visualRect(page.model.index(3, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert not page.compare_button.isEnabled()  # one is not enough
    shift = Qt.KeyboardModifier.ShiftModifier
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, shift, third)
    assert page.compare_button.isEnabled()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, shift, fourth)
    assert not page.compare_button.isEnabled()  # Dee applied to no role
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, shift, third)
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(CompareDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()


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


def test_the_candidate_editor_keeps_a_salary_range(qtbot: QtBot, tmp_path: Path) -> None:
    from decimal import Decimal

    with create_workbook(tmp_path / "r.hiringdesk") as wb:
        cid = candidate_records.create_candidate(
            wb,
            CandidateInput(
                name="Ranged",
                salary_expectation=Decimal("65000"),
                salary_expectation_max=Decimal("75000"),
                salary_currency="EUR",
            ),
        ).id
        detail = candidate_records.get_candidate(wb, cid)
        dialog = CandidateDialog(None, lambda record: detail, detail)
        qtbot.addWidget(dialog)
        assert dialog.salary.text() == "65,000.00–75,000.00"
        record = dialog.record()
        assert (record.salary_expectation, record.salary_expectation_max) == (
            Decimal("65000"),
            Decimal("75000"),
        )
        dialog.salary.setFocus()
        dialog.salary.selectAll()
        qtbot.keyClicks(dialog.salary, "70k")
        assert dialog.record().salary_expectation_max is None
