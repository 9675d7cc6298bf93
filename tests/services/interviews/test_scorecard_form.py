"""Scorecards: the form an interviewer fills in, its competencies and interviewers."""

from __future__ import annotations

import pytest
from tests.services.interviews import scorecard_setup as card

from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.services.interviews import scorecards
from hiring_desk.store import Workbook


@pytest.fixture
def booked(workbook: Workbook) -> card.Booked:
    return card.book(workbook)


# -- the form ------------------------------------------------------------------------------


def test_form_lists_the_round_competencies_and_the_interviewers(
    workbook: Workbook, booked: card.Booked
) -> None:
    form = scorecards.scorecard_form(workbook, booked.interview_id, now=card.NOW)
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
    workbook: Workbook, booked: card.Booked
) -> None:
    ana, ben = booked.interviewers
    scorecards.save_scorecard(workbook, booked.interview_id, card.full(ana), now=card.NOW)
    form = scorecards.scorecard_form(workbook, booked.interview_id, now=card.NOW)
    assert form.interviewer_id == ben
    assert [c.has_scorecard for c in form.interviewers] == [True, False]
    mine = scorecards.scorecard_form(workbook, booked.interview_id, ana, now=card.NOW)
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
    member = card.add_member(workbook, "Ana Silva")
    role_id = card.add_role(workbook, "Data Engineer", "PostgreSQL", "Python", "Ice sculpture")
    _cid, app_id = card.add_application(workbook, "Kenji Watanabe", role_id)
    interview_id = card.add_interview(workbook, app_id, (member,), competencies=None)
    form = scorecards.scorecard_form(workbook, interview_id)
    assert form.competencies == (
        "languages",
        "databases",
        "problem_solving",
        "communication",
        "teamwork",
    )


def test_form_without_a_round_or_role_skills_has_a_general_default(workbook: Workbook) -> None:
    booked = card.book(workbook, competencies=None)
    form = scorecards.scorecard_form(workbook, booked.interview_id)
    assert form.competencies[:4] == ("languages", "databases", "apis", "testing")
    assert "communication" in form.competencies


def test_form_without_a_round_reuses_what_the_first_scorecard_rated(workbook: Workbook) -> None:
    booked = card.book(workbook, competencies=None)
    ana, ben = booked.interviewers
    scorecards.save_scorecard(
        workbook,
        booked.interview_id,
        card.draft(ana, "no", security=2, system_design=3),
        now=card.NOW,
    )
    form = scorecards.scorecard_form(workbook, booked.interview_id, ben)
    assert form.competencies == ("security", "system_design")


def test_editing_keeps_a_competency_the_round_no_longer_lists(
    workbook: Workbook, booked: card.Booked
) -> None:
    ana = booked.interviewers[0]
    scorecards.save_scorecard(
        workbook,
        booked.interview_id,
        card.draft(ana, "yes", databases=3, apis=3, communication=None, leadership=4),
        now=card.NOW,
    )
    form = scorecards.scorecard_form(workbook, booked.interview_id, ana)
    assert form.competencies == ("databases", "apis", "communication", "leadership")


def test_form_for_an_unknown_interview_is_not_found(workbook: Workbook) -> None:
    with pytest.raises(NotFoundError):
        scorecards.scorecard_form(workbook, 999)
