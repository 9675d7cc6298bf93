"""Scorecard aggregates for tables: one query for a whole page of applications or candidates.

Part of the scorecards service (import these from ``services.scorecards``). The rows
of every scorecard rating of the page come back in one SELECT; ``domain.scoring``
adds them up. Ids are sent in batches of :data:`IDS_PER_QUERY`, so a page of the
candidate table (200 rows) is always one query, and any number of ids still works.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from hiring_desk.domain.scoring import EMPTY, Aggregate, ScorecardScores, aggregate
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Interview, Scorecard, ScorecardRating

#: Ids per query: well under SQLite's oldest limit of 999 bound parameters.
IDS_PER_QUERY = 900


def aggregate_for_application(workbook: Workbook, application_id: int) -> Aggregate:
    """The aggregate of every scorecard of one application (EMPTY when there are none)."""
    return aggregates_for_applications(workbook, [application_id])[application_id]


def aggregates_for_applications(
    workbook: Workbook, application_ids: Iterable[int]
) -> dict[int, Aggregate]:
    """Application id -> aggregate, for every id asked for (EMPTY when it has none)."""
    ids = list(dict.fromkeys(application_ids))
    statement = _rating_rows(col(Interview.application_id))
    return _aggregates(workbook, ids, statement, col(Interview.application_id))


def aggregates_for_candidates(
    workbook: Workbook, candidate_ids: Iterable[int], role_id: int | None = None
) -> dict[int, Aggregate]:
    """Candidate id -> aggregate over all their applications, or over ``role_id``'s only."""
    ids = list(dict.fromkeys(candidate_ids))
    statement = _rating_rows(col(Application.candidate_id)).join(
        Application, col(Application.id) == col(Interview.application_id)
    )
    if role_id is not None:
        statement = statement.where(col(Application.role_id) == role_id)
    return _aggregates(workbook, ids, statement, col(Application.candidate_id))


def _rating_rows(owner: Any) -> Any:
    """owner id, scorecard id, recommendation, competency, rating (None: no ratings)."""
    return (
        select(
            owner,
            col(Scorecard.id),
            col(Scorecard.recommendation),
            col(ScorecardRating.competency),
            col(ScorecardRating.rating),
        )
        .select_from(Scorecard)
        .join(Interview, col(Interview.id) == col(Scorecard.interview_id))
        .outerjoin(ScorecardRating, col(ScorecardRating.scorecard_id) == col(Scorecard.id))
    )


def _aggregates(
    workbook: Workbook, ids: list[int], statement: Any, owner: Any
) -> dict[int, Aggregate]:
    # owner id -> scorecard id -> (recommendation, {competency: rating})
    cards: dict[int, dict[int, tuple[str, dict[str, int]]]] = {}
    with workbook.transaction() as session:
        for start in range(0, len(ids), IDS_PER_QUERY):
            batch = ids[start : start + IDS_PER_QUERY]
            for owner_id, card_id, recommendation, competency, rating in session.execute(
                statement.where(owner.in_(batch))
            ):
                _recommendation, ratings = cards.setdefault(owner_id, {}).setdefault(
                    card_id, (recommendation, {})
                )
                if competency is not None:
                    ratings[competency] = rating
    return {
        owner_id: aggregate(
            ScorecardScores(ratings=ratings, recommendation=recommendation)
            for recommendation, ratings in cards[owner_id].values()
        )
        if owner_id in cards
        else EMPTY
        for owner_id in ids
    }
