"""Keeping each application's stored match score up to date.

The candidate table sorts and filters by match in SQL, so the score
(:func:`hiring_desk.domain.match.match`) is stored on the application. Whatever
changes a candidate's skills, a role's skills, or creates an application calls
one of these in the same transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Table, bindparam, update
from sqlmodel import Session, col, select

from hiring_desk.domain.match import match
from hiring_desk.store.models import Application, CandidateSkill, RoleSkill

_CHUNK = 500


def refresh_for_candidates(session: Session, candidate_ids: Iterable[int]) -> None:
    """Rescore every application of these candidates."""
    ids = sorted(set(candidate_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        _refresh(session, col(Application.candidate_id).in_(chunk))


def refresh_for_role(session: Session, role_id: int) -> None:
    """Rescore every application to this role (after its skills changed)."""
    _refresh(session, col(Application.role_id) == role_id)


def refresh_application(session: Session, application_id: int) -> None:
    _refresh(session, col(Application.id) == application_id)


def refresh_all(session: Session) -> None:
    _refresh(session, None)


def _refresh(session: Session, condition: object) -> None:
    session.flush()
    statement = select(Application.id, Application.candidate_id, Application.role_id)
    if condition is not None:
        statement = statement.where(condition)  # type: ignore[arg-type]
    applications = session.exec(statement).all()
    if not applications:
        return
    candidate_ids = {cid for _, cid, _ in applications}
    role_ids = {rid for _, _, rid in applications}

    have: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(candidate_ids), _CHUNK):
        chunk = sorted(candidate_ids)[start : start + _CHUNK]
        for cid, skill in session.exec(
            select(CandidateSkill.candidate_id, CandidateSkill.skill).where(
                col(CandidateSkill.candidate_id).in_(chunk)
            )
        ):
            have[cid].append(skill)
    must: dict[int, list[str]] = defaultdict(list)
    nice: dict[int, list[str]] = defaultdict(list)
    for rid, skill, importance in session.exec(
        select(RoleSkill.role_id, RoleSkill.skill, RoleSkill.importance)
        .where(col(RoleSkill.role_id).in_(role_ids))
        .order_by(col(RoleSkill.position))
    ):
        (must if importance == "must" else nice)[rid].append(skill)

    rows = [
        {"row_id": aid, "score": match(have[cid], must[rid], nice[rid]).score}
        for aid, cid, rid in applications
    ]
    table: Table = Application.__table__  # type: ignore[attr-defined]  # Core: one executemany
    session.connection().execute(
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values(match_score=bindparam("score")),
        rows,
    )
    for loaded in list(session.identity_map.values()):
        if isinstance(loaded, Application):
            session.expire(loaded, ["match_score"])
