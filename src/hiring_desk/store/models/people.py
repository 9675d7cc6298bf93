"""The people who hire, and the company they hire for."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from hiring_desk.store.models._base import utcnow


class TeamMember(SQLModel, table=True):
    """Someone in the company who hires, interviews, approves or signs."""

    __tablename__ = "team_member"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    title: str = ""
    email: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    #: On a team workbook: the person's PostgreSQL login (None: they do not sign in).
    login: str | None = Field(default=None, unique=True, index=True)
    #: What they may do there (``store.access.ROLES``); "" without a login.
    access_role: str = ""
    #: When they were removed from the team (their login disabled, their history kept).
    removed_at: datetime | None = None


class CompanyProfile(SQLModel, table=True):
    """The one company a workbook hires for (a single row, id 1)."""

    __tablename__ = "company_profile"

    id: int | None = Field(default=None, primary_key=True)
    name: str = ""
    address: str = ""
    logo: bytes | None = None
    logo_mime: str | None = None
    signatory_id: int | None = Field(
        default=None, foreign_key="team_member.id", ondelete="SET NULL"
    )
    default_currency: str = "EUR"
    locale: str = "en_GB"
    updated_at: datetime = Field(default_factory=utcnow)


class WorkbookSetting(SQLModel, table=True):
    """A small key/value store for workbook-wide settings (retention period, ...)."""

    __tablename__ = "workbook_setting"

    key: str = Field(primary_key=True)
    value: str = ""


class AuditEvent(SQLModel, table=True):
    """Who changed what, and when."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = ""
    member_id: int | None = Field(
        default=None, foreign_key="team_member.id", ondelete="SET NULL"
    )  # the team member who acted
    action: str
    entity: str
    entity_id: int | None = None
    detail: str = ""
    #: The login that made the change on a team workbook (set by the server); "" in a file.
    login: str = ""
