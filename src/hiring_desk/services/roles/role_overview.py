"""Where every role stands, for the Roles page: its pipeline at a glance.

Per role: how many applications are at each stage, how many arrived since the
person last looked at the role, how long it has been open against its target date,
and its next interview. Counted in SQL, in two grouped queries over every role
(applications by role and stage; the earliest scheduled interview by role), plus
the roles themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Integer, case, column, func, literal, literal_column, values
from sqlmodel import col, select

from hiring_desk import clock
from hiring_desk.domain.pipeline import ALL_STAGES
from hiring_desk.domain.vocab import InterviewStatus, RoleStatus
from hiring_desk.services.common.time_zones import as_utc
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Interview, Role, TeamMember

#: Stage keys in the order the overview lists them (stages it does not know go last).
STAGE_ORDER: tuple[str, ...] = tuple(stage.value for stage in ALL_STAGES)


@dataclass(frozen=True)
class RoleOverview:
    """One role as the Roles page shows it. Times are aware, in UTC."""

    id: int
    title: str
    status: str
    headcount: int
    location: str
    hiring_manager: str
    target_date: date | None
    opened_on: date
    #: (stage key, applications there), pipeline order, only stages with someone.
    stage_counts: tuple[tuple[str, int], ...]
    #: Applications made after the visit given for this role (0 if none was given).
    new_count: int
    next_interview: datetime | None

    @property
    def status_label(self) -> str:
        return RoleStatus(self.status).label

    @property
    def candidate_count(self) -> int:
        return sum(n for _stage, n in self.stage_counts)

    def days_open(self, today: date) -> int:
        """Days since the role was created (0 on its first day)."""
        return max((today - self.opened_on).days, 0)

    def days_to_target(self, today: date) -> int | None:
        """Days left until the target date (negative once it has passed); None without one."""
        return (self.target_date - today).days if self.target_date else None


def role_overview(
    workbook: Workbook,
    visits: Mapping[int, datetime] | None = None,
    *,
    now: datetime | None = None,
) -> list[RoleOverview]:
    """Every role with its pipeline, sorted by title.

    ``visits`` maps a role's id to when the person last looked at it; applications
    made after that count as new. ``now`` (the clock's by default) decides which
    interviews are still to come.
    """
    moment = as_utc(now or clock.now())
    by_stage = _stage_counts_statement(visits or {})
    upcoming = (
        select(Application.role_id, func.min(Interview.starts_at))
        .join(Application, col(Application.id) == Interview.application_id)
        .where(Interview.status == InterviewStatus.SCHEDULED.value)
        .where(col(Interview.starts_at) >= moment)
        .group_by(col(Application.role_id))
    )
    roles = select(Role, TeamMember.name).outerjoin(
        TeamMember, col(TeamMember.id) == Role.hiring_manager_id
    )
    with workbook.transaction() as session:
        counts: dict[int, dict[str, int]] = {}
        new: dict[int, int] = {}
        for role_id, stage, n, fresh in session.execute(by_stage):
            counts.setdefault(role_id, {})[stage] = int(n)
            new[role_id] = new.get(role_id, 0) + int(fresh or 0)
        next_at: dict[int, datetime] = {int(rid): at for rid, at in session.execute(upcoming)}
        rows = [
            RoleOverview(
                id=role.id or 0,
                title=role.title,
                status=role.status,
                headcount=role.headcount,
                location=role.location,
                hiring_manager=manager or "",
                target_date=role.target_date,
                opened_on=as_utc(role.created_at).date(),
                stage_counts=_ordered(counts.get(role.id or 0, {})),
                new_count=new.get(role.id or 0, 0),
                next_interview=_utc_or_none(next_at.get(role.id or 0)),
            )
            for role, manager in session.exec(roles)
        ]
    # Sorted here: SQLite's lower() leaves non-ASCII letters alone.
    return sorted(rows, key=lambda r: (r.title.casefold(), r.id))


def _stage_counts_statement(visits: Mapping[int, datetime]):  # type: ignore[no-untyped-def]
    """Applications grouped by role and stage, with how many came after the role's visit."""
    role_id, applied = col(Application.role_id), col(Application.applied_at)
    # Grouped by "role_id + 0", not role_id: SQLite then reads the table straight
    # through instead of in role_id's index order (a third quicker at 20,000 rows).
    # Selected as grouped (the same expression, 0 written out), as PostgreSQL asks.
    by_role = role_id + literal_column("0")
    grouped_role = by_role.label("role_id")
    if visits:
        seen = (
            values(
                column("role_id", Integer),
                column("seen_at", Application.__table__.c.applied_at.type),  # type: ignore[attr-defined]
                name="visit",
            )
            .data([(rid, as_utc(at)) for rid, at in visits.items()])
            .cte("visit")
        )
        fresh = func.sum(case((applied > seen.c.seen_at, 1), else_=0))
        return (
            select(grouped_role, Application.stage, func.count(), fresh)
            .select_from(Application)
            .outerjoin(seen, seen.c.role_id == role_id)
            .group_by(by_role, col(Application.stage))
        )
    return select(grouped_role, Application.stage, func.count(), literal(0)).group_by(
        by_role, col(Application.stage)
    )


def _utc_or_none(value: datetime | None) -> datetime | None:
    return as_utc(value) if value is not None else None


def _ordered(counts: Mapping[str, int]) -> tuple[tuple[str, int], ...]:
    known = [(stage, counts[stage]) for stage in STAGE_ORDER if counts.get(stage)]
    others = sorted((s, n) for s, n in counts.items() if s not in STAGE_ORDER and n)
    return tuple(known + others)
