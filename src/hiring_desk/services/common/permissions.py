"""What the person signed in to a team workbook may do (``domain.team_roles``).

A workbook file has no sign-in: everything is allowed there. On a team workbook
the server enforces the roles whatever the app does (``store.access``); the
services ask first, so a refusal says why ("You don't have permission to ...")
and nothing half-happens, and the window asks ``may``/``why_not`` to hide or
disable what a role does not include.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from hiring_desk.domain.team_roles import Permission, TeamRole, allows, refusal
from hiring_desk.services.common.errors import PermissionDeniedError
from hiring_desk.store import Workbook
from hiring_desk.store.models import Role
from hiring_desk.store.salary_hiding import SalaryHidingSession

__all__ = [
    "Permission",
    "TeamRole",
    "hides_salaries",
    "interviewer_only",
    "may",
    "require",
    "role_of",
    "salaries_hidden",
    "why_not",
]


def role_of(workbook: Workbook) -> TeamRole | None:
    """The signed-in person's role on a team workbook; None for a workbook file."""
    access = workbook.access
    return None if access is None else TeamRole(access.role)


def _manages(workbook: Workbook, role_id: int | None) -> bool:
    access = workbook.access
    if role_id is None or access is None or access.member_id is None:
        return False
    with workbook.transaction() as session:
        manager = session.exec(
            select(col(Role.hiring_manager_id)).where(Role.id == role_id)
        ).first()
    return manager is not None and manager == access.member_id


def why_not(
    workbook: Workbook, permission: Permission, *, role_id: int | None = None
) -> str | None:
    """None when allowed; else "You don't have permission to ... (your role: ...)."""
    role = role_of(workbook)
    if role is None or allows(role, permission):
        return None
    scoped = role is TeamRole.HIRING_MANAGER and allows(role, permission, manages_role=True)
    if scoped and _manages(workbook, role_id):
        return None
    return refusal(role, permission)


def may(workbook: Workbook, permission: Permission, *, role_id: int | None = None) -> bool:
    return why_not(workbook, permission, role_id=role_id) is None


def require(workbook: Workbook, permission: Permission, *, role_id: int | None = None) -> None:
    """Raise ``PermissionDeniedError`` unless the signed-in person may do this."""
    reason = why_not(workbook, permission, role_id=role_id)
    if reason is not None:
        raise PermissionDeniedError(reason)


def interviewer_only(workbook: Workbook) -> bool:
    """True for an interviewer of a team workbook: the server shows them no offers,
    no messages to candidates, no salaries and only the candidates they interview."""
    return role_of(workbook) is TeamRole.INTERVIEWER


def hides_salaries(workbook: Workbook) -> bool:
    """True when the signed-in person may not read salaries (an interviewer)."""
    access = workbook.access
    return access is not None and not access.sees_salaries


def salaries_hidden(session: Session) -> bool:
    """True inside a transaction that leaves salaries unloaded (an interviewer's):
    reading a salary attribute there would be refused by the server."""
    return isinstance(session, SalaryHidingSession)
