"""Booking interviews: checks per field, closed applications, DST, clashes, changes, calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlmodel import col, select
from tests.services.interviews.schedule_setup import (
    AWKWARD_NAME,
    Desk,
    add_application,
    draft,
    make_desk,
    schedule,
)

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.common import time_zones
from hiring_desk.services.common.errors import NotFoundError, ServiceError, ValidationError
from hiring_desk.services.interviews import interview_records, interview_schedule
from hiring_desk.services.interviews.interview_schedule import ApplicationClosedError
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.store import Workbook
from hiring_desk.store.models import AuditEvent, Interview, WorkbookSetting


@pytest.fixture
def desk(workbook: Workbook) -> Desk:
    return make_desk(workbook)


def _errors(workbook: Workbook, desk: Desk, **changes: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        schedule(workbook, desk, **changes)
    return caught.value.errors


def test_scheduled_interview_reads_back_in_its_zone(workbook: Workbook, desk: Desk) -> None:
    members = (desk.members["ana"], desk.members["bo"])
    interview_id = schedule(workbook, desk, interviewer_ids=members, round_name="")
    detail = interview_records.get_interview(workbook, interview_id)
    assert detail.starts_at == datetime(2026, 6, 2, 8, 0, tzinfo=UTC)  # CEST is UTC+2
    assert (detail.local_start.hour, detail.local_start.minute) == (10, 0)
    assert detail.local_end - detail.local_start == timedelta(minutes=60)
    assert detail.timezone == "Europe/Berlin" and detail.local_day == date(2026, 6, 2)
    assert (detail.round_id, detail.round_name) == (desk.rounds[1], "Technical interview")
    assert detail.candidate_name == "Nguyễn Thị Mai" and detail.role_title == "Backend Developer"
    assert detail.interviewer_names == ("Ana Silva", "Bo Jensen")
    assert set(detail.interviewer_ids) == set(members)
    assert detail.hiring_manager is not None and detail.hiring_manager.email == "ana@example.com"
    assert (detail.location, detail.notes, detail.status) == (
        "Room 4, Hauptstraße 1",
        "Bring the take-home exercise.",
        "scheduled",
    )
    with workbook.transaction() as session:
        actions = session.exec(
            select(AuditEvent.action).where(col(AuditEvent.entity) == "interview")
        ).all()
    assert actions == ["schedule"]
    # the listing the Interviews page and `list interviews` use still works
    (summary,) = interview_records.list_interviews(workbook)
    assert summary.id == interview_id and summary.starts_at == detail.starts_at


def test_time_zone_name_is_matched_without_case(workbook: Workbook, desk: Desk) -> None:
    interview_id = schedule(workbook, desk, timezone=" america/new_york ")
    assert interview_records.get_interview(workbook, interview_id).timezone == "America/New_York"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"timezone": "Mars/Olympus_Mons"}, "timezone", "Mars/Olympus_Mons"),
        ({"timezone": ""}, "timezone", "required"),
        ({"day": None}, "date", "required"),
        ({"start": None}, "time", "required"),
        ({"duration_minutes": 4}, "duration", "between 5 and 480"),
        ({"duration_minutes": 481}, "duration", "between 5 and 480"),
        ({"video_link": "ftp://meet.example.com/x"}, "video_link", "https://"),
        ({"video_link": "meet.example.com/x"}, "video_link", "https://"),
        ({"video_link": "javascript:alert(1)"}, "video_link", "https://"),
        ({"interviewer_ids": ()}, "interviewers", "at least one"),
        ({"interviewer_ids": (999,)}, "interviewers", "no longer on the team"),
        ({"round_id": None, "round_name": "  "}, "round", "required"),
        ({"location": "x" * 501}, "location", "at most 500"),
    ],
)
def test_each_bad_field_gets_its_own_message(
    workbook: Workbook, desk: Desk, changes: dict[str, object], field: str, words: str
) -> None:
    errors = _errors(workbook, desk, **changes)
    assert list(errors) == [field]
    assert words in errors[field]


def test_a_round_of_another_roles_plan_is_refused(workbook: Workbook, desk: Desk) -> None:
    errors = _errors(workbook, desk, round_id=desk.other_round, round_name="Data modelling")
    assert errors == {"round": "is not a round of this role's interview plan"}


def test_a_free_round_name_and_a_video_link_are_kept(workbook: Workbook, desk: Desk) -> None:
    link = "https://meet.example.com/abc-defg-hij?pwd=1;2"
    interview_id = schedule(
        workbook, desk, round_id=None, round_name=" Coffee chat ", video_link=link, location=""
    )
    detail = interview_records.get_interview(workbook, interview_id)
    assert (detail.round_id, detail.round_name, detail.video_link) == (None, "Coffee chat", link)
    assert detail.place == link


@pytest.mark.parametrize("stage", [Stage.REJECTED, Stage.WITHDRAWN, Stage.HIRED])
def test_closed_applications_are_refused_with_a_sentence(
    workbook: Workbook, desk: Desk, stage: Stage
) -> None:
    interview_id = schedule(workbook, desk)
    for step in (Stage.SCREENING, Stage.INTERVIEW, Stage.SHORTLISTED, Stage.OFFER):
        if stage is Stage.HIRED:
            stage_moves.move(workbook, desk.application_id, step.value)
    stage_moves.move(workbook, desk.application_id, stage.value, reason="Skills do not match")
    with pytest.raises(ApplicationClosedError) as caught:
        schedule(workbook, desk, day=date(2026, 6, 3))
    message = str(caught.value)
    assert "Nguyễn Thị Mai" in message and "Backend Developer" in message
    assert stage.label in message and message.endswith(".")
    context = interview_schedule.booking_context(workbook, desk.application_id)
    assert (context.candidate_name, context.role_title) == ("Nguyễn Thị Mai", "Backend Developer")
    assert (context.stage_label, context.refusal) == (stage.label, message)
    with pytest.raises(ApplicationClosedError):
        interview_schedule.update(workbook, interview_id, draft(desk, start=time(11, 0)))
    assert interview_records.get_interview(workbook, interview_id).local_start.hour == 10


def test_unknown_application_and_interview_are_not_found(workbook: Workbook, desk: Desk) -> None:
    assert interview_schedule.booking_context(workbook, desk.application_id).refusal == ""
    with pytest.raises(NotFoundError):
        interview_schedule.booking_context(workbook, 999)
    with pytest.raises(NotFoundError):
        interview_schedule.schedule(workbook, 999, draft(desk))
    for change in (interview_schedule.cancel, interview_schedule.mark_done):
        with pytest.raises(NotFoundError):
            change(workbook, 999)
    with pytest.raises(NotFoundError):
        interview_records.get_interview(workbook, 999)


# -- daylight saving ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "day", "clock"),
    [
        ("Europe/Berlin", date(2026, 3, 29), time(2, 30)),  # 02:00 -> 03:00
        ("America/New_York", date(2026, 3, 8), time(2, 15)),  # 02:00 -> 03:00
    ],
)
def test_a_time_the_clocks_skip_is_refused(
    workbook: Workbook, desk: Desk, zone: str, day: date, clock: time
) -> None:
    errors = _errors(workbook, desk, timezone=zone, day=day, start=clock)
    assert list(errors) == ["time"]
    assert f"{clock:%H:%M} does not exist" in errors["time"] and zone in errors["time"]
    assert "clocks go forward" in errors["time"]


@pytest.mark.parametrize(
    ("zone", "day", "clock", "utc"),
    [
        # 02:30 happens twice when the clocks go back; the first is still summer time
        ("Europe/Berlin", date(2026, 10, 25), time(2, 30), datetime(2026, 10, 25, 0, 30)),
        ("America/New_York", date(2026, 11, 1), time(1, 30), datetime(2026, 11, 1, 5, 30)),
        # either side of the change the offset is the season's
        ("Europe/Berlin", date(2026, 3, 29), time(3, 0), datetime(2026, 3, 29, 1, 0)),
        ("America/New_York", date(2026, 1, 15), time(9, 0), datetime(2026, 1, 15, 14, 0)),
    ],
)
def test_local_times_become_the_right_utc_moment(
    workbook: Workbook, desk: Desk, zone: str, day: date, clock: time, utc: datetime
) -> None:
    interview_id = schedule(workbook, desk, timezone=zone, day=day, start=clock)
    detail = interview_records.get_interview(workbook, interview_id)
    assert detail.starts_at == utc.replace(tzinfo=UTC)
    assert (detail.local_start.date(), detail.local_start.time()) == (day, clock)
    with workbook.transaction() as session:
        stored = session.get(Interview, interview_id)
        assert stored is not None
        assert stored.starts_at.replace(tzinfo=None) == utc


# -- clashes -------------------------------------------------------------------------------


def test_an_interviewer_booked_at_an_overlapping_time_is_a_warning(
    workbook: Workbook, desk: Desk
) -> None:
    schedule(workbook, desk, interviewer_ids=(desk.members["ana"], desk.members["irina"]))
    _, other_application = add_application(workbook, "Kenji Watanabe", desk.role_id)
    later = draft(desk, start=time(10, 30), interviewer_ids=(desk.members["irina"],))
    warnings = interview_schedule.clashes(workbook, other_application, later)
    assert len(warnings) == 1
    assert warnings[0].startswith(AWKWARD_NAME + " already has an interview on 2 Jun 2026")
    assert "10:00 to 11:00 (Europe/Berlin)" in warnings[0] and "Nguyễn Thị Mai" in warnings[0]
    # a warning, not an error: booking still works
    interview_schedule.schedule(workbook, other_application, later)


def test_the_candidate_booked_twice_is_a_warning(workbook: Workbook, desk: Desk) -> None:
    schedule(workbook, desk)
    other = draft(desk, start=time(10, 45), interviewer_ids=(desk.members["bo"],))
    (warning,) = interview_schedule.clashes(workbook, desk.application_id, other)
    assert warning.startswith("Nguyễn Thị Mai (the candidate) already has an interview on 2 Jun")
    assert warning.endswith(": Technical interview.")


def test_back_to_back_cancelled_and_own_interviews_do_not_clash(
    workbook: Workbook, desk: Desk
) -> None:
    first = schedule(workbook, desk)  # 10:00-11:00 Berlin
    check = interview_schedule.clashes
    assert check(workbook, desk.application_id, draft(desk, start=time(11, 0))) == []
    assert check(workbook, desk.application_id, draft(desk, start=time(9, 0))) == []
    # the same moment written in another zone is still a clash
    london = draft(desk, timezone="Europe/London", start=time(9, 30))
    assert len(check(workbook, desk.application_id, london)) == 2
    # editing an interview does not clash with itself
    assert check(workbook, desk.application_id, draft(desk, start=time(10, 15)), first) == []
    interview_schedule.cancel(workbook, first)
    assert check(workbook, desk.application_id, draft(desk)) == []


def test_clashes_checks_the_draft_first(workbook: Workbook, desk: Desk) -> None:
    with pytest.raises(ValidationError):
        interview_schedule.clashes(workbook, desk.application_id, draft(desk, timezone="Nowhere"))


# -- changes ---------------------------------------------------------------------------------


def test_update_changes_everything_but_the_status(workbook: Workbook, desk: Desk) -> None:
    interview_id = schedule(workbook, desk)
    changed = draft(
        desk,
        round_id=desk.rounds[0],
        round_name="",
        day=date(2026, 12, 1),
        start=time(16, 45),
        timezone="America/New_York",
        duration_minutes=30,
        location="",
        video_link="https://video.example.com/r/1",
        interviewer_ids=(desk.members["bo"], desk.members["irina"]),
        notes="",
    )
    interview_schedule.update(workbook, interview_id, changed)
    detail = interview_records.get_interview(workbook, interview_id)
    assert detail.round_name == "Phone screen" and detail.duration_minutes == 30
    assert detail.starts_at == datetime(2026, 12, 1, 21, 45, tzinfo=UTC)
    assert detail.interviewer_names == ("Bo Jensen", AWKWARD_NAME)
    assert (detail.location, detail.video_link, detail.notes, detail.status) == (
        "",
        "https://video.example.com/r/1",
        "",
        "scheduled",
    )


def test_cancel_keeps_the_row_and_done_needs_a_past_start(workbook: Workbook, desk: Desk) -> None:
    first = schedule(workbook, desk)
    interview_schedule.cancel(workbook, first)
    interview_schedule.cancel(workbook, first)  # twice is harmless
    assert interview_records.get_interview(workbook, first).status == "cancelled"
    with pytest.raises(ServiceError, match="cancelled"):
        interview_schedule.mark_done(workbook, first, now=datetime(2026, 7, 1, tzinfo=UTC))

    second = schedule(workbook, desk, day=date(2026, 6, 3))
    with pytest.raises(ServiceError, match="once it has begun"):
        interview_schedule.mark_done(workbook, second, now=datetime(2026, 6, 3, 7, 59, tzinfo=UTC))
    interview_schedule.mark_done(workbook, second, now=datetime(2026, 6, 3, 8, 0, tzinfo=UTC))
    assert interview_records.get_interview(workbook, second).status == "done"
    with pytest.raises(ServiceError, match="already taken place"):
        interview_schedule.cancel(workbook, second)
    with workbook.transaction() as session:
        assert len(session.exec(select(Interview)).all()) == 2


# -- the calendar ------------------------------------------------------------------------------


def test_upcoming_groups_by_each_interviews_local_day(workbook: Workbook, desk: Desk) -> None:
    late_new_york = schedule(
        workbook, desk, timezone="America/New_York", day=date(2026, 6, 2), start=time(23, 0)
    )  # 03:00 UTC on 3 June, but 2 June where it happens
    berlin = schedule(workbook, desk, day=date(2026, 6, 2), start=time(9, 0))
    early_next = schedule(workbook, desk, day=date(2026, 6, 3), start=time(0, 30))
    past = schedule(workbook, desk, day=date(2026, 5, 1))
    far = schedule(workbook, desk, day=date(2026, 6, 20))

    days = interview_records.upcoming(workbook, date(2026, 6, 2), 2)
    assert [d.day for d in days] == [date(2026, 6, 2), date(2026, 6, 3)]
    assert [i.id for i in days[0].interviews] == [berlin, late_new_york]
    assert [i.id for i in days[1].interviews] == [early_next]

    everything = interview_records.upcoming(workbook)
    assert [i.id for d in everything for i in d.interviews] == [
        past, berlin, late_new_york, early_next, far,
    ]  # fmt: skip
    from_june = interview_records.upcoming(workbook, date(2026, 6, 2))
    assert [d.day for d in from_june][-1] == date(2026, 6, 20)
    assert [i.id for i in interview_records.interviews_of_day(workbook, date(2026, 6, 3))] == [
        early_next
    ]
    assert interview_records.interviews_of_day(workbook, date(2026, 6, 4)) == []


def test_interviews_of_a_role_and_plan_rounds(workbook: Workbook, desk: Desk) -> None:
    mine = schedule(workbook, desk)
    _, elsewhere = add_application(workbook, "Kenji Watanabe", desk.other_role_id)
    interview_schedule.schedule(
        workbook, elsewhere, draft(desk, round_id=desk.other_round, round_name="")
    )
    assert [i.id for i in interview_records.interviews_of_role(workbook, desk.role_id)] == [mine]
    assert [r.name for r in interview_records.plan_rounds(workbook, desk.role_id)] == [
        "Phone screen",
        "Technical interview",
    ]
    assert interview_records.plan_rounds(workbook, desk.role_id)[1].duration_minutes == 90
    with pytest.raises(NotFoundError):
        interview_records.interviews_of_role(workbook, 999)


# -- the workbook's time zone -------------------------------------------------------------------


def test_default_zone_is_the_setting_then_the_computers(
    workbook: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "America/Chicago")
    assert time_zones.system_timezone() == "America/Chicago"
    assert time_zones.default_timezone(workbook) == "America/Chicago"
    assert time_zones.set_default_timezone(workbook, "asia/tokyo") == "Asia/Tokyo"
    assert time_zones.default_timezone(workbook) == "Asia/Tokyo"
    with pytest.raises(ValidationError) as caught:
        time_zones.set_default_timezone(workbook, "Atlantis/Capital")
    assert list(caught.value.errors) == ["timezone"]
    with workbook.transaction() as session:
        setting = session.get(WorkbookSetting, time_zones.TIMEZONE_SETTING)
        assert setting is not None
        setting.value = "Not/AZone"  # e.g. written by a newer tz database
        session.add(setting)
    assert time_zones.default_timezone(workbook) == "America/Chicago"


def test_system_zone_from_tz_then_etc_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TZ", "EST5EDT,M3.2.0,M11.1.0")  # a POSIX rule, not a zone name
    assert time_zones.system_timezone(tmp_path) == "UTC"
    zoneinfo = tmp_path / "usr" / "share" / "zoneinfo" / "posix" / "Asia"
    zoneinfo.mkdir(parents=True)
    (zoneinfo / "Kolkata").write_bytes(b"TZif")
    (tmp_path / "localtime").symlink_to(zoneinfo / "Kolkata")
    assert time_zones.system_timezone(tmp_path) == "Asia/Kolkata"
    (tmp_path / "timezone").write_text("Europe/Paris\n", encoding="utf-8")
    assert time_zones.system_timezone(tmp_path) == "Europe/Paris"
    monkeypatch.setenv("TZ", ":Pacific/Auckland")
    assert time_zones.system_timezone(tmp_path) == "Pacific/Auckland"
