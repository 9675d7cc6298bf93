"""Scorecards as plain values: what an interview's scorecards say, for the screen and paper.

The scorecards service builds these (``services.scorecard_views``) and hands them
to the window's panel and dialog; the printed interview pack lists a candidate's
earlier scorecards from the same values. Nothing here reads the workbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hiring_desk.domain.competencies import competency_label, rating_anchor
from hiring_desk.domain.scoring import Aggregate, ScorecardScores, aggregate
from hiring_desk.domain.vocab import InterviewStatus, Recommendation

__all__ = ["InterviewScorecards", "Interviewer", "RatingView", "ScorecardView"]


@dataclass(frozen=True)
class RatingView:
    competency: str
    rating: int
    note: str

    @property
    def label(self) -> str:
        return competency_label(self.competency)

    @property
    def anchor_name(self) -> str:
        """The anchor's name: "Solid" for 3."""
        return rating_anchor(self.rating).name


@dataclass(frozen=True)
class ScorecardView:
    id: int
    interview_id: int
    interviewer_id: int | None
    interviewer_name: str
    recommendation: str
    notes: str
    submitted_at: datetime  # aware, UTC
    ratings: tuple[RatingView, ...]  # in the order they were saved

    @property
    def recommendation_label(self) -> str:
        return Recommendation(self.recommendation).label

    @property
    def scores(self) -> ScorecardScores:
        return ScorecardScores(
            ratings={r.competency: r.rating for r in self.ratings},
            recommendation=self.recommendation,
        )

    def rating_of(self, competency: str) -> RatingView | None:
        return next((r for r in self.ratings if r.competency == competency), None)


@dataclass(frozen=True)
class Interviewer:
    id: int
    name: str


@dataclass(frozen=True)
class InterviewScorecards:
    """One interview of an application and the scorecards its interviewers wrote."""

    interview_id: int
    round_name: str
    starts_at: datetime  # aware, UTC
    timezone: str
    status: str  # an InterviewStatus value
    interviewers: tuple[Interviewer, ...]
    scorecards: tuple[ScorecardView, ...]

    @property
    def status_label(self) -> str:
        return InterviewStatus(self.status).label

    @property
    def pending(self) -> tuple[Interviewer, ...]:
        """The interviewers who have not written their scorecard."""
        written = {card.interviewer_id for card in self.scorecards}
        return tuple(m for m in self.interviewers if m.id not in written)

    @property
    def aggregate(self) -> Aggregate:
        return aggregate(card.scores for card in self.scorecards)
