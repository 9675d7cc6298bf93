"""Roles (requisitions), their skills, job descriptions and user templates."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from hiring_desk.store.models._base import utcnow


class Role(SQLModel, table=True):
    """A requisition: the brief for one job to fill. Money is in minor units."""

    __tablename__ = "role"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(index=True)
    template_key: str | None = None
    seniority: str = "mid"
    employment_type: str = "full_time"
    work_mode: str = "on_site"
    location: str = ""
    headcount: int = 1
    start_by: date | None = None
    project: str = ""
    project_duration: str = ""
    salary_min_minor: int | None = None
    salary_max_minor: int | None = None
    salary_currency: str = "EUR"
    salary_period: str = "year"
    hiring_manager_id: int | None = Field(
        default=None, foreign_key="team_member.id", ondelete="SET NULL"
    )
    target_date: date | None = None
    education: str = ""
    min_years_experience: int | None = None
    status: str = Field(default="draft", index=True)
    notes: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class RoleSkill(SQLModel, table=True):
    """A skill a role asks for, must-have or nice-to-have."""

    __tablename__ = "role_skill"
    __table_args__ = (UniqueConstraint("role_id", "skill"),)

    id: int | None = Field(default=None, primary_key=True)
    role_id: int = Field(foreign_key="role.id", ondelete="CASCADE", index=True)
    skill: str
    importance: str = "must"
    level: str = ""
    position: int = 0


class RoleStage(SQLModel, table=True):
    """One of a role's own stages, inside a phase of the fixed pipeline.

    ``phase`` is a ``Stage`` value of the pipeline; ``position`` orders the
    stages of one phase. A role without rows has one stage per phase.
    """

    __tablename__ = "role_stage"

    id: int | None = Field(default=None, primary_key=True)
    role_id: int = Field(foreign_key="role.id", ondelete="CASCADE", index=True)
    phase: str
    name: str
    position: int = 0
    hidden: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class JobDescription(SQLModel, table=True):
    """One saved version of a role's job description."""

    __tablename__ = "job_description"
    __table_args__ = (UniqueConstraint("role_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    role_id: int = Field(foreign_key="role.id", ondelete="CASCADE", index=True)
    version: int
    template_key: str | None = None
    title: str = ""
    body: str = ""
    note: str = ""
    created_by_id: int | None = Field(
        default=None, foreign_key="team_member.id", ondelete="SET NULL"
    )
    created_at: datetime = Field(default_factory=utcnow)


class UserTemplate(SQLModel, table=True):
    """A template the user saved or imported (job description or offer letter)."""

    __tablename__ = "user_template"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True)
    name: str
    content: str = ""
    based_on: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
