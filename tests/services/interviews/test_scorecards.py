"""Scorecards: the form, saving (checks, upsert, interview status), listing and aggregates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlmodel import col
from tests.services.interviews.scorecard_setup import (
    NOW,
    Booked,
    add_application,
    add_interview,
    add_member,
    add_role,
    book,
)

from hiring_desk.domain.scoring import EMPTY
from hiring_desk.services.demo.demo_workbook import create_demo_workbook
from hiring_desk.services.errors import NotFoundError, ValidationError
from hiring_desk.services.interviews import scorecards
from hiring_desk.services.interviews.scorecards import (
    RatingDraft,
    ScorecardDraft,
    note_field,
    rating_field,
)
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Interview, Scorecard, ScorecardRating


def draft(
    interviewer: int | None, recommendation: str = "yes", **ratings: int | None
) -> ScorecardDraft:
    return ScorecardDraft(
        interviewer_id=interviewer,
        recommendation=recommendation,
        notes="Good answers on indexing.",
        ratings=tuple(RatingDraft(key, value) for key, value in ratings.items()),
    )


def full(
    interviewer: int, recommendation: str = "yes", d: int = 3, a: int = 4, c: int = 2
) -> ScorecardDraft:
    return draft(interviewer, recommendation, databases=d, apis=a, communication=c)


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


# -- the form ------------------------------------------------------------------------------


def test_form_lists_the_round_competencies_and_the_interviewers(
    workbook: Workbook, booked: Booked
) -> None:
    form = scorecards.scorecard_form(workbook, booked.interview_id, now=NOW)
    assert form.candidate_name == "Ingrid Ødegård"
    assert form.role_title == "Backend Developer"
    assert form.round_name == "Technical"
    assert form.competencies == ("databases", "apis", "communication")
    assert [c.name for c in form.interviewers] == ["Ana Silva", "Ben Okafor"]
    assert form.interviewer_id == booked.interviewers[0]
    assert form.existing is None
    assert not form.upcoming
    assert form.starts_at.tzinfo is not None


def test_form_picks_the_first_interviewer_still_owing_a_scorecard(
    workbook: Workbook, booked: Booked
) -> None:
    ana, ben = booked.interviewers
    scorecards.save_scorecard(workbook, booked.interview_id, full(ana), now=NOW)
    form = scorecards.scorecard_form(workbook, booked.interview_id, now=NOW)
    assert form.interviewer_id == ben
    assert [c.has_scorecard for c in form.interviewers] == [True, False]
    mine = scorecards.scorecard_form(workbook, booked.interview_id, ana, now=NOW)
    assert mine.existing is not None
    assert [(r.competency, r.rating) for r in mine.existing.ratings] == [
        ("databases", 3),
        ("apis", 4),
        ("communication", 2),
    ]
    assert mine.existing.notes == "Good answers on indexing."


def test_form_without_a_round_suggests_competencies_from_the_role_skills(
    workbook: Workbook,
) -> None:
    member = add_member(workbook, "Ana Silva")
    role_id = add_role(workbook, "Data Engineer", "PostgreSQL", "Python", "Ice sculpture")
    _cid, app_id = add_application(workbook, "Kenji Watanabe", role_id)
    interview_id = add_interview(workbook, app_id, (member,), competencies=None)
    form = scorecards.scorecard_form(workbook, interview_id)
    assert form.competencies == (
        "languages",
        "databases",
        "problem_solving",
        "communication",
        "teamwork",
    )


def test_form_without_a_round_or_role_skills_has_a_general_default(workbook: Workbook) -> None:
    booked = book(workbook, competencies=None)
    form = scorecards.scorecard_form(workbook, booked.interview_id)
    assert form.competencies[:4] == ("languages", "databases", "apis", "testing")
    assert "communication" in form.competencies


def test_form_without_a_round_reuses_what_the_first_scorecard_rated(workbook: Workbook) -> None:
    booked = book(workbook, competencies=None)
    ana, ben = booked.interviewers
    scorecards.save_scorecard(
        workbook,
        booked.interview_id,
        draft(ana, "no", security=2, system_design=3),
        now=NOW,
    )
    form = scorecards.scorecard_form(workbook, booked.interview_id, ben)
    assert form.competencies == ("security", "system_design")


def test_editing_keeps_a_competency_the_round_no_longer_lists(
    workbook: Workbook, booked: Booked
) -> None:
    ana = booked.interviewers[0]
    scorecards.save_scorecard(
        workbook,
        booked.interview_id,
        draft(ana, "yes", databases=3, apis=3, communication=None, leadership=4),
        now=NOW,
    )
    form = scorecards.scorecard_form(workbook, booked.interview_id, ana)
    assert form.competencies == ("databases", "apis", "communication", "leadership")


def test_form_for_an_unknown_interview_is_not_found(workbook: Workbook) -> None:
    with pytest.raises(NotFoundError):
        scorecards.scorecard_form(workbook, 999)


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
