"""The board of one role: its applications grouped by stage, as cards.

One column per shown stage of the role (``role_stages``): its own stages inside
their phases, then Hired, Rejected and Withdrawn. A hidden stage still gets a
column while applications are at it, so no card is ever out of sight.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, func, select

from hiring_desk import clock
from hiring_desk.domain.match import match
from hiring_desk.domain.vocab import Stage
from hiring_desk.services.common.time_zones import as_utc
from hiring_desk.services.pipeline.role_stages import (
    resolved_id,
    rows_of,
    stages_in_session,
    step_key,
)
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Candidate,
    CandidateSkill,
    RoleSkill,
    StageEvent,
)


@dataclass(frozen=True)
class Card:
    application_id: int
    candidate_id: int
    name: str
    match_score: int | None
    #: The candidate's current job title ("" when not known).
    current_title: str = ""
    #: Whole days since the application reached its stage (0: today).
    days_in_stage: int = 0


@dataclass(frozen=True)
class Column:
    """One stage's column: its key (a phase value, or "interview#12"), phase and name."""

    key: str
    phase: Stage
    name: str
    cards: list[Card]


def board(workbook: Workbook, role_id: int) -> list[Column]:
    """Every shown stage of the role in pipeline order, with its cards by name."""
    with workbook.transaction() as session:
        stages = stages_in_session(session, role_id)
        rows = rows_of(session, role_id)
        applications = session.exec(
            select(Application, Candidate)
            .join(Candidate, col(Candidate.id) == Application.candidate_id)
            .where(Application.role_id == role_id)
        ).all()
        role_skills = session.exec(select(RoleSkill).where(RoleSkill.role_id == role_id)).all()
        ids = [c.id for _a, c in applications]
        skills: dict[int, list[str]] = {}
        for candidate_id, skill in session.exec(
            select(CandidateSkill.candidate_id, CandidateSkill.skill).where(
                col(CandidateSkill.candidate_id).in_(ids)
            )
        ):
            skills.setdefault(candidate_id, []).append(skill)
        # Every move is a stage event, so the newest one is the move into the current stage.
        entered: dict[int, datetime] = dict(
            session.exec(
                select(StageEvent.application_id, func.max(StageEvent.at))
                .where(col(StageEvent.application_id).in_([a.id for a, _c in applications]))
                .group_by(col(StageEvent.application_id))
            ).all()
        )
    must = [s.skill for s in role_skills if s.importance == "must"]
    nice = [s.skill for s in role_skills if s.importance == "nice"]
    columns: dict[str, list[Card]] = {stage.key: [] for stage in stages}
    for application, candidate in applications:
        assert application.id is not None and candidate.id is not None
        score = match(skills.get(candidate.id, []), must, nice).score
        since = entered.get(application.id) or application.applied_at
        key = step_key(Stage(application.stage), resolved_id(rows, application))
        columns[key].append(
            Card(
                application.id,
                candidate.id,
                candidate.name,
                score,
                candidate.current_title,
                days_since(since),
            )
        )
    for cards in columns.values():
        cards.sort(key=lambda c: (c.name.casefold(), c.application_id))
    return [
        Column(stage.key, stage.phase, stage.name, columns[stage.key])
        for stage in stages
        if not stage.hidden or columns[stage.key]
    ]


def days_since(moment: datetime) -> int:
    """Whole calendar days from ``moment`` (stored in UTC) to today, on this computer's clock."""
    day = as_utc(moment).astimezone().date()
    return max(0, (clock.today() - day).days)
