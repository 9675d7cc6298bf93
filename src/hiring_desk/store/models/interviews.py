"""Interview plans, scheduled interviews and scorecards."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from hiring_desk.store.models._base import utcnow, version_field


class InterviewPlan(SQLModel, table=True):
    """The interview rounds a role uses."""

    __tablename__ = "interview_plan"

    id: int | None = Field(default=None, primary_key=True)
    role_id: int = Field(foreign_key="role.id", ondelete="CASCADE", unique=True)
    updated_at: datetime = Field(default_factory=utcnow)


class InterviewRound(SQLModel, table=True):
    """A round of a plan: phone screen, technical, system design, team fit..."""

    __tablename__ = "interview_round"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="interview_plan.id", ondelete="CASCADE", index=True)
    position: int = 0
    name: str
    duration_minutes: int = 60
    competencies: str = ""  # comma-separated competency keys


class RoundQuestion(SQLModel, table=True):
    """A question asked in a round (copied from the bank or written by the user)."""

    __tablename__ = "round_question"

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="interview_round.id", ondelete="CASCADE", index=True)
    position: int = 0
    competency: str = ""
    text: str
    strong_answer: str = ""
    weak_answer: str = ""
    bank_key: str | None = None


class CustomQuestion(SQLModel, table=True):
    """A question the user added to the question bank."""

    __tablename__ = "custom_question"

    id: int | None = Field(default=None, primary_key=True)
    competency: str = Field(index=True)
    text: str
    strong_answer: str = ""
    weak_answer: str = ""
    seniorities: str = ""  # comma-separated Seniority values
    created_at: datetime = Field(default_factory=utcnow)


class Interview(SQLModel, table=True):
    """One round for one application. ``starts_at`` is UTC; ``timezone`` is IANA."""

    __tablename__ = "interview"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", ondelete="CASCADE", index=True)
    round_id: int | None = Field(
        default=None, foreign_key="interview_round.id", ondelete="SET NULL"
    )
    round_name: str = ""
    starts_at: datetime = Field(index=True)
    timezone: str = "UTC"
    duration_minutes: int = 60
    location: str = ""
    video_link: str = ""
    status: str = "scheduled"
    notes: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class InterviewInterviewer(SQLModel, table=True):
    """A team member taking part in an interview."""

    __tablename__ = "interview_interviewer"

    interview_id: int = Field(foreign_key="interview.id", ondelete="CASCADE", primary_key=True)
    member_id: int = Field(foreign_key="team_member.id", ondelete="CASCADE", primary_key=True)


class Scorecard(SQLModel, table=True):
    """One interviewer's verdict on one interview."""

    __tablename__ = "scorecard"
    __table_args__ = (UniqueConstraint("interview_id", "interviewer_id"),)

    id: int | None = Field(default=None, primary_key=True)
    interview_id: int = Field(foreign_key="interview.id", ondelete="CASCADE", index=True)
    interviewer_id: int | None = Field(
        default=None, foreign_key="team_member.id", ondelete="SET NULL"
    )
    recommendation: str
    notes: str = ""
    submitted_at: datetime = Field(default_factory=utcnow)
    #: One more each time it is saved again (see ``version_field``).
    version: int = version_field()


class ScorecardRating(SQLModel, table=True):
    """A rating of one competency on the fixed 1-4 scale."""

    __tablename__ = "scorecard_rating"
    __table_args__ = (
        UniqueConstraint("scorecard_id", "competency"),
        CheckConstraint("rating BETWEEN 1 AND 4", name="rating_range"),
    )

    id: int | None = Field(default=None, primary_key=True)
    scorecard_id: int = Field(foreign_key="scorecard.id", ondelete="CASCADE", index=True)
    competency: str
    rating: int
    note: str = ""
