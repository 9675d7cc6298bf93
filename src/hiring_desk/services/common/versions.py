"""Conditional updates: a change is made to the record as it was shown, or not at all.

A stage move, an offer status change and a scorecard save bump the record's
``version`` (revision 0010) with ``UPDATE ... SET version = version + 1 WHERE
id = :id AND version = :shown``. A window passes the version it showed
(``expected``); when the record has moved on since, or another transaction
changes it between the read and the write (two people on a server workbook),
nothing is updated and the service raises ``ChangedMeanwhileError`` with a
sentence saying who changed it, to what, and when. Callers that showed nothing
(the command line, bulk moves) pass None: their change goes on top of whatever
is there, still guarded against a change made between their own read and write.

Who changed it comes from the audit log (the acting member of the transaction
that made the change, ``audit.record``), so no column of its own is needed.
The sentence names the candidate: it is shown to the person at the window and
never logged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col, select

from hiring_desk.domain.formatting import format_clock, format_day
from hiring_desk.services.common.errors import ChangedMeanwhileError
from hiring_desk.services.common.time_zones import as_utc, system_timezone, zone_or_utc
from hiring_desk.store.models import Application, AuditEvent, Offer, Scorecard, TeamMember
from hiring_desk.store.models._base import utcnow

__all__ = ["AFTERWORD", "Versioned", "bump", "check", "last_change", "meanwhile"]

#: Every versioned table's model.
Versioned = Application | Offer | Scorecard

#: How every "changed meanwhile" sentence ends.
AFTERWORD = "Nothing was changed; the page now shows the current state."

#: Says what the record is now, in words, from the session's current state.
Describe = Callable[[], str]


def check(row: Versioned, expected: int | None, describe: Describe) -> None:
    """Refuse at once when the record read is no longer at the version shown."""
    if expected is not None and row.version != expected:
        raise ChangedMeanwhileError(describe())


def bump(session: Session, row: Versioned, expected: int | None, describe: Describe) -> None:
    """Take the record from the version shown (else the one read) to the next, or refuse.

    One conditional UPDATE: if another transaction changed the row since it was
    read, no row matches, and the row is read again to say what it is now.
    """
    check(row, expected, describe)
    model = type(row)
    shown = row.version
    with session.no_autoflush:
        result = session.execute(
            update(model)
            .where(col(model.id) == row.id, col(model.version) == shown)
            .values(version=col(model.version) + 1)
            .execution_options(synchronize_session=False)
        )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        session.refresh(row)
        raise ChangedMeanwhileError(describe())
    set_committed_value(row, "version", shown + 1)


def last_change(
    session: Session, entity: str, entity_id: int, actions: Sequence[str]
) -> tuple[str, datetime | None]:
    """Who made the newest of ``actions`` to the record, and when: their name, else the
    login that made it (a team workbook's owner), else "Someone"."""
    found = session.exec(
        select(AuditEvent.at, TeamMember.name, AuditEvent.login)
        .outerjoin(TeamMember, col(TeamMember.id) == col(AuditEvent.member_id))
        .where(
            AuditEvent.entity == entity,
            AuditEvent.entity_id == entity_id,
            col(AuditEvent.action).in_(actions),
        )
        .order_by(col(AuditEvent.at).desc(), col(AuditEvent.id).desc())
        .limit(1)
    ).first()
    if found is None:
        return "Someone", None
    at, name, login = found
    return name or login or "Someone", at


def meanwhile(who: str, did: str, at: datetime | None) -> str:
    """``"Niamh Gallagher moved Ana to Interview meanwhile (10:02). Nothing was changed; ..."``.

    The time is this computer's clock; a change made on another day gives its date too.
    """
    when = ""
    if at is not None:
        zone = zone_or_utc(system_timezone())
        local = as_utc(at).astimezone(zone)
        clock = format_clock(local, tz=zone)
        today = as_utc(utcnow()).astimezone(zone).date()
        when = f" ({clock})" if local.date() == today else f" ({format_day(local.date())}, {clock})"
    return f"{who} {did} meanwhile{when}. {AFTERWORD}"
