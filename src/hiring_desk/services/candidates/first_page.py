"""The candidate table's first page for the window's start-up, without SQLAlchemy.

``first_page(path)`` gives the rows that ``candidate_table.fetch_rows`` gives with no
filter and the default sort, with their scorecards added up as
``scorecard_aggregates.aggregates_for_applications`` does, read by
``store.first_page`` with the standard library's ``sqlite3``. The window shows them
while the services and the workbook's opening load; the real page then takes over.
Importing this module loads neither SQLAlchemy nor SQLModel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from hiring_desk.domain.scoring import EMPTY, Aggregate, ScorecardScores, aggregate
from hiring_desk.domain.vocab import Source, Stage
from hiring_desk.store.first_page import read_first_page

PAGE_SIZE = 200
DEFAULT_LOCALE = "en_GB"  # as ``CandidateTableModel`` before a workbook names its own


@dataclass(frozen=True)
class FirstPageRow:
    """A row as ``candidate_table.CandidateRow`` holds it (same fields, same labels)."""

    id: int
    name: str
    email: str
    location: str
    source: str
    stage: str | None
    role_title: str | None
    applied_at: datetime | None
    application_id: int | None = None
    match_score: int | None = None
    role_id: int | None = None
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


@dataclass(frozen=True)
class FirstPage:
    """The first rows by name, each shown application's scorecards, the company locale."""

    rows: list[FirstPageRow]
    scores: dict[int, Aggregate] = field(default_factory=dict)  # application id -> cards
    locale: str = DEFAULT_LOCALE


def first_page(path: Path, limit: int = PAGE_SIZE) -> FirstPage | None:
    """The workbook's first page of candidates, or None when the file cannot be read
    that way (missing, not a workbook, damaged, another schema): the full opening
    then says what is wrong. Never writes to the file."""
    found = read_first_page(path, limit)
    if found is None:
        return None
    try:
        rows = [_row(values) for values in found.rows]
        scores = _scores(found.scorecards, [r.application_id for r in rows if r.application_id])
    except (TypeError, ValueError):  # a value this version would not have written
        return None
    return FirstPage(rows, scores, found.locale or DEFAULT_LOCALE)


def _row(values: tuple[object, ...]) -> FirstPageRow:
    (cid, name, email, location, source, stage, title, applied, app_id, score, role_id, step) = (
        values
    )
    return FirstPageRow(
        id=int(cid),  # type: ignore[call-overload]
        name=str(name),
        email=str(email),
        location=str(location),
        source=str(source),
        stage=None if stage is None else str(stage),
        role_title=None if title is None else str(title),
        applied_at=None if applied is None else _moment(str(applied)),
        application_id=app_id,  # type: ignore[arg-type]
        match_score=score,  # type: ignore[arg-type]
        role_id=role_id,  # type: ignore[arg-type]
        step=None if step is None else str(step),
    )


def _moment(stored: str) -> datetime:
    """A timestamp as the store reads it: stored without its zone, which is UTC."""
    moment = datetime.fromisoformat(stored)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _scores(
    rows: list[tuple[int, int, str, str | None, int | None]], application_ids: list[int]
) -> dict[int, Aggregate]:
    """As ``scorecard_aggregates._aggregates``: application id -> its scorecards."""
    cards: dict[int, dict[int, tuple[str, dict[str, int]]]] = {}
    for owner_id, card_id, recommendation, competency, rating in rows:
        _recommendation, ratings = cards.setdefault(owner_id, {}).setdefault(
            card_id, (recommendation, {})
        )
        if competency is not None:
            ratings[competency] = rating  # type: ignore[assignment]
    return {
        owner_id: aggregate(
            ScorecardScores(ratings=ratings, recommendation=recommendation)
            for recommendation, ratings in cards[owner_id].values()
        )
        if owner_id in cards
        else EMPTY
        for owner_id in dict.fromkeys(application_ids)
    }
