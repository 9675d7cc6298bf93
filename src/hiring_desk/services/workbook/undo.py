"""Putting deleted records back, for the window's Edit ▸ Undo.

The deleting services (``candidates.delete_candidate``, ``roles.delete_role``,
``team.remove_member``, ``attachments.remove_attachment``,
``rejection_reasons.remove_reason``) return a ``store.snapshots.Snapshot`` of
what went. ``restore_deleted`` puts it back in one transaction and brings the
derived data up to date: the search index and sort keys of every candidate the
rows belong to, and their applications' match scores.

Erasure is not undoable, by design: nothing is restored into a candidate whose
personal data was erased since the delete.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from hiring_desk.services.candidates.erased_guard import refuse_if_erased
from hiring_desk.services.common import audit, match_scores
from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.store import Workbook, search, snapshots
from hiring_desk.store.models import RejectionReason
from hiring_desk.store.snapshots import RestoreConflictError, Snapshot

__all__ = ["RestoreError", "Restored", "Snapshot", "restore_deleted", "thing_deleted"]

#: What each kind of deleted row is called in "Undo Delete …" and in messages.
_THINGS = {
    "candidate": "Candidate",
    "role": "Role",
    "team_member": "Team Member",
    "attachment": "File",
    "rejection_reason": "Rejection Reason",
}


class RestoreError(ServiceError):
    """The deleted record cannot be put back (what it belonged to has changed since)."""


@dataclass(frozen=True)
class Restored:
    """The record put back: its table and id (a new id if its old one was taken meanwhile),
    and the candidate it belongs to, if any."""

    table: str
    row_id: int
    candidate_id: int | None


#: Who may put back each kind of record (whoever may remove it).
_RESTORING = {
    "candidate": Permission.CANDIDATES,
    "attachment": Permission.CANDIDATES,
    "role": Permission.ROLES,
    "team_member": Permission.TEAM,
    "rejection_reason": Permission.TEMPLATES,
}


def thing_deleted(snapshot: Snapshot) -> str:
    """What the snapshot's record is, for people: "Candidate", "Role", "File"..."""
    return _THINGS.get(snapshot.table, snapshot.table.replace("_", " ").title())


def restore_deleted(workbook: Workbook, snapshot: Snapshot) -> Restored:
    """Put a deleted record back with everything its deletion took.

    Raises ``RestoreError`` when that is no longer possible (the candidate a file
    belonged to is gone or erased, or a reason with the same text was added).
    On a team workbook only someone who may delete such a record may put it back.
    """
    require(workbook, _RESTORING.get(snapshot.table, Permission.WORKBOOK))
    with workbook.transaction() as session:
        for candidate_id in _outside_candidates(snapshot):
            refuse_if_erased(session, candidate_id)
        _refuse_reason_twice(session, snapshot)
        try:
            moved = snapshots.restore(session, snapshot)
        except RestoreConflictError:
            raise RestoreError(
                f"The deleted {thing_deleted(snapshot).lower()} cannot be put back: "
                "what it belonged to was changed or removed since."
            ) from None
        row_id = moved.get((snapshot.table, snapshot.row_id), snapshot.row_id)
        candidate_ids = _candidates_of(snapshot, moved)
        if candidate_ids:
            search.index_candidates(session, candidate_ids)
            match_scores.refresh_for_candidates(session, candidate_ids)
        for role_id in _new_ids(snapshot, moved, "role"):
            match_scores.refresh_for_role(session, role_id)
        audit.record(session, "restore", snapshot.table, row_id, {"rows": len(snapshot.rows)})
        owner = row_id if snapshot.table == "candidate" else _moved_id(_root(snapshot), moved)
        return Restored(snapshot.table, row_id, owner)


def _refuse_reason_twice(session: Session, snapshot: Snapshot) -> None:
    """The reasons list holds no two entries that differ only in case (as when adding one)."""
    texts = {str(v["text"]).casefold() for v in snapshot.values_of("rejection_reason")}
    if not texts:
        return
    for text in session.exec(select(RejectionReason.text)):
        if text.casefold() in texts:
            raise RestoreError(f"The reason cannot be put back: '{text}' is in the list again.")


def _root(snapshot: Snapshot) -> Mapping[str, Any]:
    """The deleted row itself."""
    for values in snapshot.values_of(snapshot.table):
        if values.get("id") == snapshot.row_id:
            return values
    return {}


def _moved_id(values: Mapping[str, Any], moved: Mapping[tuple[str, int], int]) -> int | None:
    candidate_id = values.get("candidate_id")
    if candidate_id is None:
        return None
    return moved.get(("candidate", int(candidate_id)), int(candidate_id))


def _outside_candidates(snapshot: Snapshot) -> set[int]:
    """Candidates the rows belong to that are not themselves in the snapshot."""
    inside = {int(v["id"]) for v in snapshot.values_of("candidate")}
    referred = {
        int(row.values["candidate_id"])
        for row in snapshot.rows
        if row.table != "candidate" and row.values.get("candidate_id") is not None
    }
    return referred - inside


def _candidates_of(snapshot: Snapshot, moved: Mapping[tuple[str, int], int]) -> set[int]:
    """Every candidate a restored row is, or belongs to, by their ids after the restore."""
    ids = set(_new_ids(snapshot, moved, "candidate"))
    for row in snapshot.rows:
        candidate_id = row.values.get("candidate_id")
        if candidate_id is not None:
            ids.add(moved.get(("candidate", int(candidate_id)), int(candidate_id)))
    return ids


def _new_ids(snapshot: Snapshot, moved: Mapping[tuple[str, int], int], table: str) -> list[int]:
    return [
        moved.get((table, int(values["id"])), int(values["id"]))
        for values in snapshot.values_of(table)
    ]
