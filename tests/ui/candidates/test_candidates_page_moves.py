"""The Candidates page: moving a stage from the dialog, by dragging a card, and in bulk."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.candidates.candidates_page_setup import page_of
from tests.ui.conftest import choose_more, click_button, type_into, when_modal, workbook_of

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.roles.role_records import RoleDetail
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.pipeline.move_dialog import MoveDialog


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
    choose_more(qtbot, page.toolbar, "bulk_tag")
    tags = [candidate_records.get_candidate(wb, cid).record.tags for cid in ids]
    assert tags == [("shortlist-maybe",), ("shortlist-maybe",), ()]
