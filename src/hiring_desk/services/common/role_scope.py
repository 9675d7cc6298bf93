"""Asking ``permissions`` about the role a record belongs to.

A hiring manager may change the pipeline, interviews, offers and brief of the
roles they manage only. Row-level security hides the other roles' rows from
their changes without an error (an UPDATE then changes nothing), so a service
asks first, naming the role of the application, interview, offer, plan round,
question or job description it is about to change. On a workbook file
(no sign-in) nothing is looked up: everything is allowed there.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.services.common.permissions import Permission, TeamRole, may, require, role_of
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Interview,
    InterviewPlan,
    InterviewRound,
    JobDescription,
    Offer,
    RoundQuestion,
)

__all__ = ["require_on"]


def _statement(kind: str, entity_id: int) -> Any:
    role = col(Application.role_id)
    if kind == "application":
        return select(role).where(Application.id == entity_id)
    if kind == "interview":
        return (
            select(role)
            .join(Interview, col(Interview.application_id) == col(Application.id))
            .where(Interview.id == entity_id)
        )
    if kind == "offer":
        return (
            select(role)
            .join(Offer, col(Offer.application_id) == col(Application.id))
            .where(Offer.id == entity_id)
        )
    if kind == "round":
        return (
            select(col(InterviewPlan.role_id))
            .join(InterviewRound, col(InterviewRound.plan_id) == col(InterviewPlan.id))
            .where(InterviewRound.id == entity_id)
        )
    if kind == "question":
        return (
            select(col(InterviewPlan.role_id))
            .join(InterviewRound, col(InterviewRound.plan_id) == col(InterviewPlan.id))
            .join(RoundQuestion, col(RoundQuestion.round_id) == col(InterviewRound.id))
            .where(RoundQuestion.id == entity_id)
        )
    if kind == "job_description":
        return select(col(JobDescription.role_id)).where(JobDescription.id == entity_id)
    raise ValueError(kind)


def role_id_of(workbook: Workbook, kind: str, entity_id: int) -> int:
    """The role the ``kind`` record ``entity_id`` belongs to (NotFoundError if none)."""
    with workbook.transaction() as session:
        found = session.exec(_statement(kind, entity_id)).first()
    if found is None:
        raise NotFoundError(f"The {kind.replace('_', ' ')} {entity_id} does not exist.")
    return int(found)


def require_on(workbook: Workbook, permission: Permission, kind: str, entity_id: int) -> None:
    """``require`` ``permission`` on the role of the ``kind`` record ``entity_id``.

    ``kind``: "application", "interview", "offer", "round", "question" or
    "job_description". Nothing is asked of the database on a workbook file.
    """
    if workbook.access is None or may(workbook, permission):
        return
    if role_of(workbook) is not TeamRole.HIRING_MANAGER:
        require(workbook, permission)  # refused whatever the role: no need to look it up
    require(workbook, permission, role_id=role_id_of(workbook, kind, entity_id))
