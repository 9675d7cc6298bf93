"""A candidate's timeline: every stage move of every application, newest first.

Each move is described with the step names kept on it (``domain.pipeline.describe_move``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from hiring_desk.domain.pipeline import describe_move
from hiring_desk.domain.vocab import Stage
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Role, StageEvent, TeamMember


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    application_id: int
    role_title: str
    from_stage: str | None
    to_stage: str
    by: str
    note: str
    from_step: str | None = None
    to_step: str | None = None

    @property
    def description(self) -> str:
        return describe_move(
            Stage(self.from_stage) if self.from_stage else None,
            Stage(self.to_stage),
            self.from_step,
            self.to_step,
        )


def timeline(workbook: Workbook, candidate_id: int) -> list[TimelineEntry]:
    """Every stage move of every application of a candidate, newest first."""
    statement = (
        select(StageEvent, col(Role.title), col(TeamMember.name))
        .join(Application, col(Application.id) == StageEvent.application_id)
        .join(Role, col(Role.id) == Application.role_id)
        .outerjoin(TeamMember, col(TeamMember.id) == StageEvent.by_member_id)
        .where(Application.candidate_id == candidate_id)
        .order_by(col(StageEvent.at).desc(), col(StageEvent.id).desc())
    )
    with workbook.transaction() as session:
        return [
            TimelineEntry(
                at=event.at,
                application_id=event.application_id,
                role_title=title,
                from_stage=event.from_stage,
                to_stage=event.to_stage,
                by=by or "",
                note=event.note,
                from_step=event.from_step,
                to_step=event.to_step,
            )
            for event, title, by in session.exec(statement)
        ]
