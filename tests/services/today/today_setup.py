"""A workbook where every kind of Today item is due on TODAY (Monday 30 November 2026,
the clock at noon UTC), made row by row so each item's dates are exact."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Candidate,
    Interview,
    InterviewInterviewer,
    InterviewPlan,
    InterviewRound,
    Offer,
    Role,
    Scorecard,
    StageEvent,
    Task,
    TeamMember,
)


def at(day: int, hour: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


@dataclass(frozen=True)
class Ids:
    late_role: int
    other_role: int
    ana: int
    ben: int
    cara: int
    dan: int
    eve: int
    finn: int
    interview_today: int
    interview_tomorrow: int
    interview_unscored: int
    offer_expiring: int
    offer_awaiting: int
    eve_application: int
    task_due: int
    task_later: int


def build(workbook: Workbook) -> Ids:
    """Call with the clock at TODAY (the ``today`` fixture)."""
    with workbook.transaction() as s:
        alex, sam = (
            TeamMember(name="Alex Kerr", title="CTO"),
            TeamMember(name="Sam Ode", title="Dev"),
        )
        late = Role(title="Backend Engineer", status="open", target_date=date(2026, 11, 20))
        other = Role(title="Designer", status="open", target_date=date(2027, 1, 10))
        held = Role(title="Archivist", status="closed", target_date=date(2026, 1, 1))
        s.add_all([alex, sam, late, other, held])
        s.flush()
        plan = InterviewPlan(role_id=late.id)
        s.add(plan)
        s.flush()
        round_ = InterviewRound(plan_id=plan.id, name="Technical")
        s.add(round_)
        people = {
            name: Candidate(name=name, email=f"{name.split()[0].lower()}@example.com")
            for name in ("Ana Diaz", "Ben Cole", "Cara Lund", "Dan Ross", "Eve Marsh", "Finn Bay")
        }
        people["Finn Bay"].created_at = at(1, 9, month=1)
        s.add_all(people.values())
        s.flush()

        def apply(name: str, role: Role, stage: str, moved: datetime) -> Application:
            app = Application(candidate_id=people[name].id, role_id=role.id, stage=stage)
            app.applied_at = app.updated_at = min(moved, at(1, 9))
            s.add(app)
            s.flush()
            s.add(StageEvent(application_id=app.id, from_stage="applied", to_stage=stage, at=moved))
            return app

        ana = apply("Ana Diaz", late, "interview", at(29, 10))
        ben = apply("Ben Cole", late, "interview", at(28, 9))
        cara = apply("Cara Lund", late, "offer", at(27, 9))
        dan = apply("Dan Ross", other, "offer", at(25, 9))
        eve = apply("Eve Marsh", other, "screening", at(10, 9))
        apply("Finn Bay", late, "rejected", datetime(2026, 1, 15, 9, tzinfo=UTC))
        today_iv = Interview(
            application_id=ana.id, round_id=round_.id, round_name="Technical", starts_at=at(30, 15)
        )
        tomorrow_iv = Interview(
            application_id=ana.id, round_name="Team fit", starts_at=at(1, 9, month=12)
        )
        later_iv = Interview(application_id=ana.id, round_name="Final", starts_at=at(2, 9, 12))
        unscored = Interview(
            application_id=ben.id, round_name="Technical", starts_at=at(28, 10), status="done"
        )
        scored = Interview(
            application_id=ben.id, round_name="Phone screen", starts_at=at(27, 10), status="done"
        )
        s.add_all([today_iv, tomorrow_iv, later_iv, unscored, scored])
        s.flush()
        s.add_all(
            [
                InterviewInterviewer(interview_id=unscored.id, member_id=alex.id),
                InterviewInterviewer(interview_id=unscored.id, member_id=sam.id),
                Scorecard(interview_id=unscored.id, interviewer_id=alex.id, recommendation="yes"),
                # Sam's card for another interview does not count for this one.
                InterviewInterviewer(interview_id=scored.id, member_id=sam.id),
                Scorecard(interview_id=scored.id, interviewer_id=sam.id, recommendation="no"),
            ]
        )
        expiring = Offer(
            application_id=cara.id,
            salary_minor=7_000_000,
            status="sent",
            sent_at=at(27, 10),
            expiry_date=date(2026, 12, 2),
        )
        awaiting = Offer(
            application_id=dan.id,
            salary_minor=6_000_000,
            status="sent",
            sent_at=at(25, 10),
            expiry_date=date(2026, 12, 20),
        )
        due = Task(
            candidate_id=people["Eve Marsh"].id, title="Call Eve back", due_on=date(2026, 11, 30)
        )
        later = Task(role_id=other.id, title="Post the ad again", due_on=date(2026, 12, 3))
        s.add_all([expiring, awaiting, due, later])
        s.flush()
        ids = {name: people[name].id for name in people}
        return Ids(
            late_role=late.id or 0,
            other_role=other.id or 0,
            ana=ids["Ana Diaz"] or 0,
            ben=ids["Ben Cole"] or 0,
            cara=ids["Cara Lund"] or 0,
            dan=ids["Dan Ross"] or 0,
            eve=ids["Eve Marsh"] or 0,
            finn=ids["Finn Bay"] or 0,
            interview_today=today_iv.id or 0,
            interview_tomorrow=tomorrow_iv.id or 0,
            interview_unscored=unscored.id or 0,
            offer_expiring=expiring.id or 0,
            offer_awaiting=awaiting.id or 0,
            eve_application=eve.id or 0,
            task_due=due.id or 0,
            task_later=later.id or 0,
        )
