"""The Roles page's overview: counts per stage, new since a visit, the next interview."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hiring_desk.services.roles.role_overview import role_overview
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Candidate, Interview, Role, TeamMember

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def _role(workbook: Workbook, title: str, **fields: object) -> int:
    with workbook.transaction() as session:
        role = Role(title=title, **fields)
        session.add(role)
        session.flush()
        return role.id or 0


def _apply(workbook: Workbook, role_id: int, stage: str, applied: datetime) -> int:
    with workbook.transaction() as session:
        candidate = Candidate(name=f"Person at {stage}")
        session.add(candidate)
        session.flush()
        application = Application(
            candidate_id=candidate.id or 0,
            role_id=role_id,
            stage=stage,
            applied_at=applied,
        )
        session.add(application)
        session.flush()
        return application.id or 0


def _interview(workbook: Workbook, application_id: int, starts: datetime, status: str) -> None:
    with workbook.transaction() as session:
        session.add(
            Interview(
                application_id=application_id,
                starts_at=starts,
                status=status,
            )
        )


def test_counts_per_stage_new_since_visit_and_next_interview(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        manager = TeamMember(name="Niamh Byrne")
        session.add(manager)
        session.flush()
        manager_id = manager.id
    created = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
    baker = _role(
        workbook,
        "Baker",
        hiring_manager_id=manager_id,
        target_date=date(2026, 12, 5),
        created_at=created,
        status="open",
    )
    clerk = _role(workbook, "Clerk")
    _role(workbook, "Analyst")  # nobody yet
    early, late = NOW - timedelta(days=10), NOW - timedelta(days=1)
    for stage, applied in [
        ("applied", early),
        ("applied", late),
        ("applied", late),
        ("screening", early),
        ("interview", early),
        ("rejected", late),
        ("withdrawn", early),
    ]:
        last = _apply(workbook, baker, stage, applied)
        if stage == "interview":
            interviewing = last
    _interview(workbook, interviewing, NOW + timedelta(days=3), "scheduled")
    _interview(workbook, interviewing, NOW + timedelta(days=1), "cancelled")  # not counted
    _interview(workbook, interviewing, NOW - timedelta(days=1), "scheduled")  # past
    _interview(workbook, interviewing, NOW + timedelta(days=9), "scheduled")  # later
    _apply(workbook, clerk, "offer", early)

    visits = {baker: NOW - timedelta(days=5), clerk: NOW - timedelta(days=20)}
    rows = role_overview(workbook, visits, now=NOW)

    assert [r.title for r in rows] == ["Analyst", "Baker", "Clerk"]
    analyst, baked, clerked = rows
    assert analyst.stage_counts == () and analyst.new_count == 0
    assert analyst.next_interview is None and analyst.candidate_count == 0
    assert baked.stage_counts == (
        ("applied", 3),
        ("screening", 1),
        ("interview", 1),
        ("rejected", 1),
        ("withdrawn", 1),
    )
    assert baked.candidate_count == 7
    assert baked.new_count == 3  # two applied and one rejected, the day before
    assert baked.next_interview == NOW + timedelta(days=3)
    assert baked.hiring_manager == "Niamh Byrne"
    assert baked.days_open(NOW.date()) == 20
    assert baked.days_to_target(NOW.date()) == 5
    assert baked.days_to_target(date(2026, 12, 8)) == -3
    assert clerked.stage_counts == (("offer", 1),) and clerked.new_count == 1
    assert clerked.days_to_target(NOW.date()) is None


def test_without_visits_nothing_counts_as_new(workbook: Workbook) -> None:
    role = _role(workbook, "Baker")
    _apply(workbook, role, "applied", NOW - timedelta(hours=1))
    (row,) = role_overview(workbook, now=NOW)
    assert row.new_count == 0 and row.stage_counts == (("applied", 1),)
    # a visit to another role changes nothing here
    (row,) = role_overview(workbook, {role + 1: NOW - timedelta(days=1)}, now=NOW)
    assert row.new_count == 0
