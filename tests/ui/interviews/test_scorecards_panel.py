"""The scorecards panel: the aggregate, each scorecard read-only, add / edit / remove."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import delete
from tests.services.interviews.scorecard_setup import Booked, add_application, add_interview, book
from tests.ui.conftest import activate, when_modal

from hiring_desk.services.interviews import scorecards
from hiring_desk.services.interviews.scorecards import RatingDraft, ScorecardDraft
from hiring_desk.store import Workbook
from hiring_desk.store.models import InterviewInterviewer
from hiring_desk.ui.interviews.scorecard_dialog import ScorecardDialog
from hiring_desk.ui.interviews.scorecards_panel import ScorecardsPanel

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def booked(workbook: Workbook) -> Booked:
    """Ana's scorecard is written; Ben still owes his."""
    booked = book(workbook)
    scorecards.save_scorecard(
        workbook,
        booked.interview_id,
        ScorecardDraft(
            booked.interviewers[0],
            "yes",
            "Knew <script>alert(1)</script> is not a query plan.",
            (
                RatingDraft("databases", 3, "Indexes & <b>plans</b>"),
                RatingDraft("apis", 4),
                RatingDraft("communication", 2),
            ),
        ),
    )
    return booked


@pytest.fixture
def panel(qtbot: QtBot) -> ScorecardsPanel:
    widget = ScorecardsPanel()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def texts(item: QTreeWidgetItem) -> list[str]:
    return [item.text(column) for column in range(4)]


def children(panel: ScorecardsPanel) -> list[QTreeWidgetItem]:
    top = panel.tree.topLevelItem(0)
    assert top is not None
    return [top.child(i) for i in range(top.childCount())]


def type_in_dialog(qtbot: QtBot, *keys: Qt.Key, done: Callable[[ScorecardDialog], None]) -> None:
    """Answer the next scorecard dialog with keystrokes, then Ctrl+Enter."""

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, ScorecardDialog)
        activate(qtbot, dialog)
        done(dialog)
        for key in keys:
            widget = QApplication.focusWidget()
            assert widget is not None
            qtbot.keyClick(widget, key)
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Return, CTRL)

    when_modal(qtbot, act, ScorecardDialog)


def test_nothing_to_show(panel: ScorecardsPanel, workbook: Workbook) -> None:
    assert panel.summary.text() == "No application selected."
    assert not panel.add_button.isEnabled()
    booked = book(workbook)
    _cid, lonely = add_application(workbook, "Kenji Watanabe", booked.role_id)
    panel.show_application(workbook, lonely)
    assert panel.summary.text() == "No interviews yet: schedule one first."
    assert panel.tree.topLevelItemCount() == 0
    assert not panel.add_button.isEnabled()


def test_shows_the_aggregate_and_each_scorecard(
    panel: ScorecardsPanel, workbook: Workbook, booked: Booked
) -> None:
    panel.show_application(workbook, booked.application_id)
    assert panel.summary.text() == "3.0 overall from 1 scorecard · 1 yes"
    assert panel.summary.textFormat() == Qt.TextFormat.PlainText
    means = [
        [panel.means.item(row, col).text() for col in range(3)]  # type: ignore[union-attr]
        for row in range(panel.means.rowCount())
    ]
    assert means == [
        ["Databases and data modelling", "3.0", "1"],
        ["APIs and integration", "4.0", "1"],
        ["Communication", "2.0", "1"],
    ]
    top = panel.tree.topLevelItem(0)
    assert top is not None and top.text(0).startswith("Technical — ")
    ana, ben = children(panel)
    assert texts(ana) == [
        "Ana Silva",
        "Yes",
        "3.0",
        "Databases and data modelling 3 · APIs and integration 4 · Communication 2",
    ]
    assert texts(ben)[:2] == ["Ben Okafor", "no scorecard yet"]
    assert panel.tree.currentItem() is ben  # ready for the next scorecard
    assert panel.add_button.isEnabled() and not panel.edit_button.isEnabled()

    panel.tree.setCurrentItem(top)  # the interview: Ben still owes his
    assert panel.add_button.isEnabled() and panel.detail.toPlainText() == ""
    panel.tree.setCurrentItem(ana)
    detail = panel.detail.toPlainText()
    assert "Databases and data modelling: 3 Solid. Indexes & <b>plans</b>" in detail
    assert "Knew <script>alert(1)</script> is not a query plan." in detail
    assert panel.edit_button.isEnabled() and panel.remove_button.isEnabled()


def test_add_scorecard_with_keys_updates_the_panel_and_says_so(
    qtbot: QtBot, panel: ScorecardsPanel, workbook: Workbook, booked: Booked
) -> None:
    panel.show_application(workbook, booked.application_id)

    def is_ben(dialog: ScorecardDialog) -> None:
        assert dialog.interviewer.currentText() == "Ben Okafor"
        dialog.rows["databases"].setFocus()

    type_in_dialog(
        qtbot,
        Qt.Key.Key_4,
        Qt.Key.Key_4,
        Qt.Key.Key_3,
        Qt.Key.Key_4,  # strong yes
        done=is_ben,
    )
    with qtbot.waitSignal(panel.changed, timeout=5000):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    agg = scorecards.aggregate_for_application(workbook, booked.application_id)
    assert agg.verdict == "3.3 · 1 yes, 1 strong yes"
    assert panel.summary.text() == "3.3 overall from 2 scorecards · 1 yes, 1 strong yes"
    _ana, ben = children(panel)
    assert texts(ben)[:3] == ["Ben Okafor", "Strong yes", "3.7"]
    assert panel.tree.currentItem() is ben
    assert not panel.add_button.isEnabled()  # everyone has written theirs
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    assert not panel.add_button.isEnabled()


