"""The editable list of reasons for closing an application as Rejected."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import col, select

from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.common.validation import clean
from hiring_desk.store import Workbook, snapshots
from hiring_desk.store.models import RejectionReason
from hiring_desk.store.snapshots import Snapshot

REASON_LIMIT = 200


def list_reasons(workbook: Workbook) -> list[tuple[int, str]]:
    """(id, text) in the order they are offered."""
    with workbook.transaction() as session:
        rows = session.exec(
            select(RejectionReason).order_by(col(RejectionReason.position), col(RejectionReason.id))
        ).all()
        return [(r.id or 0, r.text) for r in rows]


def add_reason(workbook: Workbook, text: str) -> int:
    require(workbook, Permission.TEMPLATES)
    text = _checked(workbook, text, None)
    with workbook.transaction() as session:
        last = session.exec(select(func.max(RejectionReason.position))).one()
        row = RejectionReason(text=text, position=int(last or 0) + 1)
        session.add(row)
        session.flush()
        audit.record(session, "add", "rejection_reason", row.id)
        return row.id or 0


def rename_reason(workbook: Workbook, reason_id: int, text: str) -> None:
    require(workbook, Permission.TEMPLATES)
    text = _checked(workbook, text, reason_id)
    with workbook.transaction() as session:
        row = session.get(RejectionReason, reason_id)
        if row is None:
            raise NotFoundError("That reason no longer exists.")
        row.text = text
        session.add(row)
        audit.record(session, "edit", "rejection_reason", reason_id)


def remove_reason(workbook: Workbook, reason_id: int) -> Snapshot | None:
    """Remove a reason from the list; applications already closed keep their wording.

    Returns what went (None if it was gone already), for ``services.undo.restore_deleted``.
    """
    require(workbook, Permission.TEMPLATES)
    with workbook.transaction() as session:
        row = session.get(RejectionReason, reason_id)
        if row is None:
            return None
        snapshot = snapshots.take(session, "rejection_reason", reason_id)
        session.delete(row)
        audit.record(session, "remove", "rejection_reason", reason_id)
        return snapshot


def _checked(workbook: Workbook, text: str, reason_id: int | None) -> str:
    text = clean(text)
    if not text:
        raise ValidationError({"reason": "is empty"})
    if len(text) > REASON_LIMIT:
        raise ValidationError({"reason": f"must be at most {REASON_LIMIT} characters"})
    for other_id, other in list_reasons(workbook):
        if other.casefold() == text.casefold() and other_id != reason_id:
            raise ValidationError({"reason": f"'{other}' is already in the list"})
    return text
