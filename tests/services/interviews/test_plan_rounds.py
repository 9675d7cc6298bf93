"""models.Interview plans: adding, renaming, checking, moving and removing a role's rounds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import select
from tests.services.interviews.plan_setup import plan_role, round_names

from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.interviews import plans as plans
from hiring_desk.services.interviews.plan_defaults import (
    default_plan_for,
)
from hiring_desk.store import Workbook, models

# -- rounds -------------------------------------------------------------------------------------


def test_add_rename_and_remove_rounds(workbook: Workbook) -> None:
    role_id = plan_role(workbook, "junior")
    before = plans.plan_for_role(workbook, role_id)
    view = plans.add_round(workbook, role_id)
    view = plans.add_round(workbook, role_id)
    assert round_names(view)[-2:] == ["New round", "New round 2"]
    new = view.rounds[-1]
    assert (new.duration_minutes, new.competencies, new.questions) == (45, (), ())
    view = plans.add_round(workbook, role_id, "Take-home review", 60, ["testing", "languages"])
    assert view.rounds[-1].competencies == ("testing", "languages")
    view = plans.rename_round(workbook, new.id, "  Pairing session  ")
    assert view.round(new.id).name == "Pairing session"
    # The same name in different case is the same name.
    with pytest.raises(ValidationError) as caught:
        plans.rename_round(workbook, new.id, "phone SCREEN")
    assert "already called" in caught.value.errors["name"]
    with pytest.raises(ValidationError) as caught:
        plans.rename_round(workbook, new.id, "   ")
    assert caught.value.errors == {"name": "is empty"}
    with pytest.raises(ValidationError) as caught:
        plans.add_round(workbook, role_id, "x" * (plans.ROUND_NAME_LIMIT + 1))
    assert "at most" in caught.value.errors["name"]
    plans.rename_round(workbook, new.id, "pairing session")  # its own name, recased: fine
    view = plans.remove_round(workbook, view.rounds[0].id)
    assert round_names(view) == [
        *(n for n in round_names(before)[1:]),
        "New round",
        "pairing session",
        "Take-home review",
    ]
    assert [r.position for r in view.rounds] == list(range(len(view.rounds)))
    with pytest.raises(NotFoundError):
        plans.rename_round(workbook, before.rounds[0].id, "Back")
    assert view.updated_at >= before.updated_at


def test_durations_are_checked(workbook: Workbook) -> None:
    role_id = plan_role(workbook)
    round_id = plans.plan_for_role(workbook, role_id).rounds[0].id
    for minutes in (5, 480):
        assert (
            plans.set_round_duration(workbook, round_id, minutes).round(round_id).duration_minutes
            == minutes
        )
    for bad in (4, 481, 0, -30):
        with pytest.raises(ValidationError) as caught:
            plans.set_round_duration(workbook, round_id, bad)
        assert caught.value.errors == {"duration_minutes": "must be from 5 to 480 minutes"}
    with pytest.raises(ValidationError):
        plans.add_round(workbook, role_id, "Too long", 600)
    assert plans.plan_for_role(workbook, role_id).round(round_id).duration_minutes == 480


def test_competencies_are_checked_and_kept_in_order(workbook: Workbook) -> None:
    role_id = plan_role(workbook)
    round_id = plans.plan_for_role(workbook, role_id).rounds[0].id
    view = plans.set_round_competencies(workbook, round_id, ["security", " databases", "security"])
    assert view.round(round_id).competencies == ("security", "databases")
    assert view.round(round_id).competency_labels == (
        "Security and data protection, Databases and data modelling"
    )
    with pytest.raises(ValidationError) as caught:
        plans.set_round_competencies(workbook, round_id, ["databases", "cooking"])
    assert "cooking" in caught.value.errors["competencies"]
    assert plans.set_round_competencies(workbook, round_id, []).round(round_id).competencies == ()


def test_move_rounds_up_and_down(workbook: Workbook) -> None:
    role_id = plan_role(workbook, "lead")
    view = plans.plan_for_role(workbook, role_id)
    names = round_names(view)
    last = view.rounds[-1].id
    view = plans.move_round(workbook, last, -1)
    assert round_names(view) == [*names[:-2], names[-1], names[-2]]
    view = plans.move_round(workbook, view.rounds[0].id, -1)  # already first: stays
    assert round_names(view)[0] == names[0]
    view = plans.move_round(workbook, view.rounds[0].id, 10)  # clamped to the end
    assert round_names(view)[-1] == names[0]
    assert [r.position for r in view.rounds] == list(range(len(names)))


def test_removing_a_round_keeps_interviews_booked_for_it(workbook: Workbook) -> None:
    role_id = plan_role(workbook)
    round_view = plans.plan_for_role(workbook, role_id).rounds[1]
    with workbook.transaction() as session:
        candidate = models.Candidate(name="Aoife Brennan")
        session.add(candidate)
        session.flush()
        application = models.Application(candidate_id=candidate.id or 0, role_id=role_id)
        session.add(application)
        session.flush()
        interview = models.Interview(
            application_id=application.id or 0,
            round_id=round_view.id,
            round_name=round_view.name,
            starts_at=datetime(2030, 1, 7, 10, tzinfo=UTC),
        )
        session.add(interview)
        session.flush()
        interview_id = interview.id
    plans.remove_round(workbook, round_view.id)
    with workbook.transaction() as session:
        kept = session.get(models.Interview, interview_id)
        assert kept is not None and kept.round_id is None and kept.round_name == round_view.name
        assert session.get(models.InterviewRound, round_view.id) is None
        assert not session.exec(
            select(models.RoundQuestion).where(models.RoundQuestion.round_id == round_view.id)
        ).all()


def test_adding_a_round_to_a_role_without_a_plan_starts_from_the_default(
    workbook: Workbook,
) -> None:
    role_id = plan_role(workbook, "junior")
    view = plans.add_round(workbook, role_id, "Take-home review", 30, ["testing"])
    expected = [r.name for r in default_plan_for(None, "junior").rounds]
    assert round_names(view) == [*expected, "Take-home review"]
    with pytest.raises(ValidationError):
        plans.add_round(workbook, plan_role(workbook, "lead"), "Phone screen")
    with workbook.transaction() as session:
        assert len(session.exec(select(models.InterviewPlan)).all()) == 1  # nothing half-saved
