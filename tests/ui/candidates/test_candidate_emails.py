"""Writing to candidates from the Candidates page: the panel's Write… (button, shortcut,
table menu), the timeline of messages, a rejection written after the move, bulk from a
selection and a board column, and applications dropped on the table or the board."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QWidget
from pytestqt.qtbot import QtBot
from tests.services.candidates.email_files import application, make_pdf
from tests.services.email.email_setup import GREEK, Setup, add_candidate, candidate_with_everything
from tests.ui.candidates.candidates_page_setup import page_of
from tests.ui.conftest import menu_action, press, when_modal, workbook_of

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.email.messages import messages_of
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.ui.candidates import candidate_emails
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.email import bulk
from hiring_desk.ui.email.bulk import BulkComposeDialog
from hiring_desk.ui.email.compose import ComposeDialog
from hiring_desk.ui.email.email_import import EmailImportReportDialog
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.pipeline.move_dialog import MoveDialog
from hiring_desk.ui.settings import Settings

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """What would be handed to the mail program (captured, nothing opened)."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def greek_candidate(window: MainWindow) -> tuple[Setup, CandidatesPage]:
    """Zoi (Greek name) with an interview and an offer, selected; the acting member can sign."""
    wb = workbook_of(window)
    setup = candidate_with_everything(wb)
    wb.acting_member_id = setup.sender_id
    page = page_of(window)
    page.refresh()
    select(page, setup.candidate_id)
    return setup, page


def select(page: CandidatesPage, *candidate_ids: int) -> None:
    """Select these candidates' rows, as Ctrl+clicks would."""
    selection = page.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Rows | QItemSelectionModel.SelectionFlag.Select
    selection.clearSelection()
    for cid in candidate_ids:
        row = page.model.row_of(cid)
        assert row is not None
        no_update = QItemSelectionModel.SelectionFlag.NoUpdate
        selection.setCurrentIndex(page.model.index(row, 0), no_update)
        selection.select(page.model.index(row, 0), flags)
    assert page.detail.candidate_id == candidate_ids[-1]


def compose_opened(qtbot: QtBot, seen: list[tuple[int, str, str]], *, make: bool) -> None:
    """On the next compose dialog: note (candidate, template, reason); make it or close it."""

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, ComposeDialog)
        seen.append((dialog.about().candidate_id, dialog.template_key(), dialog.reason.text()))
        if make:
            assert dialog.open_button.isEnabled(), dialog.problems.item(0).text()
            qtbot.mouseClick(dialog.open_button, LEFT)
        else:
            dialog.reject()

    when_modal(qtbot, act, ComposeDialog, close_after=True)


def timeline_of(page: CandidatesPage) -> list[str]:
    timeline = page.detail.timeline
    return [timeline.item(i).text() for i in range(timeline.count())]


def test_write_opens_compose_and_the_message_joins_the_timeline(
    window: MainWindow, qtbot: QtBot, opened: list[QUrl]
) -> None:
    setup, page = greek_candidate(window)
    assert page.detail.title.text() == GREEK
    seen: list[tuple[int, str, str]] = []
    compose_opened(qtbot, seen, make=True)
    qtbot.mouseClick(page.detail.write_button, LEFT)
    assert seen == [(setup.candidate_id, "acknowledgement", "")]
    assert len(opened) == 1 and opened[0].scheme() == "mailto"
    (record,) = messages_of(workbook_of(window), setup.candidate_id)
    # merged into the stage moves by date: the newest line is the message
    lines = timeline_of(page)
    assert (
        lines[0].startswith(lines[0].split(" — ")[0])
        and "Email: Application received" in (lines[0])
    )
    assert f"Subject: {record.subject}" in lines[0]
    # double-click (Enter) reads it
    read: list[str] = []

    def look(dialog: QWidget) -> None:
        text = dialog.findChild(QWidget, "message_text")
        read.append(text.toPlainText())  # type: ignore[union-attr]
        dialog.close()

    when_modal(qtbot, look)
    page.detail.tabs.setCurrentWidget(page.detail.timeline)
    page.detail.timeline.setCurrentRow(0)
    page.detail.timeline.setFocus()
    qtbot.keyClick(page.detail.timeline, Qt.Key.Key_Return)
    assert read and record.body in read[0] and "To: " in read[0]


