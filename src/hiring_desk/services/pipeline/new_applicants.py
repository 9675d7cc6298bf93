"""A new candidate who applies to a role as they are added: both saved, or neither."""

from __future__ import annotations

from hiring_desk.domain.vocab import RoleStatus
from hiring_desk.services.candidates.candidate_records import (
    CandidateDetail,
    add_candidate,
    detail_of,
)
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.pipeline.stage_moves import apply_in_session
from hiring_desk.store import Workbook
from hiring_desk.store.models import Role


def add_candidate_applying(
    workbook: Workbook,
    data: CandidateInput,
    role_id: int | None,
    *,
    by_member_id: int | None = None,
) -> CandidateDetail:
    """Add a candidate and, with a ``role_id``, their application to that open role (at
    Applied), in one transaction: a refused application leaves no candidate behind."""
    require(workbook, Permission.CANDIDATES)
    with workbook.transaction() as session:
        if role_id is not None:
            role = session.get(Role, role_id)
            if role is None or role.status != RoleStatus.OPEN.value:
                raise ValidationError({"role": "choose one of the open roles"})
        candidate = add_candidate(session, data)
        assert candidate.id is not None
        if role_id is not None:
            apply_in_session(session, candidate.id, role_id, by_member_id=by_member_id)
        return detail_of(session, candidate)
