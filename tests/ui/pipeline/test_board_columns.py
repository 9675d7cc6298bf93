"""The board's cards say where the interviews stand; its headers count the cards; a card
dragged over a column shows where it will land there, until it leaves or drops."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from tests.conftest import on_day
from tests.services.pipeline.board_setup import InterviewBoard, interview_board

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.store import Workbook
from hiring_desk.ui.pipeline.board_cards import CARD_ROLE, CardDelegate, when_text
from hiring_desk.ui.pipeline.board_columns import StageColumn
from hiring_desk.ui.pipeline.board_view import BoardView

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton
MOVE = Qt.DropAction.MoveAction


def _shown(
    workbook: Workbook, qtbot: QtBot, today: date
) -> tuple[BoardView, InterviewBoard, list[tuple[int, str]]]:
    """The interview board shown, with Bea Ng just applied; and the moves asked for."""
    made = interview_board(workbook, today)
    bea = candidate_records.create_candidate(workbook, CandidateInput(name="Bea Ng")).id
    stage_moves.apply(workbook, bea, made.role_id)
    moves: list[tuple[int, str]] = []

    def move(application_id: int, key: str) -> bool:
        moves.append((application_id, key))
        return False  # refused: the board stays as it is

    view = BoardView(move)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.show_role(workbook, made.role_id)
    qtbot.waitExposed(view)
    return view, made, moves


def _painted_lines(column: StageColumn, row: int) -> list[str]:
    delegate = column.itemDelegate()
    assert isinstance(delegate, CardDelegate)
    laid = delegate.layout_of(column.indexFromItem(column.item(row)))
    assert laid is not None
    return [text.replace("\u00a0", " ") for text, _layout, _origin in laid.blocks]


def test_cards_say_where_the_interviews_stand(
    workbook: Workbook, qtbot: QtBot, today: date
) -> None:
    view, made, _moves = _shown(workbook, qtbot, today)
    column = view.columns[Stage.INTERVIEW]
    names = [column.item(row).text() for row in range(column.count())]
    assert names == ["Ada Lovelace", "Bo Chen", "Cy Diaz", "Di Evans"]
    lines = {name: _painted_lines(column, row) for row, name in enumerate(names)}
    upcoming = when_text(made.ada_next)
    assert upcoming.startswith(f"{made.ada_next.astimezone():%a} ")  # two days ahead
    assert lines["Ada Lovelace"] == [
        "Ada Lovelace",
        "Engineer",
        "50% match · ★ 3.7",
        "10 days in stage",
        f"Interview {upcoming}",
    ]
    assert lines["Bo Chen"][2:] == [
        "50% match · ★ 2.5",
        "10 days in stage",
        "Interviewed, 1 of 1 scorecard",
    ]
    assert lines["Cy Diaz"][2:] == ["50% match", "10 days in stage", "No interview yet"]
    # The star is said in words to a screen reader and in the tool tip.
    ada = column.item(0)
    assert "50% match · mean rating 3.7 of 4" in ada.toolTip().split("\n")
    spoken = ada.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "mean rating 3.7 of 4" in spoken and "★" not in spoken
    card = ada.data(CARD_ROLE)
    assert card.interviews.held == 1 and card.interviews.expected == 2


def test_a_half_scored_interview_counts_the_scorecards_owed(
    workbook: Workbook, qtbot: QtBot, today: date
) -> None:
    """Once Ada's next interview is behind her, her card counts her scorecards."""
    made = interview_board(workbook, today)
    view = BoardView(lambda _application, _key: False)
    qtbot.addWidget(view)
    with on_day(today + timedelta(days=3)):
        view.show_role(workbook, made.role_id)
    lines = _painted_lines(view.columns[Stage.INTERVIEW], 0)
    assert lines[-1] == "Interviewed, 1 of 3 scorecards"


def test_headers_name_the_stage_and_count_its_cards(
    workbook: Workbook, qtbot: QtBot, today: date
) -> None:
    view, _made, _moves = _shown(workbook, qtbot, today)
    headers = view.headers
    assert headers[Stage.APPLIED].text() == "Applied (1)"
    assert headers[Stage.INTERVIEW].text() == "Interview (4)"
    assert headers[Stage.OFFER].text() == "Offer (0)"
    assert headers[Stage.APPLIED].accessibleName() == "Applied, 1 card"
    assert headers[Stage.INTERVIEW].accessibleName() == "Interview, 4 cards"
    for key, header in headers.items():
        assert header.isVisible() and header.height() >= header.sizeHint().height(), key
        assert header.phase_key == view.columns[key].stage.value
    # A move (the board reloads) counts again.
    stage_moves.move(workbook, _made.applications["Di Evans"], "shortlisted")
    view.reload()
    assert headers[Stage.INTERVIEW].text() == "Interview (3)"
    assert headers[Stage.SHORTLISTED].text() == "Shortlisted (1)"