def test_the_shortcut_and_the_table_menu_write_to_the_selected_candidate(
    window: MainWindow, qtbot: QtBot
) -> None:
    setup, page = greek_candidate(window)
    seen: list[tuple[int, str, str]] = []
    compose_opened(qtbot, seen, make=False)
    press(
        qtbot,
        window,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen[0][0] == setup.candidate_id

    row = page.model.row_of(setup.candidate_id)
    assert row is not None
    menu = candidate_emails.table_menu(
        page, page.table.visualRect(page.model.index(row, 0)).center()
    )
    assert isinstance(menu, QMenu)
    write, *others = menu.actions()
    assert write.text() == "&Write…"
    assert page.delete_action in others and page.write_action not in others
    compose_opened(qtbot, seen, make=False)
    write.trigger()
    assert [s[0] for s in seen] == [setup.candidate_id, setup.candidate_id]


def test_rejecting_with_a_reason_then_writing(
    window: MainWindow, qtbot: QtBot, opened: list[QUrl]
) -> None:
    setup, page = greek_candidate(window)
    wb = workbook_of(window)
    screened = add_candidate(wb, "Liam Byrne", "liam@example.ie", setup.role_id)
    page.refresh()
    select(page, screened)

    def reject(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDialog)
        assert not dialog.write.isVisible()  # only for a rejection
        dialog.target.setCurrentIndex(dialog.target.findData("rejected"))
        assert dialog.write.isVisible() and not dialog.write.isChecked()
        dialog.reason.setFocus()
        qtbot.keyClicks(dialog.reason, "We need more Go experience")
        dialog.write.setFocus()
        qtbot.keyClick(dialog.write, Qt.Key.Key_Space)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        compose_opened(qtbot, found, make=True)
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), LEFT)

    found: list[tuple[int, str, str]] = []
    when_modal(qtbot, reject, MoveDialog)
    qtbot.mouseClick(page.detail.move_button, LEFT)
    assert found == [(screened, "rejection-after-screening", "We need more Go experience")]
    assert stage_moves.applications_of(wb, screened)[0].stage == "rejected"
    (record,) = messages_of(wb, screened)
    assert "We need more Go experience" in record.body
    assert Settings().remembered(candidate_emails.WRITE_AFTER_REJECTING)
    lines = timeline_of(page)
    assert "Email: Not going ahead (after screening)" in lines[0]
    assert "Backend Developer: Rejected" in lines[1]

    # Zoi was at the offer stage: the rejection after interview, ticked as last left
    select(page, setup.candidate_id)

    def reject_zoi(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDialog)
        dialog.target.setCurrentIndex(dialog.target.findData("rejected"))
        assert dialog.write.isChecked()
        dialog.reason.setCurrentText("Role filled")
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        compose_opened(qtbot, found, make=False)
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), LEFT)

    when_modal(qtbot, reject_zoi, MoveDialog)
    qtbot.mouseClick(page.detail.move_button, LEFT)
    assert found[1] == (setup.candidate_id, "rejection-after-interview", "Role filled")


