"""The scorecard dialog: a paper scorecard typed in with the keyboard only."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot
from tests.services.interviews.scorecard_setup import Booked, add_member, book
from tests.ui.conftest import show_active

from hiring_desk.domain.scoring import EMPTY
from hiring_desk.services.interviews import scorecards
from hiring_desk.services.interviews.scorecards import RatingDraft, ScorecardDraft
from hiring_desk.store import Workbook
from hiring_desk.ui.interviews.rating_inputs import RatingRow, RecommendationPicker
from hiring_desk.ui.interviews.scorecard_dialog import ScorecardDialog

OpenDialog = Callable[..., ScorecardDialog]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def booked(workbook: Workbook) -> Booked:
    return book(workbook)


@pytest.fixture
def open_dialog(qtbot: QtBot, workbook: Workbook) -> Iterator[OpenDialog]:
    """Opens the dialog as the active window, as it would be when a person uses it."""
    opened: list[ScorecardDialog] = []

    def make(interview_id: int, interviewer_id: int | None = None) -> ScorecardDialog:
        dialog = ScorecardDialog(workbook, interview_id, None, interviewer_id)
        show_active(qtbot, dialog)
        opened.append(dialog)
        return dialog

    yield make


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def key(
    qtbot: QtBot, which: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """One keystroke to whatever has the focus, as a person types it."""
    qtbot.keyClick(focused(), which, modifiers)


def test_a_whole_scorecard_typed_with_keys_changes_the_aggregate(
    qtbot: QtBot, workbook: Workbook, booked: Booked, open_dialog: OpenDialog
) -> None:
    assert scorecards.aggregate_for_application(workbook, booked.application_id) is EMPTY
    dialog = open_dialog(booked.interview_id)
    assert focused() is dialog.rows["databases"]  # the first rating, ready for a digit
    assert dialog.interviewer.currentText() == "Ana Silva"

    key(qtbot, Qt.Key.Key_Tab, SHIFT)  # back to the interviewer
    assert focused() is dialog.interviewer
    qtbot.keyClicks(focused(), "B")  # the interviewer, by the first letter of the name
    assert dialog.interviewer.currentText() == "Ben Okafor"
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.rows["databases"]
    key(qtbot, Qt.Key.Key_3)
    assert focused() is dialog.rows["apis"]
    key(qtbot, Qt.Key.Key_4)
    assert focused() is dialog.rows["communication"]
    key(qtbot, Qt.Key.Key_Tab, SHIFT)  # back to the note beside "APIs"
    assert focused() is dialog.notes_for["apis"]
    qtbot.keyClicks(focused(), "Designed <b>idempotent</b> retries")
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.rows["communication"]
    key(qtbot, Qt.Key.Key_0)  # not rated
    assert focused() is dialog.recommendation
    key(qtbot, Qt.Key.Key_3)  # yes
    assert focused() is dialog.notes
    qtbot.keyClicks(focused(), "Strong on data; quiet in the team exercise.")
    key(qtbot, Qt.Key.Key_Return, CTRL)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.scorecard_id is not None
    ben = booked.interviewers[1]
    saved = scorecards.scorecard_form(workbook, booked.interview_id, ben).existing
    assert saved is not None and saved.id == dialog.scorecard_id
    assert saved.recommendation == "yes"
    assert saved.notes == "Strong on data; quiet in the team exercise."
    assert [(r.competency, r.rating, r.note) for r in saved.ratings] == [
        ("databases", 3, ""),
        ("apis", 4, "Designed <b>idempotent</b> retries"),
    ]
    agg = scorecards.aggregate_for_application(workbook, booked.application_id)
    assert agg.verdict == "3.5 · 1 yes"


def test_it_opens_on_the_first_rating_so_a_digit_rates_it(
    qtbot: QtBot, booked: Booked, open_dialog: OpenDialog
) -> None:
    dialog = open_dialog(booked.interview_id)
    key(qtbot, Qt.Key.Key_4)
    assert dialog.rows["databases"].value == 4
    assert focused() is dialog.rows["apis"]
    assert dialog.interviewer.currentText() == "Ana Silva"


def test_saving_too_early_shows_each_problem_where_it_is(
    qtbot: QtBot, workbook: Workbook, booked: Booked, open_dialog: OpenDialog
) -> None:
    dialog = open_dialog(booked.interview_id)
    key(qtbot, Qt.Key.Key_2)  # databases only
    key(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert dialog.scorecard_id is None
    fields = dialog.row_fields
    assert not fields["databases"].error.isVisible()
    assert fields["apis"].error.text() == "Type 1-4 to rate it, or 0 for not rated."
    assert fields["communication"].error.isVisible()
    assert dialog.recommendation_field.error.text() == "Choose a recommendation."
    assert focused() is dialog.rows["apis"]  # the first problem
    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # not a rating
    assert not dialog.rows["apis"].answered
    assert focused() is dialog.rows["apis"]
    key(qtbot, Qt.Key.Key_1)
    key(qtbot, Qt.Key.Key_2)
    key(qtbot, Qt.Key.Key_4)  # strong yes
    key(qtbot, Qt.Key.Key_Enter, CTRL)  # the keypad's Enter works too
    assert dialog.result() == QDialog.DialogCode.Accepted
    agg = scorecards.aggregate_for_application(workbook, booked.application_id)
    assert agg.verdict == "1.7 · 1 strong yes"


def test_a_note_on_an_unrated_competency_is_refused_at_its_row(
    qtbot: QtBot, booked: Booked, open_dialog: OpenDialog
) -> None:
    dialog = open_dialog(booked.interview_id)
    key(qtbot, Qt.Key.Key_Tab)  # the note beside databases
    qtbot.keyClicks(focused(), "Ran out of time")
    key(qtbot, Qt.Key.Key_Tab)
    for digit in (Qt.Key.Key_3, Qt.Key.Key_3, Qt.Key.Key_4):
        key(qtbot, digit)
    dialog.rows["databases"].setFocus()
    key(qtbot, Qt.Key.Key_Backspace)  # not rated, and the focus stays
    assert focused() is dialog.rows["databases"]
    assert dialog.rows["databases"].meaning.text() == "Not rated"
    key(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert "needs a rating" in dialog.row_fields["databases"].error.text()
    assert focused() is dialog.notes_for["databases"]


def test_editing_loads_the_saved_scorecard_and_saving_replaces_it(
    qtbot: QtBot, workbook: Workbook, booked: Booked, open_dialog: OpenDialog
) -> None:
    ana = booked.interviewers[0]
    card_id = scorecards.save_scorecard(
        workbook,
        booked.interview_id,
        ScorecardDraft(
            ana,
            "no",
            "First pass",
            (
                RatingDraft("databases", 2, "Unsure about joins"),
                RatingDraft("apis", None),
                RatingDraft("communication", 3),
            ),
        ),
    )
    dialog = open_dialog(booked.interview_id, ana)
    assert dialog.interviewer.currentText() == "Ana Silva (scorecard saved)"
    assert dialog.rows["databases"].value == 2
    assert dialog.notes_for["databases"].text() == "Unsure about joins"
    assert dialog.rows["apis"].answered and dialog.rows["apis"].value is None
    assert dialog.recommendation.value() == "no"
    assert dialog.notes.toPlainText() == "First pass"
    assert "Editing" in dialog.notice.text()

    key(qtbot, Qt.Key.Key_Down)  # keep databases, go to apis
    key(qtbot, Qt.Key.Key_4)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_2)  # yes
    key(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.scorecard_id == card_id
    agg = scorecards.aggregate_for_application(workbook, booked.application_id)
    assert agg.verdict == "3.0 · 1 no"
    key_after = scorecards.scorecard_form(workbook, booked.interview_id, ana).existing
    assert key_after is not None
    assert [(r.competency, r.rating) for r in key_after.ratings] == [
        ("databases", 2),
        ("apis", 4),
        ("communication", 3),
    ]


def test_choosing_another_interviewer_shows_their_own_scorecard(
    qtbot: QtBot, workbook: Workbook, booked: Booked, open_dialog: OpenDialog
) -> None:
    ana, ben = booked.interviewers
    scorecards.save_scorecard(
        workbook,
        booked.interview_id,
        ScorecardDraft(
            ben,
            "strong_yes",
            "",
            (
                RatingDraft("databases", 4),
                RatingDraft("apis", 4),
                RatingDraft("communication", 4),
            ),
        ),
    )
    dialog = open_dialog(booked.interview_id)
    assert dialog.interviewer.currentData() == ana  # the one still owing a scorecard
    assert not dialog.rows["databases"].answered
    key(qtbot, Qt.Key.Key_Tab, SHIFT)  # from the first rating back to the interviewer
    key(qtbot, Qt.Key.Key_Down)
    assert dialog.interviewer.currentData() == ben
    assert dialog.rows["databases"].value == 4
    assert dialog.recommendation.value() == "strong_yes"
    key(qtbot, Qt.Key.Key_Up)
    assert dialog.rows["databases"].value is None
    assert dialog.recommendation.value() == ""


def test_the_mouse_works_too_and_anchors_explain_themselves(
    qtbot: QtBot, booked: Booked, open_dialog: OpenDialog
) -> None:
    dialog = open_dialog(booked.interview_id)
    row = dialog.rows["apis"]
    assert isinstance(row, RatingRow)
    three = row.buttons[3]
    assert three.text() == "3 Solid"
    assert three.toolTip() == "Clear evidence of what the role needs, with minor gaps."
    assert row.meaning.text() == "Type 1-4, or 0 for not rated"
    qtbot.mouseClick(three, Qt.MouseButton.LeftButton)
    assert row.value == 3
    assert row.meaning.text().startswith("Solid: Clear evidence")
    assert focused() is row
    qtbot.mouseClick(three, Qt.MouseButton.LeftButton)  # again: not rated
    assert row.value is None and row.answered
    picker = dialog.recommendation
    assert isinstance(picker, RecommendationPicker)
    assert [b.text() for b in picker.buttons.values()] == [
        "&1 Strong no",
        "&2 No",
        "&3 Yes",
        "&4 Strong yes",
    ]
    qtbot.mouseClick(picker.buttons["strong_no"], Qt.MouseButton.LeftButton)
    assert picker.value() == "strong_no"


def test_candidate_text_is_shown_as_plain_text(
    qtbot: QtBot, workbook: Workbook, open_dialog: OpenDialog
) -> None:
    booked = book(workbook, "<b>Ann</b> & <i>Co</i>")
    dialog = open_dialog(booked.interview_id)
    assert dialog.heading.textFormat() == Qt.TextFormat.PlainText
    assert dialog.heading.text().startswith("<b>Ann</b> & <i>Co</i> — Backend Developer: Technical")
    grid = dialog.ratings_grid
    shown = [dialog.heading, dialog.notice, dialog.error]
    shown += [grid.itemAt(i).widget() for i in range(grid.count())]  # type: ignore[union-attr]
    shown += [row.meaning for row in dialog.rows.values()]
    labels = [w for w in shown if isinstance(w, QLabel)]
    assert len(labels) == 3 + 3 + 3
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_a_cancelled_interview_cannot_take_a_scorecard(
    qtbot: QtBot, workbook: Workbook, open_dialog: OpenDialog
) -> None:
    booked = book(workbook, status="cancelled")
    dialog = open_dialog(booked.interview_id)
    assert "cancelled" in dialog.notice.text()
    assert not dialog.save_button.isEnabled()
    key(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert dialog.scorecard_id is None


def test_asked_for_someone_not_on_the_interview_it_opens_for_a_listed_interviewer(
    workbook: Workbook, booked: Booked, open_dialog: OpenDialog
) -> None:
    outsider = add_member(workbook, "Chidi Eze")
    dialog = open_dialog(booked.interview_id, outsider)
    assert dialog.interviewer.currentData() == booked.interviewers[0]
    assert dialog.form.interviewer_id == booked.interviewers[0]
