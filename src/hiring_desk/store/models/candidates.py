"""Candidates, their files, and their applications to roles."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from hiring_desk.store.models._base import utcnow, version_field

#: A candidate's contact details, in the order of their columns.
CONTACT_FIELDS = (
    "email",
    "phone",
    "location",
    "postal_address",
    "linkedin_url",
    "github_url",
    "portfolio_url",
)


class Candidate(SQLModel, table=True):
    """A person who applied. Personal data: see the privacy service."""

    __tablename__ = "candidate"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    #: ``name`` folded for sorting; kept up to date by ``store.search``.
    sort_name: str = Field(default="", index=True)
    email: str = Field(default="", index=True)
    phone: str = ""
    location: str = ""
    postal_address: str = ""
    linkedin_url: str = ""
    github_url: str = ""
    portfolio_url: str = ""
    source: str = "other"
    current_title: str = ""
    years_experience: int | None = None
    salary_expectation_minor: int | None = None
    #: The upper end when the expectation is a range (65,000-75,000); None for one amount.
    salary_expectation_max_minor: int | None = None
    salary_currency: str | None = None
    salary_period: str = "year"
    notice_weeks: int | None = None
    work_mode_preference: str | None = None
    notes: str = ""
    consent_at: datetime | None = None  # when consent to keep the data was given
    consent_method: str = ""  # how: by email, on a form, in a call...
    consent_until: date | None = None  # the day it ends
    erased_at: datetime | None = Field(default=None, index=True)  # personal data erased
    retain_until: date | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class CandidateSkill(SQLModel, table=True):
    __tablename__ = "candidate_skill"
    __table_args__ = (UniqueConstraint("candidate_id", "skill"),)

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", ondelete="CASCADE", index=True)
    skill: str = Field(index=True)


class CandidateTag(SQLModel, table=True):
    __tablename__ = "candidate_tag"
    __table_args__ = (UniqueConstraint("candidate_id", "tag"),)

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", ondelete="CASCADE", index=True)
    tag: str = Field(index=True)


class Attachment(SQLModel, table=True):
    """A file (a CV, a portfolio) stored inside the workbook, with its text for search."""

    __tablename__ = "attachment"

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", ondelete="CASCADE", index=True)
    filename: str
    mime: str
    size: int
    sha256: str
    content: bytes
    text: str = ""
    #: Why ``text`` was not read ("" when it was): the document went over a limit.
    unread_reason: str = ""
    kind: str = "cv"
    added_at: datetime = Field(default_factory=utcnow)


class RejectionReason(SQLModel, table=True):
    """An entry of the editable list of reasons for closing an application."""

    __tablename__ = "rejection_reason"

    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(unique=True)
    position: int = 0


class Application(SQLModel, table=True):
    """One candidate for one role, and where they stand."""

    __tablename__ = "application"
    __table_args__ = (UniqueConstraint("candidate_id", "role_id"),)

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", ondelete="CASCADE", index=True)
    role_id: int = Field(foreign_key="role.id", ondelete="CASCADE", index=True)
    stage: str = Field(default="applied", index=True)
    #: How well the candidate's skills cover the role's (0-100; None: the role
    #: lists no skills). Kept up to date by ``services.match_scores``.
    match_score: int | None = Field(default=None, index=True)
    #: The role's own stage the application is at, inside ``stage`` (its phase);
    #: None: the phase's first stage (always None for a role without its own stages).
    #: The workbook's column says ON DELETE SET NULL inline (revision 0008), which
    #: SQLAlchemy's reflection cannot read back, so the model leaves it unsaid.
    role_stage_id: int | None = Field(
        default=None, foreign_key="role_stage.id", ondelete="SET NULL", index=True
    )
    closed_reason: str = ""
    applied_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    #: One more at each stage move (see ``version_field``).
    version: int = version_field()


class StageEvent(SQLModel, table=True):
    """One move of an application from a stage to another."""

    __tablename__ = "stage_event"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", ondelete="CASCADE", index=True)
    from_stage: str | None = None
    to_stage: str
    #: The role's own stage names at the move (None: the phase itself); kept as
    #: they were, so renaming or removing a stage later leaves the history alone.
    from_step: str | None = None
    to_step: str | None = None
    at: datetime = Field(default_factory=utcnow)
    by_member_id: int | None = Field(
        default=None, foreign_key="team_member.id", ondelete="SET NULL"
    )
    note: str = ""
