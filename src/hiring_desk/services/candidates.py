"""Candidates. This version lists them; editing arrives with the Candidates area."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import col, select

from hiring_desk.domain.vocab import Source, Stage
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Candidate, Role


@dataclass(frozen=True)
class CandidateSummary:
    id: int
    name: str
    email: str
    stage: str | None
    role_title: str | None
    source: str
    location: str

    @property
    def stage_label(self) -> str:
        return Stage(self.stage).label if self.stage else ""

    @property
    def source_label(self) -> str:
        return Source(self.source).label


def list_candidates(workbook: Workbook) -> list[CandidateSummary]:
    """Every candidate with the stage and role of their latest application."""
    latest = (
        select(
            Application.candidate_id,
            func.max(Application.id).label("application_id"),
        )
        .group_by(col(Application.candidate_id))
        .subquery()
    )
    statement = (
        select(Candidate, col(Application.stage), col(Role.title))
        .outerjoin(latest, latest.c.candidate_id == col(Candidate.id))
        .outerjoin(Application, col(Application.id) == latest.c.application_id)
        .outerjoin(Role, col(Role.id) == Application.role_id)
    )
    with workbook.transaction() as session:
        rows = [
            CandidateSummary(
                id=c.id or 0,
                name=c.name,
                email=c.email,
                stage=stage,
                role_title=title,
                source=c.source,
                location=c.location,
            )
            for c, stage, title in session.exec(statement)
        ]
    # Sorted here: SQLite's lower() leaves non-ASCII letters alone.
    return sorted(rows, key=lambda r: (r.name.casefold(), r.id))
