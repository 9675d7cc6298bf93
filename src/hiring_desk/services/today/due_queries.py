"""The SQL behind the Today view: one query per kind of item, each over indexed columns.

Every function takes the open session and the moment "now" (aware, UTC) and
returns ``TodayItem`` objects; none of them looks at snoozes or dones (see
``today_items``). Timestamps are stored as UTC text; SQLite's ``datetime()`` does the sums.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from hiring_desk.domain.pipeline import OPEN_STAGES
from hiring_desk.domain.vocab import InterviewStatus, OfferStatus, RoleStatus, Stage
from hiring_desk.services.common.time_zones import as_utc, zone_or_utc
from hiring_desk.services.today.today_limits import TodayLimits
from hiring_desk.services.today.today_views import ItemKind, Opens, TodayItem
from hiring_desk.store.models import (
    Application,
    Candidate,
    Interview,
    InterviewInterviewer,
    Offer,
    Role,
    Scorecard,
    StageEvent,
    TeamMember,
)
from hiring_desk.store.sql_functions import group_concat, plus_minutes

__all__ = [
    "idle_candidates",
    "interviews_soon",
    "offers",
    "overdue_scorecards",
    "roles_past_target",
]

_OPEN_ROLE = (RoleStatus.OPEN.value, RoleStatus.ON_HOLD.value)


def _moment(value: Any) -> datetime:
    """A timestamp read back (an aggregate may come back as text), as aware UTC."""
    if not isinstance(value, datetime):
        value = datetime.fromisoformat(str(value))
    return as_utc(value)


def _people() -> sa.Select[*tuple[Any, ...]]:
    """Application, candidate name and role title, for an item about an application."""
    return (
        sa.select(
            col(Application.id).label("application_id"),
            col(Candidate.id).label("candidate_id"),
            col(Candidate.name).label("candidate"),
            col(Role.id).label("role_id"),
            col(Role.title).label("role"),
        )
        .join(Candidate, col(Candidate.id) == col(Application.candidate_id))
        .join(Role, col(Role.id) == col(Application.role_id))
        .where(col(Candidate.erased_at).is_(None))
    )


def interviews_soon(session: Session, now: datetime, today: date) -> list[TodayItem]:
    """Scheduled interviews whose day (in their own zone) is today or tomorrow."""
    lower = datetime.combine(today - timedelta(days=1), time(), UTC)
    upper = datetime.combine(today + timedelta(days=3), time(), UTC)
    statement = (
        _people()
        .add_columns(
            col(Interview.id).label("interview_id"),
            col(Interview.starts_at),
            col(Interview.timezone),
            col(Interview.round_name),
            col(Interview.round_id),
        )
        .join(Interview, col(Interview.application_id) == col(Application.id))
        .where(
            col(Interview.status) == InterviewStatus.SCHEDULED.value,
            col(Interview.starts_at) >= lower,
            col(Interview.starts_at) < upper,
        )
        .order_by(col(Interview.starts_at))
    )
    found: list[TodayItem] = []
    for row in session.execute(statement):
        starts = _moment(row.starts_at)
        local = starts.astimezone(zone_or_utc(row.timezone))
        if local.date() not in (today, today + timedelta(days=1)):
            continue
        when = "Today" if local.date() == today else "Tomorrow"
        found.append(
            TodayItem(
                kind=ItemKind.INTERVIEW,
                entity_id=int(row.interview_id),
                subject=f"{row.candidate}: {row.round_name or 'interview'}",
                detail=f"{when} at {local:%H:%M} ({row.timezone}), {row.role}",
                due_on=local.date(),
                due_at=starts,
                opens=Opens.PACK,
                target_id=int(row.interview_id),
                candidate_id=int(row.candidate_id),
                role_id=int(row.role_id),
                pack_ready=row.round_id is not None,
            )
        )
    return found


def overdue_scorecards(session: Session, now: datetime, limits: TodayLimits) -> list[TodayItem]:
    """Interviews over for ``scorecard_hours`` hours with a scorecard still missing.

    Missing: an interviewer on the interview has not submitted one, or, when no
    interviewer was named, nobody has.
    """
    ends = plus_minutes(
        col(Interview.starts_at), col(Interview.duration_minutes) + limits.scorecard_hours * 60
    )
    has_card = (
        sa.select(col(Scorecard.id))
        .where(
            col(Scorecard.interview_id) == col(InterviewInterviewer.interview_id),
            col(Scorecard.interviewer_id) == col(InterviewInterviewer.member_id),
        )
        .correlate(InterviewInterviewer)
        .exists()
    )
    missing = (
        sa.select(group_concat(col(TeamMember.name), ", "))
        .select_from(InterviewInterviewer)
        .join(TeamMember, col(TeamMember.id) == col(InterviewInterviewer.member_id))
        .where(col(InterviewInterviewer.interview_id) == col(Interview.id), ~has_card)
        .correlate(Interview)
        .scalar_subquery()
    )
    assigned = (
        sa.select(sa.func.count())
        .select_from(InterviewInterviewer)
        .where(col(InterviewInterviewer.interview_id) == col(Interview.id))
        .correlate(Interview)
        .scalar_subquery()
    )
    cards = (
        sa.select(sa.func.count(col(Scorecard.id)))
        .where(col(Scorecard.interview_id) == col(Interview.id))
        .correlate(Interview)
        .scalar_subquery()
    )
    statement = (
        _people()
        .add_columns(
            col(Interview.id).label("interview_id"),
            col(Interview.round_name),
            ends.label("due"),
            missing.label("missing"),
        )
        .join(Interview, col(Interview.application_id) == col(Application.id))
        .where(
            col(Interview.status) != InterviewStatus.CANCELLED.value,
            ends <= now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
            sa.or_(missing.is_not(None), sa.and_(assigned == 0, cards == 0)),
        )
        .order_by(ends)
    )
    found: list[TodayItem] = []
    for row in session.execute(statement):
        due = _moment(row.due)
        who = f"waiting for {row.missing}" if row.missing else "no scorecard yet"
        found.append(
            TodayItem(
                kind=ItemKind.SCORECARD,
                entity_id=int(row.interview_id),
                subject=f"{row.candidate}: {row.round_name or 'interview'}",
                detail=f"{row.role}; {who}",
                due_on=due.date(),
                due_at=due,
                opens=Opens.SCORECARD,
                target_id=int(row.interview_id),
                candidate_id=int(row.candidate_id),
                role_id=int(row.role_id),
            )
        )
    return found


def offers(session: Session, today: date, limits: TodayLimits) -> list[TodayItem]:
    """Sent offers awaiting an answer, and offers not yet answered expiring within N days.

    An offer expiring soon is listed once, as expiring.
    """
    expiring = sa.and_(
        col(Offer.expiry_date).is_not(None),
        col(Offer.expiry_date) <= today + timedelta(days=limits.offer_days),
    )
    statement = (
        _people()
        .add_columns(
            col(Offer.id).label("offer_id"),
            col(Offer.status),
            col(Offer.expiry_date),
            col(Offer.sent_at),
            col(Offer.updated_at),
            expiring.label("expiring"),
        )
        .join(Offer, col(Offer.application_id) == col(Application.id))
        .where(
            sa.or_(
                col(Offer.status) == OfferStatus.SENT.value,
                sa.and_(col(Offer.status) == OfferStatus.APPROVED.value, expiring),
            )
        )
        .order_by(col(Offer.expiry_date), col(Offer.id))
    )
    found: list[TodayItem] = []
    for row in session.execute(statement):
        if row.expiring:
            kind, due_on = ItemKind.OFFER_EXPIRING, row.expiry_date
            left = (row.expiry_date - today).days
            detail = (
                "expired"
                if left < 0
                else "expires today"
                if left == 0
                else f"expires in {left} day{'s' if left != 1 else ''}"
            )
        else:
            kind = ItemKind.OFFER_AWAITING
            sent = _moment(row.sent_at or row.updated_at)
            due_on, detail = sent.date(), f"sent {sent:%d %b}"
        found.append(
            TodayItem(
                kind=kind,
                entity_id=int(row.offer_id),
                subject=f"{row.candidate}: offer for {row.role}",
                detail=f"{detail} ({row.status})",
                due_on=due_on,
                due_at=None,
                opens=Opens.OFFER,
                target_id=int(row.offer_id),
                candidate_id=int(row.candidate_id),
                role_id=int(row.role_id),
            )
        )
    return found


def idle_candidates(session: Session, now: datetime, limits: TodayLimits) -> list[TodayItem]:
    """Applications to open roles left in an open stage longer than ``idle_days``.

    The time in the stage runs from the application's last recorded move (from
    when it was made when it was never moved).
    """
    last_move = (
        sa.select(sa.func.max(col(StageEvent.at)))
        .where(col(StageEvent.application_id) == col(Application.id))
        .correlate(Application)
        .scalar_subquery()
    )
    since = sa.func.coalesce(last_move, col(Application.applied_at))
    statement = (
        _people()
        .add_columns(col(Application.stage), since.label("since"))
        .where(
            col(Application.stage).in_([stage.value for stage in OPEN_STAGES]),
            col(Role.status).in_(_OPEN_ROLE),
            since <= now - timedelta(days=limits.idle_days),
        )
        .order_by(since)
    )
    found: list[TodayItem] = []
    for row in session.execute(statement):
        since_moment = _moment(row.since)
        days = (now - since_moment).days
        became_due = since_moment + timedelta(days=limits.idle_days)
        found.append(
            TodayItem(
                kind=ItemKind.IDLE,
                entity_id=int(row.application_id),
                subject=f"{row.candidate}: {row.role}",
                detail=f"at {Stage(row.stage).label} for {days} days",
                due_on=became_due.date(),
                due_at=None,
                opens=Opens.CANDIDATE,
                target_id=int(row.candidate_id),
                candidate_id=int(row.candidate_id),
                role_id=int(row.role_id),
                became_due=became_due,
            )
        )
    return found


def roles_past_target(session: Session, today: date) -> list[TodayItem]:
    """Open (or on hold) roles whose target date has passed."""
    statement = (
        sa.select(col(Role.id), col(Role.title), col(Role.target_date))
        .where(col(Role.status).in_(_OPEN_ROLE), col(Role.target_date) < today)
        .order_by(col(Role.target_date), col(Role.id))
    )
    return [
        TodayItem(
            kind=ItemKind.ROLE_PAST_TARGET,
            entity_id=int(row.id),
            subject=str(row.title),
            detail=f"target date was {row.target_date:%d %b %Y}",
            due_on=row.target_date,
            due_at=None,
            opens=Opens.ROLE,
            target_id=int(row.id),
            role_id=int(row.id),
            became_due=datetime.combine(row.target_date, time(), UTC),
        )
        for row in session.execute(statement)
    ]
