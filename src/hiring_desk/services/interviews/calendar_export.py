"""Interviews as an iCalendar (.ics) file for any calendar program.

One VEVENT per interview: its UID stays the same across exports (so importing a
newer file updates the event), DTSTART/DTEND carry the interview's own time zone
with a VTIMEZONE for each zone used, and each interviewer with an email address
is an ATTENDEE. The candidate's name is in the summary; their email address and
phone number never go into the file, and events are marked private.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Integer, cast, func, select
from sqlmodel import col

from hiring_desk import safe_output
from hiring_desk.domain.formatting import format_day
from hiring_desk.domain.vocab import InterviewStatus
from hiring_desk.services.common.errors import NotFoundError, ServiceError, reporting_write_failures
from hiring_desk.services.common.permissions import Permission, may
from hiring_desk.services.common.time_zones import as_utc
from hiring_desk.services.interviews.interview_records import (
    InterviewDetail,
    InterviewerInfo,
    interview_details,
    interviews_of_day,
    interviews_of_role,
)
from hiring_desk.services.roles import role_records
from hiring_desk.store import Workbook
from hiring_desk.store.models import AuditEvent, WorkbookSetting
from hiring_desk.store.models._base import utcnow

if TYPE_CHECKING:  # icalendar is imported when a calendar is made, not at start-up
    from icalendar import Event, vCalAddress

PRODID = "-//Hiring Desk//Interviews//EN"
#: The WorkbookSetting key of the random id that makes this workbook's event UIDs unique.
UID_SETTING = "calendar_uid"
#: Audit actions after which calendar programs should replace their copy of an event.
_REVISING_ACTIONS = ("edit", "cancel")


@dataclass(frozen=True)
class Revision:
    """How often an interview was changed (the event's SEQUENCE), and when last."""

    sequence: int = 0
    last_modified: datetime | None = None


def build_calendar(
    interviews: Sequence[InterviewDetail],
    *,
    uid_base: str,
    name: str = "Interviews",
    stamp: datetime | None = None,
    revisions: Mapping[int, Revision] | None = None,
) -> bytes:
    """The .ics bytes for ``interviews``; no database involved."""
    from icalendar import Calendar

    calendar = Calendar.new(prodid=PRODID, name=name)
    stamp = (stamp or utcnow()).astimezone(UTC)
    for interview in interviews:
        revision = (revisions or {}).get(interview.id, Revision())
        calendar.add_component(_event(interview, uid_base, stamp, revision))
    if interviews:
        first = min(i.local_day for i in interviews)
        last = max(i.local_end.date() for i in interviews)
        calendar.add_missing_timezones(
            first_date=first - timedelta(days=366), last_date=last + timedelta(days=366)
        )
    return calendar.to_ical()


def event_uid(interview_id: int, uid_base: str) -> str:
    return f"interview-{interview_id}.{uid_base}@hiring-desk"


def summary_of(interview: InterviewDetail) -> str:
    return (
        f"Interview: {interview.candidate_name} - {interview.round_name} ({interview.role_title})"
    )


def _event(interview: InterviewDetail, uid_base: str, stamp: datetime, revision: Revision) -> Event:
    from icalendar import Event
    from icalendar.enums import CLASS, STATUS

    invited = [p for p in interview.interviewers if p.email]
    return Event.new(
        uid=event_uid(interview.id, uid_base),
        stamp=stamp,
        start=interview.local_start,
        end=_end(interview),
        summary=summary_of(interview),
        location=interview.location or interview.video_link or None,
        description=_description(interview),
        url=interview.video_link or None,
        attendees=[_address(p) for p in invited] or None,
        organizer=_organizer(interview, invited),
        status=STATUS.CANCELLED
        if interview.status == InterviewStatus.CANCELLED.value
        else STATUS.CONFIRMED,
        classification=CLASS.PRIVATE,
        sequence=revision.sequence,
        last_modified=revision.last_modified,
    )


def _end(interview: InterviewDetail) -> datetime:
    """The local end, or the UTC end when that wall-clock time is ambiguous.

    A calendar reads an ambiguous local time (the clocks went back) as its first
    occurrence; an interview ending in the second one would then end too early.
    """
    local_end = interview.local_end
    exact = interview.starts_at + timedelta(minutes=interview.duration_minutes)
    if local_end.replace(fold=0).astimezone(UTC) != exact:
        return exact
    return local_end


def _address(person: InterviewerInfo) -> vCalAddress:
    from icalendar import vCalAddress
    from icalendar.enums import CUTYPE, PARTSTAT, ROLE

    return vCalAddress.new(
        person.email,
        cn=person.name,
        cutype=CUTYPE.INDIVIDUAL,
        role=ROLE.REQ_PARTICIPANT,
        partstat=PARTSTAT.NEEDS_ACTION,
    )


def _organizer(interview: InterviewDetail, invited: list[InterviewerInfo]) -> vCalAddress | None:
    """RFC 5545 wants an ORGANIZER with attendees: the hiring manager, else an interviewer."""
    if not invited:
        return None
    manager = interview.hiring_manager
    person = manager if manager is not None and manager.email else invited[0]
    from icalendar import vCalAddress

    return vCalAddress.new(person.email, cn=person.name)


def _description(interview: InterviewDetail) -> str:
    lines = [
        f"Round: {interview.round_name}",
        f"Role: {interview.role_title}",
        f"Candidate: {interview.candidate_name}",
    ]
    if interview.location:
        lines.append(f"Place: {interview.location}")
    if interview.video_link:
        lines.append(f"Video link: {interview.video_link}")
    lines.append(f"Length: {interview.duration_minutes} minutes ({interview.timezone})")
    if interview.interviewers:
        lines.append("Interviewers: " + ", ".join(interview.interviewer_names))
    uninvited = [p.name for p in interview.interviewers if not p.email]
    if uninvited:
        lines.append("No email address on file, so not invited: " + ", ".join(uninvited))
    if interview.status == InterviewStatus.CANCELLED.value:
        lines.append("This interview is cancelled.")
    return "\n".join(lines)


# -- from a workbook ---------------------------------------------------------------------


def ics_for_interviews(workbook: Workbook, interview_ids: Iterable[int]) -> bytes:
    """These interviews as .ics bytes; NotFoundError names any id that does not exist."""
    ids = list(dict.fromkeys(interview_ids))
    found = interview_details(workbook, ids)
    missing = sorted(set(ids) - {i.id for i in found})
    if missing:
        listed = ", ".join(str(i) for i in missing)
        several = len(missing) > 1
        raise NotFoundError(
            f"Interview{'s' if several else ''} {listed} {'do' if several else 'does'} not exist."
        )
    name = "Interview" if len(found) == 1 else "Interviews"
    return _calendar(workbook, found, name)


def ics_for_role(workbook: Workbook, role_id: int) -> bytes:
    """Every interview of a role (cancelled ones marked so) as .ics bytes."""
    title = role_records.get_role(workbook, role_id).brief.title
    found = interviews_of_role(workbook, role_id)
    if not found:
        raise ServiceError(f"'{title}' has no interviews to export yet.")
    return _calendar(workbook, found, f"Interviews: {title}")


def ics_for_day(workbook: Workbook, day: date) -> bytes:
    """The interviews on a local date (each in its own time zone) as .ics bytes."""
    found = interviews_of_day(workbook, day)
    if not found:
        raise ServiceError(f"There are no interviews on {format_day(day)}.")
    return _calendar(workbook, found, f"Interviews on {format_day(day)}")


def write_ics(data: bytes, out: Path) -> Path:
    """Write ``data`` to ``out`` in one step (``safe_output``), so never half a file."""
    with reporting_write_failures(out):
        safe_output.write_bytes(out, data)
    return out


def _calendar(workbook: Workbook, interviews: Sequence[InterviewDetail], name: str) -> bytes:
    return build_calendar(
        interviews,
        uid_base=_uid_base(workbook),
        name=name,
        revisions=_revisions(workbook, [i.id for i in interviews]),
    )


def _uid_base(workbook: Workbook) -> str:
    """This workbook's calendar id, made on the first export and kept: random for a
    workbook file; for a team workbook one its name gives, so that whoever exports
    first, even someone not allowed to change settings, gives every event its one UID."""
    keeps = may(workbook, Permission.COMPANY)
    with workbook.transaction() as session:
        setting = session.get(WorkbookSetting, UID_SETTING)
        if setting is not None and setting.value:
            return setting.value
        base = uuid.uuid4().hex if workbook.is_file else _team_base(workbook)
        if keeps:
            session.add(WorkbookSetting(key=UID_SETTING, value=base))
        return base


def _team_base(workbook: Workbook) -> str:
    """The same for everyone who signs in (the database's name, not the login's)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"hiring-desk-team:{workbook.name}").hex


def _revisions(workbook: Workbook, interview_ids: list[int]) -> dict[int, Revision]:
    revised = func.sum(cast(col(AuditEvent.action).in_(_REVISING_ACTIONS), Integer))
    statement = (
        select(col(AuditEvent.entity_id), revised, func.max(col(AuditEvent.at)))
        .where(col(AuditEvent.entity) == "interview", col(AuditEvent.entity_id).in_(interview_ids))
        .group_by(col(AuditEvent.entity_id))
    )
    with workbook.transaction() as session:
        return {
            entity_id: Revision(int(count or 0), as_utc(last) if last else None)
            for entity_id, count, last in session.execute(statement)
        }
