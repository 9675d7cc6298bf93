"""The New Candidate dialog applies the new candidate to an open role as it saves them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.candidates.candidates_page_setup import page_of
from tests.ui.conftest import type_into, when_modal, workbook_of

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.pipeline import new_applicants, stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.ui.candidates.candidate_dialog import CandidateDialog
from hiring_desk.ui.main_window import MainWindow


def _save(qtbot: QtBot, dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_new_candidate_applied_to_a_chosen_role(window: MainWindow, qtbot: QtBot) -> None:
    wb = workbook_of(window)
    role_records.create_role(wb, RoleBrief(title="Draft Role"))
    role = role_records.create_role(wb, RoleBrief(title="Backend Developer", status="open"))
    page = page_of(window)
    offered: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CandidateDialog)
        type_into(qtbot, dialog.name, "Yamada Taro")
        combo = dialog.role
        offered.extend(combo.itemText(i) for i in range(combo.count()))
        combo.setFocus()
        qtbot.waitUntil(combo.hasFocus)
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # from "Not now" to the open role
        _save(qtbot, dialog)

    when_modal(qtbot, fill, CandidateDialog)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert offered == ["Not now", "Backend Developer"]  # open roles only
    (candidate,) = candidate_records.list_candidates(wb)
    assert candidate.name == "Yamada Taro"
    (application,) = stage_moves.applications_of(wb, candidate.id)
    assert (application.role_id, application.stage) == (role.id, "applied")
    assert page.detail.applications.count() == 1
    timeline = stage_moves.timeline(wb, candidate.id)
    assert [entry.to_stage for entry in timeline] == ["applied"]


def test_not_now_adds_the_candidate_only(window: MainWindow, qtbot: QtBot) -> None:
    wb = workbook_of(window)
    role_records.create_role(wb, RoleBrief(title="Backend Developer", status="open"))

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CandidateDialog)
        type_into(qtbot, dialog.name, "Dmitry Ivanov")
        _save(qtbot, dialog)

    when_modal(qtbot, fill, CandidateDialog)
    qtbot.mouseClick(page_of(window).new_button, Qt.MouseButton.LeftButton)
    (candidate,) = candidate_records.list_candidates(wb)
    assert stage_moves.applications_of(wb, candidate.id) == []


def test_a_refused_application_adds_no_candidate(window: MainWindow) -> None:
    wb = workbook_of(window)
    closed = role_records.create_role(wb, RoleBrief(title="Old Role", status="closed"))
    try:
        new_applicants.add_candidate_applying(wb, CandidateInput(name="Ada"), closed.id)
    except ValidationError as exc:
        assert "role" in exc.errors
    else:
        raise AssertionError("a closed role was applied to")
    assert candidate_records.list_candidates(wb) == []
