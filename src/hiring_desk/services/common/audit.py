"""Recording who changed what, inside the caller's transaction; reading the log back.

Who acted: on a team workbook, the person signed in: their member is set from
their login when it is opened, and the server writes the login itself into every
event (``audit_event.login``, revision 0011), whatever the app sends. In a
workbook file the window lets the person at the keyboard choose which team member
they are. That choice lives on the open ``Workbook`` handle
(``workbook.acting_member_id``, set through ``set_acting_member``), and every
session ``workbook.transaction()`` opens carries it in
``session.info[ACTING_MEMBER]``. ``record`` reads it from there, so services keep
calling ``record(session, action, entity, id)`` and never pass the member along.
The choice belongs to one handle, not to the process: two workbooks open in one
process (tests, the CLI) never see each other's member. Commands run without a
window record no member.

What is recorded: an action, the kind of thing changed and its id, and a small
``detail`` of ids, counts and codes. Never personal data: no names, emails or
text a candidate or user wrote (tests scan the log of the demo workbook for them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.store import Workbook
from hiring_desk.store.models import AuditEvent, TeamMember
from hiring_desk.store.workbook import ACTING_MEMBER

__all__ = ["AuditEntry", "acting_member_id", "list_events", "record", "set_acting_member"]


@dataclass(frozen=True)
class AuditEntry:
    """One line of the activity log: when, who, what was done to which thing."""

    id: int
    at: datetime
    who: str
    action: str
    entity: str
    entity_id: int | None
    #: The login that made the change on a team workbook ("" in a workbook file).
    login: str = ""


def _who(name: str | None, login: str, actor: str) -> str:
    """ "Name (login)" on a team workbook, the name in a file; else the login or actor."""
    if name and login:
        return f"{name} ({login})"
    return name or login or actor


def record(
    session: Session,
    action: str,
    entity: str,
    entity_id: int | None,
    detail: dict[str, Any] | None = None,
    actor: str = "",
) -> None:
    """Add an audit event by the session's acting member. Never put personal data in ``detail``.

    ``actor`` names a non-person author (the demo builder); people are recorded
    by their team-member id only.
    """
    session.add(
        AuditEvent(
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=json.dumps(detail or {}, ensure_ascii=False, default=str),
            actor=actor,
            member_id=acting_member_id(session),
        )
    )


def acting_member_id(session: Session) -> int | None:
    """The acting member of this session, or None if nobody is chosen or they are gone.

    A member removed since they were chosen (even earlier in this transaction)
    is not recorded: the event would otherwise break its foreign key.
    """
    member_id = session.info.get(ACTING_MEMBER)
    if member_id is None:
        return None
    # No autoflush: half-built rows the caller has not finished must not be flushed here.
    with session.no_autoflush:
        member = session.get(TeamMember, member_id)
    if member is None or member in session.deleted:
        return None
    return int(member_id)


def set_acting_member(workbook: Workbook, member_id: int | None) -> None:
    """Record later changes made through ``workbook`` as done by this member (None: nobody)."""
    if member_id is not None:
        with workbook.transaction() as session:
            if session.get(TeamMember, member_id) is None:
                raise NotFoundError(f"Team member {member_id} does not exist.")
    workbook.acting_member_id = member_id


def list_events(workbook: Workbook, limit: int | None = None) -> list[AuditEntry]:
    """The newest events first: when, who (member name and login, or the login alone for
    a team workbook's owner, or the named non-person actor)."""
    statement = (
        select(AuditEvent, col(TeamMember.name))
        .outerjoin(TeamMember, col(TeamMember.id) == col(AuditEvent.member_id))
        .order_by(col(AuditEvent.at).desc(), col(AuditEvent.id).desc())
    )
    if limit is not None:
        statement = statement.limit(limit)
    with workbook.transaction() as session:
        return [
            AuditEntry(
                id=event.id or 0,
                at=event.at,
                who=_who(name, event.login, event.actor),
                action=event.action,
                entity=event.entity,
                entity_id=event.entity_id,
                login=event.login,
            )
            for event, name in session.exec(statement)
        ]
