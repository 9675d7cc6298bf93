"""Builders for scorecard tests: a candidate, a role, an interview round and its interviewers.

Interviews and plans are written as rows here, so these tests do not depend on the
scheduling and plan services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import select

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.interviews.scorecards import RatingDraft, ScorecardDraft
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief, SkillEntry
from hiring_desk.services.team import team_members
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Interview,
    InterviewInterviewer,
    InterviewPlan,
    InterviewRound,
)

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Booked:
    candidate_id: int
    role_id: int
    application_id: int
    interview_id: int
    interviewers: tuple[int, ...]


def add_member(workbook: Workbook, name: str) -> int:
    return team_members.add_member(workbook, name).id


def add_role(workbook: Workbook, title: str = "Backend Developer", *skills: str) -> int:
    brief = RoleBrief(title=title, skills=tuple(SkillEntry(s) for s in skills))
    return role_records.create_role(workbook, brief).id


def add_application(workbook: Workbook, name: str, role_id: int) -> tuple[int, int]:
    """(candidate id, application id)"""
    candidate_id = candidate_records.create_candidate(workbook, CandidateInput(name=name)).id
    return candidate_id, stage_moves.apply(workbook, candidate_id, role_id).id


def add_interview(
    workbook: Workbook,
    application_id: int,
    interviewers: tuple[int, ...],
    *,
    competencies: str | None = "databases,apis,communication",
    round_name: str = "Technical",
    starts_at: datetime = NOW - timedelta(days=1),
    status: str = "scheduled",
) -> int:
    """An interview; ``competencies`` None books it with no plan round at all."""
    with workbook.transaction() as session:
        application = session.get(Application, application_id)
        assert application is not None
        round_id = None
        if competencies is not None:
            plan = session.exec(
                select(InterviewPlan).where(InterviewPlan.role_id == application.role_id)
            ).first()
            if plan is None:
                plan = InterviewPlan(role_id=application.role_id)
                session.add(plan)
                session.flush()
            round_row = InterviewRound(
                plan_id=plan.id or 0, name=round_name, competencies=competencies
            )
            session.add(round_row)
            session.flush()
            round_id = round_row.id
        interview = Interview(
            application_id=application_id,
            round_id=round_id,
            round_name=round_name,
            starts_at=starts_at,
            timezone="Europe/Dublin",
            status=status,
        )
        session.add(interview)
        session.flush()
        assert interview.id is not None
        session.add_all(
            InterviewInterviewer(interview_id=interview.id, member_id=m) for m in interviewers
        )
        return interview.id


def book(
    workbook: Workbook,
    name: str = "Ingrid Ødegård",
    *,
    member_names: tuple[str, ...] = ("Ana Silva", "Ben Okafor"),
    **interview: object,
) -> Booked:
    """A fresh role, one candidate applied to it, and one interview with two interviewers."""
    members = tuple(add_member(workbook, m) for m in member_names)
    role_id = add_role(workbook)
    candidate_id, application_id = add_application(workbook, name, role_id)
    interview_id = add_interview(workbook, application_id, members, **interview)  # type: ignore[arg-type]
    return Booked(candidate_id, role_id, application_id, interview_id, members)


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
