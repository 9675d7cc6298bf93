"""Scorecards: saving (checks, upsert, interview status), the audit log and removal."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import col
from tests.services.interviews.scorecard_setup import (
    NOW,
    Booked,
    add_member,
    book,
    draft,
    full,
)

from hiring_desk.domain.scoring import EMPTY
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.interviews import scorecards
from hiring_desk.services.interviews.scorecards import (
    RatingDraft,
    ScorecardDraft,
    note_field,
    rating_field,
)
from hiring_desk.store import Workbook
from hiring_desk.store.models import Interview, Scorecard, ScorecardRating


def status_of(workbook: Workbook, interview_id: int) -> str:
    with workbook.transaction() as session:
        interview = session.get(Interview, interview_id)
        assert interview is not None
        return interview.status


def count(workbook: Workbook, table: Any) -> int:
    with workbook.transaction() as session:
        return int(session.execute(select(func.count()).select_from(table)).scalar_one())


@pytest.fixture
def booked(workbook: Workbook) -> Booked:
    return book(workbook)


# -- saving --------------------------------------------------------------------------------


def test_saving_marks_a_past_scheduled_interview_done(workbook: Workbook, booked: Booked) -> None:
    card_id = scorecards.save_scorecard(
        workbook, booked.interview_id, full(booked.interviewers[0]), now=NOW
    )
    assert card_id > 0
    assert status_of(workbook, booked.interview_id) == "done"


def test_an_interview_booked_for_later_stays_scheduled(workbook: Workbook) -> None:
    booked = book(workbook, starts_at=NOW + timedelta(hours=2))
    assert scorecards.scorecard_form(workbook, booked.interview_id, now=NOW).upcoming
    scorecards.save_scorecard(workbook, booked.interview_id, full(booked.interviewers[0]), now=NOW)
    assert status_of(workbook, booked.interview_id) == "scheduled"


def test_a_cancelled_interview_takes_no_scorecards(workbook: Workbook) -> None:
    booked = book(workbook, status="cancelled")
    with pytest.raises(ValidationError) as caught:
        scorecards.save_scorecard(workbook, booked.interview_id, full(booked.interviewers[0]))
    assert "cancelled" in caught.value.errors["interview"]
    assert count(workbook, Scorecard) == 0


def test_every_problem_is_reported_at_once_and_nothing_is_written(
    workbook: Workbook, booked: Booked
) -> None:
    bad = ScorecardDraft(
        interviewer_id=None,
        recommendation="",
        notes="x" * 5001,
        ratings=(
            RatingDraft("databases", 5),
            RatingDraft("apis", None, "Ran out of time"),
        ),
    )
    with pytest.raises(ValidationError) as caught:
        scorecards.save_scorecard(workbook, booked.interview_id, bad)
    errors = caught.value.errors
    assert errors["interviewer"] == "choose who interviewed"
    assert errors["recommendation"] == "choose a recommendation"
    assert errors["notes"] == "must be at most 5000 characters"
    assert errors[rating_field("databases")] == "must be a whole number from 1 to 4"
    assert "needs a rating" in errors[note_field("apis")]
    # communication is listed by the round but neither rated nor marked not rated
    assert errors[rating_field("communication")] == "rate it 1-4 or mark it not rated"
    assert count(workbook, Scorecard) == 0
    assert status_of(workbook, booked.interview_id) == "scheduled"


def test_only_the_interview_s_interviewers_may_write_its_scorecards(
    workbook: Workbook, booked: Booked
) -> None:
    outsider = add_member(workbook, "Chidi Eze")
    with pytest.raises(ValidationError) as caught:
        scorecards.save_scorecard(workbook, booked.interview_id, full(outsider))
    assert caught.value.errors == {"interviewer": "was not an interviewer in this interview"}


@pytest.mark.parametrize(
    ("recommendation", "ratings", "field"),
    [
        ("maybe", {"databases": 3}, "recommendation"),
        ("yes", {"databases": 0}, rating_field("databases")),
        ("yes", {" ": 3}, "ratings"),
        ("yes", {"x" * 61: 3}, "ratings"),
    ],
)
def test_bad_values_are_refused(
    workbook: Workbook,
    booked: Booked,
    recommendation: str,
    ratings: dict[str, int],
    field: str,
) -> None:
    entries = (
        *(RatingDraft(k, v) for k, v in ratings.items()),
        RatingDraft("apis", None),
        RatingDraft("communication", None),
    )
    if "databases" not in ratings:
        entries = (*entries, RatingDraft("databases", None))
    bad = ScorecardDraft(booked.interviewers[0], recommendation, "", entries)
    with pytest.raises(ValidationError) as caught:
        scorecards.save_scorecard(workbook, booked.interview_id, bad)
    assert field in caught.value.errors


def test_a_competency_listed_twice_is_refused(workbook: Workbook, booked: Booked) -> None:
    twice = ScorecardDraft(
        booked.interviewers[0],
        "yes",
        "",
        (
            RatingDraft("databases", 3),
            RatingDraft("databases", 2),
            RatingDraft("apis", 3),
            RatingDraft("communication", 3),
        ),
    )
    with pytest.raises(ValidationError) as caught:
        scorecards.save_scorecard(workbook, booked.interview_id, twice)
    assert caught.value.errors == {"ratings": "'databases' is listed twice"}


def test_unrated_competencies_are_allowed_when_marked(workbook: Workbook, booked: Booked) -> None:
    ana = booked.interviewers[0]
    scorecards.save_scorecard(
        workbook,
        booked.interview_id,
        draft(ana, "strong_no", databases=1, apis=None, communication=None),
        now=NOW,
    )
    agg = scorecards.aggregate_for_application(workbook, booked.application_id)
    assert agg.count == 1
    assert agg.rating_count == 1
    assert agg.verdict == "1.0 · 1 strong no"


def test_saving_again_replaces_the_scorecard_and_keeps_its_first_date(
    workbook: Workbook, booked: Booked
) -> None:
    ana = booked.interviewers[0]
    first = scorecards.save_scorecard(
        workbook,
        booked.interview_id,
        ScorecardDraft(
            ana,
            "yes",
            "First",
            (
                RatingDraft("databases", 3, "Knows indexes"),
                RatingDraft("apis", 4),
                RatingDraft("communication", 2),
            ),
        ),
        now=NOW,
    )
    before = scorecards.scorecard_form(workbook, booked.interview_id, ana).existing
    assert before is not None
    again = scorecards.save_scorecard(
        workbook,
        booked.interview_id,
        ScorecardDraft(
            ana,
            "strong_yes",
            "  Second thoughts  ",
            (
                RatingDraft("databases", 4, " Explained partial indexes "),
                RatingDraft("apis", None),
                RatingDraft("communication", 3),
            ),
        ),
        now=NOW,
    )
    assert again == first
    after = scorecards.scorecard_form(workbook, booked.interview_id, ana).existing
    assert after is not None
    assert after.recommendation == "strong_yes"
    assert after.notes == "Second thoughts"
    assert [(r.competency, r.rating, r.note) for r in after.ratings] == [
        ("databases", 4, "Explained partial indexes"),
        ("communication", 3, ""),
    ]
    assert after.submitted_at == before.submitted_at
    assert count(workbook, Scorecard) == 1
    assert count(workbook, ScorecardRating) == 2


def test_a_failed_edit_leaves_the_old_scorecard_whole(
    workbook: Workbook, booked: Booked, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = booked.interviewers[0]
    scorecards.save_scorecard(workbook, booked.interview_id, full(ana), now=NOW)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(scorecards.audit, "record", broken)
    with pytest.raises(RuntimeError):
        scorecards.save_scorecard(workbook, booked.interview_id, full(ana, "no", 1, 1, 1))
    kept = scorecards.scorecard_form(workbook, booked.interview_id, ana).existing
    assert kept is not None
    assert kept.recommendation == "yes"
    assert [r.rating for r in kept.ratings] == [3, 4, 2]


def test_saving_is_recorded_in_the_audit_log(workbook: Workbook, booked: Booked) -> None:
    from hiring_desk.store.models import AuditEvent

    card_id = scorecards.save_scorecard(
        workbook, booked.interview_id, full(booked.interviewers[0]), now=NOW
    )
    scorecards.save_scorecard(workbook, booked.interview_id, full(booked.interviewers[0]), now=NOW)
    with workbook.transaction() as session:
        events = session.execute(
            select(AuditEvent.action, AuditEvent.entity, AuditEvent.entity_id)
            .where(col(AuditEvent.entity).in_(["scorecard", "interview"]))
            .order_by(col(AuditEvent.id))
        ).all()
    assert [tuple(e) for e in events] == [
        ("add", "scorecard", card_id),
        ("done", "interview", booked.interview_id),
        ("edit", "scorecard", card_id),
    ]


def test_remove_scorecard(workbook: Workbook, booked: Booked) -> None:
    card_id = scorecards.save_scorecard(
        workbook, booked.interview_id, full(booked.interviewers[0]), now=NOW
    )
    scorecards.remove_scorecard(workbook, card_id)
    assert count(workbook, Scorecard) == 0
    assert count(workbook, ScorecardRating) == 0
    assert scorecards.aggregate_for_application(workbook, booked.application_id) is EMPTY
    with pytest.raises(NotFoundError):
        scorecards.remove_scorecard(workbook, card_id)
