"""Builders for scheduling tests: a team, a role with a two-round plan, applications.

The plan is written as rows, so these tests do not depend on the plan service.
Shared by the service, CLI and UI tests of scheduling and .ics export.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.interviews import interview_schedule
from hiring_desk.services.interviews.interview_schedule import InterviewDraft
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.team import team_members
from hiring_desk.store import Workbook
from hiring_desk.store.models import InterviewPlan, InterviewRound

#: A name in Cyrillic with a comma and a semicolon, as calendar files must escape them.
AWKWARD_NAME = "Соколова, Ирина; «Ira»"


@dataclass(frozen=True)
class Desk:
    role_id: int
    other_role_id: int
    rounds: tuple[int, int]  # screen, technical
    other_round: int
    members: dict[str, int]  # key -> team member id
    candidate_id: int
    application_id: int


def make_desk(workbook: Workbook, candidate_name: str = "Nguyễn Thị Mai") -> Desk:
    """Three team members (Bo has no email), two roles with plans, one application."""
    members = {
        "ana": team_members.add_member(
            workbook, "Ana Silva", "Engineering Lead", "ana@example.com"
        ).id,
        "irina": team_members.add_member(
            workbook, AWKWARD_NAME, "Engineer", "irina@example.com"
        ).id,
        "bo": team_members.add_member(workbook, "Bo Jensen", "HR").id,
    }
    brief = RoleBrief(title="Backend Developer", hiring_manager_id=members["ana"])
    role_id = role_records.create_role(workbook, brief).id
    other_role_id = role_records.create_role(workbook, RoleBrief(title="Data Engineer")).id
    with workbook.transaction() as session:
        plan = InterviewPlan(role_id=role_id)
        other_plan = InterviewPlan(role_id=other_role_id)
        session.add_all([plan, other_plan])
        session.flush()
        screen = InterviewRound(plan_id=plan.id or 0, position=0, name="Phone screen")
        technical = InterviewRound(
            plan_id=plan.id or 0, position=1, name="Technical interview", duration_minutes=90
        )
        other = InterviewRound(plan_id=other_plan.id or 0, name="Data modelling")
        session.add_all([screen, technical, other])
        session.flush()
        rounds = (screen.id or 0, technical.id or 0)
        other_round = other.id or 0
    candidate_id, application_id = add_application(workbook, candidate_name, role_id)
    return Desk(role_id, other_role_id, rounds, other_round, members, candidate_id, application_id)


def add_application(workbook: Workbook, name: str, role_id: int) -> tuple[int, int]:
    """(candidate id, application id); the candidate has an email and a phone number."""
    slug = "".join(ch for ch in name.lower() if ch.isascii() and ch.isalpha()) or "someone"
    record = CandidateInput(name=name, email=f"{slug}@candidate.example", phone="+353 1 555 0101")
    candidate_id = candidate_records.create_candidate(workbook, record).id
    return candidate_id, stage_moves.apply(workbook, candidate_id, role_id).id


def draft(desk: Desk, **changes: object) -> InterviewDraft:
    """A valid draft: the technical round on 2 June 2026 at 10:00 in Berlin, with Ana."""
    base = InterviewDraft(
        day=date(2026, 6, 2),
        start=time(10, 0),
        timezone="Europe/Berlin",
        duration_minutes=60,
        round_id=desk.rounds[1],
        location="Room 4, Hauptstraße 1",
        video_link="",
        interviewer_ids=(desk.members["ana"],),
        notes="Bring the take-home exercise.",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def schedule(workbook: Workbook, desk: Desk, **changes: object) -> int:
    return interview_schedule.schedule(workbook, desk.application_id, draft(desk, **changes))
