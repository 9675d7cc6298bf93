"""The scorecard dialog when someone else saved the same scorecard while it was open."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from tests.services.interviews.scorecard_setup import book, full
from tests.ui.conftest import Said, show_active

from hiring_desk.services.interviews import scorecards
from hiring_desk.store import Workbook
from hiring_desk.ui.interviews.scorecard_dialog import ScorecardDialog


def test_a_save_over_someone_elses_says_who_and_shows_theirs(
    qtbot: QtBot, workbook: Workbook, said: Said
) -> None:
    booked = book(workbook)
    ana, ben = booked.interviewers
    scorecards.save_scorecard(workbook, booked.interview_id, full(ana, "no"))
    dialog = ScorecardDialog(workbook, booked.interview_id, None, ana)
    show_active(qtbot, dialog)
    assert dialog.recommendation.value() == "no"

    # Ben, at another desk, saves Ana's scorecard again while the dialog is open.
    workbook.acting_member_id = ben
    scorecards.save_scorecard(workbook, booked.interview_id, full(ana, "strong_yes", 4, 4, 4))

    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_1)  # the first rating, changed here
    qtbot.keyClick(focus, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    [(kind, title, text)] = said
    assert (kind, title) == ("show_warning", "Changed Meanwhile")
    assert re.fullmatch(
        r"Ben Okafor saved Ana Silva's scorecard for Ingrid Ødegård \(strong yes\) meanwhile "
        r"\(\d{1,2}:\d{2}\)\. Nothing was changed; the page now shows the current state\.",
        text,
    )
    # Still open, showing Ben's save; nothing of this one was written.
    assert dialog.isVisible() and dialog.scorecard_id is None
    assert dialog.recommendation.value() == "strong_yes"
    assert dialog.rows["databases"].value == 4
    saved = scorecards.scorecard_form(workbook, booked.interview_id, ana).existing
    assert saved is not None and saved.recommendation == "strong_yes"

    # Seen now: saving again goes over it, knowingly.
    dialog.recommendation.setFocus()
    qtbot.keyClick(dialog.recommendation, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.scorecard_id is not None
