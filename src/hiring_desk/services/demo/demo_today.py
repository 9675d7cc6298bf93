"""The demo's Today page: something of every kind due, relative to the day it is made.

Run after the candidates are in (``demo_workbook``). It moves the two soonest
scheduled interviews to today (when a slot is still ahead) and tomorrow, leaves one
interviewer's scorecard of a recent interview unwritten, lets the offer expire in
two days, puts the Backend Developer role's target date just behind, adds a
talent-pool candidate whose retention period has run out, leaves two new
applicants untouched for two weeks (one of them snoozed), and adds a task due
today and one for later.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlmodel import col, select

from hiring_desk.domain.vocab import InterviewStatus, Source, Stage
from hiring_desk.services.demo.demo_pipeline import DemoContext, row_id
from hiring_desk.store.models import (
    Application,
    Candidate,
    Interview,
    InterviewInterviewer,
    Offer,
    ReminderState,
    Scorecard,
    StageEvent,
    Task,
)

#: The demo's interview times, and one later in the day for a demo made in the afternoon.
_SLOTS = (time(9, 30), time(11, 30), time(14, 0), time(16, 0), time(17, 30))


def add_today_items(ctx: DemoContext) -> None:
    _interviews_soon(ctx)
    _scorecard_missing(ctx)
    for offer in ctx.session.exec(select(Offer)):
        offer.expiry_date = ctx.today + timedelta(days=2)
        ctx.add(offer)
    ctx.roles["mid"].target_date = ctx.workday(-3)
    ctx.add(ctx.roles["mid"])
    _talent_pool(ctx)
    _tasks_and_snooze(ctx)


def _members(ctx: DemoContext, interview: Interview) -> list[int]:
    rows = ctx.session.exec(
        select(InterviewInterviewer).where(InterviewInterviewer.interview_id == interview.id)
    )
    return [row.member_id for row in rows]


def _free_slot(ctx: DemoContext, day: date, members: list[int], after: datetime) -> datetime | None:
    for slot in _SLOTS:
        moment = ctx.at(day, slot)
        if moment > after and not any((m, moment) in ctx.booked for m in members):
            ctx.booked.update((m, moment) for m in members)
            return moment
    return None


def _interviews_soon(ctx: DemoContext) -> None:
    """The soonest scheduled interview today if a slot is left, the next one tomorrow."""
    scheduled = ctx.session.exec(
        select(Interview)
        .where(Interview.status == InterviewStatus.SCHEDULED.value)
        .order_by(col(Interview.starts_at), col(Interview.id))
    ).all()
    tomorrow = ctx.today + timedelta(days=1)
    wanted = [(ctx.today, ctx.now + timedelta(minutes=30)), (tomorrow, ctx.now)]
    for interview in scheduled[:2]:
        members = _members(ctx, interview)
        for day, after in list(wanted):
            moment = _free_slot(ctx, day, members, after)
            if moment is not None:
                wanted.remove((day, after))
                interview.starts_at = moment
                ctx.add(interview)
                break


def _scorecard_missing(ctx: DemoContext) -> None:
    """The latest interview over for more than two days: one interviewer has not written."""
    done = ctx.session.exec(
        select(Interview)
        .where(
            Interview.status == InterviewStatus.DONE.value,
            col(Interview.starts_at) < ctx.now - timedelta(days=2),
        )
        .order_by(col(Interview.starts_at).desc())
    ).all()
    for interview in done:
        cards = ctx.session.exec(
            select(Scorecard)
            .where(Scorecard.interview_id == interview.id)
            .order_by(col(Scorecard.id))
        ).all()
        if len(cards) >= 2:
            ctx.session.delete(cards[-1])  # its ratings go with it (foreign key cascade)
            ctx.session.flush()
            return


def _talent_pool(ctx: DemoContext) -> None:
    """Someone kept on file after a meetup, never applied; the retention period is over."""
    added = ctx.ago(290, time(15, 0))  # some fourteen months ago
    ctx.add(
        Candidate(
            name="Aisling Brennan",
            email="aisling.brennan@example.org",
            phone="+353 87 555 0192",
            location="Cork, Ireland",
            source=Source.REFERRAL.value,
            current_title="Backend Developer",
            years_experience=4,
            notes="Met at the Cork Python meetup; asked to be kept in mind for future roles.",
            consent_at=added,
            consent_method="By email",
            retain_until=(added + timedelta(days=180)).date(),
            created_at=added,
            updated_at=added,
        )
    )


def _applied_on(ctx: DemoContext, application: Application, moment: datetime) -> None:
    """Move an application still at Applied (one event) to an earlier day."""
    application.applied_at = application.updated_at = moment
    for event in ctx.session.exec(
        select(StageEvent).where(StageEvent.application_id == application.id)
    ):
        event.at = moment
        ctx.add(event)
    person = ctx.session.get(Candidate, application.candidate_id)
    assert person is not None
    if person.created_at > moment:
        person.created_at = person.consent_at = moment
    ctx.add(application, person)


def _tasks_and_snooze(ctx: DemoContext) -> None:
    applications = ctx.session.exec(
        select(Application).order_by(col(Application.applied_at), col(Application.id))
    ).all()
    screening = next(a for a in applications if a.stage == Stage.SCREENING.value)
    waiting = [a for a in applications if a.stage == Stage.APPLIED.value][:2]
    for application in waiting:  # not looked at for two weeks: one shows, one is snoozed
        _applied_on(ctx, application, ctx.ago(10, time(10, 15)))
    hr = ctx.members["hr"]
    ctx.add(
        Task(
            candidate_id=screening.candidate_id,
            title="Call back about the notice period",
            due_on=ctx.today,
            created_by_member_id=hr,
            created_at=ctx.ago(2),
        ),
        Task(
            role_id=row_id(ctx.roles["sen"]),
            title="Renew the job ad on LinkedIn",
            due_on=ctx.today + timedelta(days=3),
            created_by_member_id=hr,
            created_at=ctx.ago(1),
        ),
        ReminderState(
            item_key=f"idle_candidate:{row_id(waiting[-1])}",
            snoozed_until=ctx.at(ctx.today + timedelta(days=2), time(0, 0)),
            by_member_id=hr,
            updated_at=ctx.ago(1),
        ),
    )
