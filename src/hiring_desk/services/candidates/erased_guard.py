"""Refusing changes to a candidate whose personal data was erased.

An erased candidate's row stays, anonymous, so counts per stage, source and role
still add up; it must not be filled in again, moved or given new files. The
services that change a candidate call ``refuse_if_erased`` inside their
transaction.
"""

from __future__ import annotations

from sqlmodel import Session

from hiring_desk.services.common.errors import ServiceError
from hiring_desk.store.models import Candidate


class ErasedCandidateError(ServiceError):
    """The candidate's personal data was erased; their record can no longer change."""


def erased_message(candidate_id: int) -> str:
    return (
        f"Candidate {candidate_id}'s personal data was erased; "
        "their record can no longer be changed."
    )


def refuse_if_erased(session: Session, candidate_id: int) -> None:
    """Raise ErasedCandidateError if the candidate was erased (nothing if they do not exist)."""
    candidate = session.get(Candidate, candidate_id)
    if candidate is not None and candidate.erased_at is not None:
        raise ErasedCandidateError(erased_message(candidate_id))
