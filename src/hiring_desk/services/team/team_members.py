"""Team members: the people who hire, interview, approve and sign."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import InUseError, NotFoundError, ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.common.validation import clean, email_problem, length_problem
from hiring_desk.store import Workbook, snapshots
from hiring_desk.store.models import (
    CompanyProfile,
    InterviewInterviewer,
    Role,
    Scorecard,
    TeamMember,
)
from hiring_desk.store.snapshots import Snapshot

NAME_LIMIT = 200


@dataclass(frozen=True)
class MemberInfo:
    id: int
    name: str
    title: str
    email: str


def _info(member: TeamMember) -> MemberInfo:
    assert member.id is not None
    return MemberInfo(member.id, member.name, member.title, member.email)


def _validated(name: str, title: str, email: str) -> tuple[str, str, str]:
    name, title, email = clean(name), clean(title), clean(email)
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "is required"
    elif problem := length_problem(name, NAME_LIMIT):
        errors["name"] = problem
    if problem := length_problem(title, NAME_LIMIT):
        errors["title"] = problem
    if problem := email_problem(email):
        errors["email"] = problem
    if errors:
        raise ValidationError(errors)
    return name, title, email


def list_members(workbook: Workbook) -> list[MemberInfo]:
    with workbook.transaction() as session:
        members = [_info(m) for m in session.exec(select(TeamMember))]
    return sorted(members, key=lambda m: (m.name.casefold(), m.id))


def get_member(workbook: Workbook, member_id: int) -> MemberInfo:
    with workbook.transaction() as session:
        return _info(_load(session, member_id))


def add_member(workbook: Workbook, name: str, title: str = "", email: str = "") -> MemberInfo:
    require(workbook, Permission.TEAM)
    name, title, email = _validated(name, title, email)
    with workbook.transaction() as session:
        member = TeamMember(name=name, title=title, email=email)
        session.add(member)
        session.flush()
        audit.record(session, "add", "team_member", member.id)
        return _info(member)


def update_member(
    workbook: Workbook, member_id: int, name: str, title: str = "", email: str = ""
) -> MemberInfo:
    require(workbook, Permission.TEAM)
    name, title, email = _validated(name, title, email)
    with workbook.transaction() as session:
        member = _load(session, member_id)
        member.name, member.title, member.email = name, title, email
        session.add(member)
        audit.record(session, "edit", "team_member", member_id)
        return _info(member)


def remove_member(workbook: Workbook, member_id: int) -> Snapshot:
    """Remove a team member no role, interview, scorecard or signature refers to.

    Returns what went, for ``services.undo.restore_deleted``.
    """
    require(workbook, Permission.TEAM)
    with workbook.transaction() as session:
        member = _load(session, member_id)
        uses = _uses(session, member_id)
        if uses:
            raise InUseError(
                f"{member.name} cannot be removed: they are {', '.join(uses)}. "
                "Assign those to someone else first."
            )
        snapshot = snapshots.take(session, "team_member", member_id)
        session.delete(member)
        audit.record(session, "remove", "team_member", member_id)
        return snapshot


def _uses(session: Session, member_id: int) -> list[str]:
    def count(statement: object) -> int:
        return int(session.exec(statement).one())  # type: ignore[call-overload]

    uses = []
    roles = count(
        select(func.count()).select_from(Role).where(col(Role.hiring_manager_id) == member_id)
    )
    if roles:
        uses.append(f"hiring manager of {roles} role{'s' if roles > 1 else ''}")
    interviews = count(
        select(func.count())
        .select_from(InterviewInterviewer)
        .where(col(InterviewInterviewer.member_id) == member_id)
    )
    if interviews:
        uses.append(f"interviewer in {interviews} interview{'s' if interviews > 1 else ''}")
    cards = count(
        select(func.count())
        .select_from(Scorecard)
        .where(col(Scorecard.interviewer_id) == member_id)
    )
    if cards:
        uses.append(f"author of {cards} scorecard{'s' if cards > 1 else ''}")
    signs = count(
        select(func.count())
        .select_from(CompanyProfile)
        .where(col(CompanyProfile.signatory_id) == member_id)
    )
    if signs:
        uses.append("the company's signatory")
    return uses


def _load(session: Session, member_id: int) -> TeamMember:
    member = session.get(TeamMember, member_id)
    if member is None:
        raise NotFoundError(f"Team member {member_id} does not exist.")
    return member
