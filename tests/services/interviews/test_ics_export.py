"""The .ics export parsed back with icalendar: times, zones, people, UIDs, privacy."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event
from tests.services.interviews.schedule_setup import AWKWARD_NAME, Desk, draft, make_desk, schedule

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.common.errors import NotFoundError, ServiceError
from hiring_desk.services.interviews import calendar_export, interview_records, interview_schedule
from hiring_desk.store import Workbook


@pytest.fixture
def desk(workbook: Workbook) -> Desk:
    return make_desk(workbook, candidate_name="Ødegård, Ingrid; Ли")


def _parse(data: bytes) -> Calendar:
    calendar = Calendar.from_ical(data)
    assert isinstance(calendar, Calendar)
    assert calendar.get_missing_tzids() == set()  # every TZID has its VTIMEZONE
    return calendar


def _only_event(data: bytes) -> Event:
    (event,) = _parse(data).events
    return event


def _moment(value: object) -> datetime:
    assert isinstance(value, datetime)
    return value


def _by_uid(data: bytes) -> dict[str, Event]:
    return {str(e["UID"]): e for e in _parse(data).events}


@pytest.mark.parametrize(
    ("zone", "day", "clock", "utc"),
    [
        ("Europe/Berlin", date(2026, 7, 14), time(9, 30), datetime(2026, 7, 14, 7, 30)),
        ("Europe/Berlin", date(2026, 1, 14), time(9, 30), datetime(2026, 1, 14, 8, 30)),
        ("America/New_York", date(2026, 7, 14), time(16, 0), datetime(2026, 7, 14, 20, 0)),
        ("America/New_York", date(2026, 12, 3), time(16, 0), datetime(2026, 12, 3, 21, 0)),
    ],
)
def test_date_time_and_zone_round_trip(
    workbook: Workbook, desk: Desk, zone: str, day: date, clock: time, utc: datetime
) -> None:
    interview_id = schedule(workbook, desk, timezone=zone, day=day, start=clock)
    data = calendar_export.ics_for_interviews(workbook, [interview_id])
    assert f"DTSTART;TZID={zone}:{day:%Y%m%d}T{clock:%H%M}00".encode() in data
    calendar = _parse(data)
    assert [tz.tz_name for tz in calendar.timezones] == [zone]
    start = _moment(calendar.events[0].start)
    event = calendar.events[0]
    assert start.tzinfo == ZoneInfo(zone)
    assert (start.date(), start.time()) == (day, clock)
    assert start.astimezone(UTC) == utc.replace(tzinfo=UTC)
    assert event.end - event.start == timedelta(minutes=60)


def test_summary_people_and_place(workbook: Workbook, desk: Desk) -> None:
    members = (desk.members["ana"], desk.members["irina"], desk.members["bo"])
    interview_id = schedule(
        workbook,
        desk,
        interviewer_ids=members,
        video_link="https://meet.example.com/a-b-c?x=1;y=2",
    )
    data = calendar_export.ics_for_interviews(workbook, [interview_id])
    event = _only_event(data)
    assert event["SUMMARY"] == (
        "Interview: Ødegård, Ingrid; Ли - Technical interview (Backend Developer)"
    )
    assert event["LOCATION"] == "Room 4, Hauptstraße 1"
    assert event["URL"] == "https://meet.example.com/a-b-c?x=1;y=2"
    attendees = {str(a): a.params["CN"] for a in event.attendees}
    # Bo has no email address: not an attendee, but named in the description
    assert attendees == {
        "mailto:ana@example.com": "Ana Silva",
        "mailto:irina@example.com": AWKWARD_NAME,
    }
    assert all(a.params["ROLE"] == "REQ-PARTICIPANT" for a in event.attendees)
    assert str(event["ORGANIZER"]) == "mailto:ana@example.com"  # the hiring manager
    description = str(event["DESCRIPTION"])
    assert "Round: Technical interview" in description and "Role: Backend Developer" in description
    assert "Video link: https://meet.example.com/a-b-c?x=1;y=2" in description
    assert f"Interviewers: Ana Silva, Bo Jensen, {AWKWARD_NAME}" in description
    assert "not invited: Bo Jensen" in description
    assert event["STATUS"] == "CONFIRMED" and event["CLASS"] == "PRIVATE"
    # personal data stays out: no candidate email, phone or the team's notes
    text = data.decode().replace("\r\n ", "")  # unfolded, so nothing hides across lines
    person = candidate_records.get_candidate(workbook, desk.candidate_id).record
    assert person.email and person.phone
    assert person.email not in text and person.phone not in text and "take-home" not in text


def test_a_video_only_interview_is_located_at_its_link(workbook: Workbook, desk: Desk) -> None:
    link = "https://video.example.com/r/7"
    interview_id = schedule(workbook, desk, location="", video_link=link)
    event = _only_event(calendar_export.ics_for_interviews(workbook, [interview_id]))
    assert event["LOCATION"] == link


def test_uids_are_stable_and_edits_raise_the_sequence(workbook: Workbook, desk: Desk) -> None:
    first = schedule(workbook, desk)
    second = schedule(workbook, desk, day=date(2026, 6, 3))
    before = _by_uid(calendar_export.ics_for_role(workbook, desk.role_id))
    assert len(before) == 2 and all(e["SEQUENCE"] == 0 for e in before.values())
    interview_schedule.update(workbook, first, draft(desk, start=time(15, 0)))
    interview_schedule.cancel(workbook, second)
    after = _by_uid(calendar_export.ics_for_role(workbook, desk.role_id))
    assert after.keys() == before.keys()
    by_start = sorted(after.values(), key=lambda e: e.start)
    assert [e["SEQUENCE"] for e in by_start] == [1, 1]
    assert _moment(by_start[0].start).hour == 15 and by_start[0]["STATUS"] == "CONFIRMED"
    assert by_start[1].start.day == 3 and by_start[1]["STATUS"] == "CANCELLED"
    assert "This interview is cancelled." in str(by_start[1]["DESCRIPTION"])


def test_uids_differ_between_workbooks(tmp_path: Path) -> None:
    uids = []
    for name in ("a", "b"):
        with Workbook.create(tmp_path / f"{name}.hiringdesk") as workbook:
            interview_id = schedule(workbook, make_desk(workbook))
            uids.append(
                str(
                    _only_event(calendar_export.ics_for_interviews(workbook, [interview_id]))["UID"]
                )
            )
    assert uids[0] != uids[1]
    assert all(uid.startswith("interview-1.") for uid in uids)


def test_an_end_in_the_repeated_hour_is_written_in_utc(workbook: Workbook, desk: Desk) -> None:
    # 00:45 EDT + 90 min = 01:15 EST, a wall-clock time that happens twice that night
    interview_id = schedule(
        workbook,
        desk,
        timezone="America/New_York",
        day=date(2026, 11, 1),
        start=time(0, 45),
        duration_minutes=90,
    )
    event = _only_event(calendar_export.ics_for_interviews(workbook, [interview_id]))
    assert event.end - event.start == timedelta(minutes=90)
    assert event.end == datetime(2026, 11, 1, 6, 15, tzinfo=UTC)


def test_several_zones_get_one_vtimezone_each(workbook: Workbook, desk: Desk) -> None:
    ids = [
        schedule(workbook, desk, timezone="Europe/Berlin"),
        schedule(workbook, desk, timezone="America/New_York", start=time(9, 0)),
        schedule(workbook, desk, timezone="Europe/Berlin", day=date(2026, 6, 4)),
    ]
    calendar = _parse(calendar_export.ics_for_interviews(workbook, ids))
    assert sorted(tz.tz_name for tz in calendar.timezones) == ["America/New_York", "Europe/Berlin"]
    assert len(calendar.events) == 3


def test_a_day_holds_the_interviews_of_that_local_date(workbook: Workbook, desk: Desk) -> None:
    schedule(workbook, desk, day=date(2026, 6, 2))
    schedule(workbook, desk, timezone="America/New_York", day=date(2026, 6, 2), start=time(22, 0))
    schedule(workbook, desk, day=date(2026, 6, 3))
    calendar = _parse(calendar_export.ics_for_day(workbook, date(2026, 6, 2)))
    assert sorted(_moment(e.start).date() for e in calendar.events) == [date(2026, 6, 2)] * 2
    assert "2 Jun 2026" in str(calendar.calendar_name)
    with pytest.raises(ServiceError, match="no interviews on 5 Jun 2026"):
        calendar_export.ics_for_day(workbook, date(2026, 6, 5))


def test_missing_interviews_and_empty_roles_are_refused(workbook: Workbook, desk: Desk) -> None:
    interview_id = schedule(workbook, desk)
    with pytest.raises(NotFoundError, match="Interviews 998, 999 do not exist"):
        calendar_export.ics_for_interviews(workbook, [interview_id, 999, 998])
    with pytest.raises(ServiceError, match="'Data Engineer' has no interviews"):
        calendar_export.ics_for_role(workbook, desk.other_role_id)


def test_write_replaces_the_file_and_leaves_no_temporary_files(
    workbook: Workbook, desk: Desk, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "interview.ics"
    out.parent.mkdir()
    out.write_text("old", encoding="utf-8")
    data = calendar_export.ics_for_interviews(workbook, [schedule(workbook, desk)])
    assert calendar_export.write_ics(data, out) == out
    assert out.read_bytes() == data
    assert [p.name for p in out.parent.iterdir()] == ["interview.ics"]
    with pytest.raises(ServiceError, match="Could not write"):
        calendar_export.write_ics(data, tmp_path / "no such folder" / "x.ics")


def test_build_calendar_needs_no_workbook(workbook: Workbook, desk: Desk) -> None:
    detail = interview_records.get_interview(workbook, schedule(workbook, desk))
    stamp = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    data = calendar_export.build_calendar([detail], uid_base="abc", stamp=stamp, name="Mine")
    event = _only_event(data)
    assert str(event["UID"]) == f"interview-{detail.id}.abc@hiring-desk"
    assert event.stamp == stamp
    assert b"PRODID:-//Hiring Desk//Interviews//EN" in data
