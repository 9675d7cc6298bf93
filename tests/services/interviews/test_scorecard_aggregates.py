"""Scorecards: listing them per application, and the aggregates over applications and candidates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, select
from tests.services.interviews.scorecard_setup import (
    NOW,
    Booked,
    add_application,
    add_interview,
    add_member,
    add_role,
    book,
    draft,
    full,
)

from hiring_desk.domain.scoring import EMPTY
from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.services.demo.demo_workbook import create_demo_workbook
from hiring_desk.services.interviews import scorecards
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application


@pytest.fixture
def booked(workbook: Workbook) -> Booked:
    return book(workbook)


# -- listing -------------------------------------------------------------------------------


def test_scorecards_for_application_per_interview_and_interviewer(
    workbook: Workbook, booked: Booked
) -> None:
    ana, ben = booked.interviewers
    later = add_interview(
        workbook,
        booked.application_id,
        (ben,),
        round_name="Team fit",
        competencies="teamwork",
        starts_at=NOW - timedelta(hours=3),
    )
    scorecards.save_scorecard(workbook, booked.interview_id, full(ben, "strong_yes"), now=NOW)
    scorecards.save_scorecard(workbook, later, draft(ben, "no", teamwork=2), now=NOW)
    listed = scorecards.scorecards_for_application(workbook, booked.application_id)
    assert [i.round_name for i in listed] == ["Technical", "Team fit"]
    technical, fit = listed
    assert [m.name for m in technical.interviewers] == ["Ana Silva", "Ben Okafor"]
    assert [m.id for m in technical.pending] == [ana]
    assert [c.interviewer_name for c in technical.scorecards] == ["Ben Okafor"]
    assert technical.scorecards[0].recommendation_label == "Strong yes"
    assert technical.scorecards[0].ratings[0].anchor_name == "Solid"
    assert technical.aggregate.verdict == "3.0 · 1 strong yes"
    assert fit.pending == ()
    assert fit.status == "done"


def test_scorecards_for_an_unknown_application_is_not_found(workbook: Workbook) -> None:
    with pytest.raises(NotFoundError):
        scorecards.scorecards_for_application(workbook, 42)


# -- aggregates ----------------------------------------------------------------------------


def test_aggregate_for_application_adds_every_interview_up(
    workbook: Workbook, booked: Booked
) -> None:
    ana, ben = booked.interviewers
    assert scorecards.aggregate_for_application(workbook, booked.application_id) is EMPTY
    scorecards.save_scorecard(workbook, booked.interview_id, full(ana, "yes", 3, 4, 2), now=NOW)
    scorecards.save_scorecard(
        workbook, booked.interview_id, full(ben, "strong_yes", 4, 4, 3), now=NOW
    )
    second = add_interview(workbook, booked.application_id, (ana,), competencies="teamwork")
    scorecards.save_scorecard(workbook, second, draft(ana, "yes", teamwork=4), now=NOW)
    agg = scorecards.aggregate_for_application(workbook, booked.application_id)
    assert agg.count == 3
    assert agg.overall_mean == pytest.approx(24 / 7)
    assert agg.mean_of("databases") == pytest.approx(3.5)
    assert agg.verdict == "3.4 · 2 yes, 1 strong yes"


@pytest.fixture
def many(workbook: Workbook) -> tuple[list[int], list[int]]:
    """300 applications (candidate ids, application ids); every third has a scorecard."""
    member = add_member(workbook, "Ana Silva")
    role_id = add_role(workbook)
    candidate_ids: list[int] = []
    application_ids: list[int] = []
    for n in range(300):
        cid, app_id = add_application(workbook, f"Candidate {n:03d}", role_id)
        candidate_ids.append(cid)
        application_ids.append(app_id)
        if n % 3 == 0:
            interview = add_interview(workbook, app_id, (member,), competencies="apis,testing")
            scorecards.save_scorecard(
                workbook,
                interview,
                draft(member, "yes" if n % 2 else "no", apis=1 + n % 4, testing=None),
                now=NOW,
            )
    return candidate_ids, application_ids


@pytest.fixture
def selects(workbook: Workbook) -> Iterator[list[str]]:
    """The SELECT statements run on the workbook's engine while the test runs."""
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(workbook.engine, "before_cursor_execute", record)
    yield seen
    event.remove(workbook.engine, "before_cursor_execute", record)


