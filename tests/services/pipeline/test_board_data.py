"""The board's data: each card's interviews and mean rating, read in a fixed number
of queries whatever the number of cards."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import event
from tests.services.pipeline.board_setup import interview_board

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.pipeline.board import Card, InterviewState, board
from hiring_desk.store import Workbook


def _cards(workbook: Workbook, role_id: int) -> dict[str, Card]:
    return {card.name: card for column in board(workbook, role_id) for card in column.cards}


def test_cards_carry_their_interviews_and_mean_rating(workbook: Workbook, today: date) -> None:
    made = interview_board(workbook, today)
    cards = _cards(workbook, made.role_id)
    assert set(cards) == {"Ada Lovelace", "Bo Chen", "Cy Diaz", "Di Evans"}
    # One held interview with two interviewers, one scorecard in; the next one ahead.
    assert cards["Ada Lovelace"].interviews == InterviewState(made.ada_next, 1, 1, 2)
    assert cards["Ada Lovelace"].scorecard_mean == "3.7"  # (3 + 4 + 4) / 3
    assert cards["Bo Chen"].interviews == InterviewState(None, 1, 1, 1)
    assert cards["Bo Chen"].scorecard_mean == "2.5"
    # A cancelled interview counts for nothing.
    for name in ("Cy Diaz", "Di Evans"):
        assert cards[name].interviews == InterviewState()
        assert cards[name].scorecard_mean == ""
    assert {card.match_score for card in cards.values()} == {50}
    assert {card.days_in_stage for card in cards.values()} == {10}


@pytest.fixture
def selects(workbook: Workbook) -> Iterator[list[str]]:
    """The SELECT statements run on the workbook while the test runs."""
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(workbook.engine, "before_cursor_execute", record)
    yield seen
    event.remove(workbook.engine, "before_cursor_execute", record)


def test_the_board_takes_as_many_queries_for_forty_cards_as_for_four(
    workbook: Workbook, today: date, selects: list[str]
) -> None:
    made = interview_board(workbook, today)
    selects.clear()
    board(workbook, made.role_id)
    few = len(selects)
    for number in range(36):
        data = CandidateInput(name=f"Applicant {number}", skills=("Go",))
        cid = candidate_records.create_candidate(workbook, data).id
        stage_moves.apply(workbook, cid, made.role_id)
    selects.clear()
    cards = _cards(workbook, made.role_id)
    assert len(cards) == 40
    assert len(selects) == few
