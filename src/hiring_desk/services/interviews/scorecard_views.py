"""Reading scorecards into the frozen views the panel, the dialog and the printed pack use.

Part of the scorecards service (``scorecards.py`` is the entry point); these helpers
run inside the caller's session and read many interviews at a time, so a detail
panel costs a fixed number of queries however many interviews there are. The view
types live with the documents (``documents.scorecard_views``), which print them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from hiring_desk.documents.scorecard_views import Interviewer, RatingView, ScorecardView
from hiring_desk.store.models import InterviewInterviewer, Scorecard, ScorecardRating, TeamMember

__all__ = [
    "FORMER_MEMBER",
    "as_utc",
    "interviewers_of",
    "scorecard_views",
    "split_competencies",
]

#: Shown for a scorecard whose author was removed from the team.
FORMER_MEMBER = "(former team member)"


def as_utc(value: datetime) -> datetime:
    """A stored timestamp as an aware UTC datetime (SQLite hands them back naive)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def split_competencies(text: str) -> list[str]:
    """A round's comma-separated competency keys, without blanks or repeats."""
    keys: list[str] = []
    for part in text.split(","):
        key = part.strip()
        if key and key not in keys:
            keys.append(key)
    return keys


def interviewers_of(
    session: Session, interview_ids: Sequence[int]
) -> dict[int, tuple[Interviewer, ...]]:
    """Interview id -> its interviewers, by name."""
    if not interview_ids:
        return {}
    rows = session.exec(
        select(InterviewInterviewer.interview_id, TeamMember.id, TeamMember.name)
        .join(TeamMember, col(TeamMember.id) == InterviewInterviewer.member_id)
        .where(col(InterviewInterviewer.interview_id).in_(interview_ids))
    ).all()
    found: dict[int, list[Interviewer]] = {}
    for interview_id, member_id, name in rows:
        found.setdefault(interview_id, []).append(Interviewer(member_id or 0, name))
    return {
        key: tuple(sorted(members, key=lambda m: (m.name.casefold(), m.id)))
        for key, members in found.items()
    }


def scorecard_views(session: Session, interview_ids: Sequence[int]) -> list[ScorecardView]:
    """The scorecards of some interviews, oldest first, with their ratings (two queries)."""
    if not interview_ids:
        return []
    cards = session.exec(
        select(Scorecard, TeamMember.name)
        .outerjoin(TeamMember, col(TeamMember.id) == Scorecard.interviewer_id)
        .where(col(Scorecard.interview_id).in_(interview_ids))
        .order_by(col(Scorecard.submitted_at), col(Scorecard.id))
    ).all()
    ratings: dict[int, list[RatingView]] = {}
    if cards:
        for row in session.exec(
            select(ScorecardRating)
            .where(col(ScorecardRating.scorecard_id).in_([card.id for card, _ in cards]))
            .order_by(col(ScorecardRating.id))
        ):
            ratings.setdefault(row.scorecard_id, []).append(
                RatingView(row.competency, row.rating, row.note)
            )
    return [
        ScorecardView(
            id=card.id or 0,
            interview_id=card.interview_id,
            interviewer_id=card.interviewer_id,
            interviewer_name=name or FORMER_MEMBER,
            recommendation=card.recommendation,
            notes=card.notes,
            submitted_at=as_utc(card.submitted_at),
            ratings=tuple(ratings.get(card.id or 0, ())),
        )
        for card, name in cards
    ]
