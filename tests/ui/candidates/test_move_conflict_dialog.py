"""The move dialog for an application someone else moved while it was open.

The other person is another team member acting on the same workbook: their
move lands while the dialog is open. Moving from the dialog then changes
nothing, says who moved the candidate where, and the page shows the new stage.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.candidates.candidates_page_setup import page_of
from tests.ui.conftest import Said, when_modal, workbook_of

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.team import team_members
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.pipeline.move_dialog import MoveDialog


def test_a_move_over_someone_elses_says_who_and_shows_the_new_stage(
    window: MainWindow, qtbot: QtBot, said: Said
) -> None:
    wb = workbook_of(window)
    niamh = team_members.add_member(wb, "Niamh Gallagher", "Founder").id
    me = team_members.add_member(wb, "Priya Raman", "Engineering Lead").id
    role = role_records.create_role(wb, RoleBrief(title="Backend Developer"))
    cid = candidate_records.create_candidate(wb, CandidateInput(name="Ana-Maria Popescu")).id
    application = stage_moves.apply(wb, cid, role.id)
    wb.acting_member_id = me
    page = page_of(window)
    page.refresh()
    assert "Applied" in page.detail.applications.item(0).text()
    seen: list[bool] = []

    def moved_meanwhile_then_move(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDialog)
        # Niamh moves Ana-Maria to Interview while the dialog is open.
        wb.acting_member_id = niamh
        stage_moves.move(wb, application.id, "interview")
        wb.acting_member_id = me
        dialog.target.setCurrentIndex(dialog.target.findData("screening"))
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        seen.append(dialog.isVisible())

    when_modal(qtbot, moved_meanwhile_then_move)
    qtbot.mouseClick(page.detail.move_button, Qt.MouseButton.LeftButton)

    assert seen == [False]  # the dialog closed: its choices were for the old stage
    [(kind, title, text)] = said
    assert (kind, title) == ("show_warning", "Changed Meanwhile")
    assert re.fullmatch(
        r"Niamh Gallagher moved Ana-Maria Popescu to Interview meanwhile \(\d{1,2}:\d{2}\)\. "
        r"Nothing was changed; the page now shows the current state\.",
        text,
    )
    now = stage_moves.applications_of(wb, cid)
    assert [a.stage for a in now] == ["interview"]  # the dialog's move was not made
    # The page shows the current state: the panel and the table say Interview.
    assert "Interview" in page.detail.applications.item(0).text()
    row = page.model.row_of(cid)
    assert row is not None and page.model.row(row).stage_label == "Interview"
