"""Interviews as people read them: the listing, one interview's detail, the calendar.

``starts_at`` is kept in UTC; each interview also keeps the IANA time zone it was
booked in, and its "local" times are the wall-clock times in that zone. Days in
the calendar are those local days. Booking and changing interviews is in
``interview_schedule``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import groupby

from sqlalchemy import ColumnElement, select
from sqlmodel import Session, col
from sqlmodel import select as sql_select
from sqlmodel.sql.expression import SelectOfScalar

from hiring_desk.domain.vocab import InterviewStatus
from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.services.common.time_zones import as_utc, default_timezone, zone_or_utc
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Candidate,
    Interview,
    InterviewInterviewer,
    InterviewPlan,
    InterviewRound,
    Role,
    TeamMember,
)

#: No time zone is further than this from UTC, so a local day lies inside its UTC day +- 1.
_WIDEST_OFFSET = timedelta(days=1)


@dataclass(frozen=True)
class InterviewSummary:
    id: int
    candidate_id: int
    candidate_name: str
    role_id: int
    role_title: str
    round_name: str
    starts_at: datetime
    timezone: str
    duration_minutes: int
    status: str


def list_interviews(workbook: Workbook) -> list[InterviewSummary]:
    statement = (
        select(Interview, col(Candidate.id), col(Candidate.name), col(Role.id), col(Role.title))
        .join(Application, col(Application.id) == Interview.application_id)
        .join(Candidate, col(Candidate.id) == Application.candidate_id)
        .join(Role, col(Role.id) == Application.role_id)
        .order_by(col(Interview.starts_at), col(Interview.id))
    )
    with workbook.transaction() as session:
        return [
            InterviewSummary(
                id=iv.id or 0,
                candidate_id=cid or 0,
                candidate_name=cname,
                role_id=rid or 0,
                role_title=rtitle,
                round_name=iv.round_name,
                starts_at=iv.starts_at,
                timezone=iv.timezone,
                duration_minutes=iv.duration_minutes,
                status=iv.status,
            )
            for iv, cid, cname, rid, rtitle in session.execute(statement)
        ]


@dataclass(frozen=True)
class InterviewerInfo:
    id: int
    name: str
    email: str


@dataclass(frozen=True)
class InterviewDetail:
    """One interview with everything the calendar, the editor and the .ics file show.

    ``local_start``/``local_end`` are aware datetimes in ``timezone``; ``starts_at``
    is the same moment in UTC. The candidate's contact details are left out on purpose.
    """

    id: int
    application_id: int
    candidate_id: int
    candidate_name: str
    role_id: int
    role_title: str
    hiring_manager: InterviewerInfo | None
    round_id: int | None
    round_name: str
    starts_at: datetime
    timezone: str
    local_start: datetime
    local_end: datetime
    duration_minutes: int
    location: str
    video_link: str
    interviewers: tuple[InterviewerInfo, ...]
    notes: str
    status: str

    @property
    def local_day(self) -> date:
        return self.local_start.date()

    @property
    def interviewer_ids(self) -> tuple[int, ...]:
        return tuple(i.id for i in self.interviewers)

    @property
    def interviewer_names(self) -> tuple[str, ...]:
        return tuple(i.name for i in self.interviewers)

    @property
    def status_label(self) -> str:
        return InterviewStatus(self.status).label

    @property
    def place(self) -> str:
        """Where it happens: the place, the video link, or both."""
        return " · ".join(p for p in (self.location, self.video_link) if p)


@dataclass(frozen=True)
class CalendarDay:
    """The interviews on one local day, earliest first."""

    day: date
    interviews: tuple[InterviewDetail, ...]


@dataclass(frozen=True)
class RoundOption:
    """A round of the role's interview plan, offered when booking an interview."""

    id: int
    name: str
    duration_minutes: int


def get_interview(workbook: Workbook, interview_id: int) -> InterviewDetail:
    with workbook.transaction() as session:
        found = _details(session, col(Interview.id) == interview_id)
    if not found:
        raise NotFoundError(f"Interview {interview_id} does not exist.")
    return found[0]


def interview_details(workbook: Workbook, interview_ids: Iterable[int]) -> list[InterviewDetail]:
    """The interviews with these ids that exist, earliest first."""
    ids = sorted(set(interview_ids))
    with workbook.transaction() as session:
        return _details(session, col(Interview.id).in_(ids)) if ids else []


def interviews_of_role(workbook: Workbook, role_id: int) -> list[InterviewDetail]:
    """Every interview of the role's applications, earliest first."""
    with workbook.transaction() as session:
        if session.get(Role, role_id) is None:
            raise NotFoundError(f"Role {role_id} does not exist.")
        return _details(session, col(Application.role_id) == role_id)


def interviews_of_candidate(workbook: Workbook, candidate_id: int) -> list[InterviewDetail]:
    with workbook.transaction() as session:
        return _details(session, col(Application.candidate_id) == candidate_id)


def candidate_zone(workbook: Workbook, candidate_id: int) -> str | None:
    """The time zone the candidate is known to be in, or None when the app does not know.

    Interviews are booked in the candidate's time zone (their invitations give the
    times in it), so the zone of their latest interview not cancelled is theirs. A
    zone that is the workbook's own says nothing (it is the booking form's default).
    """
    booked = [
        i
        for i in interviews_of_candidate(workbook, candidate_id)
        if i.status != InterviewStatus.CANCELLED.value
    ]
    if not booked:
        return None
    latest = max(booked, key=lambda i: (i.starts_at, i.id))
    return None if latest.timezone == default_timezone(workbook) else latest.timezone