def test_aggregates_for_300_applications_are_right_and_take_one_query(
    workbook: Workbook, many: tuple[list[int], list[int]], selects: list[str]
) -> None:
    _candidates, application_ids = many
    selects.clear()
    result = scorecards.aggregates_for_applications(workbook, application_ids)
    assert len(selects) == 1
    assert list(result) == application_ids
    for n, app_id in enumerate(application_ids):
        agg = result[app_id]
        if n % 3:
            assert agg is EMPTY
            continue
        expected = scorecards.aggregate_for_application(workbook, app_id)
        assert agg == expected
        assert agg.count == 1
        assert agg.overall_shown == f"{1 + n % 4}.0"
        assert agg.recommendation_summary == ("1 yes" if n % 2 else "1 no")


def test_more_ids_than_one_batch_still_work(
    workbook: Workbook, many: tuple[list[int], list[int]], selects: list[str]
) -> None:
    _candidates, application_ids = many
    asked = application_ids * 4 + list(range(10_000, 10_700))  # repeats and unknown ids
    selects.clear()
    result = scorecards.aggregates_for_applications(workbook, asked)
    assert len(result) == 1000
    assert len(selects) == 2
    assert result[10_000] is EMPTY
    assert result[application_ids[0]].count == 1


def test_aggregates_for_candidates_across_roles_or_for_one(
    workbook: Workbook, booked: Booked, selects: list[str]
) -> None:
    ana, ben = booked.interviewers
    scorecards.save_scorecard(workbook, booked.interview_id, full(ana, "yes", 4, 4, 4), now=NOW)
    other_role = add_role(workbook, "API Developer")
    from hiring_desk.services.pipeline import stage_moves

    other_app = stage_moves.apply(workbook, booked.candidate_id, other_role).id
    other = add_interview(workbook, other_app, (ben,), competencies="apis")
    scorecards.save_scorecard(workbook, other, draft(ben, "strong_no", apis=1), now=NOW)
    nobody = add_application(workbook, "Someone Else", booked.role_id)[0]

    selects.clear()
    everywhere = scorecards.aggregates_for_candidates(workbook, [booked.candidate_id, nobody])
    assert len(selects) == 1
    assert everywhere[booked.candidate_id].verdict == "3.3 · 1 strong no, 1 yes"
    assert everywhere[nobody] is EMPTY
    first_role = scorecards.aggregates_for_candidates(
        workbook, [booked.candidate_id], role_id=booked.role_id
    )
    assert first_role[booked.candidate_id].verdict == "4.0 · 1 yes"
    assert scorecards.aggregates_for_candidates(
        workbook, [booked.candidate_id], role_id=other_role
    )[booked.candidate_id].verdict == ("1.0 · 1 strong no")


def test_demo_workbook_aggregates_agree_with_its_scorecards(tmp_path: Path) -> None:
    demo = create_demo_workbook(tmp_path / "demo.hiringdesk")
    try:
        with demo.transaction() as session:
            app_ids = [int(i) for i in session.execute(select(Application.id)).scalars()]
        result = scorecards.aggregates_for_applications(demo, app_ids)
        scored = 0
        for app_id in app_ids:
            listed = scorecards.scorecards_for_application(demo, app_id)
            cards = [c for interview in listed for c in interview.scorecards]
            assert result[app_id].count == len(cards)
            ratings = [r.rating for c in cards for r in c.ratings]
            if ratings:
                scored += 1
                assert result[app_id].overall_mean == pytest.approx(sum(ratings) / len(ratings))
        assert scored >= 5
    finally:
        demo.close()
