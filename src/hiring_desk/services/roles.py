"""Roles (requisitions). This version lists them; editing arrives with the Roles area."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import col, select

from hiring_desk.domain.vocab import RoleStatus
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Role, TeamMember


@dataclass(frozen=True)
class RoleSummary:
    id: int
    title: str
    status: str
    headcount: int
    candidate_count: int
    target_date: date | None
    location: str
    hiring_manager: str

    @property
    def status_label(self) -> str:
        return RoleStatus(self.status).label


def list_roles(workbook: Workbook) -> list[RoleSummary]:
    counts = (
        select(Application.role_id, func.count().label("n"))
        .group_by(col(Application.role_id))
        .subquery()
    )
    statement = (
        select(Role, counts.c.n, TeamMember.name)
        .outerjoin(counts, counts.c.role_id == col(Role.id))
        .outerjoin(TeamMember, col(TeamMember.id) == Role.hiring_manager_id)
    )
    with workbook.transaction() as session:
        rows = [
            RoleSummary(
                id=role.id or 0,
                title=role.title,
                status=role.status,
                headcount=role.headcount,
                candidate_count=int(n or 0),
                target_date=role.target_date,
                location=role.location,
                hiring_manager=manager or "",
            )
            for role, n, manager in session.exec(statement)
        ]
    return sorted(rows, key=lambda r: (r.title.casefold(), r.id))