def test_bulk_from_a_multi_selection_makes_a_draft_each(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup, page = greek_candidate(window)
    wb = workbook_of(window)
    other = add_candidate(wb, "Liam Byrne", "liam@example.ie", setup.role_id)
    page.refresh()
    select(page, setup.candidate_id, other)
    assert page.write_button.isEnabled()
    folder = tmp_path / "drafts"
    folder.mkdir()
    monkeypatch.setattr(bulk, "ask_folder", lambda _parent: folder)
    counted: list[str] = []

    def make(dialog: QWidget) -> None:
        assert isinstance(dialog, BulkComposeDialog)
        counted.append(dialog.count.text())
        qtbot.mouseClick(dialog.make_button, LEFT)

    when_modal(qtbot, make, BulkComposeDialog, close_after=True)
    qtbot.mouseClick(page.write_button, LEFT)
    assert counted == ["2 candidates; the first one's message:"]
    assert len(list(folder.glob("*.eml"))) == 2
    assert len(messages_of(wb, other)) == 1 and len(messages_of(wb, setup.candidate_id)) == 1


def test_a_board_column_menu_writes_to_everyone_in_it(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup, page = greek_candidate(window)
    wb = workbook_of(window)
    ids = [add_candidate(wb, n, f"{n.lower()}@example.ie", setup.role_id) for n in ("Ann", "Bo")]
    for cid in ids:
        application_id = stage_moves.applications_of(wb, cid)[0].id
        stage_moves.move(wb, application_id, "rejected", reason="Role filled")
    page.filters.role_filter.setCurrentIndex(page.filters.role_filter.findData(setup.role_id))
    qtbot.mouseClick(page.board_toggle, LEFT)
    column = page.board.columns[Stage.REJECTED]
    assert column.count() == 2
    column.customContextMenuRequested.emit(QPoint(5, 5))  # a right-click in the column
    menu = page.board.column_menu
    assert menu is not None and menu.isVisible()
    (write,) = menu.actions()
    assert write.text() == "&Write to Everyone in Rejected…"
    folder = tmp_path / "drafts"
    folder.mkdir()
    monkeypatch.setattr(bulk, "ask_folder", lambda _parent: folder)
    templates: list[str] = []

    def make(dialog: QWidget) -> None:
        assert isinstance(dialog, BulkComposeDialog)
        templates.append(dialog.template_key())
        qtbot.mouseClick(dialog.make_button, LEFT)

    when_modal(qtbot, make, BulkComposeDialog, close_after=True)
    write.trigger()
    menu.close()
    assert templates == ["rejection-after-screening"]
    assert len(list(folder.glob("*.eml"))) == 2
    assert all(len(messages_of(wb, cid)) == 1 for cid in ids)


def _drop_files(page: CandidatesPage, target: QWidget, paths: list[Path]) -> None:
    """Drag files over ``target`` and drop them, as the drag would end (the drag's own
    loop needs a real pointer, so the events go to the page's drop handler)."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point, copy = QPointF(target.rect().center()), Qt.DropAction.CopyAction
    no_buttons, no_keys = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():  # PySide marks this Qt 6 constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(point.toPoint(), copy, data, no_buttons, no_keys)
    enter.ignore()
    assert page.mail_drops.eventFilter(target, enter) and enter.isAccepted()
    drop = QDropEvent(point, copy, data, no_buttons, no_keys)
    assert page.mail_drops.eventFilter(target, drop)


def _saved(tmp_path: Path, name: str, address: str) -> Path:
    cv = make_pdf(name, "Python, PostgreSQL")
    path = tmp_path / f"{address}.eml"
    path.write_bytes(application(name, address, files=(("cv.pdf", "application/pdf", cv),)))
    return path


def test_dropping_saved_email_on_the_table_and_the_board_imports_applications(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    setup, page = greek_candidate(window)
    wb = workbook_of(window)
    reports: list[str] = []

    def close_report(dialog: QWidget) -> None:
        assert isinstance(dialog, EmailImportReportDialog)
        reports.append(dialog.summary.text())
        dialog.close()

    when_modal(qtbot, close_report, EmailImportReportDialog, close_after=True)
    _drop_files(
        page, page.table.viewport(), [_saved(tmp_path, "Siobhán Kelly", "siobhan@example.ie")]
    )
    qtbot.waitUntil(lambda: len(reports) == 1)
    (siobhan,) = candidate_records.list_candidates(wb, "Siobhán")
    assert stage_moves.applications_of(wb, siobhan.id) == []  # no role on the table
    # on the board of a role: the application goes to that role
    page.filters.role_filter.setCurrentIndex(page.filters.role_filter.findData(setup.role_id))
    qtbot.mouseClick(page.board_toggle, LEFT)
    when_modal(qtbot, close_report, EmailImportReportDialog, close_after=True)
    _drop_files(
        page,
        page,  # a board column leaves drops other than cards to the page
        [_saved(tmp_path, "Darragh Nolan", "darragh@example.ie"), tmp_path / "notes.txt"],
    )
    qtbot.waitUntil(lambda: len(reports) == 2)
    (darragh,) = candidate_records.list_candidates(wb, "Darragh")
    (applied,) = stage_moves.applications_of(wb, darragh.id)
    assert applied.role_id == setup.role_id and applied.stage == "applied"
    column = page.board.columns[Stage.APPLIED]
    assert [column.item(i).text() for i in range(column.count())] == ["Darragh Nolan"]


def test_file_import_menu_offers_csv_and_email(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hiring_desk.ui.email import email_import

    greek_candidate(window)
    action = menu_action(window, "File", "Import", "Applications from Email…")
    assert menu_action(window, "File", "Import", "Candidates from CSV…").isEnabled()
    path = _saved(tmp_path, "Siobhán Kelly", "siobhan@example.ie")
    monkeypatch.setattr(email_import, "ask_mail_files", lambda _parent: [path])
    reports: list[str] = []

    def close_report(dialog: QWidget) -> None:
        reports.append(dialog.windowTitle())
        dialog.close()

    window.show_area("offers")
    when_modal(qtbot, close_report, EmailImportReportDialog, close_after=True)
    action.trigger()
    qtbot.waitUntil(lambda: len(reports) == 1)
    assert window.current_area() == "candidates"
    assert [c.name for c in candidate_records.list_candidates(workbook_of(window), "Siobhán")] == [
        "Siobhán Kelly"
    ]
