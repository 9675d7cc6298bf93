"""An application as the window shows it, and what to say when it moved meanwhile.

``ApplicationInfo`` carries the ``version`` it was read at: a move made from
it passes that version (``stage_moves.move(..., expected_version=...)``), and
when someone moved the application since, ``moved_meanwhile`` words who moved
it where (``services.common.versions``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from hiring_desk.domain.match import MatchResult, match
from hiring_desk.domain.vocab import Stage
from hiring_desk.services.common import versions
from hiring_desk.services.pipeline import role_stages
from hiring_desk.store.models import Application, Candidate, CandidateSkill, Role, RoleSkill

__all__ = ["ApplicationInfo", "info_of", "moved_meanwhile"]


@dataclass(frozen=True)
class ApplicationInfo:
    id: int
    candidate_id: int
    role_id: int
    role_title: str
    stage: str
    closed_reason: str
    applied_at: datetime
    updated_at: datetime
    match: MatchResult
    #: The role's own stage the application is at (None: the phase itself), and
    #: its place in the phase (targets after it are forward moves).
    step: str | None = None
    step_position: int = 0
    #: The version read (a move from what was shown passes it as ``expected_version``).
    version: int = 1

    @property
    def stage_label(self) -> str:
        return stage_label(self.stage, self.step)


def stage_label(stage: str, step: str | None) -> str:
    """ "Interview", or "Interview: Technical" for a role's own stage of another name."""
    phase = Stage(stage)
    if step and step.casefold() != phase.label.casefold():
        return f"{phase.label}: {step}"
    return phase.label


def info_of(session: Session, application: Application) -> ApplicationInfo:
    assert application.id is not None
    role = session.get(Role, application.role_id)
    rows = role_stages.rows_of(session, application.role_id)
    here = role_stages.resolved_id(rows, application)
    row = next((r for r in rows if r.id == here), None)
    role_skills = session.exec(
        select(RoleSkill)
        .where(RoleSkill.role_id == application.role_id)
        .order_by(col(RoleSkill.position))
    ).all()
    skills = session.exec(
        select(CandidateSkill.skill).where(CandidateSkill.candidate_id == application.candidate_id)
    ).all()
    result = match(
        skills,
        [s.skill for s in role_skills if s.importance == "must"],
        [s.skill for s in role_skills if s.importance == "nice"],
    )
    return ApplicationInfo(
        id=application.id,
        candidate_id=application.candidate_id,
        role_id=application.role_id,
        role_title=role.title if role else "",
        stage=application.stage,
        closed_reason=application.closed_reason,
        applied_at=application.applied_at,
        updated_at=application.updated_at,
        match=result,
        step=row.name if row else None,
        step_position=row.position if row else 0,
        version=application.version,
    )


def moved_meanwhile(session: Session, application: Application) -> versions.Describe:
    """Words for a move refused because the application moved since it was shown."""

    def describe() -> str:
        assert application.id is not None
        who, at = versions.last_change(session, "application", application.id, ("move",))
        candidate = session.get(Candidate, application.candidate_id)
        name = candidate.name if candidate else "the candidate"
        where = stage_label(application.stage, role_stages.step_name(session, application))
        return versions.meanwhile(who, f"moved {name} to {where}", at)

    return describe
