"""The board of one role: its applications grouped by stage, as cards.

One column per shown stage of the role (``role_stages``): its own stages inside
their phases, then Hired, Rejected and Withdrawn. A hidden stage still gets a
column while applications are at it, so no card is ever out of sight.

The whole board is read in a fixed number of queries, whatever its size: the
applications with their candidates, when each reached its stage, the interviews
(with how many interviewers and scorecards each has) and the scorecards' ratings,
each one query for the role (never one per card).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction

import sqlalchemy as sa
from sqlmodel import Session, col, func, select
from sqlmodel.sql.expression import SelectOfScalar

from hiring_desk import clock
from hiring_desk.domain.scoring import format_mean
from hiring_desk.domain.vocab import InterviewStatus, Stage
from hiring_desk.services.common.time_zones import as_utc
from hiring_desk.services.pipeline.role_stages import (
    resolved_step,
    rows_of,
    stages_in_session,
    step_key,
)
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Candidate,
    Interview,
    InterviewInterviewer,
    Scorecard,
    ScorecardRating,
    StageEvent,
)


@dataclass(frozen=True)
class InterviewState:
    """Where an application's interviews stand.

    ``next_at``: the start (UTC) of the next interview still to come, or None.
    ``held``: interviews already held (done, or scheduled in the past; not cancelled).
    ``scorecards``: scorecards in for those; ``expected``: their interviewers, so
    one scorecard each is expected (0 when no interviewer was named).
    """

    next_at: datetime | None = None
    held: int = 0
    scorecards: int = 0
    expected: int = 0


NO_INTERVIEW = InterviewState()


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
    interviews: InterviewState = field(default=NO_INTERVIEW)
    #: The mean of every scorecard rating (1-4) as shown ("3.7"); "" when none.
    scorecard_mean: str = ""
    #: The application's version as read (a drag passes it as ``expected_version``).
    version: int = 1


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
        applications = session.execute(
            sa.select(
                col(Application.id),
                col(Application.candidate_id),
                col(Application.stage),
                col(Application.role_stage_id),
                col(Application.match_score),
                col(Application.applied_at),
                col(Candidate.name),
                col(Candidate.current_title),
                col(Application.version),
            )
            .join(Candidate, col(Candidate.id) == Application.candidate_id)
            .where(col(Application.role_id) == role_id)
        ).all()
        entered = _stage_entered(session, role_id)
        interviews = _interview_states(session, role_id)
        means = _scorecard_means(session, role_id)
    columns: dict[str, list[Card]] = {stage.key: [] for stage in stages}
    for (
        application_id,
        candidate_id,
        stage,
        step,
        score,
        applied_at,
        name,
        title,
        version,
    ) in applications:
        assert application_id is not None
        key = step_key(Stage(stage), resolved_step(rows, stage, step))
        columns[key].append(
            Card(
                application_id,
                candidate_id,
                name,
                score,
                title,
                days_since(entered.get(application_id) or applied_at),
                interviews.get(application_id, NO_INTERVIEW),
                means.get(application_id, ""),
                version,
            )
        )
    for cards in columns.values():
        cards.sort(key=lambda c: (c.name.casefold(), c.application_id))
    return [
        Column(stage.key, stage.phase, stage.name, columns[stage.key])
        for stage in stages
        if not stage.hidden or columns[stage.key]
    ]


def _of_role(role_id: int) -> SelectOfScalar[int | None]:
    """The ids of the role's applications, as a subquery (no list of ids is sent)."""
    return select(col(Application.id)).where(Application.role_id == role_id)


def _stage_entered(session: Session, role_id: int) -> dict[int, datetime]:
    """Application id -> when it reached its current stage. Every move is a stage
    event, so the newest one is the move into the current stage."""
    return dict(
        session.exec(
            select(StageEvent.application_id, func.max(StageEvent.at))
            .where(col(StageEvent.application_id).in_(_of_role(role_id)))
            .group_by(col(StageEvent.application_id))
        ).all()
    )


def _interview_states(session: Session, role_id: int) -> dict[int, InterviewState]:
    """Application id -> its interviews' state, from one row per interview."""
    interviewers = (
        select(func.count())
        .where(col(InterviewInterviewer.interview_id) == col(Interview.id))
        .scalar_subquery()
    )
    scorecards = (
        select(func.count())
        .where(col(Scorecard.interview_id) == col(Interview.id))
        .scalar_subquery()
    )
    found = session.exec(
        select(Interview.application_id, Interview.starts_at, interviewers, scorecards)
        .where(col(Interview.application_id).in_(_of_role(role_id)))
        .where(col(Interview.status) != InterviewStatus.CANCELLED.value)
    ).all()
    now = clock.now()
    states: dict[int, InterviewState] = {}
    for application_id, starts_at, named, submitted in found:
        state = states.get(application_id, NO_INTERVIEW)
        start = as_utc(starts_at)
        if start >= now:
            soonest = start if state.next_at is None else min(state.next_at, start)
            states[application_id] = InterviewState(
                soonest, state.held, state.scorecards, state.expected
            )
        else:
            states[application_id] = InterviewState(
                state.next_at,
                state.held + 1,
                state.scorecards + submitted,
                state.expected + named,
            )
    return states


def _scorecard_means(session: Session, role_id: int) -> dict[int, str]:
    """Application id -> the mean of all its scorecards' ratings, as shown ("3.7").
    Every rating weighs the same, as in ``domain.scoring``."""
    found = session.exec(
        select(
            Interview.application_id,
            func.sum(ScorecardRating.rating),
            func.count(col(ScorecardRating.id)),
        )
        .join(Scorecard, col(Scorecard.id) == col(ScorecardRating.scorecard_id))
        .join(Interview, col(Interview.id) == col(Scorecard.interview_id))
        .where(col(Interview.application_id).in_(_of_role(role_id)))
        .group_by(col(Interview.application_id))
    ).all()
    return {
        application_id: format_mean(Fraction(total, count))
        for application_id, total, count in found
        if count
    }


def days_since(moment: datetime) -> int:
    """Whole calendar days from ``moment`` (stored in UTC) to today, on this computer's clock."""
    day = as_utc(moment).astimezone().date()
    return max(0, (clock.today() - day).days)