def interviews_of_day(workbook: Workbook, day: date) -> list[InterviewDetail]:
    """The interviews whose local date (in their own time zone) is ``day``."""
    found = upcoming(workbook, day, 1)
    return list(found[0].interviews) if found else []


def upcoming(
    workbook: Workbook, from_day: date | None = None, days: int | None = None
) -> list[CalendarDay]:
    """Interviews grouped by local day, for a calendar-style list.

    From ``from_day`` (None: from the first one on record) for ``days`` days
    (None: with no end). Days with no interview are left out.
    """
    conditions: list[ColumnElement[bool]] = []
    if from_day is not None:
        lower = datetime.combine(from_day, time(), UTC) - _WIDEST_OFFSET
        conditions.append(col(Interview.starts_at) >= lower)
    last_day = from_day + timedelta(days=days - 1) if from_day and days is not None else None
    if last_day is not None:
        upper = datetime.combine(last_day + timedelta(days=1), time(), UTC) + _WIDEST_OFFSET
        conditions.append(col(Interview.starts_at) < upper)
    with workbook.transaction() as session:
        found = _details(session, *conditions)
    wanted = [
        d
        for d in found
        if (from_day is None or d.local_day >= from_day)
        and (last_day is None or d.local_day <= last_day)
    ]
    wanted.sort(key=lambda d: (d.local_day, d.starts_at, d.id))
    return [
        CalendarDay(day, tuple(group)) for day, group in groupby(wanted, key=lambda d: d.local_day)
    ]


def plan_rounds(workbook: Workbook, role_id: int) -> list[RoundOption]:
    """The rounds of the role's interview plan, in order (none if it has no plan)."""
    with workbook.transaction() as session:
        return [
            RoundOption(r.id or 0, r.name, r.duration_minutes)
            for r in session.exec(rounds_of_plan(role_id))
        ]


def rounds_of_plan(role_id: int) -> SelectOfScalar[InterviewRound]:
    """The query for the rounds of the role's interview plan, in order."""
    return (
        sql_select(InterviewRound)
        .join(InterviewPlan, col(InterviewPlan.id) == InterviewRound.plan_id)
        .where(col(InterviewPlan.role_id) == role_id)
        .order_by(col(InterviewRound.position), col(InterviewRound.id))
    )


def _details(session: Session, *conditions: ColumnElement[bool]) -> list[InterviewDetail]:
    statement = (
        select(Interview, Candidate, Role)
        .join(Application, col(Application.id) == Interview.application_id)
        .join(Candidate, col(Candidate.id) == Application.candidate_id)
        .join(Role, col(Role.id) == Application.role_id)
        .where(*conditions)
        .order_by(col(Interview.starts_at), col(Interview.id))
    )
    rows = session.execute(statement).all()
    interview_ids = [iv.id for iv, _, _ in rows]
    manager_ids = {r.hiring_manager_id for _, _, r in rows if r.hiring_manager_id is not None}
    people = _interviewers(session, interview_ids)
    managers = _members(session, manager_ids)
    return [
        _detail(iv, candidate, role, people.get(iv.id or 0, ()), managers)
        for iv, candidate, role in rows
    ]


def _detail(
    iv: Interview,
    candidate: Candidate,
    role: Role,
    interviewers: Sequence[InterviewerInfo],
    managers: dict[int, InterviewerInfo],
) -> InterviewDetail:
    starts = as_utc(iv.starts_at)
    local = starts.astimezone(zone_or_utc(iv.timezone))
    return InterviewDetail(
        id=iv.id or 0,
        application_id=iv.application_id,
        candidate_id=candidate.id or 0,
        candidate_name=candidate.name,
        role_id=role.id or 0,
        role_title=role.title,
        hiring_manager=managers.get(role.hiring_manager_id or 0),
        round_id=iv.round_id,
        round_name=iv.round_name,
        starts_at=starts,
        timezone=iv.timezone,
        local_start=local,
        local_end=(starts + timedelta(minutes=iv.duration_minutes)).astimezone(local.tzinfo),
        duration_minutes=iv.duration_minutes,
        location=iv.location,
        video_link=iv.video_link,
        interviewers=tuple(interviewers),
        notes=iv.notes,
        status=iv.status,
    )


def _interviewers(
    session: Session, interview_ids: list[int | None]
) -> dict[int, tuple[InterviewerInfo, ...]]:
    if not interview_ids:
        return {}
    statement = (
        select(col(InterviewInterviewer.interview_id), TeamMember)
        .join(TeamMember, col(TeamMember.id) == InterviewInterviewer.member_id)
        .where(col(InterviewInterviewer.interview_id).in_(interview_ids))
        .order_by(col(TeamMember.name), col(TeamMember.id))
    )
    found: dict[int, list[InterviewerInfo]] = {}
    for interview_id, member in session.execute(statement):
        found.setdefault(interview_id, []).append(
            InterviewerInfo(member.id or 0, member.name, member.email)
        )
    return {k: tuple(v) for k, v in found.items()}


def _members(session: Session, member_ids: set[int]) -> dict[int, InterviewerInfo]:
    if not member_ids:
        return {}
    statement = select(TeamMember).where(col(TeamMember.id).in_(member_ids))
    return {
        m.id or 0: InterviewerInfo(m.id or 0, m.name, m.email)
        for m in session.execute(statement).scalars()
    }
