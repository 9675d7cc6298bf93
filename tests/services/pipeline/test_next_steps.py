"""The next step for a candidate: one per application state, the most pressing one wins;
and the candidate's time zone, known only from an interview booked in another zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from tests.services.interviews.schedule_setup import make_desk, schedule

from hiring_desk.domain.vocab import InterviewStatus, OfferStatus, Stage
from hiring_desk.services.common.time_zones import set_default_timezone
from hiring_desk.services.interviews import interview_records, interview_schedule
from hiring_desk.services.pipeline import next_steps, stage_moves
from hiring_desk.services.pipeline.next_steps import (
    ApplicationFacts,
    InterviewFacts,
    NextStep,
    OfferFacts,
    StepKind,
    next_step,
)
from hiring_desk.store import Workbook

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
PAST, LATER = NOW - timedelta(days=2), NOW + timedelta(days=3)
FORWARD = {"applied": "Screening", "screening": "Interview", "interview": "Shortlisted"}


def _app(
    stage: Stage,
    *,
    app_id: int = 1,
    interviews: tuple[InterviewFacts, ...] = (),
    offers: tuple[OfferFacts, ...] = (),
) -> ApplicationFacts:
    forward = FORWARD.get(stage.value, "Hired" if stage is Stage.OFFER else "")
    return ApplicationFacts(app_id, "Backend Developer", stage.value, forward, interviews, offers)


def _interview(
    when: datetime, status: InterviewStatus, pending: int, iid: int = 7
) -> InterviewFacts:
    return InterviewFacts(iid, when, status.value, pending)


def _step(*apps: ApplicationFacts) -> NextStep:
    step = next_step(apps, NOW)
    assert step is not None
    return step


def test_early_stages_move_on_to_the_next_stage() -> None:
    step = _step(_app(Stage.APPLIED))
    assert (step.kind, step.label, step.application_id) == (
        StepKind.MOVE,
        "Move to Screening…",
        1,
    )
    assert _step(_app(Stage.SCREENING)).label == "Move to Interview…"
    assert "now at Screening" in _step(_app(Stage.SCREENING)).why


def test_interview_stage_without_a_booking_asks_for_one() -> None:
    step = _step(_app(Stage.INTERVIEW))
    assert (step.kind, step.label) == (StepKind.SCHEDULE, "Schedule interview…")
    # a cancelled interview does not count as one
    cancelled = _interview(PAST, InterviewStatus.CANCELLED, 1)
    assert _step(_app(Stage.INTERVIEW, interviews=(cancelled,))).kind is StepKind.SCHEDULE


@pytest.mark.parametrize("status", [InterviewStatus.SCHEDULED, InterviewStatus.DONE])
def test_an_interview_held_without_scorecards_asks_to_score_it(status: InterviewStatus) -> None:
    held = _interview(PAST, status, pending=1, iid=42)
    step = _step(_app(Stage.INTERVIEW, interviews=(held,)))
    assert (step.kind, step.label, step.interview_id) == (StepKind.SCORE, "Score interview…", 42)
    assert "5 Dec 2026" in step.why


def test_an_interview_still_to_come_is_opened() -> None:
    coming = _interview(LATER, InterviewStatus.SCHEDULED, pending=2, iid=9)
    step = _step(_app(Stage.INTERVIEW, interviews=(coming,)))
    assert (step.kind, step.label, step.interview_id) == (
        StepKind.OPEN_INTERVIEW,
        "Open interview…",
        9,
    )


def test_interviews_held_and_scored_move_on() -> None:
    held = _interview(PAST, InterviewStatus.DONE, pending=0)
    step = _step(_app(Stage.INTERVIEW, interviews=(held,)))
    assert (step.kind, step.label) == (StepKind.MOVE, "Move to Shortlisted…")


def test_offers_make_open_and_hire() -> None:
    assert _step(_app(Stage.SHORTLISTED)).label == "Make offer…"
    declined = OfferFacts(3, OfferStatus.DECLINED.value)
    assert _step(_app(Stage.OFFER, offers=(declined,))).kind is StepKind.MAKE_OFFER
    for status in (OfferStatus.DRAFT, OfferStatus.APPROVED, OfferStatus.SENT):
        step = _step(_app(Stage.OFFER, offers=(declined, OfferFacts(4, status.value))))
        assert (step.kind, step.label, step.offer_id) == (StepKind.OPEN_OFFER, "Open offer…", 4)
    accepted = OfferFacts(4, OfferStatus.ACCEPTED.value)
    step = _step(_app(Stage.OFFER, offers=(accepted,)))
    assert (step.kind, step.label) == (StepKind.MOVE, "Move to Hired…")


def test_the_most_pressing_step_wins_across_applications() -> None:
    early = _app(Stage.APPLIED, app_id=1)
    unscored = _app(
        Stage.INTERVIEW, app_id=2, interviews=(_interview(PAST, InterviewStatus.DONE, 1),)
    )
    step = _step(early, unscored)
    assert (step.kind, step.application_id) == (StepKind.SCORE, 2)
    # equals: the earlier application (listed first) wins
    assert _step(_app(Stage.APPLIED, app_id=5), _app(Stage.SCREENING, app_id=6)).application_id == 5


def test_no_open_application_offers_to_apply_but_a_hire_is_done() -> None:
    assert _step().kind is StepKind.APPLY
    step = _step(_app(Stage.REJECTED), _app(Stage.WITHDRAWN))
    assert (step.kind, step.label, step.application_id) == (StepKind.APPLY, "Apply to role…", None)
    assert next_step([_app(Stage.HIRED), _app(Stage.REJECTED, app_id=2)], NOW) is None


def test_next_step_of_reads_the_workbook(workbook: Workbook) -> None:
    desk = make_desk(workbook)
    apps = stage_moves.applications_of(workbook, desk.candidate_id)
    step = next_steps.next_step_of(workbook, apps)
    assert step is not None
    assert (step.kind, step.label, step.application_id) == (
        StepKind.MOVE,
        "Move to Screening…",
        desk.application_id,
    )
    stage_moves.move(workbook, desk.application_id, Stage.SCREENING.value)
    stage_moves.move(workbook, desk.application_id, Stage.INTERVIEW.value)
    apps = stage_moves.applications_of(workbook, desk.candidate_id)
    step = next_steps.next_step_of(workbook, apps)
    assert step is not None and step.kind is StepKind.SCHEDULE
    interview_id = schedule(workbook, desk)  # 2 June 2026: held, with no scorecard yet
    step = next_steps.next_step_of(workbook, apps)
    assert step is not None
    assert (step.kind, step.interview_id) == (StepKind.SCORE, interview_id)


def test_the_candidates_zone_comes_from_an_interview_in_another_zone(workbook: Workbook) -> None:
    desk = make_desk(workbook)
    set_default_timezone(workbook, "Europe/Dublin")
    assert interview_records.candidate_zone(workbook, desk.candidate_id) is None
    schedule(workbook, desk, timezone="Europe/Dublin")  # the workbook's own: says nothing
    assert interview_records.candidate_zone(workbook, desk.candidate_id) is None
    later = schedule(workbook, desk, timezone="Asia/Tokyo", day=date(2026, 6, 9))
    assert interview_records.candidate_zone(workbook, desk.candidate_id) == "Asia/Tokyo"
    interview_schedule.cancel(workbook, later)
    assert interview_records.candidate_zone(workbook, desk.candidate_id) is None
