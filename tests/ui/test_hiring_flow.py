"""Whole-window flows across areas: a scorecard changes the candidate table, an
accepted offer hires and shows in the candidate's timeline."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from tests.services.interviews.scorecard_setup import book
from tests.ui.conftest import MakeWindow, click_button, press, when_modal, workbook_of

from hiring_desk.services.demo.demo_workbook import create_demo_workbook
from hiring_desk.services.offers import offer_records
from hiring_desk.store import Workbook
from hiring_desk.ui.candidates.candidate_model import COLUMNS
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.interviews.scorecard_dialog import ScorecardDialog
from hiring_desk.ui.offers.offer_prompts import FillRoleDialog
from hiring_desk.ui.offers.offers_page import OffersPage

CTRL = Qt.KeyboardModifier.ControlModifier


def _key(
    qtbot: QtBot, which: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, which, modifiers)


def _interviews_cell(page: CandidatesPage, row: int) -> str:
    column = [title for title, _key in COLUMNS].index("Interviews")
    return str(page.model.index(row, column).data())


def test_a_scorecard_typed_in_changes_the_candidates_aggregate(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "s.hiringdesk"
    with Workbook.create(path) as workbook:
        book(workbook)
    window = make_window(path)
    press(qtbot, window, Qt.Key.Key_3, CTRL)
    page = window.pages["candidates"]
    assert isinstance(page, CandidatesPage)
    qtbot.waitUntil(lambda: page.selected_id() is not None)
    assert _interviews_cell(page, 0) == ""

    sections = page.detail.tabs.sections
    (interviews,) = sections.findItems("Interviews", Qt.MatchFlag.MatchExactly)
    where = sections.visualItemRect(interviews).center()
    qtbot.mouseClick(sections.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert "Backend Developer" in page.detail.interviews_for.text()

    def type_scorecard(dialog: QWidget) -> None:
        assert isinstance(dialog, ScorecardDialog)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.rows["databases"])
        _key(qtbot, Qt.Key.Key_4)  # databases
        _key(qtbot, Qt.Key.Key_3)  # APIs
        _key(qtbot, Qt.Key.Key_4)  # communication
        _key(qtbot, Qt.Key.Key_4)  # strong yes
        _key(qtbot, Qt.Key.Key_Return, CTRL)

    when_modal(qtbot, type_scorecard, ScorecardDialog)
    qtbot.mouseClick(page.detail.scorecards.add_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: _interviews_cell(page, 0) == "3.7 · 1 strong yes")
    assert "interviews 3.7 · 1 strong yes" in page.detail.applications.item(0).text()


def test_accepting_an_offer_hires_and_the_timeline_shows_it(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "demo.hiringdesk"
    create_demo_workbook(path).close()
    window = make_window(path)
    press(qtbot, window, Qt.Key.Key_5, CTRL)
    page = window.pages["offers"]
    assert isinstance(page, OffersPage)
    workbook = workbook_of(window)
    (sent,) = offer_records.list_offers(workbook, "sent")
    row = next(i for i, o in enumerate(page.model.rows()) if o.id == sent.id)
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    when_modal(
        qtbot,
        lambda d: click_button(qtbot, d, QDialogButtonBox.StandardButton.Cancel),
        FillRoleDialog,
    )
    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    assert offer_records.offer_detail(workbook, sent.id).context.stage == "hired"

    # Double-click the offer: the candidate opens, with the move in the timeline.
    row = next(i for i, o in enumerate(page.model.rows()) if o.id == sent.id)
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    candidates_page = window.pages["candidates"]
    assert isinstance(candidates_page, CandidatesPage)
    qtbot.waitUntil(lambda: window.current_area() == "candidates")
    assert candidates_page.selected_id() == sent.candidate_id
    newest = candidates_page.detail.timeline.item(0).text()
    assert "Hired" in newest and "Offer accepted" in newest
