"""Interviews. This version lists them; scheduling arrives with the Interviews area."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlmodel import col

from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Candidate, Interview, Role


@dataclass(frozen=True)
class InterviewSummary:
    id: int
    candidate_id: int
    candidate_name: str
    role_id: int
    role_title: str
    round_name: str
    starts_at: datetime
    timezone: str
    duration_minutes: int
    status: str


def list_interviews(workbook: Workbook) -> list[InterviewSummary]:
    statement = (
        select(Interview, col(Candidate.id), col(Candidate.name), col(Role.id), col(Role.title))
        .join(Application, col(Application.id) == Interview.application_id)
        .join(Candidate, col(Candidate.id) == Application.candidate_id)
        .join(Role, col(Role.id) == Application.role_id)
        .order_by(col(Interview.starts_at), col(Interview.id))
    )
    with workbook.transaction() as session:
        return [
            InterviewSummary(
                id=iv.id or 0,
                candidate_id=cid or 0,
                candidate_name=cname,
                role_id=rid or 0,
                role_title=rtitle,
                round_name=iv.round_name,
                starts_at=iv.starts_at,
                timezone=iv.timezone,
                duration_minutes=iv.duration_minutes,
                status=iv.status,
            )
            for iv, cid, cname, rid, rtitle in session.execute(statement)
        ]
