"""Roles (requisitions): list, create, edit and delete, with their skills."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from hiring_desk import clock
from hiring_desk.domain.formatting import minor_to_major
from hiring_desk.domain.vocab import RoleStatus
from hiring_desk.services.common import audit, match_scores
from hiring_desk.services.common.errors import InUseError, NotFoundError, ValidationError
from hiring_desk.services.common.permissions import Permission, require, salaries_hidden
from hiring_desk.services.roles.briefs import CheckedBrief, RoleBrief, SkillEntry, check_brief
from hiring_desk.services.team.company import currency_codes
from hiring_desk.store import Workbook, snapshots
from hiring_desk.store.models import Application, Role, RoleSkill, TeamMember
from hiring_desk.store.models._base import utcnow
from hiring_desk.store.snapshots import Snapshot

__all__ = [
    "RoleBrief",
    "RoleDetail",
    "RoleSummary",
    "SkillEntry",
    "create_role",
    "delete_role",
    "find_role",
    "get_role",
    "list_roles",
    "update_role",
]


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


@dataclass(frozen=True)
class RoleDetail:
    id: int
    brief: RoleBrief
    hiring_manager: str
    hiring_manager_title: str
    candidate_count: int
    created_at: datetime
    updated_at: datetime


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
    # Sorted here: SQLite's lower() leaves non-ASCII letters alone.
    return sorted(rows, key=lambda r: (r.title.casefold(), r.id))


def get_role(workbook: Workbook, role_id: int) -> RoleDetail:
    with workbook.transaction() as session:
        return _detail(session, _load(session, role_id))


def find_role(workbook: Workbook, id_or_title: str) -> RoleSummary:
    """The role with this id, or else with exactly this title (for the command line)."""
    roles = list_roles(workbook)
    text = id_or_title.strip()
    if text.isdigit():
        for role in roles:
            if role.id == int(text):
                return role
    matches = [r for r in roles if r.title == text]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        ids = ", ".join(str(r.id) for r in matches)
        raise NotFoundError(f"Several roles are titled '{text}' (ids {ids}); give the id.")
    raise NotFoundError(f"No role has the id or title '{text}'.")


def create_role(workbook: Workbook, brief: RoleBrief, *, today: date | None = None) -> RoleDetail:
    require(workbook, Permission.ROLES)
    with workbook.transaction() as session:
        checked = _checked(session, brief, today, None)
        role = Role(title=checked.brief.title)
        _apply(role, checked)
        session.add(role)
        session.flush()
        assert role.id is not None
        _replace_skills(session, role.id, checked.brief.skills)
        audit.record(session, "add", "role", role.id)
        return _detail(session, role)


def update_role(
    workbook: Workbook, role_id: int, brief: RoleBrief, *, today: date | None = None
) -> RoleDetail:
    require(workbook, Permission.ROLE_BRIEF, role_id=role_id)
    with workbook.transaction() as session:
        role = _load(session, role_id)
        checked = _checked(session, brief, today, role)
        if _budget_of(role) != _budget(checked):  # the budget is the admin's
            require(workbook, Permission.ROLES)
        _apply(role, checked)
        role.updated_at = utcnow()
        session.add(role)
        _replace_skills(session, role_id, checked.brief.skills)
        audit.record(session, "edit", "role", role_id)
        return _detail(session, role)


def delete_role(workbook: Workbook, role_id: int) -> Snapshot:
    """Delete a role with no candidates (its job descriptions and plan go with it).

    Returns what went, for ``services.undo.restore_deleted``.
    """
    require(workbook, Permission.ROLES)
    with workbook.transaction() as session:
        role = _load(session, role_id)
        applications = session.exec(
            select(func.count()).select_from(Application).where(Application.role_id == role_id)
        ).one()
        if applications:
            raise InUseError(
                f"'{role.title}' has {applications} candidate"
                f"{'s' if applications != 1 else ''}; close it instead of deleting it."
            )
        snapshot = snapshots.take(session, "role", role_id)
        session.delete(role)
        audit.record(session, "remove", "role", role_id)
        return snapshot


def _checked(
    session: Session, brief: RoleBrief, today: date | None, role: Role | None
) -> CheckedBrief:
    checked, errors = check_brief(
        brief,
        today=today or clock.today(),
        currencies=currency_codes(),
        previous_start_by=role.start_by if role else None,
        previous_target=role.target_date if role else None,
    )
    manager = brief.hiring_manager_id
    if manager is not None and session.get(TeamMember, manager) is None:
        errors["hiring_manager"] = "must be a member of the team"
    if errors or checked is None:
        raise ValidationError(errors)
    return checked


def _budget_of(role: Role) -> tuple[object, ...]:
    return (role.salary_min_minor, role.salary_max_minor, role.salary_currency, role.salary_period)


def _budget(checked: CheckedBrief) -> tuple[object, ...]:
    b = checked.brief
    return (checked.salary_min_minor, checked.salary_max_minor, b.salary_currency, b.salary_period)


def _apply(role: Role, checked: CheckedBrief) -> None:
    b = checked.brief
    role.title = b.title
    role.template_key = b.template_key
    role.seniority = b.seniority
    role.employment_type = b.employment_type
    role.work_mode = b.work_mode
    role.location = b.location
    role.headcount = b.headcount
    role.start_by = b.start_by
    role.project = b.project
    role.project_duration = b.project_duration
    role.salary_min_minor = checked.salary_min_minor
    role.salary_max_minor = checked.salary_max_minor
    role.salary_currency = b.salary_currency
    role.salary_period = b.salary_period
    role.hiring_manager_id = b.hiring_manager_id
    role.target_date = b.target_date
    role.education = b.education
    role.min_years_experience = b.min_years_experience
    role.status = b.status
    role.notes = b.notes


def _replace_skills(session: Session, role_id: int, skills: tuple[SkillEntry, ...]) -> None:
    session.execute(delete(RoleSkill).where(col(RoleSkill.role_id) == role_id))
    for position, entry in enumerate(skills):
        session.add(
            RoleSkill(
                role_id=role_id, skill=entry.skill, importance=entry.importance, position=position
            )
        )
    match_scores.refresh_for_role(session, role_id)


def _detail(session: Session, role: Role) -> RoleDetail:
    assert role.id is not None
    skills = session.exec(
        select(RoleSkill).where(RoleSkill.role_id == role.id).order_by(col(RoleSkill.position))
    ).all()
    manager = session.get(TeamMember, role.hiring_manager_id) if role.hiring_manager_id else None
    count = session.exec(
        select(func.count()).select_from(Application).where(Application.role_id == role.id)
    ).one()
    hidden = salaries_hidden(session)  # an interviewer's: the server refuses budgets
    currency = "" if hidden else role.salary_currency
    low = None if hidden else role.salary_min_minor
    high = None if hidden else role.salary_max_minor

    def major(value: int | None) -> object:
        return minor_to_major(value, currency) if value is not None else None

    brief = RoleBrief(
        title=role.title,
        seniority=role.seniority,
        employment_type=role.employment_type,
        work_mode=role.work_mode,
        location=role.location,
        headcount=role.headcount,
        start_by=role.start_by,
        project=role.project,
        project_duration=role.project_duration,
        salary_min=major(low),  # type: ignore[arg-type]
        salary_max=major(high),  # type: ignore[arg-type]
        salary_currency=currency,
        salary_period=RoleBrief.salary_period if hidden else role.salary_period,
        hiring_manager_id=role.hiring_manager_id,
        target_date=role.target_date,
        education=role.education,
        min_years_experience=role.min_years_experience,
        status=role.status,
        notes=role.notes,
        skills=tuple(SkillEntry(s.skill, s.importance) for s in skills),
        template_key=role.template_key,
    )
    return RoleDetail(
        id=role.id,
        brief=brief,
        hiring_manager=manager.name if manager else "",
        hiring_manager_title=manager.title if manager else "",
        candidate_count=int(count),
        created_at=role.created_at,
        updated_at=role.updated_at,
    )


def _load(session: Session, role_id: int) -> Role:
    role = session.get(Role, role_id)
    if role is None:
        raise NotFoundError(f"Role {role_id} does not exist.")
    return role
