"""The candidate table: filtered, sorted and paged in SQL, so 50,000 rows stay quick."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, func, literal
from sqlalchemy import select as sql_select
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from hiring_desk.domain.vocab import Source, Stage
from hiring_desk.store import Workbook, search
from hiring_desk.store.models import (
    Application,
    Candidate,
    CandidateSkill,
    CandidateTag,
    Interview,
    Role,
    RoleStage,
    Scorecard,
    ScorecardRating,
)


class SortKey(StrEnum):
    NAME = "name"
    EMAIL = "email"
    STAGE = "stage"
    ROLE = "role"
    SOURCE = "source"
    LOCATION = "location"
    APPLIED = "applied"
    MATCH = "match"
    SCORE = "score"  # the mean scorecard rating of the application shown


@dataclass(frozen=True)
class CandidateFilter:
    role_id: int | None = None
    stage: str | None = None
    source: str | None = None
    tag: str | None = None
    skill: str | None = None
    search: str = ""
    min_match: int | None = None  # only applications whose match score is at least this


@dataclass(frozen=True)
class CandidateRow:
    id: int
    name: str
    email: str
    location: str
    source: str
    stage: str | None
    role_title: str | None
    applied_at: datetime | None
    application_id: int | None = None  # the application shown (the role's, or the latest)
    match_score: int | None = None  # of that application; None: the role lists no skills
    role_id: int | None = None  # of that application
    step: str | None = None  # the role's own stage it is at, if the role has its own

    @property
    def stage_label(self) -> str:
        if self.step:
            return self.step
        return Stage(self.stage).label if self.stage else ""

    @property
    def source_label(self) -> str:
        return (
            Source(self.source).label if self.source in Source._value2member_map_ else self.source
        )


_STAGE_ORDER = {stage.value: index for index, stage in enumerate(Stage)}


def count_rows(workbook: Workbook, flt: CandidateFilter) -> int:
    statement = _base(flt)
    with workbook.transaction() as session:
        return int(session.exec(select(func.count()).select_from(statement.subquery())).one())


def fetch_rows(
    workbook: Workbook,
    flt: CandidateFilter,
    sort: SortKey = SortKey.NAME,
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[CandidateRow]:
    """One page of the table, sorted in SQL (ties broken by id)."""
    statement = _base(flt)
    key = _sort_column(sort, flt)
    order = key.desc() if descending else key.asc()
    statement = statement.order_by(order, col(Candidate.id)).offset(offset).limit(limit)
    with workbook.transaction() as session:
        found = session.execute(statement).all()
        step_ids = {row[-1] for row in found if row[-1] is not None}
        steps: dict[int, str] = {}
        if step_ids:
            named = select(RoleStage.id, RoleStage.name).where(col(RoleStage.id).in_(step_ids))
            steps = {int(i): str(n) for i, n in session.exec(named) if i is not None}
        return [
            CandidateRow(
                id=cid,
                name=name,
                email=email,
                location=location,
                source=source,
                stage=stage,
                role_title=title,
                applied_at=applied,
                application_id=application_id,
                match_score=score,
                role_id=role_id,
                step=steps.get(step_id) if step_id is not None else None,
            )
            for (
                cid,
                name,
                email,
                location,
                source,
                stage,
                title,
                applied,
                application_id,
                score,
                role_id,
                step_id,
            ) in found
        ]


def _make_latest_application_id() -> Any:
    """The newest application of the candidate in the row (a correlated subquery).

    Looked up per row through the index on ``application.candidate_id``, so a page
    sorted by a candidate column reads only the rows it shows, instead of grouping
    every application of the workbook first. Built once, at import: the expression
    never changes, and building it (an alias, adapted columns) took as long as the
    query itself.
    """
    latest = aliased(Application)
    return (
        select(func.max(col(latest.id)))
        .where(col(latest.candidate_id) == col(Candidate.id))
        .correlate(Candidate)
        .scalar_subquery()
    )


_LATEST_APPLICATION_ID = _make_latest_application_id()


def _base(flt: CandidateFilter) -> Any:
    columns = (
        col(Candidate.id),
        col(Candidate.name),
        col(Candidate.email),
        col(Candidate.location),
        col(Candidate.source),
        col(Application.stage),
        col(Role.title),
        col(Application.applied_at),
        col(Application.id),
        col(Application.match_score),
        col(Application.role_id),
        col(Application.role_stage_id),
    )
    statement: Any
    if flt.role_id is not None:  # the application for the chosen role
        statement = (
            sql_select(*columns)
            .join(Application, col(Application.candidate_id) == col(Candidate.id))
            .join(Role, col(Role.id) == col(Application.role_id))
            .where(col(Application.role_id) == flt.role_id)
        )
    else:  # the latest application, if any
        statement = (
            sql_select(*columns)
            .select_from(Candidate)
            .outerjoin(Application, col(Application.id) == _LATEST_APPLICATION_ID)
            .outerjoin(Role, col(Role.id) == col(Application.role_id))
        )
    conditions: list[ColumnElement[bool]] = []
    if flt.stage:
        conditions.append(col(Application.stage) == flt.stage)
    if flt.source:
        conditions.append(col(Candidate.source) == flt.source)
    if flt.min_match is not None:
        conditions.append(col(Application.match_score) >= flt.min_match)
    if flt.tag:
        conditions.append(
            col(Candidate.id).in_(
                select(CandidateTag.candidate_id).where(
                    func.lower(CandidateTag.tag) == flt.tag.lower()
                )
            )
        )
    if flt.skill:
        conditions.append(
            col(Candidate.id).in_(
                select(CandidateSkill.candidate_id).where(
                    func.lower(CandidateSkill.skill) == flt.skill.lower()
                )
            )
        )
    if flt.search.strip():
        clause = search.matching_ids_clause(flt.search)
        conditions.append(clause if clause is not None else literal(False))
    return statement.where(*conditions) if conditions else statement


def _sort_column(sort: SortKey, flt: CandidateFilter) -> Any:
    if sort is SortKey.EMAIL:
        return func.lower(col(Candidate.email))
    if sort is SortKey.STAGE:
        from sqlalchemy import case

        return case(_STAGE_ORDER, value=col(Application.stage), else_=len(_STAGE_ORDER))
    if sort is SortKey.ROLE:
        return func.lower(col(Role.title))
    if sort is SortKey.SOURCE:
        return col(Candidate.source)
    if sort is SortKey.LOCATION:
        return func.lower(col(Candidate.location))
    if sort is SortKey.APPLIED:
        return col(Application.applied_at)
    if sort is SortKey.SCORE:
        mean_rating = (
            sql_select(func.avg(col(ScorecardRating.rating)))
            .join(Scorecard, col(Scorecard.id) == col(ScorecardRating.scorecard_id))
            .join(Interview, col(Interview.id) == col(Scorecard.interview_id))
            .where(col(Interview.application_id) == col(Application.id))
            .scalar_subquery()
        )
        return func.coalesce(mean_rating, -1)
    if sort is SortKey.MATCH:
        # No score (no application, or a role without skills) sorts below 0.
        return func.coalesce(col(Application.match_score), -1)
    return col(Candidate.sort_name)
