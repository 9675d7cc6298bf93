"""How applications ended and how the work around them went, in SQL: rejection and
withdrawal reasons by stage, offers, and interviewers' scorecards."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import ColumnElement, Table, and_, case, func, select
from sqlalchemy.orm import Session, aliased

from hiring_desk.domain.offer_rules import Budget, budget_position
from hiring_desk.domain.vocab import InterviewStatus, OfferStatus, Stage
from hiring_desk.services.reports.report_figures import (
    LATE_AFTER_DAYS,
    InterviewerRow,
    OfferFigures,
    ReasonRow,
    spread_of,
)
from hiring_desk.services.reports.report_queries import APPLICATION, EVENT, ROLE, in_scope
from hiring_desk.store.models import (
    Interview,
    InterviewInterviewer,
    Offer,
    Scorecard,
    TeamMember,
)
from hiring_desk.store.sql_functions import greatest, julian_day

OFFER: Table = Offer.__table__  # type: ignore[attr-defined]
INTERVIEW: Table = Interview.__table__  # type: ignore[attr-defined]
SEAT: Table = InterviewInterviewer.__table__  # type: ignore[attr-defined]
SCORECARD: Table = Scorecard.__table__  # type: ignore[attr-defined]
MEMBER: Table = TeamMember.__table__  # type: ignore[attr-defined]

_CLOSED = (Stage.REJECTED.value, Stage.WITHDRAWN.value)


def reasons(session: Session, where: Sequence[ColumnElement[bool]]) -> tuple[ReasonRow, ...]:
    """Rejected and withdrawn applications by the stage they were closed from and why."""
    last = aliased(EVENT)
    closing = (
        select(func.max(last.c.id))
        .where(last.c.application_id == APPLICATION.c.id, last.c.to_stage == APPLICATION.c.stage)
        .scalar_subquery()
    )
    statement = (
        select(APPLICATION.c.stage, EVENT.c.from_stage, APPLICATION.c.closed_reason, func.count())
        .select_from(APPLICATION)
        .join(EVENT, EVENT.c.id == closing)
        .where(*where, APPLICATION.c.stage.in_(_CLOSED))
        .group_by(APPLICATION.c.stage, EVENT.c.from_stage, APPLICATION.c.closed_reason)
    )
    rows = [
        ReasonRow(
            outcome=outcome,
            stage=stage or "",
            stage_label=Stage(stage).label if stage else "",
            reason=reason if outcome == Stage.REJECTED.value else "",
            count=int(n),
        )
        for outcome, stage, reason, n in session.execute(statement)
    ]
    order = {stage.value: n for n, stage in enumerate(Stage)}
    rows.sort(key=lambda r: (order[r.outcome], order.get(r.stage, 99), -r.count, r.reason))
    return tuple(_merged(rows))


def _merged(rows: list[ReasonRow]) -> list[ReasonRow]:
    """Withdrawals keep no reason: rows that differ only by a stale one are added up."""
    merged: dict[tuple[str, str, str], ReasonRow] = {}
    for row in rows:
        key = (row.outcome, row.stage, row.reason)
        if key in merged:
            row = ReasonRow(*key[:2], row.stage_label, row.reason, merged[key].count + row.count)
        merged[key] = row
    return list(merged.values())


def offers(session: Session, where: Sequence[ColumnElement[bool]], today: date) -> OfferFigures:
    """Offers made (sent) on applications in scope: how they ended, how fast, the budget."""

    def counted(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    made = (
        select(OFFER)
        .join(APPLICATION, APPLICATION.c.id == OFFER.c.application_id)
        .where(*where, OFFER.c.sent_at.is_not(None))
        .subquery("made")
    )
    s = made.c
    totals = select(
        func.count(),
        counted(s.status == OfferStatus.ACCEPTED.value),
        counted(s.status == OfferStatus.DECLINED.value),
        counted(and_(s.status == OfferStatus.SENT.value, s.expiry_date < today)),
        counted(s.status == OfferStatus.WITHDRAWN.value),
    ).select_from(made)
    n_made, accepted, declined, n_expired, withdrawn = (
        int(v) for v in session.execute(totals).one()
    )
    answered = func.coalesce(s.accepted_at, s.declined_at)
    decisions = select(julian_day(answered) - julian_day(s.sent_at)).where(answered.is_not(None))
    decision = spread_of([float(v) for v in session.execute(decisions).scalars()])
    sides = {"within": 0, "above": 0, "below": 0}
    other = 0
    against = (
        select(
            made.c.salary_minor,
            made.c.currency,
            made.c.pay_period,
            ROLE.c.salary_min_minor,
            ROLE.c.salary_max_minor,
            ROLE.c.salary_currency,
            ROLE.c.salary_period,
        )
        .join(APPLICATION, APPLICATION.c.id == made.c.application_id)
        .join(ROLE, ROLE.c.id == APPLICATION.c.role_id)
    )
    for salary, currency, period, low, high, budget_currency, budget_period in session.execute(
        against
    ):
        budget = Budget(low, high, budget_currency, budget_period)
        side = budget_position(salary, currency, period, budget).side if budget.is_set else ""
        if side in sides:
            sides[side] += 1
        else:
            other += 1
    waiting = n_made - accepted - declined - n_expired - withdrawn
    return OfferFigures(
        made=n_made,
        accepted=accepted,
        declined=declined,
        expired=n_expired,
        withdrawn=withdrawn,
        waiting=waiting,
        decision=decision,
        within_budget=sides["within"],
        above_budget=sides["above"],
        below_budget=sides["below"],
        not_comparable=other,
    )


def interviewers(
    session: Session, where: Sequence[ColumnElement[bool]], now: datetime
) -> tuple[InterviewerRow, ...]:
    """Per interviewer: scorecards due, submitted and late, and the hours they took."""
    now_day = julian_day(now.replace(tzinfo=None))
    ended = julian_day(INTERVIEW.c.starts_at) + INTERVIEW.c.duration_minutes / 1440.0
    delay = julian_day(SCORECARD.c.submitted_at) - ended
    submitted = SCORECARD.c.id.is_not(None)
    late = case(
        (and_(submitted, delay > LATE_AFTER_DAYS), 1),
        (and_(~submitted, now_day - ended > LATE_AFTER_DAYS), 1),
        else_=0,
    )
    statement = (
        select(
            MEMBER.c.id,
            MEMBER.c.name,
            func.count(),
            func.count(SCORECARD.c.id),
            func.sum(late),
            func.avg(case((submitted, greatest(delay, 0.0)), else_=None)) * 24,
        )
        .select_from(SEAT)
        .join(INTERVIEW, INTERVIEW.c.id == SEAT.c.interview_id)
        .join(MEMBER, MEMBER.c.id == SEAT.c.member_id)
        .outerjoin(
            SCORECARD,
            and_(
                SCORECARD.c.interview_id == SEAT.c.interview_id,
                SCORECARD.c.interviewer_id == SEAT.c.member_id,
            ),
        )
        .where(INTERVIEW.c.status != InterviewStatus.CANCELLED.value, ended <= now_day)
        .group_by(MEMBER.c.id)
        .order_by(MEMBER.c.name, MEMBER.c.id)
    )
    statement = in_scope(statement, where, APPLICATION.c.id == INTERVIEW.c.application_id)
    return tuple(
        InterviewerRow(
            member_id=int(member_id),
            name=name,
            due=int(due),
            submitted=int(done),
            late=int(n_late or 0),
            average_hours=None if hours is None else round(float(hours), 1),
        )
        for member_id, name, due, done, n_late, hours in session.execute(statement)
    )