def _drag_data(view: BoardView, name: str) -> tuple[StageColumn, QMimeData]:
    """The column a card named ``name`` is in, and the data a drag of it carries."""
    for column in view.columns.values():
        for row in range(column.count()):
            if column.item(row).text() == name:
                return column, column.mimeData([column.item(row)])
    raise AssertionError(name)


def _enter(column: StageColumn, data: QMimeData, *, move: bool = True) -> QDragMoveEvent:
    """The pointer carrying ``data`` enters ``column`` (and moves on it)."""
    at = QPoint(20, 20)
    enter = QDragEnterEvent(at, MOVE, data, LEFT, NO_MODIFIER)
    QApplication.sendEvent(column.viewport(), enter)
    event = QDragMoveEvent(at, MOVE, data, LEFT, NO_MODIFIER)
    if move:
        QApplication.sendEvent(column.viewport(), event)
    return event


def test_a_dragged_card_shows_where_it_will_land(
    workbook: Workbook, qtbot: QtBot, today: date
) -> None:
    view, made, moves = _shown(workbook, qtbot, today)
    applied, data = _drag_data(view, "Bea Ng")
    interview = view.columns[Stage.INTERVIEW]
    event = _enter(interview, data)
    assert event.isAccepted()
    # Cards are kept by name: Bea lands between Ada and Bo.
    assert interview.drop_row == 1
    line = interview.drop_line()
    assert line is not None
    assert interview.visualItemRect(interview.item(0)).bottom() <= line.top()
    assert line.bottom() <= interview.visualItemRect(interview.item(1)).top()
    assert all(c.drop_row is None for c in view.columns.values() if c is not interview)
    # The line is painted in the highlight colour.
    picture = interview.viewport().grab().toImage()
    highlight = interview.palette().color(QPalette.ColorRole.Highlight)
    assert picture.pixelColor(line.center()).name() == highlight.name()

    # Leaving takes the line away; an empty column shows it at the top.
    QApplication.sendEvent(interview.viewport(), QDragLeaveEvent())
    assert interview.drop_row is None and interview.drop_line() is None
    offer = view.columns[Stage.OFFER]
    _enter(offer, data)
    assert offer.drop_row == 0 and offer.drop_line() is not None
    QApplication.sendEvent(offer.viewport(), QDragLeaveEvent())

    # Over its own column a card is refused and shows nothing.
    refused = _enter(applied, data)
    assert not refused.isAccepted() and applied.drop_row is None

    # Dropping clears the line and asks for the move.
    _enter(interview, data)
    assert interview.drop_row == 1
    drop = QDropEvent(
        interview.viewport().rect().center().toPointF(), MOVE, data, LEFT, NO_MODIFIER
    )
    QApplication.sendEvent(interview.viewport(), drop)
    assert interview.drop_row is None
    bea_application = applied.item(0).data(CARD_ROLE).application_id
    assert moves == [(bea_application, Stage.INTERVIEW.value)]
    assert made.applications["Ada Lovelace"] != bea_application


def test_a_long_column_scrolls_to_where_the_card_will_land(
    workbook: Workbook, qtbot: QtBot, today: date
) -> None:
    made = interview_board(workbook, today)
    for number in range(30):
        data = CandidateInput(name=f"Applicant {number:02}", current_title="Engineer")
        cid = candidate_records.create_candidate(workbook, data).id
        stage_moves.apply(workbook, cid, made.role_id)
    view = BoardView(lambda _application, _key: False)
    qtbot.addWidget(view)
    view.resize(1280, 500)
    view.show()
    view.show_role(workbook, made.role_id)
    qtbot.waitExposed(view)
    applied = view.columns[Stage.APPLIED]
    assert applied.verticalScrollBar().value() == 0
    _interview, dragged = _drag_data(view, "Di Evans")
    _enter(applied, dragged)
    assert applied.drop_row == 30  # after every "Applicant"
    # The column scrolled down to its last card, and the line is drawn under it.
    assert applied.verticalScrollBar().value() > 0
    last = applied.visualItemRect(applied.item(29))
    assert applied.viewport().rect().contains(last)
    line = applied.drop_line()
    assert line is not None and applied.viewport().rect().contains(line)
    assert line.top() >= last.bottom() - 1
