"""No label shows a literal '&': a label's Alt+letter needs a buddy to go to.

A QLabel without a buddy shows "Save &to:" as typed; QFormLayout.addRow(text, field)
gives its label a buddy only when the field is a widget, not a layout.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from tests.services.interviews.scorecard_setup import Booked, book
from tests.ui.conftest import MakeWindow, press, workbook_of

from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.team import team_members
from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.store import Workbook
from hiring_desk.ui.areas import AREAS
from hiring_desk.ui.candidates.candidate_dialog import CandidateDialog
from hiring_desk.ui.changes import Change
from hiring_desk.ui.interviews.pack_dialog import PrintPackDialog
from hiring_desk.ui.interviews.question_dialog import QuestionDialog
from hiring_desk.ui.interviews.schedule_dialog import ScheduleDialog
from hiring_desk.ui.interviews.scorecard_dialog import ScorecardDialog
from hiring_desk.ui.offers.offer_dialog import OfferDialog
from hiring_desk.ui.pipeline.move_dialog import BulkMoveDialog, MoveDialog
from hiring_desk.ui.preferences.preferences_dialog import PreferencesDialog
from hiring_desk.ui.privacy.privacy_dialogs import ConsentDialog, KeepUntilDialog
from hiring_desk.ui.roles.role_dialog import RoleDialog
from hiring_desk.ui.settings import Settings
from hiring_desk.ui.team.member_dialog import MemberDialog

Build = Callable[[Workbook, Booked], QWidget]


def _nothing(*_args: object) -> None:
    return None


def _move(wb: Workbook, booked: Booked) -> QWidget:
    application = stage_moves.applications_of(wb, booked.candidate_id)[0]
    members = team_members.list_members(wb)
    return MoveDialog(None, application, "Ada", [], [], members, _nothing)  # type: ignore[arg-type]


DIALOGS: dict[str, Build] = {
    "role": lambda wb, b: RoleDialog(None, _nothing, team_members.list_members(wb)),  # type: ignore[arg-type]
    "candidate": lambda wb, b: CandidateDialog(None, _nothing),  # type: ignore[arg-type]
    "member": lambda wb, b: MemberDialog(None, _nothing),  # type: ignore[arg-type]
    "pack": lambda wb, b: PrintPackDialog(wb, None, b.role_id),
    "preferences": lambda wb, b: PreferencesDialog(wb, Settings()),
    "question": lambda wb, b: QuestionDialog(None, "Question", _nothing, changes=Change(0)),
    "schedule": lambda wb, b: ScheduleDialog(wb, b.application_id),
    "scorecard": lambda wb, b: ScorecardDialog(wb, b.interview_id, None),
    "offer": lambda wb, b: OfferDialog(wb, b.application_id),
    "move": _move,
    "bulk move": lambda wb, b: BulkMoveDialog(None, 2, ["Not a fit"]),
    "consent": lambda wb, b: ConsentDialog(wb, b.candidate_id),
    "keep until": lambda wb, b: KeepUntilDialog("Ada", date(2027, 1, 1)),
}


def literal_ampersands(root: QWidget) -> list[str]:
    """The visible plain labels under ``root`` that show an '&' as typed."""
    found = []
    for label in root.findChildren(QLabel):
        text = label.text().replace("&&", "")
        rich = label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
        )
        if label.isVisible() and "&" in text and not rich and label.buddy() is None:
            found.append(label.text())
    return found


@pytest.mark.parametrize("name", list(DIALOGS))
def test_no_label_shows_a_literal_ampersand(name: str, qtbot: QtBot, workbook: Workbook) -> None:
    booked = book(workbook)
    dialog = DIALOGS[name](workbook, booked)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert literal_ampersands(dialog) == []


def test_the_pack_dialogs_save_to_label_takes_the_focus_to_the_file(
    qtbot: QtBot, workbook: Workbook
) -> None:
    booked = book(workbook)
    dialog = PrintPackDialog(workbook, None, booked.role_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    handle = dialog.windowHandle()
    assert handle is not None
    qtbot.keyClick(handle, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.file
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Save &to:" in labels and QKeySequence.mnemonic("Save &to:").toString() == "Alt+T"


def test_no_page_of_the_window_shows_a_literal_ampersand(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    create_workbook(tmp_path / "labels.hiringdesk").close()
    window = make_window(tmp_path / "labels.hiringdesk")
    book(workbook_of(window))
    for number in range(1, len(AREAS) + 1):
        press(qtbot, window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert literal_ampersands(window) == [], AREAS[number - 1][1]