def test_edit_opens_that_interviewer_s_scorecard(
    qtbot: QtBot, panel: ScorecardsPanel, workbook: Workbook, booked: Booked
) -> None:
    panel.show_application(workbook, booked.application_id)
    ana_item = children(panel)[0]
    panel.tree.setCurrentItem(ana_item)

    def is_ana(dialog: ScorecardDialog) -> None:
        assert dialog.interviewer.currentText() == "Ana Silva (scorecard saved)"
        assert dialog.rows["communication"].value == 2
        dialog.rows["communication"].setFocus()

    type_in_dialog(qtbot, Qt.Key.Key_4, done=is_ana)
    with qtbot.waitSignal(panel.changed, timeout=5000):
        qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert panel.summary.text() == "3.7 overall from 1 scorecard · 1 yes"
    assert children(panel)[0].text(2) == "3.7"


def test_cancelling_the_dialog_changes_nothing(
    qtbot: QtBot, panel: ScorecardsPanel, workbook: Workbook, booked: Booked
) -> None:
    panel.show_application(workbook, booked.application_id)
    emitted: list[bool] = []
    panel.changed.connect(lambda: emitted.append(True))

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, ScorecardDialog)
        activate(qtbot, dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_modal(qtbot, cancel, ScorecardDialog)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert emitted == []
    assert panel.summary.text() == "3.0 overall from 1 scorecard · 1 yes"


def test_remove_asks_first(
    qtbot: QtBot,
    panel: ScorecardsPanel,
    workbook: Workbook,
    booked: Booked,
    answered_questions: list[str],
) -> None:
    panel.show_application(workbook, booked.application_id)
    panel.tree.setCurrentItem(children(panel)[0])
    with qtbot.waitSignal(panel.changed, timeout=5000):
        qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert answered_questions == ["Remove Scorecard"]
    assert panel.summary.text() == "No scorecards yet."
    assert panel.means.rowCount() == 0
    assert scorecards.aggregate_for_application(workbook, booked.application_id).is_empty


def test_remove_declined_keeps_the_scorecard(
    qtbot: QtBot,
    panel: ScorecardsPanel,
    workbook: Workbook,
    booked: Booked,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from hiring_desk.ui import messages

    monkeypatch.setattr(messages, "confirm", lambda *_args, **_kwargs: False)
    panel.show_application(workbook, booked.application_id)
    panel.tree.setCurrentItem(children(panel)[0])
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert scorecards.aggregate_for_application(workbook, booked.application_id).count == 1


def test_a_cancelled_interview_offers_no_new_scorecard(
    panel: ScorecardsPanel, workbook: Workbook, booked: Booked
) -> None:
    add_interview(
        workbook,
        booked.application_id,
        booked.interviewers,
        round_name="Team fit",
        status="cancelled",
    )
    scorecards.save_scorecard(
        workbook,
        booked.interview_id,
        ScorecardDraft(
            booked.interviewers[1],
            "no",
            "",
            (
                RatingDraft("databases", None),
                RatingDraft("apis", None),
                RatingDraft("communication", None),
            ),
        ),
    )
    panel.show_application(workbook, booked.application_id)
    assert panel.tree.topLevelItemCount() == 2
    cancelled = panel.tree.topLevelItem(1)
    assert cancelled is not None
    assert cancelled.text(0).endswith("(cancelled)")
    assert cancelled.child(0).text(1) == "cancelled"
    panel.tree.setCurrentItem(cancelled.child(0))
    assert not panel.add_button.isEnabled()
    assert panel.summary.text() == "3.0 overall from 2 scorecards · 1 no, 1 yes"


def test_enter_on_a_row_opens_the_dialog_for_that_interviewer(
    qtbot: QtBot, panel: ScorecardsPanel, workbook: Workbook, booked: Booked
) -> None:
    panel.show_application(workbook, booked.application_id)
    seen: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, ScorecardDialog)
        seen.append(dialog.interviewer.currentText())
        dialog.reject()

    for row, expected in ((0, "Ana Silva (scorecard saved)"), (1, "Ben Okafor")):
        panel.tree.setCurrentItem(children(panel)[row])
        panel.tree.setFocus()
        when_modal(qtbot, look, ScorecardDialog)
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
        assert seen[-1] == expected


def test_a_scorecard_by_someone_no_longer_on_the_interview_is_read_only(
    qtbot: QtBot, panel: ScorecardsPanel, workbook: Workbook, booked: Booked
) -> None:
    with workbook.transaction() as session:
        session.execute(
            delete(InterviewInterviewer).where(
                InterviewInterviewer.member_id == booked.interviewers[0]  # type: ignore[arg-type]
            )
        )
    panel.show_application(workbook, booked.application_id)
    ana, _ben = children(panel)
    assert texts(ana)[:2] == ["Ana Silva", "Yes"]
    panel.tree.setCurrentItem(ana)
    assert not panel.edit_button.isEnabled()
    assert panel.remove_button.isEnabled()
    assert panel.add_button.isEnabled()  # Ben still owes his
