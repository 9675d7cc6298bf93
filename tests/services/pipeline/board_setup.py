"""A role whose board shows each state of the interviews, for the board's tests.

Made through the services as a user would: a role with two must-have skills, and
on the board:

- Ada Lovelace: interviewed three days ago by Ana and Ben; Ana's scorecard is in
  (ratings 3, 4 and 4: mean 3.7), Ben's is not; a second interview two days ahead.
- Bo Chen: interviewed by Ana three days ago, scorecard in (ratings 2 and 3: 2.5).
- Cy Diaz: no interview; one that was booked was cancelled.
- Di Evans: no interview at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from tests.conftest import on_day

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.interviews import interview_schedule, scorecards
from hiring_desk.services.interviews.interview_schedule import InterviewDraft
from hiring_desk.services.interviews.scorecards import RatingDraft, ScorecardDraft
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief, SkillEntry
from hiring_desk.services.team import team_members
from hiring_desk.store import Workbook


@dataclass(frozen=True)
class InterviewBoard:
    role_id: int
    #: candidate name -> application id
    applications: dict[str, int]
    #: The start (UTC) of Ada's next interview.
    ada_next: datetime


def _interview(
    workbook: Workbook, application_id: int, when: datetime, members: tuple[int, ...]
) -> int:
    draft = InterviewDraft(
        when.date(), when.time(), "UTC", round_name="Technical", interviewer_ids=members
    )
    return interview_schedule.schedule(workbook, application_id, draft)


def _scorecard(workbook: Workbook, interview_id: int, member: int, *ratings: int) -> None:
    keys = ("databases", "apis", "communication")
    draft = ScorecardDraft(
        member, "yes", "", tuple(RatingDraft(k, r) for k, r in zip(keys, ratings, strict=False))
    )
    scorecards.save_scorecard(workbook, interview_id, draft)


def interview_board(workbook: Workbook, today: date) -> InterviewBoard:
    """The role above, its applicants moved to Interview ten days before ``today``."""
    skills = (SkillEntry("Python", "must"), SkillEntry("Go", "must"))
    role = role_records.create_role(workbook, RoleBrief(title="Engineer", skills=skills))
    ana = team_members.add_member(workbook, "Ana Interviewer").id
    ben = team_members.add_member(workbook, "Ben Interviewer").id
    applications: dict[str, int] = {}
    with on_day(today - timedelta(days=10)):
        for name in ("Ada Lovelace", "Bo Chen", "Cy Diaz", "Di Evans"):
            data = CandidateInput(name=name, current_title="Engineer", skills=("Python",))
            cid = candidate_records.create_candidate(workbook, data).id
            application = stage_moves.apply(workbook, cid, role.id)
            stage_moves.move(workbook, application.id, "interview")
            applications[name] = application.id
    past = datetime.combine(today - timedelta(days=3), time(10), UTC)
    ada_next = datetime.combine(today + timedelta(days=2), time(10), UTC)
    with on_day(today - timedelta(days=5)):
        first = _interview(workbook, applications["Ada Lovelace"], past, (ana, ben))
        second = _interview(workbook, applications["Ada Lovelace"], ada_next, (ana,))
        bo = _interview(workbook, applications["Bo Chen"], past, (ana,))
        cancelled = _interview(workbook, applications["Cy Diaz"], past, (ben,))
        interview_schedule.cancel(workbook, cancelled)
    with on_day(today):
        for done in (first, bo):
            interview_schedule.mark_done(workbook, done)
        _scorecard(workbook, first, ana, 3, 4, 4)
        _scorecard(workbook, bo, ana, 2, 3)
    assert second
    return InterviewBoard(role.id, applications, ada_next)
