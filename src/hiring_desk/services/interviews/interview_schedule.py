"""Booking interviews: schedule, change, cancel, mark done, and who would clash.

An interview is one round for one application. The person enters a local date and
time in an IANA time zone; the workbook keeps the moment in UTC together
with the zone's name, so the wall-clock time survives daylight-saving changes
(see ``time_zones`` for how local times are converted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit

from sqlalchemy import delete
from sqlmodel import Session, col, select

from hiring_desk.domain.formatting import format_day
from hiring_desk.domain.vocab import InterviewStatus, Stage
from hiring_desk.services.candidates.record_checks import plain_text
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import NotFoundError, ServiceError, ValidationError
from hiring_desk.services.common.permissions import Permission
from hiring_desk.services.common.role_scope import require_on
from hiring_desk.services.common.time_zones import (
    as_utc,
    canonical_timezone,
    local_to_utc,
    unknown_zone_message,
    zone_or_utc,
)
from hiring_desk.services.common.validation import length_problem
from hiring_desk.services.interviews.interview_records import rounds_of_plan
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Candidate,
    Interview,
    InterviewInterviewer,
    InterviewRound,
    Role,
    TeamMember,
)
from hiring_desk.store.models._base import utcnow

MIN_DURATION, MAX_DURATION = 5, 480
ROUND_LIMIT = 200
LOCATION_LIMIT = 500
LINK_LIMIT = 2000
NOTES_LIMIT = 5000


class ApplicationClosedError(ServiceError):
    """Interviews cannot be booked or changed for a hired, rejected or withdrawn application."""


@dataclass(frozen=True)
class InterviewDraft:
    """What the scheduling form captures. ``day``/``start`` are local to ``timezone``."""

    day: date | None
    start: time | None
    timezone: str
    duration_minutes: int = 60
    round_name: str = ""
    round_id: int | None = None
    location: str = ""
    video_link: str = ""
    interviewer_ids: tuple[int, ...] = field(default_factory=tuple)
    notes: str = ""


# -- checks ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Checked:
    starts_at: datetime  # aware UTC
    timezone: str
    duration_minutes: int
    round_name: str
    round_id: int | None
    location: str
    video_link: str
    interviewer_ids: tuple[int, ...]
    notes: str


def _check(session: Session, application: Application, draft: InterviewDraft) -> _Checked:
    errors: dict[str, str] = {}
    zone = canonical_timezone(draft.timezone)
    if not draft.timezone.strip():
        errors["timezone"] = "is required"
    elif zone is None:
        errors["timezone"] = unknown_zone_message(draft.timezone)
    if draft.day is None:
        errors["date"] = "is required"
    if draft.start is None:
        errors["time"] = "is required"
    starts_at = None
    if draft.day is not None and draft.start is not None and zone is not None:
        try:
            starts_at = local_to_utc(draft.day, draft.start, zone)
        except ValueError as exc:
            errors["time"] = str(exc)
    if not MIN_DURATION <= draft.duration_minutes <= MAX_DURATION:
        errors["duration"] = f"must be between {MIN_DURATION} and {MAX_DURATION} minutes"
    round_id, round_name = draft.round_id, plain_text(draft.round_name)
    if round_id is not None:
        planned = _plan_round(session, application.role_id, round_id)
        if planned is None:
            errors["round"] = "is not a round of this role's interview plan"
        elif not round_name:
            round_name = planned.name
    if not round_name:
        errors["round"] = errors.get("round", "is required")
    location = plain_text(draft.location)
    link = plain_text(draft.video_link)
    for key, value, limit in (
        ("round", round_name, ROUND_LIMIT),
        ("location", location, LOCATION_LIMIT),
        ("video_link", link, LINK_LIMIT),
    ):
        if key not in errors and (problem := length_problem(value, limit)):
            errors[key] = problem
    if link and "video_link" not in errors:
        parts = urlsplit(link)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in link:
            errors["video_link"] = "must be a web address starting with https:// or http://"
    notes = plain_text(draft.notes, multiline=True)
    if problem := length_problem(notes, NOTES_LIMIT):
        errors["notes"] = problem
    member_ids = tuple(dict.fromkeys(draft.interviewer_ids))
    if not member_ids:
        errors["interviewers"] = "choose at least one interviewer"
    else:
        known = set(session.exec(select(TeamMember.id).where(col(TeamMember.id).in_(member_ids))))
        if len(known) != len(member_ids):
            errors["interviewers"] = "include someone who is no longer on the team"
    if errors:
        raise ValidationError(errors)
    assert starts_at is not None and zone is not None
    return _Checked(
        starts_at, zone, draft.duration_minutes, round_name, round_id, location, link,
        member_ids, notes,
    )  # fmt: skip


def _plan_round(session: Session, role_id: int, round_id: int) -> InterviewRound | None:
    return session.exec(rounds_of_plan(role_id).where(col(InterviewRound.id) == round_id)).first()


@dataclass(frozen=True)
class BookingContext:
    """What the scheduling form shows about the application it books for."""

    application_id: int
    candidate_name: str
    role_id: int
    role_title: str
    stage_label: str
    refusal: str  # why nothing can be booked for it, or ""
    candidate_id: int = 0


def booking_context(workbook: Workbook, application_id: int) -> BookingContext:
    with workbook.transaction() as session:
        application = session.get(Application, application_id)
        if application is None:
            raise NotFoundError(f"Application {application_id} does not exist.")
        candidate = session.get(Candidate, application.candidate_id)
        role = session.get(Role, application.role_id)
        return BookingContext(
            application_id,
            candidate.name if candidate else "",
            application.role_id,
            role.title if role else "",
            Stage(application.stage).label,
            _refusal(session, application),
            application.candidate_id,
        )


def _refusal(session: Session, application: Application) -> str:
    stage = Stage(application.stage)
    if not stage.is_closed:
        return ""
    candidate = session.get(Candidate, application.candidate_id)
    role = session.get(Role, application.role_id)
    who = candidate.name if candidate else "This candidate"
    what = role.title if role else "this role"
    return (
        f"{who}'s application for {what} is closed ({stage.label}), so interviews can no "
        "longer be booked or changed for it."
    )


def _open_application(session: Session, application_id: int) -> Application:
    application = session.get(Application, application_id)
    if application is None:
        raise NotFoundError(f"Application {application_id} does not exist.")
    if refusal := _refusal(session, application):
        raise ApplicationClosedError(refusal)
    return application


# -- clashes ---------------------------------------------------------------------------


def clashes(
    workbook: Workbook,
    application_id: int,
    draft: InterviewDraft,
    interview_id: int | None = None,
) -> list[str]:
    """Warnings, not errors: who in the draft is already booked at an overlapping time.

    Covers each chosen interviewer and the candidate. Checks the draft first
    (ValidationError). ``interview_id`` is the interview being edited, if any.
    """
    with workbook.transaction() as session:
        application = _open_application(session, application_id)
        checked = _check(session, application, draft)
        start = checked.starts_at
        end = start + timedelta(minutes=checked.duration_minutes)
        statement = (
            select(Interview, Application.candidate_id, Candidate.name)
            .join(Application, col(Application.id) == Interview.application_id)
            .join(Candidate, col(Candidate.id) == Application.candidate_id)
            .where(
                col(Interview.status) == InterviewStatus.SCHEDULED.value,
                col(Interview.id) != (interview_id or 0),
                col(Interview.starts_at) < end,
                col(Interview.starts_at) > start - timedelta(minutes=MAX_DURATION),
            )
        )
        warnings: list[str] = []
        for other, candidate_id, candidate_name in session.exec(statement):
            other_start = as_utc(other.starts_at)
            if other_start + timedelta(minutes=other.duration_minutes) <= checked.starts_at:
                continue
            when = _when(other_start, other.duration_minutes, checked.timezone)
            what = f"{other.round_name} with {candidate_name}"
            if candidate_id == application.candidate_id:
                warnings.append(
                    f"{candidate_name} (the candidate) already has an interview {when}: "
                    f"{other.round_name}."
                )
            busy = session.exec(
                select(TeamMember.name)
                .join(InterviewInterviewer, col(InterviewInterviewer.member_id) == TeamMember.id)
                .where(
                    col(InterviewInterviewer.interview_id) == other.id,
                    col(TeamMember.id).in_(checked.interviewer_ids),
                )
            ).all()
            warnings.extend(f"{name} already has an interview {when}: {what}." for name in busy)
        return warnings


def _when(start: datetime, minutes: int, zone_name: str) -> str:
    zone = zone_or_utc(zone_name)
    local = start.astimezone(zone)
    end = (start + timedelta(minutes=minutes)).astimezone(zone)
    return f"on {format_day(local.date())} from {local:%H:%M} to {end:%H:%M} ({zone_name})"


# -- changes ---------------------------------------------------------------------------


def schedule(workbook: Workbook, application_id: int, draft: InterviewDraft) -> int:
    """Book an interview for an open application; returns its id."""
    require_on(workbook, Permission.PIPELINE, "application", application_id)
    with workbook.transaction() as session:
        application = _open_application(session, application_id)
        checked = _check(session, application, draft)
        interview = Interview(application_id=application_id, starts_at=checked.starts_at)
        _apply(interview, checked)
        session.add(interview)
        session.flush()
        assert interview.id is not None
        _set_interviewers(session, interview.id, checked.interviewer_ids)
        audit.record(session, "schedule", "interview", interview.id)
        return interview.id


def update(workbook: Workbook, interview_id: int, draft: InterviewDraft) -> None:
    """Change a booked interview (its status stays as it is)."""
    require_on(workbook, Permission.PIPELINE, "interview", interview_id)
    with workbook.transaction() as session:
        interview = _load(session, interview_id)
        application = _open_application(session, interview.application_id)
        checked = _check(session, application, draft)
        _apply(interview, checked)
        session.add(interview)
        _set_interviewers(session, interview_id, checked.interviewer_ids)
        audit.record(session, "edit", "interview", interview_id)


def cancel(workbook: Workbook, interview_id: int) -> None:
    """Mark an interview cancelled; the row (and its history) is kept."""
    require_on(workbook, Permission.PIPELINE, "interview", interview_id)
    with workbook.transaction() as session:
        interview = _load(session, interview_id)
        if interview.status == InterviewStatus.CANCELLED.value:
            return
        if interview.status == InterviewStatus.DONE.value:
            raise ServiceError("This interview has already taken place; it cannot be cancelled.")
        interview.status = InterviewStatus.CANCELLED.value
        session.add(interview)
        audit.record(session, "cancel", "interview", interview_id)


def mark_done(workbook: Workbook, interview_id: int, *, now: datetime | None = None) -> None:
    """Record that an interview took place; refused before it starts or once cancelled."""
    require_on(workbook, Permission.PIPELINE, "interview", interview_id)
    with workbook.transaction() as session:
        interview = _load(session, interview_id)
        if interview.status == InterviewStatus.DONE.value:
            return
        if interview.status == InterviewStatus.CANCELLED.value:
            raise ServiceError("This interview was cancelled, so it cannot be marked done.")
        starts = as_utc(interview.starts_at)
        if starts > (now or utcnow()):
            local = starts.astimezone(zone_or_utc(interview.timezone))
            raise ServiceError(
                f"This interview starts on {format_day(local.date())} at {local:%H:%M} "
                f"({interview.timezone}); it can be marked done once it has begun."
            )
        interview.status = InterviewStatus.DONE.value
        session.add(interview)
        audit.record(session, "done", "interview", interview_id)


def _apply(interview: Interview, checked: _Checked) -> None:
    interview.starts_at = checked.starts_at
    interview.timezone = checked.timezone
    interview.duration_minutes = checked.duration_minutes
    interview.round_id = checked.round_id
    interview.round_name = checked.round_name
    interview.location = checked.location
    interview.video_link = checked.video_link
    interview.notes = checked.notes


def _set_interviewers(session: Session, interview_id: int, member_ids: tuple[int, ...]) -> None:
    session.execute(
        delete(InterviewInterviewer).where(col(InterviewInterviewer.interview_id) == interview_id)
    )
    session.add_all(
        InterviewInterviewer(interview_id=interview_id, member_id=m) for m in member_ids
    )
    session.flush()


def _load(session: Session, interview_id: int) -> Interview:
    interview = session.get(Interview, interview_id)
    if interview is None:
        raise NotFoundError(f"Interview {interview_id} does not exist.")
    return interview
