"""Who may sign in to a team workbook, and as what: adding, re-roling and removing people.

Each person signs in as their own PostgreSQL login; an admin adds them here
(creating the login with a one-time password, or mapping a login the server
already has), sets their role, and removes them (their login disabled, their
team-member record and everything attributed to it kept). The server holds the
rules (``store.access``); a workbook file has no sign-in at all.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, select

from hiring_desk import clock
from hiring_desk.domain.team_roles import Permission, TeamRole
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import (
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
    ValidationError,
)
from hiring_desk.services.common.permissions import require
from hiring_desk.services.common.validation import clean, length_problem
from hiring_desk.services.team.team_members import NAME_LIMIT
from hiring_desk.store import Workbook
from hiring_desk.store.models import TeamMember

NO_SIGN_IN = (
    "A workbook file has no sign-in: its one user may do everything. People and roles "
    "are for a team workbook on a PostgreSQL server."
)


@dataclass(frozen=True)
class Person:
    """Someone who signs in (or signed in) to the team workbook."""

    member_id: int
    name: str
    login: str
    role: TeamRole
    removed_at: datetime | None

    @property
    def removed(self) -> bool:
        return self.removed_at is not None


@dataclass(frozen=True)
class Added:
    person: Person
    #: The one-time password of a login made for them (None: their login existed).
    password: str | None


def parse_role(text: str) -> TeamRole:
    """A role from how people write it ("Hiring manager", "hiring-manager", "admin")."""
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return TeamRole(key)
    except ValueError:
        names = ", ".join(role.value for role in TeamRole)
        raise ValidationError({"role": f"must be one of {names}"}) from None


def _person(member: TeamMember) -> Person:
    assert member.id is not None and member.login is not None
    return Person(
        member.id, member.name, member.login, TeamRole(member.access_role), member.removed_at
    )


def _team_workbook(workbook: Workbook) -> None:
    if workbook.access is None:
        raise ServiceError(NO_SIGN_IN)
    require(workbook, Permission.TEAM)


def people(workbook: Workbook) -> list[Person]:
    """Everyone with a login, the removed ones too (last), by name."""
    if workbook.access is None:
        raise ServiceError(NO_SIGN_IN)
    with workbook.transaction() as session:
        members = session.exec(select(TeamMember).where(col(TeamMember.login).is_not(None)))
        found = [_person(m) for m in members]
    return sorted(found, key=lambda p: (p.removed, p.name.casefold(), p.login))


def add_person(workbook: Workbook, name: str, login: str, role: str) -> Added:
    """Let ``name`` sign in as ``login`` with ``role``.

    A login the server does not have yet is created with a one-time password
    (returned, to hand over once); an existing one is mapped. The workbook's owner
    may be added as an admin only (to put their name on what they do). A team member of the
    same name without a login becomes that person (keeping their interviews); a
    removed person's login is taken back.
    """
    from hiring_desk.store import access

    _team_workbook(workbook)
    name, login, chosen = clean(name), login.strip(), parse_role(role)
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "is required"
    elif problem := length_problem(name, NAME_LIMIT):
        errors["name"] = problem
    if problem := access.login_problem(login):
        errors["login"] = problem
    if errors:
        raise ValidationError(errors)
    with workbook.transaction() as session, _server_refusals(login):
        connection = session.connection()
        owner = access.owns_workbook(connection, login)
        if owner and chosen is not TeamRole.ADMIN:
            raise _owner_refusal(login, "added with another role")
        access.set_up_groups(connection)
        member = session.exec(select(TeamMember).where(TeamMember.login == login)).first()
        if member is not None and member.removed_at is None:
            raise ValidationError({"login": f"is already on the team, as {member.name}"})
        if member is None:
            member = _unsigned_member(session, name) or TeamMember(name=name)
        password = None
        if not access.login_exists(connection, login):
            password = access.one_time_password()
            access.create_login(connection, login, password)
        member.name, member.login, member.access_role = name, login, chosen.value
        member.removed_at = None
        session.add(member)
        if not owner:  # the owner is an admin by owning the workbook: just named here
            access.give_role(connection, login, chosen.value)
        session.flush()
        audit.record(session, "add", "team_access", member.id, {"role": chosen.value})
        return Added(_person(member), password)


def set_role(workbook: Workbook, login: str, role: str) -> Person:
    """Give the person signing in as ``login`` another role (not the workbook's owner)."""
    from hiring_desk.store import access

    _team_workbook(workbook)
    chosen = parse_role(role)
    with workbook.transaction() as session, _server_refusals(login):
        member = _signed_in_member(session, login)
        _not_the_owner(session, login, "given another role")
        member.access_role = chosen.value
        session.add(member)
        access.give_role(session.connection(), login, chosen.value)
        audit.record(session, "set_role", "team_access", member.id, {"role": chosen.value})
        return _person(member)


def remove_person(workbook: Workbook, login: str) -> Person:
    """Stop ``login`` signing in (the login is disabled); their history stays theirs."""
    from hiring_desk.store import access

    _team_workbook(workbook)
    assert workbook.access is not None
    if login == workbook.access.login:
        raise ServiceError("You cannot remove yourself; ask another admin to.")
    with workbook.transaction() as session, _server_refusals(login):
        member = _signed_in_member(session, login)
        _not_the_owner(session, login, "removed")
        access.take_away(session.connection(), login)
        member.removed_at = clock.now()
        session.add(member)
        audit.record(session, "remove", "team_access", member.id)
        return _person(member)


def change_password(workbook: Workbook, password: str) -> None:
    """The signed-in person's new password (to replace a one-time one)."""
    from hiring_desk.store import access

    if workbook.access is None:
        raise ServiceError(NO_SIGN_IN)
    if len(password) < 8:
        raise ValidationError({"password": "needs at least 8 characters"})
    with workbook.transaction() as session:
        access.change_own_password(session.connection(), password)


def _unsigned_member(session: Session, name: str) -> TeamMember | None:
    for member in session.exec(select(TeamMember).where(col(TeamMember.login).is_(None))):
        if member.name.casefold() == name.casefold():
            return member
    return None


def _signed_in_member(session: Session, login: str) -> TeamMember:
    member = session.exec(select(TeamMember).where(TeamMember.login == login)).first()
    if member is None or member.removed_at is not None:
        raise NotFoundError(f"Nobody on the team signs in as {login}.")
    return member


def _not_the_owner(session: Session, login: str, what: str) -> None:
    from hiring_desk.store import access

    if access.owns_workbook(session.connection(), login):
        raise _owner_refusal(login, what)


def _owner_refusal(login: str, what: str) -> ServiceError:
    return ServiceError(
        f"{login} made this workbook and is always one of its admins; it cannot be {what}."
    )


@contextlib.contextmanager
def _server_refusals(login: str) -> Iterator[None]:
    """The server refusing to make or change a login, in words."""
    try:
        yield
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", "") != "42501":
            raise
        raise PermissionDeniedError(
            f"You don't have permission to create or change the login {login} on this "
            "server. Ask the server's administrator to create it (or to give you the right "
            "to create logins), then add it again."
        ) from None
