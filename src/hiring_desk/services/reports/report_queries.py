"""The pipeline's figures in SQL: the funnel, sources, time in stage, to hire and to fill.

Each function takes an open session and the scope's conditions on the
``application`` table, and asks the database for counts grouped as needed (or,
for medians, one narrow column), so a workbook of 50,000 candidates stays quick.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Table, case, func, select
from sqlalchemy.orm import Session

from hiring_desk.domain.vocab import PIPELINE, Source, Stage
from hiring_desk.services.reports.report_figures import (
    FunnelStep,
    ReportScope,
    RoleFill,
    SourceRow,
    Spread,
    StageTime,
    spread_of,
)
from hiring_desk.store.models import Application, Candidate, Role, StageEvent
from hiring_desk.store.sql_functions import julian_day

APPLICATION: Table = Application.__table__  # type: ignore[attr-defined]
EVENT: Table = StageEvent.__table__  # type: ignore[attr-defined]
CANDIDATE: Table = Candidate.__table__  # type: ignore[attr-defined]
ROLE: Table = Role.__table__  # type: ignore[attr-defined]

#: Each pipeline stage's place (Applied 0 ... Hired 5); Rejected and Withdrawn have none.
RANK: dict[str, int] = {stage.value: n for n, stage in enumerate(PIPELINE)}
HIRED_RANK = RANK[Stage.HIRED.value]
INTERVIEW_RANK = RANK[Stage.INTERVIEW.value]
OFFER_RANK = RANK[Stage.OFFER.value]
#: The stages an application spends time in before it is closed.
TIMED_STAGES: tuple[Stage, ...] = tuple(stage for stage in PIPELINE if stage is not Stage.HIRED)


def scope_conditions(scope: ReportScope) -> list[ColumnElement[bool]]:
    """Conditions on ``application`` for the applications a report counts."""
    applied = APPLICATION.c.applied_at
    conditions: list[ColumnElement[bool]] = []
    if scope.role_id is not None:
        conditions.append(APPLICATION.c.role_id == scope.role_id)
    if scope.from_day is not None:
        conditions.append(applied >= datetime.combine(scope.from_day, time(), UTC))
    if scope.to_day is not None:
        conditions.append(applied < datetime.combine(scope.to_day + timedelta(days=1), time(), UTC))
    return conditions


def in_scope(statement: Any, where: Sequence[ColumnElement[bool]], onclause: Any) -> Any:
    """``statement`` joined to ``application`` on ``onclause`` and narrowed to the scope;
    left alone for all roles and all time (every row counts, and the join costs)."""
    if not where:
        return statement
    return statement.join(APPLICATION, onclause).where(*where)


def count_applications(session: Session, where: Sequence[ColumnElement[bool]]) -> int:
    statement = select(func.count()).select_from(APPLICATION).where(*where)
    return int(session.execute(statement).scalar_one())


def _furthest(where: Sequence[ColumnElement[bool]]) -> Any:
    """Each application in scope with the furthest pipeline stage its history reached."""
    rank = case(RANK, value=EVENT.c.to_stage, else_=-1)
    statement = select(
        EVENT.c.application_id.label("application_id"), func.max(rank).label("furthest")
    )
    statement = in_scope(statement, where, APPLICATION.c.id == EVENT.c.application_id)
    return statement.group_by(EVENT.c.application_id).subquery("furthest")


def funnel_and_sources(
    session: Session, where: Sequence[ColumnElement[bool]]
) -> tuple[tuple[FunnelStep, ...], tuple[SourceRow, ...]]:
    """How many applications reached each pipeline stage (and the share from step to
    step); per source, the applications and those that reached Interview, Offer, Hired.

    One query counts applications by source and furthest stage; both follow from it.
    """
    furthest = _furthest(where)
    statement = (
        select(CANDIDATE.c.source, furthest.c.furthest, func.count())
        .select_from(furthest)
        .join(APPLICATION, APPLICATION.c.id == furthest.c.application_id)
        .join(CANDIDATE, CANDIDATE.c.id == APPLICATION.c.candidate_id)
        .group_by(CANDIDATE.c.source, furthest.c.furthest)
    )
    counts = [(source, int(rank), int(n)) for source, rank, n in session.execute(statement)]
    return _funnel(counts), _sources(counts)


def _funnel(counts: list[tuple[str, int, int]]) -> tuple[FunnelStep, ...]:
    steps: list[FunnelStep] = []
    before: int | None = None
    for n, stage in enumerate(PIPELINE):
        reached = sum(count for _source, rank, count in counts if rank >= n)
        conversion = None if not before else reached / before
        steps.append(FunnelStep(stage.value, stage.label, reached, conversion))
        before = reached
    return tuple(steps)


def _sources(counts: list[tuple[str, int, int]]) -> tuple[SourceRow, ...]:
    by_source: dict[str, list[int]] = {}
    for source, rank, n in counts:
        tally = by_source.setdefault(source, [0, 0, 0, 0])
        for column, least in enumerate((0, INTERVIEW_RANK, OFFER_RANK, HIRED_RANK)):
            if rank >= least:
                tally[column] += n
    rows = [SourceRow(source, _source_label(source), *tally) for source, tally in by_source.items()]
    rows.sort(key=lambda row: (-row.applications, row.label))
    return tuple(rows)


def _source_label(value: str) -> str:
    try:
        return Source(value).label
    except ValueError:
        return value.replace("_", " ").capitalize() or "Not given"


def stage_times(session: Session, where: Sequence[ColumnElement[bool]]) -> tuple[StageTime, ...]:
    """Median and quartiles of the days spent in each stage (stays that are over).

    A stay ends at the application's next move to another stage; moves between a
    role's own steps inside one phase add up to one stay in that phase. Moves are
    taken in the order they were recorded.
    """
    following = func.lead(EVENT.c.at).over(partition_by=EVENT.c.application_id, order_by=EVENT.c.id)
    statement = in_scope(
        select(
            EVENT.c.application_id,
            EVENT.c.to_stage,
            (julian_day(following) - julian_day(EVENT.c.at)).label("days"),
        ),
        where,
        APPLICATION.c.id == EVENT.c.application_id,
    ).order_by(EVENT.c.application_id, EVENT.c.id)
    days: dict[str, list[float]] = {stage.value: [] for stage in TIMED_STAGES}
    stay: tuple[int, str, float] | None = None  # (application, stage, days so far)
    for application_id, stage, value in session.execute(statement):
        if stay is not None and stay[:2] == (application_id, stage):
            stay = (application_id, stage, stay[2] + float(value or 0))
        elif stay is not None and stay[0] == application_id and stay[1] in days:
            days[stay[1]].append(stay[2])  # a stay is over when another stage follows
            stay = (application_id, stage, float(value or 0))
        else:
            stay = (application_id, stage, float(value or 0))
    return tuple(
        StageTime(stage.value, stage.label, spread_of(days[stage.value])) for stage in TIMED_STAGES
    )


def hire_times(
    session: Session, where: Sequence[ColumnElement[bool]]
) -> tuple[Spread | None, tuple[RoleFill, ...]]:
    """Time to hire (days from applying to the first move to Hired, over hired
    applications) and, per role with a hire, time to fill (days from the role being
    added to its first hire). One narrow query of the hired applications."""
    statement = (
        select(
            APPLICATION.c.role_id,
            julian_day(func.min(EVENT.c.at)) - julian_day(APPLICATION.c.applied_at),
            func.min(EVENT.c.at),
        )
        .select_from(APPLICATION)
        .join(EVENT, EVENT.c.application_id == APPLICATION.c.id)
        .where(*where, EVENT.c.to_stage == Stage.HIRED.value)
        .group_by(APPLICATION.c.id)
    )
    waits: list[float] = []
    first: dict[int, datetime] = {}
    for role_id, days, hired in session.execute(statement):
        waits.append(float(days))
        hired_at = _moment(hired)
        if role_id not in first or hired_at < first[role_id]:
            first[role_id] = hired_at
    roles = select(ROLE.c.id, ROLE.c.title, ROLE.c.created_at).where(ROLE.c.id.in_(first))
    fills = [
        RoleFill(
            int(role_id),
            title,
            _moment(opened).date(),
            first[role_id].date(),
            round((first[role_id] - _moment(opened)).total_seconds() / 86400, 1),
        )
        for role_id, title, opened in session.execute(roles)
    ]
    fills.sort(key=lambda fill: (fill.title.casefold(), fill.role_id))
    return spread_of(waits), tuple(fills)


def _moment(value: datetime | str) -> datetime:
    """A timestamp column's value (an aggregate of one comes back as text)."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime.fromisoformat(value)
